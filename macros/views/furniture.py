"""The site's own pages: what has changed, the open data, the accessibility statement, and
counts for sentences."""
from __future__ import annotations

import posixpath

from macros.data.dates import in_words
from macros.data.models import DATASETS
from macros.outputs import opendata
from macros.views.markup import attr, escape, table
from macros.views.page import Page
from macros.views.record_pages import page_title
from macros.views.registry import macro


@macro(dataset="datasets")
def count(page: Page, dataset: str) -> int:
    """How many records a dataset holds, for sentences like 'the 19 initiatives'."""
    return len(page.site.sets[dataset].records)


@macro(shows=("changes",))
def changes(page: Page) -> str:
    """Changes to the site's content, newest first, each linking to the pages that changed."""
    out = []
    for c in sorted(page.site.changes, key=lambda c: c.date, reverse=True):
        links = ", ".join(f"[{escape(_page_name(page, p))}]({page.link(p)})" for p in c.pages)
        out += [f"## {in_words(c.date)}: {escape(c.title)} {{#{c.id}}}", "", escape(c.text), ""]
        if links:
            out += [f"Pages: {links}.", ""]
    return "\n".join(out)


def _page_name(page: Page, path: str) -> str:
    return str(page_title(page.site, page.site.root / "docs", path) or path)


@macro()
def datasets(page: Page) -> str:
    """The open data index, built to read well on a phone: a short section for each dataset
    with what it holds, when its data file last changed (git), and each of its files with its
    real size (the bytes this build writes), then what each column of its CSV files holds."""
    data = page.open_data or opendata.build(page.site, "")
    def download(path: str, kind: str, what: str = "") -> str:
        size = opendata.file_size(len(data.files[path]))
        return (f"- {page.file_link(path, posixpath.basename(path))}: {kind}, {size}"
                + (f". {what}" if what else ""))

    out = [download(f"data/{opendata.METADATA}", "CSV on the Web metadata (JSON)",
                    "It describes every CSV file below: its title and licence, its columns, what "
                    "each column holds and its type, and how the files link to each other."), ""]
    for name, ds in page.site.sets.items():
        tables = [t for t in data.tables if t.dataset == name]
        changed = page.build.changed.get(f"data/{name}.yml")
        out += [f"### {name.replace('_', ' ').capitalize()} {{#dataset-{name.replace('_', '-')}}}", "",
                f"{escape(DATASETS[name].described)} {len(ds.records)} records. Last changed: "
                f"{in_words(changed) if changed else 'not known'}.", ""]
        for t in tables:
            one = t.columns[0]["name"].removesuffix("_id").replace("_", " ")  # "indicator"
            what = ("One row a record." if t.url == f"{name}.csv" else
                    f"{escape(t.description)} One row each ({len(t.rows)} rows), with the {one}'s id.")
            out.append(download(f"data/{t.url}", "spreadsheet (CSV)", what))
        out.append(download(f"data/{name}.json", "JSON, for programmers"))
        if name in opendata.EXTRA_FILES:
            extra = opendata.EXTRA_FILES[name]
            out.append(download(extra.path, extra.kind, extra.what))
        # What each column holds is for reusing the data: search neither finds nor shows it.
        out += ["", f'<details class="dataset-columns" data-search-exclude><summary>What each column holds: '
                f'{name.replace("_", " ")}</summary>']
        for t in tables:
            out.append(f"<p>In {t.url}:</p><dl>" + "".join(
                f'<dt>{attr(c["name"])}</dt><dd>{attr(c["dc:description"])}</dd>' for c in t.columns)
                + "</dl>")
        out += ["</details>", ""]
    return "\n".join(out)


@macro()
def calendar_link(page: Page) -> str:
    """A link to the Trust's meetings as a calendar file (iCalendar), saying which it holds."""
    dated = sorted((m.date, m.planned) for m in page.site.meetings if m.date.precision == "day")
    if not dated:
        return "No meeting in the documents has a day, so there is no calendar file"
    first, last = in_words(dated[0][0]), in_words(dated[-1][0])
    planned = sum(1 for _, p in dated if p)
    span = f"{len(dated)} dates, from {first} to {last}" if len(dated) > 1 else f"one date, {first}"
    if planned == 1:
        span += "; one of them was a meeting planned, and the documents do not say whether it took place"
    elif planned:
        span += f"; {planned} of them were meetings planned, and the documents do not say whether they took place"
    return page.file_link(opendata.EXTRA_FILES["meetings"].path, "The dates of the Trust's meetings and reports "
                          "that the documents give to the day, as a calendar file (iCalendar)") + f": {span}"


@macro(dataset="datasets")
def spreadsheet(page: Page, dataset: str) -> str:
    """A link to one dataset as a spreadsheet file (CSV), for sentences like 'download the list'."""
    return page.file_link(f"data/{dataset}.csv", "spreadsheet (CSV file)")


@macro(shows=("accessibility",))
def accessibility_tests(page: Page) -> str:
    """The accessibility statement's table of how the site was tested."""
    rows = ["| Date | What was tested | How | What we found |", "| --- | --- | --- | --- |"]
    for t in (n for n in page.site.accessibility if n.kind == "test"):
        rows.append(f"| {in_words(t.date)} | {escape(t.text)} | {escape(t.how or '')} "
                    f"| {escape(t.result or '')} |")
    return table(rows, "How this site was tested")


@macro(shows=("accessibility",))
def known_issues(page: Page) -> str:
    """The accessibility problems the site knows of, as a list."""
    return "\n".join(f"- {escape(n.text)}" for n in page.site.accessibility
                     if n.kind == "known-issue") + "\n"


@macro(kind="statement-dates")
def statement_date(page: Page, kind: str) -> str:
    """When the accessibility statement was prepared or last reviewed."""
    dates = [n.date for n in page.site.accessibility if n.kind == kind]
    return in_words(max(dates, key=lambda d: d.first_day))
