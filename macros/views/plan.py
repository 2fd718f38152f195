"""The plan: its vision, areas of focus and priorities (also in Easy Read and on one page), and
its implementation plan. The plan's own words are the official wording; a later report's
rewording is shown, dated, as that report's."""
from __future__ import annotations

import re

from macros.data.dates import in_words
from macros.data.models import Area, Priority, Source
from macros.views.markup import escape, quoted, source_name, table
from macros.views.page import Page
from macros.views.registry import macro
from macros.views.statements import official, quote


def areas(page: Page) -> list[Area]:
    return sorted(page.site.areas, key=lambda a: a.order)


def priorities(page: Page, area_id: str) -> list[Priority]:
    return sorted((p for p in page.site.priorities if p.area == area_id), key=lambda p: p.number)


@macro(shows=("statements",))
def vision(page: Page, history: bool = True) -> str:
    """The vision in the plan's own words; then, dated, how other documents have put it."""
    plan_words, others = official(page, page.build.groups["vision"])
    quoted_words: str = quote(page, plan_words.id)
    if not history:
        return quoted_words
    out = [quoted_words, "", "Other documents put the vision in their own words. "
           "These are how those documents word it, not changes to the plan:", ""]
    for st in others:
        out.append(f"- {source_name(page.site.get(Source, st.source))}: {quoted(st.text)}{page.cited(st)}")
    return "\n".join(out) + "\n"


@macro()
def area_count(page: Page) -> int:
    """How many areas of focus the plan has."""
    return len(page.site.areas)


@macro()
def priority_count(page: Page) -> int:
    """How many priorities the plan has."""
    return len(page.site.priorities)


@macro(shows=("areas", "priorities"))
def areas_and_priorities(page: Page) -> str:
    """Each area of focus with its numbered priorities, quoted as the plan words them."""
    out = []
    for area in areas(page):
        out += [f"## {escape(area.name)} {{#{area.id}}}", "", escape(area.intro), ""]
        for source in dict.fromkeys(o.source for o in area.also_called):
            names = [f"{quoted(o.name)}{page.cite(o.source, o.passage)}"
                     for o in area.also_called if o.source == source]
            out += [f"{source_name(page.site.get(Source, source))} calls this area "
                    f"{' and '.join(names)}.", ""]
        for p in priorities(page, area.id):
            plan_words, others = official(page, p.wording)
            out.append(f"{p.number}. {quoted(plan_words.text)}{page.cite(plan_words.source, plan_words.passage)}")
            for other in others:
                src = page.site.get(Source, other.source)
                out.append(f"    - How {escape(src.short_title)} ({in_words(src.date)}) words it: "
                           f"{quoted(other.text)}{page.cite(other.source, other.passage)}")
        out.append("")
    return "\n".join(out)


@macro(shows=("areas",))
def areas_summary(page: Page) -> str:
    """The areas of focus as a short list linking to their priorities."""
    return "\n".join(
        f"- **[{escape(a.name)}]({page.link(Area.shown_on[0][1], a.id)})**: {escape(a.intro)}"
        for a in areas(page)) + "\n"


@macro(shows=("implementation",))
def implementation_plan(page: Page) -> str:
    """The implementation plan: one table for each area of focus."""
    out = []
    names = {a.id: a.name for a in page.site.areas}
    for act in sorted(page.site.implementation, key=lambda a: page.site.get(Area, a.area).order):
        rows = ["| Part of the plan | What it says |", "| --- | --- |"]
        rows.append(f"| **Focus** | {escape(act.focus) if act.focus else 'The plan gives no focus for this area.'} |")
        for label, items in [
            ("Actions", act.actions),
            ("Responsible agencies", act.agencies),
            ("How we will know this area of focus has improved", act.measures),  # with the plan's numbers
            ("Children's Trust Board leads", act.leads),
            ("Reporting timetable", act.reporting),
        ]:
            cells = "<br>".join(("" if item[:1].isdigit() else "• ") + escape(item) for item in items)
            rows.append(f"| **{label}** | {cells} |")
        out += [f"## {escape(names[act.area])} {{#plan-{act.area}}}", "",
                table(rows, f"Implementation plan 2020–21: {names[act.area]}", page.cited(act)), ""]
    return "\n".join(out)


@macro(shows=("areas", "priorities"))
def easy_read(page: Page) -> str:
    """The Easy Read plan: one idea a line, from the same areas and priorities."""
    def lines(sentences: str) -> str:
        parts = [p.strip() for p in re.split(r"(?<=\.)\s+", sentences) if p.strip()]
        return "  \n".join(escape(p) for p in parts)

    def group(name: str) -> list[str]:
        for s in page.build.groups[name]:
            page.shows_details(s.source, s.passage)
        return [lines(s.text) + "\n" for s in page.build.groups[name]]

    out = ["## What was the plan?", ""] + group("easy-about")
    out += ["## What the plan wanted", ""] + group("easy-vision")
    out += [f"## The plan has {len(page.site.areas)} big aims", ""]
    for area in areas(page):
        out += [f"### {escape(area.name)} {{#easy-{area.id}}}", "", lines(area.easy), "",
                "We want you to:", ""]
        out += [f"- {lines(p.easy)}" for p in priorities(page, area.id)]
        out.append("")
    newest = max((st.source for st in page.build.groups["easy-now"]),
                 key=lambda sid: page.site.get(Source, sid).date.first_day)
    out += [f"## What was happening in {page.site.get(Source, newest).date.month_year}", ""] + group("easy-now")
    return "\n".join(out)


@macro(shows=("areas", "priorities"))
def plan_on_a_page(page: Page) -> str:
    """The vision, areas and priorities, laid out to print on one sheet of A4."""
    words, _ = official(page, page.build.groups["vision"])
    out = ['<div class="plan-on-a-page" markdown>', "",
           f"**Our vision:** {quoted(words.text)}{page.cited(words)}", "",
           '<div class="pop-grid" markdown>', ""]
    for area in areas(page):
        out += ['<section class="pop-area" markdown>', "", f"## {escape(area.name)} {{#pop-{area.id}}}", ""]
        for p in priorities(page, area.id):
            plan_words, _ = official(page, p.wording)
            out.append(f"{p.number}. {escape(plan_words.text)}{page.cite(plan_words.source, plan_words.passage)}")
        out += ["", "</section>", ""]
    src = page.site.get(Source, words.source)
    out += ["</div>", "", f'<p class="pop-source">In the plan\'s own words, from the {escape(src.title)} '
            f"({in_words(src.date)}). Read it in full on this website: Reports.</p>", "", "</div>", ""]
    return "\n".join(out)
