"""Data made safe for a page, and the small pieces of Markdown every view uses.

Text from data is escaped before it reaches the page, so `<script>` typed into YAML shows as text
and a `*` stays a star."""
from __future__ import annotations

import re
from typing import Any

from macros.data.dates import in_words
from macros.data.models import Figure, Source
from macros.data.vocabulary import QUALIFIERS, UNITS

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


def format_figure(fig: Figure) -> str:
    """A figure's value as a reader would say it: '£1,120,199', 'about £600,000', '42%'."""
    n = number(fig.value)
    return QUALIFIERS[fig.qualifier].words + UNITS[fig.unit].shown.format(n)


def slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


def quoted(words: str) -> str:
    """A document's own words, inline, marked as a quotation (the browser adds the marks)."""
    return f"<q>{escape(words)}</q>"


def table(rows: list[str], caption: str, note: str = "") -> str:
    """A table with its caption (and the caption's source note, if the whole table has one)."""
    return "\n".join(rows) + f"\n\n/// table-caption\n{escape(caption)}{note}\n///\n"


# What in a line of Markdown is not the page's text: code spans, HTML comments and tags, link
# targets and attribute lists ({#id}, { data-x }).
_NOT_TEXT = re.compile(r"(`+).*?\1|<!--.*?-->|<[^>]*>|\]\([^)]*\)|\{[:#.][^}]*\}|\{ [^}]*\}")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
# A raw HTML block: a block-level tag at the start of a line (Python-Markdown leaves its content
# alone unless it has the markdown attribute).
_BLOCK_TAG = re.compile(r" {0,3}<(address|article|aside|blockquote|details|dialog|div|dl|fieldset|figcaption|"
                        r"figure|footer|form|h[1-6]|header|hr|main|nav|ol|p|pre|script|section|style|table|ul)"
                        r"(?=[\s/>])([^>]*)")


def mark_first_uses(markdown: str, pattern: re.Pattern[str], titles: dict[str, str]) -> str:
    """Each short form (a match of `pattern`, a key of `titles`) marked up with its meaning where
    the page first uses it in its text, as GOV.UK does: <abbr title="...">. Not in code, HTML
    tags, link targets, attribute lists or raw HTML blocks, as Python-Markdown's abbr extension
    did not."""
    unmarked = set(pattern.findall(markdown))  # the short forms the page uses, until marked
    fence, raw, depth = None, None, 0

    def mark(found: re.Match[str]) -> str:
        term: str = found.group(0)
        if term not in unmarked:
            return term
        unmarked.discard(term)
        return f'<abbr title="{attr(titles[term])}">{term}</abbr>'

    def text(line: str) -> str:
        out, at = [], 0
        for skip in _NOT_TEXT.finditer(line):
            out += [pattern.sub(mark, line[at:skip.start()]), skip.group(0)]
            at = skip.end()
        return "".join(out) + pattern.sub(mark, line[at:])

    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if not unmarked:  # every short form on the page is marked up
            break
        opening = _FENCE.match(line)
        if opening and raw is None and (fence is None or opening.group(1)[0] == fence[0]):
            fence = None if fence else opening.group(1)
            continue
        if fence:
            continue
        if raw is None:
            block = _BLOCK_TAG.match(line)
            if block and not re.search(r"\bmarkdown\b", block.group(2)):
                raw, depth = block.group(1), 0
        if raw is not None:  # inside a raw HTML block, until its tag is closed
            depth += len(re.findall(rf"<{raw}(?=[\s/>])", line)) - line.count(f"</{raw}>")
            if depth <= 0 or raw == "hr":
                raw = None
            continue
        if pattern.search(line):
            lines[i] = text(line)
    return "\n".join(lines)


def and_list(words: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return " and ".join(words) if len(words) < 3 else ", ".join(words[:-1]) + " and " + words[-1]


def source_name(src: Source) -> str:
    """A document's short title with its date, said once: 'Children's Trust report, May 2020'."""
    month_year = src.date.month_year
    return escape(src.short_title) + ("" if month_year in src.short_title else f", {in_words(src.date)}")
