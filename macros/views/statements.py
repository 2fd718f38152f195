"""Quotations and statements from the documents, and how a document is named and dated."""
from __future__ import annotations

import datetime as dt
from typing import Sequence, TypeVar

from macros.data.dates import in_words
from macros.data.fields import Citation
from macros.data.models import Source, Statement
from macros.views.markup import and_list, escape, quoted, source_name
from macros.views.page import Page
from macros.views.registry import macro
from macros.views.trust import gone_mentioned, still_to_check


def dated(src: Source) -> str:
    """A document's date, and when our copy was updated if that is later."""
    return in_words(src.date) + (f" (our copy was updated in or after {in_words(src.updated)})"
                                 if src.updated else "")


C = TypeVar("C", bound=Citation)


def official(page: Page, items: Sequence[C]) -> tuple[C, list[C]]:
    """The plan's own wording (from the newest document that is a plan) and the others,
    oldest first. A later report that rewords the plan does not amend it."""
    def date(x: C) -> dt.date:
        return page.site.get(Source, x.source).date.first_day
    plans = [x for x in items if page.site.get(Source, x.source).kind == "plan"]
    newest = max(plans, key=date)
    return newest, sorted((x for x in items if x is not newest), key=date)


def statement(page: Page, st: Statement) -> str:
    """A statement with its note, then, for an organisation it mentions that no longer exists,
    that it is gone."""
    body = quoted(st.text) if st.quoted else escape(st.text)
    return body + page.cited(st) + gone_mentioned(page, st.text)


@macro(shows=("statements",), group="statement-groups")
def statement_list(page: Page, group: str, numbered: bool = False, dated: bool = False,
                   paragraphs: bool = False) -> str:
    """A group of statements as a list (or as paragraphs, for text such as the plan's foreword),
    each with its source and its sub-points indented (with dated=true, under the date of the
    document that says them, newest first)."""
    items = page.build.groups[group]
    if dated:
        out = []
        sources = sorted({st.source for st in items}, key=lambda s: page.site.get(Source, s).date.first_day,
                         reverse=True)
        for source in sources:
            src = page.site.get(Source, source)
            out += [f"**{in_words(src.date)}**: {escape(src.body)}'s {src.kind} says:", "",
                    _items([st for st in items if st.source == source], page, numbered, paragraphs), ""]
        return "\n".join(out)
    return _items(items, page, numbered, paragraphs)


def _items(items: list[Statement], page: Page, numbered: bool, paragraphs: bool = False) -> str:
    lines = []
    for i, st in enumerate(items):
        if paragraphs:
            lines += [statement(page, st), ""]
            lines += [f"- {escape(child)}" for child in st.children] + ([""] if st.children else [])
            continue
        lines.append((f"{i + 1}. " if numbered else "- ") + statement(page, st))
        for child in st.children:
            lines.append(f"    - {escape(child)}")
    return "\n".join(lines).rstrip("\n") + "\n"


@macro(shows=("statements",))
def newest_findings(page: Page) -> str:
    """The most serious findings about children in the newest documents (the statements of the
    group newest-findings), under their documents' dates, newest first; it says which documents
    they come from, and says so when the newest document of all gives none."""
    items = page.build.groups["newest-findings"]
    newest = max(page.site.sources, key=lambda s: s.date.first_day)
    cited = sorted({st.source for st in items}, key=lambda s: page.site.get(Source, s).date.first_day, reverse=True)
    by_body: dict[tuple[str, str], list[str]] = {}  # "Oxford City Council's reports of January 2026 and October 2023"
    for s in cited:
        src = page.site.get(Source, s)
        by_body.setdefault((src.body, src.kind), []).append(src.date.month_year)
    said = and_list([f"{escape(body)}'s {kind}{'s' if len(dates) > 1 else ''} of {and_list(dates)}"
                      for (body, kind), dates in by_body.items()])
    opening = [still_to_check(page, "findings"),
               f"The newest document this site uses, {source_name(newest)}, gives no such finding."
               if newest.id not in cited and "findings" in newest.read_for else "",
               f"These findings about children in Oxfordshire come from {said}, in their own words:"]
    listed: str = statement_list(page, "newest-findings", dated=True)
    return " ".join(w for w in opening if w) + "\n\n" + listed


@macro(shows=("statements",), statement_id="quotations")
def quote(page: Page, statement_id: str) -> str:
    """One statement as a block quotation with its source."""
    st = page.site.get(Statement, statement_id)
    src = page.site.get(Source, st.source)
    out = f"> {escape(st.text)}\n>\n> — {source_name(src)}{page.cited(st)}\n"
    gone = gone_mentioned(page, st.text)
    return out + (f"\n{gone.strip()}\n" if gone else "")
