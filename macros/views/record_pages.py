"""The pages a record makes. Each piece of the council's work, each report (a page about it and its
full text) and each indicator has its own page, made from its record when the site is built, and
its own entry in the menu, after the page that lists them (the models' `own_pages` and `listed_on`).
An officer adds a record, and its page appears.

To put words of their own on such a page, an officer writes the page's file in docs/ (for example
docs/performance/indicators/send-attainment.md): the site uses that file instead of making the
page, and the check of written pages (macros/checks/written_pages.py) makes sure it shows its
record. Each model's `own_pages` says what its pages are: their paths, titles, descriptions and the
macro that shows the record; BODIES here says what such a page holds. Nothing here needs MkDocs: hooks.py hands
the pages (on_files) and their menu entries (the config's nav) to MkDocs."""
from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from macros.checks.front_matter import REQUIRED, front_matter
from macros.data.checked import CheckedData, records_with_pages
from macros.data.fields import OwnPage, Record
from macros.data.models import DATASETS, Source
from macros.views.markup import escape
from macros.views.registry import MacroError


@dataclass(frozen=True)
class RecordPage:
    src_uri: str  # the page's file, under docs/: council/work/youmove.md
    markdown: str  # the page, when docs/ has no file of that name
    written: bool  # whether docs/ has a file of that name, written by an officer
    data_file: str  # the data file its record is in: the page changes when it does
    reviewed_with: str  # the page that lists it, whose review dates it takes (a record is reviewed in its list)


def _call(macro: str, record: Record) -> str:
    return f"{{{{ {macro}({json.dumps(record.id)}) }}}}"


# The body of each page a record makes, after its front matter, by the macro that shows the record
# there (the model's OwnPage.shown_by): given the page's heading and that macro's call.
BODIES: dict[str, Callable[[str, str, Record], list[str]]] = {
    "document_text": lambda heading, call, record: [heading, "", call],  # a report's full text
    "source_page": lambda heading, call, record: [  # a page about a report, linking to its full text
        heading, "", "[Read the document: the full text, with a link to every paragraph]"
        f"({posixpath.basename(Source.text_page.of(record))}){{ .read-document }}", "", call],
    "indicator_rating": lambda heading, call, record: [
        heading, "", call, "", _call("indicator_page", record), "", "{{ where_to_go_next() }}"],
    "initiative_page": lambda heading, call, record: [call],  # the macro gives the page its heading
}
_unknown = sorted({own.shown_by for kind in DATASETS.values() for own in kind.own_pages} - set(BODIES))
if _unknown:
    raise MacroError(f"record_pages.BODIES has no page for the macro {', '.join(_unknown)}, which a model's "
                     "own_pages names: add one")


def made_page(record: Record, own: OwnPage, review: dict[str, str]) -> str:
    """The Markdown of one made page: front matter (as JSON, which YAML reads as it is: no quoting
    mistakes), then its body."""
    title = own.fill(own.title, record)
    meta: dict[str, Any] = {"title": title, "description": own.fill(own.described, record), **review}
    if own.found_later:
        meta["search"] = {"boost": 0.001}
    lines = ["---", *(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items())]
    body = BODIES[own.shown_by](f"# {escape(title)}", _call(own.shown_by, record), record)
    return "\n".join([*lines, "---", "", *body, ""])


def record_pages(site: CheckedData, docs: Path) -> list[RecordPage]:
    """Every page the records make, in the order of their data files, reviewed with the page that
    lists them (its owner and review dates, the fields every page's front matter needs)."""
    pages, reviews = [], {}
    for name, record, paths in records_with_pages(site.sets):
        kind = DATASETS[name]
        if name not in reviews:
            listing = front_matter(docs / kind.listed_on, f"docs/{kind.listed_on}")
            reviews[name] = {key: str(listing[key]) for key in REQUIRED if key in listing}
        pages += [RecordPage(src_uri, made_page(record, own, reviews[name]), (docs / src_uri).is_file(),
                             site.sets[name].display, kind.listed_on) for own, src_uri in zip(kind.own_pages, paths)]
    return pages


def menu_entries(site: CheckedData) -> dict[str, list[Any]]:
    """The menu entries of the made pages, by the page they follow: a page alone (titled by itself),
    or an entry over a record's first page and those under it (a report's title and date over its
    page and its full text)."""
    entries: dict[str, list[Any]] = {}
    for name, record, paths in records_with_pages(site.sets):
        first, *under = DATASETS[name].own_pages
        listed = entries.setdefault(DATASETS[name].listed_on, [])
        if not under:
            listed.append(paths[0])
        else:
            listed.append({first.fill(first.menu, record): [
                paths[0], *({own.menu: path} for own, path in zip(under, paths[1:]))]})
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


def page_title(site: CheckedData, docs: Path, src_uri: str) -> str | None:
    """The title of a page: written in docs/, or made from its record."""
    if (docs / src_uri).is_file():
        return front_matter(docs / src_uri).get("title")
    return next((own.fill(own.title, record) for name, record, paths in records_with_pages(site.sets)
                 for own, path in zip(DATASETS[name].own_pages, paths) if path == src_uri), None)
