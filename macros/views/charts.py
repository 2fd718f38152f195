"""Charts drawn at build time as inline SVG: no JavaScript, nothing from another host.

Each chart has a title and a description (its text alternative) and the page shows the same
numbers in a table beside it. Text is escaped here, because SVG is HTML the page does not escape.
"""
from __future__ import annotations

import html
import textwrap

from macros.data.vocabulary import Rag, labelled

WIDTH = 360          # viewBox width: narrow, so text stays readable on a phone
BAR_LEFT = 0
BAR_MAX = 250
COLOUR = "#1d4f91"   # 8.6:1 against white
RAG_COLOURS = labelled(Rag, {"Red": "#8b0a14", "Amber": "#6b3a00", "Green": "#145c2a"})  # each rating's bar


def _esc(value: str) -> str:
    return html.escape(str(value), quote=True)


def _svg(chart_id: str, title: str, desc: str, height: int, body: list[str]) -> str:
    return "".join([
        f'<svg class="chart-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="inherit">',
        f'<title id="{chart_id}-title">{_esc(title)}</title>',
        f'<desc id="{chart_id}-desc">{_esc(desc)}</desc>',
        *body, "</svg>"])


def bar_chart(chart_id: str, title: str, groups: list[tuple[str, list[tuple[str, float, str]]]]) -> str:
    """Horizontal bars: one group a series, one bar a period. Values are (period, number, as shown)."""
    top = max((v for _, bars in groups for _, v, _ in bars), default=1) or 1
    y, body, summary = 4, [], []
    for label, bars in groups:
        for line in textwrap.wrap(label, 44):
            y += 16
            body.append(f'<text x="0" y="{y}" font-size="13" font-weight="700" fill="#212121">{_esc(line)}</text>')
        for period, value, shown in bars:
            y += 16
            body.append(f'<text x="0" y="{y}" font-size="12" fill="#3d3d3d">{_esc(period)}</text>')
            width = max(2, round(BAR_MAX * value / top))
            body.append(f'<rect x="{BAR_LEFT}" y="{y + 4}" width="{width}" height="16" fill="{COLOUR}"/>')
            body.append(f'<text x="{BAR_LEFT + width + 5}" y="{y + 17}" font-size="13" fill="#212121">'
                        f'{_esc(shown)}</text>')
            y += 22
        summary.append(f"{label}: " + ", ".join(f"{shown} ({period})" for period, _, shown in bars))
        y += 8
    return _svg(chart_id, title, "; ".join(summary) + ".", y + 4, body)


def rating_chart(chart_id: str, title: str, ratings: list[tuple[str, str]]) -> str:
    """Ratings over time: a row of labelled markers, oldest on the left. Ratings are (date, word)."""
    step = (WIDTH - 40) / max(1, len(ratings) - 1)
    body = [f'<line x1="20" y1="40" x2="{WIDTH - 20}" y2="40" stroke="#757575" stroke-width="2"/>']
    for i, (date, rag) in enumerate(ratings):
        x = round(20 + i * step)
        body.append(f'<circle cx="{x}" cy="40" r="9" fill="{RAG_COLOURS[rag]}"/>')
        body.append(f'<text x="{x}" y="22" font-size="13" font-weight="700" text-anchor="middle" '
                    f'fill="{RAG_COLOURS[rag]}">{_esc(rag)}</text>')
        body.append(f'<text x="{x}" y="68" font-size="12" text-anchor="middle" fill="#3d3d3d">{_esc(date)}</text>')
    desc = "; ".join(f"{rag} in {date}" for date, rag in ratings) + "."
    return _svg(chart_id, title, desc, 80, body)
