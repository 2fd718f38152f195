"""Check every quotation and figure in data/ against the passage of the document it cites.

A record (or a part of one, such as a priority's wording or an indicator's rating) cites a
passage with `source` and `passage`. Then:

- each of its quoted fields (of type `Quoted`, in models.py) must appear word for word in that
  passage. Only whitespace, quote marks, dashes and words broken at a line end are evened out;
  "…" in a quotation stands for words left out;
- a figure's value must appear in the passage, as digits or words ("Twenty two" is 22, "c£600k"
  is 600,000), as a percentage or a sum of money if the figure is one, with the passage's own
  "about", "over", "up to" or "almost" if the figure says so;
- a Red/Amber/Green rating must appear in the passage (as R, A or G, or the word);
- the names of people, age ranges ("aged 11 to 19") and dates ("July 2023") written in the site's
  own words, in the data or in a page's sentence that carries a note, must be in the passage the
  note opens (`unsupported`). A date may also be the date of the document cited, or name a
  document by its date ("the report of May 2020").

A mistake raises DataError naming the data file, line, record and field, what was not found, and
the passage where it is (or the nearest one).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from pydantic import BaseModel

from macros.data.dates import MONTHS, PartialDate
from macros.data.documents import Document, Passage, plain
from macros.data.fields import OWN_WORDS, QUOTED, Cites, Location, Record, marked, of_type, parts
from macros.data.loader import join_problems
from macros.errors import DataError

if TYPE_CHECKING:
    from macros.data.checked import CheckedData
    from macros.data.models import Figure, Source

_SAME = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
                       "“": '"', "”": '"', "„": '"', "″": '"',
                       "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "\u00a0": " "})
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_NUMBER_WORDS.update({w: 10 * i for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)})
_QUALIFIERS = {  # the words that may come just before the number
    "about": r"(\b(about|approximately|approx|around|roughly|circa)|(?<![a-z])c\.?)\s?£?",
    "over": r"\b(over|more than|above)",
    "up-to": r"\bup to",
    "almost": r"\b(almost|nearly|just under)",
}


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


def closest_passage(doc: Document, cited: Cites) -> str:
    """For a citation of a passage that does not exist: the passage that says what the record
    quotes (or its figure, or its term), or else the passage whose words are closest to the record's."""
    passages = [p for p in doc.passages if p.kind != "note"]
    quotes = [q for _, _, q in quotations(cited)]
    def words_of(text: str) -> set[str]:  # the longer words, which say what a text is about
        return {w for w in re.findall(r"\w+", normalise(text).lower()) if len(w) > 3}
    words = words_of(" ".join(quotes + [t for _, _, t in own_words(cited)]))

    def shared(p: Passage) -> int:
        return len(words & words_of(p.text))

    def says(text: str) -> bool:
        return all(found_in(q, text) for q in quotes) and cited.stated_in(text)
    found = [p for p in passages if (quotes or cited.states) and says(doc.text(p.id))]
    if found:  # the id nearest the one written, if it says it; else the one sharing most words
        near = difflib.get_close_matches(cited.passage, [p.id for p in found], n=1, cutoff=0.8)
        best = doc.get(near[0]) if near else max(found, key=shared)
        has = "words it quotes" if quotes else cited.states
        return (f" The passage that has the {has} is {_where(doc, best)}: "
                f"{_excerpt(best)}. Cite that one.")
    closest = max(passages, key=shared, default=None)
    if closest is None or shared(closest) < len(words) / 2:
        return ""
    return f" The passage whose words are closest is {_where(doc, closest)}: {_excerpt(closest)}."


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
    kinds = {"percent": {"percent"}, "gbp": {"gbp"}}.get(fig.unit, {"plain", "percent", "gbp"})
    return [at for v, k, at in number_spans(text) if v == float(fig.value) and k in kinds]


def has_figure(fig: Figure, text: str) -> bool:
    return bool(_spans_of(fig, normalise(text)))


def has_qualifier(fig: Figure, text: str) -> bool:
    """The figure's "about", "over", "up to" or "almost" is the document's, just before the number."""
    pattern = _QUALIFIERS.get(fig.qualifier)
    if pattern is None:
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


def citations(record: BaseModel) -> Iterator[tuple[Location, Cites, str]]:
    """Every part of a record that cites a passage, with where it is in the record and its
    document (a point without a source of its own is in its record's document)."""
    return ((loc, part, source) for loc, part, source in parts(record) if isinstance(part, Cites))


def _where(doc: Document, p: Passage) -> str:
    return f'passage "{p.id}" ({doc.display}, line {p.line})'


def _excerpt(p: Passage, length: int = 90) -> str:
    words = plain(p.text)
    return f"“{words[:length]}{'…' if len(words) > length else ''}”"


def _nearest(doc: Document, test: Callable[[str], bool], quote: str | None = None) -> str:
    """Where in the document the thing is, or the passage most like the quotation."""
    hits = [p for p in doc.passages if p.kind != "note" and test(p.text)]
    if hits:
        return " It is in " + "; ".join(f"{_where(doc, p)}: {_excerpt(p)}" for p in hits[:3]) + "."
    if quote:
        target = normalise(quote).lower()
        best = max((p for p in doc.passages if p.kind != "note"),
                   key=lambda p: difflib.SequenceMatcher(None, target, normalise(p.text).lower()).ratio())
        return f" The nearest passage is {_where(doc, best)}: {_excerpt(best, 160)}."
    return f" It is nowhere in {doc.display}."


# ----- The site's own words: the names, age ranges and dates they give -----

_DATE_IN_WORDS = re.compile(rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)? )?({'|'.join(MONTHS)}) (\d{{4}})\b")
_HONORIFIC = r"(?:Councillor|Cllr|Dr|Mr|Mrs|Ms|Miss|Professor|Sir|Dame)\.?"
_CAPITALISED = r"[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)*"
_AGE_RANGES = (re.compile(r"\bage[ds]? (\d{1,2}) ?(?:-|to) ?(\d{1,2})(?!\d)"),  # aged 11-19, ages 0 to 25
               re.compile(r"(?<![\d£.,])(\d{1,2})-? ?(?:-|to) ?(\d{1,2})[- ](?:years?\b|year-olds?\b|age group\b)"))
# Words that name a document by its date: "the report of May 2020", "the plan, dated June 2018".
_NAMING_A_DOCUMENT = re.compile(r"\b(?:report|update|plan|document|paper)s?(?:'s)?,? (?:of|dated|from)(?: the)? $"
                                r"|\bdated $", re.I)
_NAMED_DOCUMENT = re.compile(r"(?:'s)? (?:report|update|plan|document|paper)s?\b", re.I)  # "the October 2023 report"


_DIGIT = re.compile(r"\d")
# A figure in the site's own words: a number standing alone ("88 play areas", "£1,120,199", "42%"),
# not part of a word or code ("COVID-19", "UTF-8", "A4"), a decimal or a version ("2.2").
QUANTITY = re.compile(r"(?<![\w./:–-])£?(?P<number>\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w/-]|[.:]\d)%?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)? (?:{'|'.join(MONTHS)})\b")  # a day: "27 May 2020"
# A number that names something rather than counts it: "Annex 2", "key stage 1", "Years 3 to 6".
_LABEL_BEFORE = re.compile(r"\b(?:annex|appendix|stage|quarter|years?|indicator|priority|no\.|version|level|"
                           r"section|part|tier|step|page|table|figure)(?: \d+(?: (?:and|to|or))?)? $", re.I)


def figures_in(words: str, taken: Iterable[tuple[int, int]] = ()) -> list[re.Match[str]]:
    """The figures in the words: not years, labels ("Annex 2"), or part of a date or age range already checked."""
    return [m for m in QUANTITY.finditer(words) if not _YEAR.fullmatch(m.group())
            and not any(a <= m.start() < b for a, b in taken) and not _LABEL_BEFORE.search(words[:m.start()])
            and not _MONTH_AFTER.match(words, m.end())]


def _says_number(number: str, text: str) -> bool:
    """Whether the passage gives the number, in digits, with or without commas, or in words ("three")."""
    return float(number.replace(",", "")) in {value for value, _, _ in number_spans(text)}


@lru_cache(maxsize=8)
def _people_pattern(people: frozenset[str]) -> re.Pattern[str]:
    """Any name after Councillor, Dr and the like, or any person the data names (without the
    title), as whole words; checked once for every text."""
    names = sorted({re.sub(rf"^{_HONORIFIC} ", "", p) for p in people}, key=len, reverse=True)
    return re.compile(rf"\b{_HONORIFIC} {_CAPITALISED}(?: {_CAPITALISED}){{0,2}}"
                      + "".join(rf"|\b{re.escape(n)}\b" for n in names))


def unsupported(text: str, cited: list[tuple[Document, str]], dates: dict[str, tuple[PartialDate, ...]],
                people: Iterable[str] = (), figures: bool = False) -> list[str]:
    """The names of people, age ranges, dates and figures in the site's own words (`text`) that no passage
    it cites (document, passage id) says, in the order written. A name is one after Councillor,
    Dr and the like, or a person the data names (`people`, data/roles.yml). The passage is what
    its note opens: a paragraph or list item alone, a heading with its section. A date may also
    be the date of a document cited (`dates`: each document's date and, where later, our copy's),
    or name any document by its date ("the report of May 2020"). With `figures`, each figure too
    (a page's own words: a figure typed into a page is in the passage its note opens)."""
    named = _people_pattern(frozenset(people))
    if not _DIGIT.search(text) and not named.search(text):
        return []  # most of the site's sentences give no date, age or name: nothing to look up
    texts = [(doc.id, normalise(doc.text(passage))) for doc, passage in cited]
    words = normalise(text)
    missing = []
    for name in dict.fromkeys(m.group() for m in named.finditer(words)):
        parts = [w for w in name.split() if not re.fullmatch(_HONORIFIC, w)]
        if not any(all(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", t) for w in parts) for _, t in texts):
            missing.append(name)
    taken = []  # the age ranges' and dates' own numbers, checked as such
    for pattern in _AGE_RANGES:
        for m in pattern.finditer(words):
            taken.append(m.span())
            low, high = m.groups()
            if not any(re.search(rf"(?<!\d){low}-? ?(?:-|to) ?{high}(?!\d)", t) for _, t in texts):
                missing.append(m.group())
    for m in _DATE_IN_WORDS.finditer(words):
        taken.append(m.span())
        day, month, year = m.groups()
        value = PartialDate.parse(f"{year}-{MONTHS.index(month) + 1:02d}" + (f"-{int(day):02d}" if day else ""))
        if any(d.text.startswith(value.text) for source, _ in texts for d in dates[source]):
            continue  # the date of a document it cites: "In October 2023 the council reported…"
        if (_NAMING_A_DOCUMENT.search(words[:m.start()]) or _NAMED_DOCUMENT.match(words[m.end():])) and any(
                d.text.startswith(value.text) for ds in dates.values() for d in ds):
            continue  # another document, named by its date
        if not any(has_date(value, t, dates[source][0]) for source, t in texts):
            missing.append(m.group())
    for m in figures_in(words, taken) if figures else []:
        if not any(_says_number(m.group().strip("£%"), t) for _, t in texts):
            missing.append(m.group())
    return missing


def document_dates(sources: Iterable[Source]) -> dict[str, tuple[PartialDate, ...]]:
    """Each document's date and, where it is later, the date of our copy (`updated`)."""
    return {s.id: (s.date, s.updated) if s.updated else (s.date,) for s in sources}


def own_words(cited: Cites) -> Iterator[tuple[str, int | None, str]]:
    """The parts of a record (or of a part of one) in the site's own words: (field, list index,
    text): its text fields (`Text`), but not those quoted word for word or checked apart."""
    quoted = cited.quoted_fields()
    for name in marked(type(cited), OWN_WORDS) + marked(type(cited), QUOTED):
        if name in quoted:
            continue
        value = getattr(cited, name)
        for index, item in (enumerate(value) if isinstance(value, list) else [(None, value)]):
            if isinstance(item, str):
                yield name, index, item


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
        return _nearest(self.doc, test, quote)


def check_record(record: Record, documents: dict[str, Document], dates: dict[str, tuple[PartialDate, ...]],
                 found: list[tuple[Location, Cites, str]] | None = None,
                 people: Iterable[str] = ()) -> Iterator[tuple[Location, str]]:
    """Each problem with one record's citations (found again unless given), as (field location,
    plain message): its quotations, its dates and its own words, then what its model checks
    (`checks`). `dates` holds each document's date (and our copy's, where later); `people`
    the people the data names."""
    for loc, cited, source in citations(record) if found is None else found:
        doc = documents.get(source)
        if doc is None:
            continue  # an unknown source is reported by the cross-reference check
        if cited.passage not in doc.by_id:
            yield loc + ("passage",), (f'there is no passage "{cited.passage}" in {doc.display}.'
                                       f"{closest_passage(doc, cited)} Each heading, paragraph and list "
                                       "item's id is shown on the document's page on the site, and "
                                       'make find WORDS="..." gives the passage that has those words.')
            continue
        scope = doc.text(cited.passage)
        where = _where(doc, doc.get(cited.passage))
        for field, index, quote in quotations(cited):
            if not found_in(quote, scope):
                def has_quote(text: str, quote: str = quote) -> bool:
                    return found_in(quote, text)
                yield loc + ((field, index) if index is not None else (field,)), (
                    f"the quotation “{quote}” is not word for word in {where}, which it cites."
                    + (first_difference(quote, scope) or _nearest(doc, has_quote, quote))
                    + " Copy the document's words exactly, or cite the passage they are in.")
        section = doc.heading(doc.get(cited.passage).section)
        for field in of_type(type(cited), PartialDate):
            value = getattr(cited, field)
            if value is not None and not has_date(value, f"{section} {scope}", dates[source][0]):
                yield loc + (field,), (f'the date "{value}" is not in {where}, which it cites. Give '
                                       "only as much of a date as the passage states (a year, a "
                                       "month or a day), or leave the date out and say in the text "
                                       "what the document says.")
        for field, index, text in own_words(cited):
            for words in unsupported(text, [(doc, cited.passage)], dates, people, figures=True):
                yield loc + ((field, index) if index is not None else (field,)), (
                    f"the words “{words}” are not in {where}, which its note opens: "
                    f"{_excerpt(doc.get(cited.passage), 160)}. Cite the passage that says them, or leave "
                    "them out.")
        at = At(doc, doc.get(cited.passage), scope, where, documents)
        yield from ((loc + field, message) for field, message in cited.checks(at))


def quotations(cited: Cites) -> Iterator[tuple[str, int | None, str]]:
    """The parts of a record shown as the document's own words: (field, list index, text)."""
    for field in cited.quoted_fields():
        value = getattr(cited, field)
        if isinstance(value, list):
            yield from ((field, i, v) for i, v in enumerate(value))
        elif value:
            yield field, None, value


def check_all(site: CheckedData) -> dict[str, int]:
    """Check every record; raise DataError listing the first problems. Returns what was checked."""
    problems: list[str] = []
    counts = {"quotations": 0, "figures": 0, "ratings": 0, "dates": 0, "citations": 0}
    documents = site.documents
    dates = document_dates(site.sources)
    people = {r.person for r in site.roles}
    for ds in site.sets.values():
        for index, record in enumerate(ds.records):
            found = list(citations(record))
            for loc, cited, _ in found:
                counts["citations"] += 1
                counts["quotations"] += sum(1 for _ in quotations(cited))
                if cited.counted_as:
                    counts[cited.counted_as] += 1
                counts["dates"] += sum(getattr(cited, f) is not None for f in of_type(type(cited), PartialDate))
            for loc, message in check_record(record, documents, dates, found, people):
                problems.append(f'{ds.display}, line {ds.line(index, *loc)}: record "{record.id}", '
                                f'field "{_field(loc)}": {message}')
    sources = site.sets["sources"]
    for index, src in enumerate(site.sources):
        doc = documents.get(src.id)
        for i, part in enumerate(src.names_only):
            if doc is not None and part not in doc.by_id:
                problems.append(f'{sources.display}, line {sources.line(index, "names_only", i)}: record '
                                f'"{src.id}", field "names_only": there is no passage "{part}" in {doc.display}.')
    if problems:
        raise DataError(join_problems(problems))
    return counts


def _field(loc: Location) -> str:
    return " > ".join(str(p) if not isinstance(p, int) else f"item {p + 1}" for p in loc)
