"""The source documents: the list of them, a page about each, its full text, and notes that cite
their passages from a page's own words."""
from __future__ import annotations

from macros.data.models import COUNTED, DATASETS, Source
from macros.data.vocabulary import TOPICS
from macros.views import full_text
from macros.views.figures import FIGURES_HEAD, figure_row
from macros.views.markup import escape, table
from macros.views.page import Page, sources_of
from macros.views.registry import macro
from macros.views.statements import dated


@macro(source_id="sources", passages="passages")
def note(page: Page, source_id: str, *passages: str) -> str:
    """For a fact in a page's own words: the notes that open the passages saying it."""
    return "".join(page.cite(source_id, p) for p in passages)


@macro()
def checks_summary(page: Page) -> str:
    """What the build checked against the documents' text, in numbers."""
    c = page.site.checked
    what = [f"{c['quotations']} quotations word for word", *(f"{c[kind]} {kind}" for kind in COUNTED),
            f"{c['dates']} dates"]
    return (f"Each time this site is built, it checks {', '.join(what[:-1])} and {what[-1]} against the "
            f"passages of the documents they come from. If one does not match, the site is not "
            "published until it is put right.")


@macro(shows=("sources",))
def sources_list(page: Page) -> str:
    """The documents this site is built from, oldest first, each linking to its page."""
    rows = ["| Date | Document | Written by | Written for |", "| --- | --- | --- | --- |"]
    for s in sorted(page.site.sources, key=lambda s: s.date.first_day):
        rows.append(f"| {dated(s)} | [{escape(s.title)}]({page.link_to_record(s)}) "
                    f"| {escape(s.body)} | {escape(s.to)} |")
    return table(rows, "The documents this site is built from")


def _written_by(s: Source) -> str:
    return escape(s.body) + (f" ({escape(s.written_by)})" if s.written_by else "")


@macro(source_id="sources")
def document_text(page: Page, source_id: str) -> str:
    """A source document's full text, every heading, paragraph and list item with its anchor."""
    s = page.site.get(Source, source_id)
    page.shows_details(source_id, page.site.documents[source_id].passages[0].id)
    intro = [
        f"This is the full text of “{escape(s.title)}”, written by {_written_by(s)} for {escape(s.to)}, "
        f"dated {dated(s)}. [What this document is and what this site takes from it]"
        f"({page.link_to_record(s)}).", "",
        "Every fact on this site links to the paragraph of a document it comes from. When you "
        "follow one of those links, the paragraph is highlighted.", "",
        "!!! note \"How we made this copy\"", "",
        "    The words are the document's own, in its order, with its spelling and mistakes. "
        "Our copy was taken from the original file as text, so we have put back the "
        "paragraphs, headings and lists that were lost, and written tables as headings and "
        "lists. We have removed officers' e-mail addresses and phone numbers. Our own notes "
        "are marked “Note from this website”." + (f" {escape(s.notes)}" if s.notes else ""), "",
    ]
    return "\n".join(intro) + "\n" + full_text.render(page.site.documents[source_id])


@macro(shows=("sources",), source_id="sources")
def source_page(page: Page, source_id: str) -> str:
    """A page about one source document: what it is, and everything the site takes from it."""
    s = page.site.get(Source, source_id)
    facts = [f"**Date:** {dated(s)}", f"**Written by:** {_written_by(s)}", f"**Written for:** {escape(s.to)}",
             f"**Kind of document:** {'the plan itself' if s.kind == 'plan' else 'a report'}"]
    out = ["\n".join(f"{f}  " for f in facts).rstrip(), "", "## In short", ""]
    out += [escape(p) + "\n" for p in s.summary]
    if s.notes:
        out += ["!!! note \"About our copy of this document\"", "", f"    {escape(s.notes)}", ""]
    out += ["## What this site takes from it", ""]
    used = page.build.records_by_source[source_id]
    for dataset, model in DATASETS.items():
        for label, target in model.shown_on if used.get(dataset) else ():
            out.append(f"- [{label}]({page.link(target)}): {len(used[dataset])} "
                       f"fact{'s' if len(used[dataset]) > 1 else ''}")
    for topic, (called, target) in TOPICS.items():
        events = [e for e in page.site.timeline if e.topic == topic and source_id in sources_of(e)]
        if events:
            out.append(f"- [Dates about {called}]({page.link(target)}): "
                       + "; ".join(escape(e.title) for e in events))
    if used.get("statements"):
        out.append(f"- Quotations and statements: {len(used['statements'])}, shown on the pages "
                   "that use this document")
    if out[-1] == "":  # a report newly added, that no record cites yet
        out.append("Nothing yet: no fact on this site comes from this document.")
    out.append("")
    if used.get("figures"):
        out += ["### Figures from this document", ""]
        rows = FIGURES_HEAD + [figure_row(page, fig) for fig in page.site.figures if fig.source == source_id]
        out.append(table(rows, f"Figures from: {s.short_title}"))
    return "\n".join(out)
