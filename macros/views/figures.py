"""Figures: one in a sentence, a table of them, a table or a chart of a series over time.

A chart's drawing is marked `data-search-exclude`: the same numbers are in the table beside it."""
from __future__ import annotations

from macros.data.models import Figure, Source
from macros.views import charts
from macros.views.markup import attr, escape, first_capital, format_figure, slug, table
from macros.views.page import Page
from macros.views.registry import macro
from macros.views.trust import gone_mentioned


def figure_html(page: Page, fig: Figure) -> str:
    """A figure's value, marked with its id (data-figure) for tests, followed by its source note."""
    page.used.add("figures")
    return (f'<span class="figure" data-figure="{attr(fig.id)}">{attr(format_figure(fig))}</span>'
            f"{page.cited(fig)}")


def figure_row(page: Page, fig: Figure) -> str:
    """A row of a figures table: what is counted (saying that an organisation it names no longer
    exists, where one does), when, and the number."""
    return (f"| {first_capital(escape(fig.label))}{gone_mentioned(page, fig.label)} "
            f"| {escape(fig.period or 'Not given')} | {figure_html(page, fig)} |")


FIGURES_HEAD = ["| What is counted | When | Figure |", "| --- | --- | --- |"]


def over_time(page: Page, fig: Figure) -> list[Figure]:
    """A figure and the others of its series, newest document first: a later document updates a
    figure, and the earlier one is history (a figure with no series stands alone)."""
    figs = page.build.series[fig.series] if fig.series else [fig]
    return sorted(figs, key=lambda f: page.site.get(Source, f.source).date.first_day, reverse=True)


def figure_when(page: Page, fig: Figure) -> str:
    """When a figure is for: its period, or else the month of the document that gives it."""
    return escape(fig.period) if fig.period else page.site.get(Source, fig.source).date.month_year


@macro(shows=("figures",), figure_id="figures")
def figure(page: Page, figure_id: str) -> str:
    """One figure, inline in a sentence, with its source (and, when a later document gives a newer
    figure of its series, that one too, both dated)."""
    fig = page.site.get(Figure, figure_id)
    newest = over_time(page, fig)[0]
    if page.site.get(Source, newest.source).date.first_day <= page.site.get(Source, fig.source).date.first_day:
        return figure_html(page, fig)
    return (f"{figure_html(page, fig)} ({figure_when(page, fig)}; {figure_html(page, newest)} "
            f"in {figure_when(page, newest)})")


@macro(shows=("figures",), figure_ids="figures")
def figure_table(page: Page, *figure_ids: str, caption: str = "Figures") -> str:
    """A table of figures: what is counted, when, and the number."""
    rows = FIGURES_HEAD + [figure_row(page, page.site.get(Figure, fid)) for fid in figure_ids]
    return table(rows, caption)


@macro(shows=("figures",), series_ids="series")
def series_table(page: Page, *series_ids: str, caption: str = "Figures over time") -> str:
    """Figures that track the same thing over time, one row a series, one column a period."""
    series = {sid: page.build.series[sid] for sid in series_ids}
    periods = list(dict.fromkeys(f.period or "" for sid in series_ids for f in series[sid]))
    rows = ["| What is counted | " + " | ".join(escape(p) for p in periods) + " |",
            "| --- |" + " --- |" * len(periods)]
    for sid in series_ids:
        figs = {f.period or "": f for f in series[sid]}
        label = series[sid][0].short or min((f.label for f in series[sid]), key=len)
        cells = [figure_html(page, figs[p]) if p in figs else "–" for p in periods]
        rows.append(f"| {first_capital(escape(label))} | " + " | ".join(cells) + " |")
    return table(rows, caption)


@macro(shows=("figures",), series_ids="series")
def chart(page: Page, *series_ids: str, caption: str = "Figures over time") -> str:
    """A bar chart of figures over time, with the same numbers in a table beside it.
    A series with only one figure cannot be charted: it is given as a sentence instead."""
    charted, out = [], []
    for sid in series_ids:
        figs = page.build.series[sid]
        if len(figs) > 1:
            charted.append((sid, figs))
        else:
            out.append(f"{escape(figs[0].short or figs[0].label)}: {figure_html(page, figs[0])} "
                       f"({escape(figs[0].period or 'date not given')}). There is only one "
                       "figure in the documents, so there is no chart.\n")
    if charted:
        groups = [(figs[0].short or figs[0].label,
                   [(f.period or "", f.value, format_figure(f)) for f in figs]) for _, figs in charted]
        chart_id = "chart-" + slug("-".join(sid for sid, _ in charted))[:40]
        out.insert(0, f'<figure class="chart" data-search-exclude>{charts.bar_chart(chart_id, caption, groups)}'
                      f"<figcaption>Chart: {attr(caption)}. The same numbers are in the table "
                      "below.</figcaption></figure>\n")
        out.insert(1, series_table(page, *(sid for sid, _ in charted), caption=caption))
    return "\n".join(out)
