"""Data made safe for a page, and the small pieces of Markdown every view uses.

Text from data is escaped before it reaches the page, so `<script>` typed into YAML shows as text
and a `*` stays a star."""
from __future__ import annotations

import re
from typing import Any

from ..vocabulary import QUALIFIERS

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#])")
_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")


def escape(value: Any) -> str:
    """Data text made safe for a Markdown page: no HTML, no accidental Markdown."""
    s = str(value)
    s = _ENTITY_LIKE.sub("&amp;", s)
    s = s.replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    s = re.sub(r"^(\d+)\.", r"\1\\.", s)
    return " ".join(s.split())


def attr(value: Any) -> str:
    """Data text made safe inside an HTML attribute."""
    return (str(value).replace("&", "&amp;").replace('"', "&quot;")
            .replace("<", "&lt;").replace(">", "&gt;"))


def first_capital(value: str) -> str:
    """A label starting a sentence or a cell: its first letter a capital, the rest as written
    ("EHCP plans", not "Ehcp plans")."""
    return value[:1].upper() + value[1:]


def number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def format_figure(fig: Any) -> str:
    """A figure's value as a reader would say it: '£1,120,199', 'about £600,000', '42%'."""
    n = number(fig.value)
    shown = {"gbp": f"£{n}", "percent": f"{n}%", "weeks": f"{n} weeks"}.get(fig.unit, n)
    return QUALIFIERS[fig.qualifier] + shown


def slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


def quoted(words: str) -> str:
    """A document's own words, inline, marked as a quotation (the browser adds the marks)."""
    return f"<q>{escape(words)}</q>"


def table(rows: list[str], caption: str, note: str = "") -> str:
    """A table with its caption (and the caption's source note, if the whole table has one)."""
    return "\n".join(rows) + f"\n\n/// table-caption\n{escape(caption)}{note}\n///\n"
