"""How the plan is doing: Red, Amber and Green ratings, the indicators' overview and each
indicator's page."""
from __future__ import annotations

from macros.data.dates import PartialDate, in_words
from macros.data.models import Area, Figure, Indicator, RagRating, Source
from macros.data.vocabulary import RAGS, Rag, labelled
from macros.views import charts
from macros.views.figures import chart, figure_html
from macros.views.finder import Facet, finder
from macros.views.markup import escape, first_capital, quoted, table
from macros.views.page import Page
from macros.views.plan import areas
from macros.views.registry import macro
from macros.views.trust import still_to_check

# Each rating's icon, drawn in the text's colour: Material Design Icons' close-octagon, alert and
# check-circle (as Material for MkDocs ships them), written here rather than looked up by the emoji
# extension, whose icon index costs every build a fifth of a second.
RAG_ICONS = labelled(Rag, {
    "Red": "M8.27 3 3 8.27v7.46L8.27 21h7.46L21 15.73V8.27L15.73 3M8.41 7 12 10.59 15.59 7 17 8.41 "
           "13.41 12 17 15.59 15.59 17 12 13.41 8.41 17 7 15.59 10.59 12 7 8.41",
    "Amber": "M13 14h-2V9h2m0 9h-2v-2h2M1 21h22L12 2z",
    "Green": "M12 2C6.5 2 2 6.5 2 12s4.5 10 10 10 10-4.5 10-10S17.5 2 12 2m-2 15-5-5 1.41-1.41L10 "
             "14.17l7.59-7.59L19 8z",
})


@macro(rating="ratings")
def rag(page: Page, rating: str) -> str:
    """A RAG rating as a word with an icon, never colour alone."""
    return (f'<span class="rag rag--{rating.lower()}"><span aria-hidden="true" class="twemoji">'
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="{RAG_ICONS[rating]}"/>'
            f"</svg></span> {rating}</span>")


def rated(page: Page, rating: RagRating) -> str:
    """A rating, dated by the report that gives it (reports give no date for the rating itself)."""
    return (f"{rag(page, rating.rag)} in the report of {page.site.get(Source, rating.source).date.words}"
            f"{page.cite(rating.source, rating.passage)}")


def no_newer_ratings(page: Page, date: PartialDate) -> str:
    """Says which later documents give no ratings for the indicators, and which are still to be read for them."""
    newer = [s for s in page.site.sources if s.date.first_day > date.first_day and "ratings" in s.read_for]
    said = [f"The later documents this site uses ({', '.join(in_words(s.date) for s in newer)}) "
            "give no ratings for these indicators."] if newer else []
    return " ".join([*said, still_to_check(page, "ratings", date)]).strip()


@macro(shows=("indicators",))
def indicator_overview(page: Page) -> str:
    """Every indicator with its latest rating, filterable by area of focus."""
    order = {a.id: a.order for a in page.site.areas}
    indicators = sorted(page.site.indicators, key=lambda i: (order[i.area], i.number or "9"))
    facet = Facet("area", "Show the indicators for", [(a.id, a.name, ()) for a in areas(page)])
    out = [finder("indicator-list", "indicators", len(page.site.indicators), [facet]),
           '<div class="finder-list" id="indicator-list" markdown>', ""]
    for ind in indicators:
        area = page.site.get(Area, ind.area).name
        out += [f'<section class="finder-item" data-area="{ind.area}" markdown>', "",
                f"### [{escape(ind.numbered_name)}]({page.link_to_record(ind)}) "
                f"{{#{ind.id}}}", "",
                f"{rated(page, ind.ratings[-1])}. Area of focus: {escape(area)}.", "",
                "</section>", ""]
    out += ["</div>", ""]
    return "\n".join(out)


@macro(shows=("indicators",))
def ratings_summary(page: Page) -> str:
    """How many indicators had each rating, from the newest ratings, dated."""
    latest = [i.ratings[-1] for i in page.site.indicators]
    dates = sorted({page.site.get(Source, r.source).date for r in latest})
    counts = [(rating, sum(r.rag == rating for r in latest)) for rating in RAGS]
    parts = [f"{n} {'was' if n == 1 else 'were'} rated {rag(page, rating)}" for rating, n in counts if n]
    parts = [", ".join(parts[:-1]) + " and " + parts[-1]] if len(parts) > 1 else parts
    first = latest[0]
    doc = page.site.documents[first.source]
    section = doc.parent(doc.get(first.passage).section)  # the part of the report with every rating
    listed = " or ".join(rating for rating in RAGS if any(r.rag == rating for r in latest))
    out = [f"The newest ratings of the plan's indicators are in the report of "
           f"{' and '.join(d.words for d in dates)}. That report lists only the indicators rated "
           f"{listed}: {len(latest)} of them. Of these, {parts[0]}{page.cite(first.source, section)}. "
           "It does not say when they were rated, or how many indicators were rated otherwise.",
           no_newer_ratings(page, dates[-1])]
    return " ".join(out) + "\n"


@macro(shows=("indicators", "figures"), indicator_id="indicators")
def indicator_rating(page: Page, indicator_id: str) -> str:
    """The answer first, at the top of an indicator's page: its newest rating, dated, and the
    indicator in the report's words."""
    ind = page.site.get(Indicator, indicator_id)
    last = ind.ratings[-1]
    date = page.site.get(Source, last.source).date
    return "\n".join([
        f"**Latest rating:** {rag(page, last.rag)}, in the report of {date.words}"
        f"{page.cite(last.source, last.passage)}. The report does not say when the rating was given. "
        f"{no_newer_ratings(page, date)}", "",
        f"The indicator, as the report words it: {quoted(ind.title)}{page.cited(ind)}", ""])


def _ratings(page: Page, ind: Indicator) -> list[str]:
    rows = ["| Date of the report | Rating | Report |", "| --- | --- | --- |"]
    for r in ind.ratings:
        src = page.site.get(Source, r.source)
        rows.append(f"| {in_words(src.date)} | {rag(page, r.rag)} | {escape(src.short_title)}"
                    f"{page.cite(r.source, r.passage)} |")
    if len(ind.ratings) > 1:
        drawing = charts.rating_chart(f"chart-{ind.id}-ratings", f"Ratings of {ind.name}",
                                      [(page.site.get(Source, r.source).date.words, r.rag) for r in ind.ratings])
        out = [f'<figure class="chart" data-search-exclude>{drawing}'
               "<figcaption>Chart: ratings over time. The same ratings are in the table below.</figcaption>"
               "</figure>", ""]
    else:
        out = ["The documents give one rating, so there is no chart of ratings over time.", ""]
    return out + [table(rows, f"Ratings of: {ind.name}"), ""]


def _figures(page: Page, ind: Indicator) -> list[str]:
    figs = [page.site.get(Figure, f) for f in ind.figures]
    series = list(dict.fromkeys(f.series for f in figs if f.series))
    charted = [s for s in series if len(page.build.series[s]) > 1]
    out = ["## Figures", ""]
    if charted:
        out += [chart(page, *charted, caption=f"{ind.name}: figures over time"), ""]
    for fig in figs:
        if fig.series not in charted:
            when_ = f" ({escape(fig.period)})" if fig.period else ""
            out.append(f"- {first_capital(escape(fig.label))}{when_}: {figure_html(page, fig)}")
    return out + [""]


@macro(indicator_id="indicators")
def indicator_page(page: Page, indicator_id: str) -> str:
    """One indicator: what it measures and why, its ratings and figures over time, and what is
    being done."""
    ind = page.site.get(Indicator, indicator_id)
    area = page.site.get(Area, ind.area)
    out = ["## What it measures", "", f"*In our words:* {escape(ind.plain)}", "",
           "## Why it matters", "", f"*In our words:* {escape(ind.why)}", "",
           "## Ratings over time", ""] + _ratings(page, ind)
    if ind.target:
        out += ["## The target", "", escape(ind.target), ""]
    if ind.figures:
        out += _figures(page, ind)
    if ind.actions:
        out += [f"## What was being done, as the report of {page.site.get(Source, ind.source).date.words} says", ""]
        out += [f"- {escape(a.text)}{page.cited(ind, a)}" for a in ind.actions]
        out.append("")
    linked = f"[{escape(area.name)}]({page.link(Area.shown_on[0][1], area.id)})"
    if ind.area_given:
        how = (f"The report links it to the area of focus {linked}"
               f"{page.cite(ind.area_given.source, ind.area_given.passage)}.")
    else:
        how = (f"This indicator is about the area of focus {linked}. The report does not say "
               "which area it belongs to: we have placed it by what it measures.")
    out += ["## Area of focus", "", how, ""]
    return "\n".join(out)
