"""The pages a record makes. Each piece of the council's work, each report (a page about it and its
full text) and each indicator has its own page, made from its record when the site is built, and
its own entry in the menu, after the page that lists them (the models' `own_pages` and `listed_on`).
An officer adds a record, and its page appears.

To put words of their own on such a page, an officer writes the page's file in docs/ (for example
docs/performance/indicators/send-attainment.md): the site uses that file instead of making the
page, and the page check makes sure it shows its record. Nothing here needs MkDocs: hooks.py hands
the pages (on_files) and their menu entries (the config's nav) to MkDocs."""
from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.checks.front_matter import front_matter
from macros.data.checked import CheckedData, records_with_pages
from macros.data.loader import join_problems
from macros.data.macro_calls import macro_calls
from macros.data.models import DATASETS, Source
from macros.errors import PageError
from macros.views.markup import escape

REVIEW_FIELDS = ("owner", "last_reviewed", "review_by")  # a made page is reviewed with its list
SOURCE_DESCRIPTION = "What this document is, a summary in plain words, and everything this site takes from it."
TEXT_DESCRIPTION = ("The full text of the document, with a link to every paragraph, so you can check each "
                    "fact on this site.")


@dataclass(frozen=True)
class RecordPage:
    src_uri: str  # the page's file, under docs/: council/work/youmove.md
    markdown: str  # the page, when docs/ has no file of that name
    written: bool  # whether docs/ has a file of that name, written by an officer
    data_file: str  # the data file its record is in: the page changes when it does
    reviewed_with: str  # the page that lists it, whose review dates it takes (a record is reviewed in its list)


def _page(meta: dict[str, Any], body: list[str]) -> str:
    """Front matter (as JSON, which YAML reads as it is: no quoting mistakes) and the body."""
    lines = ["---", *(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items())]
    return "\n".join([*lines, "---", "", *body, ""])


def _made(record: Any, src_uri: str, review: dict[str, Any]) -> str:
    """The Markdown of one made page."""
    call = json.dumps(record.id)
    if src_uri.endswith("/text.md"):  # a report's full text
        title = f"{record.short_title}: the full text"
        meta = {"title": title, "description": TEXT_DESCRIPTION, **review}
        return _page(meta, [f"# {escape(title)}", "", f"{{{{ document_text({call}) }}}}"]).replace(
            "\n---\n", "\nsearch:\n  boost: 0.001\n---\n", 1)  # found, but after the pages explaining it
    if src_uri.startswith("reports/"):
        meta = {"title": record.short_title, "description": SOURCE_DESCRIPTION, **review}
        return _page(meta, [f"# {escape(record.short_title)}", "",
                            "[Read the document: the full text, with a link to every paragraph](text.md)"
                            "{ .read-document }", "", f"{{{{ source_page({call}) }}}}"])
    if src_uri.startswith("performance/"):
        title = f"{record.number}: {record.name}" if record.number else record.name
        meta = {"title": title, "description": f"{record.name}: what it measures, why it matters, its "
                "rating and what was being done.", **review}
        return _page(meta, [f"# {escape(title)}", "", f"{{{{ indicator_rating({call}) }}}}", "",
                            f"{{{{ indicator_page({call}) }}}}", "", "{{ where_to_go_next() }}"])
    meta = {"title": record.name, "description": record.lead, **review}  # a piece of the council's work
    return _page(meta, [f"{{{{ initiative_page({call}) }}}}"])


def record_pages(site: CheckedData, docs: Path) -> list[RecordPage]:
    """Every page the records make, in the order of their data files."""
    pages, reviews = [], {}
    for name, record, paths in records_with_pages(site.sets):
        if name not in reviews:
            listing = front_matter(docs / DATASETS[name].listed_on, f"docs/{DATASETS[name].listed_on}")
            reviews[name] = {key: str(listing[key]) for key in REVIEW_FIELDS if key in listing}
        pages += [RecordPage(src_uri, _made(record, src_uri, reviews[name]), (docs / src_uri).is_file(),
                             site.sets[name].display, DATASETS[name].listed_on) for src_uri in paths]
    return pages


def menu_entries(site: CheckedData) -> dict[str, list[Any]]:
    """The menu entries of the made pages, by the page they follow: a page (titled by itself), or a
    report's title and date over its two pages."""
    entries: dict[str, list[Any]] = {}
    for name, record, paths in records_with_pages(site.sets):
        listed = entries.setdefault(DATASETS[name].listed_on, [])
        if not isinstance(record, Source):
            listed.append(paths[0])
        else:  # a document's page and its full text
            month = record.date.month_year  # "October 2023", unless the title says it
            title = record.title if month in record.title else f"{record.title} ({month})"
            listed.append({title: [paths[0], {"Full text": paths[1]}]})
    return entries


def _paths(entry: Any) -> set[str]:
    """Every page a menu entry leads to."""
    if isinstance(entry, str):
        return {entry}
    if isinstance(entry, dict):
        return set().union(*(_paths(value) for value in entry.values()))
    if isinstance(entry, list):
        return set().union(set(), *(_paths(item) for item in entry))
    return set()


def add_to_menu(nav: list[Any], entries: dict[str, list[Any]]) -> None:
    """Put each made page's entry after the page that lists them, unless the menu has it already."""
    present = _paths(nav)

    def visit(items: list[Any]) -> None:
        for index in range(len(items) - 1, -1, -1):  # from the end, so insertions move nothing unseen
            item = items[index]
            values = list(item.values()) if isinstance(item, dict) else [item]
            for value in values:
                if isinstance(value, list):
                    visit(value)
            if len(values) == 1 and isinstance(values[0], str) and values[0] in entries:
                items[index + 1:index + 1] = [e for e in entries[values[0]] if not _paths(e) & present]
    visit(nav)


def check_written_pages(site: CheckedData, docs: Path) -> None:
    """A page an officer writes in place of a made one is named after a record, shows that record
    (a macro given its id, as the made page does) and has the made page's title, so that its menu
    entry and the data agree. Raises PageError saying what to do."""
    problems = []
    for name, kind in DATASETS.items():
        dataset = site.sets[name]
        records = {record.id: record for record in dataset.records}
        for pattern in kind.own_pages:
            named = re.compile(re.escape(pattern).replace(re.escape("{id}"), "(?P<id>[^/]+)") + "$")
            for path in sorted(docs.glob(pattern.format(id="*"))):
                src_uri = path.relative_to(docs).as_posix()
                if src_uri == kind.listed_on:
                    continue
                found = named.match(src_uri)
                record = records.get(found["id"]) if found else None
                if record is None:
                    close = difflib.get_close_matches(found["id"] if found else "", sorted(records), n=1)
                    problems.append(
                        f"docs/{src_uri}: this page names no record in {dataset.display}. Pages here are "
                        f"named after a record's id, as in docs/{pattern.format(id=next(iter(records), 'its-id'))}."
                        f"{f' Did you mean {close[0]}?' if close else ''} Rename the page, or delete it if the "
                        "record has gone from the data (the site makes each record's page by itself).")
                    continue
                made = _made(record, src_uri, {})
                if not any(call.first == record.id for call in macro_calls(path.read_text(encoding="utf-8"))):
                    shows = next(call.written for call in macro_calls(made) if call.first == record.id)
                    problems.append(
                        f'docs/{src_uri}: this page is about "{record.id}" in {dataset.display}, so it should '
                        f"show it, as the page the site would make does with {shows}) }}}}.")
                try:
                    written = front_matter(path, f"docs/{src_uri}").get("title")
                except PageError as err:
                    problems.append(str(err))
                    continue
                if written != _title(made):
                    problems.append(
                        f'docs/{src_uri}, front matter: the title should be "{_title(made)}", from '
                        f'{dataset.display} (the menu uses it too), but it is "{written}".')
    if problems:
        raise PageError(join_problems(problems))


def page_title(site: CheckedData, docs: Path, src_uri: str) -> str | None:
    """The title of a page: written in docs/, or made from its record."""
    if (docs / src_uri).is_file():
        return front_matter(docs / src_uri).get("title")
    return next((_title(_made(record, src_uri, {})) for _, record, paths in records_with_pages(site.sets)
                 if src_uri in paths), None)


def _title(markdown: str) -> str:
    """The title in a made page's front matter."""
    line = next(line for line in markdown.split("\n") if line.startswith("title: "))
    title: str = json.loads(line[len("title: "):])
    return title
