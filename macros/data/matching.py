"""Finding a record's words in a document's text, as the models' own checks and the build's check of
every record (macros/checks/verify.py) both need it: a quotation word for word, a figure, a rating, a
date, and the passage a check looks at (`At`). Only whitespace, quote marks, dashes and words broken
at a line end are evened out; "…" in a quotation stands for words left out."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from macros.data.dates import MONTHS, PartialDate
from macros.data.documents import Document, Passage, plain
from macros.data.vocabulary import QUALIFIERS, UNITS

if TYPE_CHECKING:
    from macros.data.models import Figure

_SAME = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
                       "“": '"', "”": '"', "„": '"', "″": '"',
                       "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "\u00a0": " "})
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_NUMBER_WORDS.update({w: 10 * i for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)})


def normalise(text: str) -> str:
    """Even out what PDF and Word extraction change: spaces, quote marks, dashes, broken words.
    Not kept between calls: a build evens out a few thousand texts, in well under a second."""
    s = plain(text).translate(_SAME)
    s = re.sub(r"\s*-\s*", "-", s)  # "2018 – 2022", "2018-2022", "well- being"
    s = re.sub(r"\s+(?=[,.;:)])", "", s)  # "other vulnerable groups , national"
    return " ".join(s.split())


def found_in(quote: str, text: str) -> bool:
    """The quotation is in the text word for word, beginning and ending on whole words;
    "…" stands for words left out."""
    parts = [normalise(p) for p in re.split(r"\s*(?:…|\.\.\.)\s*", quote) if p.strip()]
    body, at = normalise(text), 0
    for part in parts:
        found = _whole(body, part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


def cut_short(quote: str, text: str) -> str:
    """Where a quotation stops part-way through a sentence of the text without "…" to say so: the
    words the text goes on with ("and to consider ways…"), or "" when it stops at a sentence's end,
    at the end of the text, or with "…"."""
    if re.search(r"(…|\.\.\.)\s*$", quote):
        return ""
    parts = [normalise(p) for p in re.split(r"\s*(?:…|\.\.\.)\s*", quote) if p.strip()]
    body, at = normalise(text), 0
    for part in parts:
        found = _whole(body, part, at)
        if found < 0:
            return ""  # not in the text at all: found_in says so
        at = found + len(part)
    rest = body[at:].lstrip()
    if re.match(r"[a-z]", rest) and not re.search(r"[.!?:;]['\"’”)]*$", parts[-1] if parts else "."):
        return " ".join(rest.split()[:6]) + "…"
    return ""


def first_difference(quote: str, text: str) -> str:
    """Where a quotation that is not word for word in the text stops following it: the words both
    share, then what each goes on with. "" when the quotation's beginning is not in the text."""
    parts = [normalise(p) for p in re.split(r"\s*(?:…|\.\.\.)\s*", quote) if p.strip()]
    body, at = normalise(text), 0
    for part in parts:
        found = _whole(body, part, at)
        if found >= 0:
            at = found + len(part)
            continue
        low, high = 0, len(part)  # the longest beginning of this part that the text has
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (middle, high) if body.find(part[:middle], at) >= 0 else (low, middle - 1)
        if low < min(12, len(part) // 2):
            return ""
        where = body.find(part[:low], at)
        while low > 0 and part[low - 1].isalnum():  # from the start of the word that differs
            low -= 1
        same = part[max(0, low - 40):low]
        same = same if low <= 40 else "…" + same.split(" ", 1)[-1]

        def going_on(words: str) -> str:
            return words[:40].rsplit(" ", 1)[0] + "…" if len(words) > 40 else words
        theirs = going_on(body[where + low:]) or "(nothing more)"
        return (f" It follows the passage as far as “{same.rstrip()}”, then the quotation has "
                f"“{going_on(part[low:])}” where the passage has “{theirs}”.")
    return ""


def _whole(body: str, part: str, start: int) -> int:
    """Where `part` is in `body` (from `start`) without cutting a word at either end, or -1."""
    at = body.find(part, start)
    while at >= 0:
        before = body[at - 1] if at > 0 else " "
        after = body[at + len(part)] if at + len(part) < len(body) else " "
        if not (part[0].isalnum() and before.isalnum()) and not (part[-1].isalnum() and after.isalnum()):
            return at
        at = body.find(part, at + 1)
    return -1


def number_spans(text: str) -> tuple[tuple[float, str, int], ...]:
    """The numbers in a (normalised) text: (value, kind, where it starts). Kind is "percent",
    "gbp" or "plain"; digits ("£1,120,199", "c£600k", "65%") and words ("Twenty two")."""
    found: list[tuple[float, str, int]] = []
    for m in re.finditer(r"(£)?(\d[\d,]*(?:\.\d+)?)(?:\s?(k|m|million|thousand)\b)?(\s?%|\s?per ?cent)?",
                         text, re.I):
        money, digits, scale, percent = m.groups()
        try:
            value = float(digits.rstrip(",").replace(",", ""))
        except ValueError:
            continue
        value *= {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6}.get((scale or "").lower(), 1)
        found.append((value, "gbp" if money else "percent" if percent else "plain", m.start()))
    words = list(re.finditer(r"[a-z]+", text.lower()))
    for i, word in enumerate(words):
        if word.group() in _NUMBER_WORDS:
            value = _NUMBER_WORDS[word.group()]
            following = words[i + 1].group() if i + 1 < len(words) else ""
            if value >= 20 and 0 < _NUMBER_WORDS.get(following, 0) < 10:
                value += _NUMBER_WORDS[following]  # "Twenty two", "twenty-two"
            found.append((float(value), "plain", word.start()))
    return tuple(found)


def numbers(text: str) -> frozenset[tuple[float, str]]:
    """The numbers in a text, each with its kind."""
    return frozenset((v, k) for v, k, _ in number_spans(normalise(text)))


def _spans_of(fig: Figure, text: str) -> list[int]:
    kinds = UNITS[fig.unit].written
    return [at for v, k, at in number_spans(text) if v == float(fig.value) and k in kinds]


def has_figure(fig: Figure, text: str) -> bool:
    return bool(_spans_of(fig, normalise(text)))


def has_qualifier(fig: Figure, text: str) -> bool:
    """The figure's "about", "over", "up to" or "almost" is the document's, just before the number."""
    pattern = QUALIFIERS[fig.qualifier].said
    if not pattern:
        return True
    s = normalise(text)
    return any(re.search(pattern + r"\W*$", s[max(0, at - 30):at], re.I) for at in _spans_of(fig, s))


def has_date(date: PartialDate, text: str, document_date: PartialDate) -> bool:
    """A date is in the text as exactly as the record gives it: the day and month, the month,
    or the year. "The December meeting" in a report of October 2017 is December 2017, so for a
    month the year may instead be the document's own year or the next one."""
    if date == document_date:  # "at the time of drafting this report", dated by the document itself
        return True
    day, precision = date.first_day, date.precision
    s = normalise(text)
    year = str(day.year) in s
    if precision == "year":
        return year
    month = re.search(rf"\b({MONTHS[day.month - 1]}|{MONTHS[day.month - 1][:3]}t?)\b\.?", s) is not None
    if not year:
        doc_year = document_date.first_day.year
        year = day.year in (doc_year, doc_year + 1)
    if precision == "month":
        return month and year
    return month and year and re.search(rf"\b{day.day}(st|nd|rd|th)?\b", s) is not None


def has_rating(rag: str, text: str) -> bool:
    return re.search(rf"\b({rag[0]}|{rag})\b", plain(text)) is not None


def where(doc: Document, p: Passage) -> str:
    return f'passage "{p.id}" ({doc.display}, line {p.line})'


def excerpt(p: Passage, length: int = 90) -> str:
    words = plain(p.text)
    return f"“{words[:length]}{'…' if len(words) > length else ''}”"


def nearest(doc: Document, test: Callable[[str], bool], quote: str | None = None) -> str:
    """Where in the document the thing is, or the passage most like the quotation."""
    hits = [p for p in doc.passages if p.kind != "note" and test(p.text)]
    if hits:
        return " It is in " + "; ".join(f"{where(doc, p)}: {excerpt(p)}" for p in hits[:3]) + "."
    if quote:
        target = normalise(quote).lower()
        best = max((p for p in doc.passages if p.kind != "note"),
                   key=lambda p: difflib.SequenceMatcher(None, target, normalise(p.text).lower()).ratio())
        return f" The nearest passage is {where(doc, best)}: {excerpt(best, 160)}."
    return f" It is nowhere in {doc.display}."


@dataclass(frozen=True)
class At:
    """The passage a part of a record cites, as its checks see it."""
    doc: Document
    passage: Passage
    text: str  # its words (a heading's, with its section's)
    where: str  # how a message names it: passage "funding-2" (sources/x.md, line 12)
    documents: dict[str, Document]  # every document, for a record that cites others too

    def nearest(self, test: Callable[[str], bool], quote: str | None = None) -> str:
        """Where in the document the thing is, or the passage most like the quotation."""
        return nearest(self.doc, test, quote)
