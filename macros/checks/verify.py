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
the passage where it is (or the nearest one). How words, numbers, ratings and dates are found in a
passage is macros/data/matching.py, which the models' own checks use too.
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Iterator

from pydantic import BaseModel

from macros.data.dates import MONTHS, PartialDate
from macros.data.documents import Document, Passage
from macros.data.fields import (
    OWN_WORDS,
    PASSAGE,
    QUOTED,
    Cites,
    Location,
    Record,
    field_name,
    marked,
    of_type,
    parts,
    values,
)
from macros.data.loader import join_problems
from macros.data.matching import (
    At,
    excerpt,
    first_difference,
    found_in,
    has_date,
    nearest,
    normalise,
    number_spans,
    where,
)
from macros.data.models import COUNTED
from macros.errors import DataError

if TYPE_CHECKING:
    from macros.data.checked import CheckedData
    from macros.data.models import Source

def closest_passage(doc: Document, cited: Cites) -> str:
    """For a citation of a passage that does not exist: the passage that says what the record
    quotes (or its figure, or its term), or else the passage whose words are closest to the record's."""
    passages = [p for p in doc.passages if p.kind != "note"]
    quotes = [q for _, q in cited.quotations()]
    def words_of(text: str) -> set[str]:  # the longer words, which say what a text is about
        return {w for w in re.findall(r"\w+", normalise(text).lower()) if len(w) > 3}
    words = words_of(" ".join(quotes + [t for _, t in own_words(cited)]))

    def shared(p: Passage) -> int:
        return len(words & words_of(p.text))

    def says(text: str) -> bool:
        return all(found_in(q, text) for q in quotes) and cited.stated_in(text)
    found = [p for p in passages if (quotes or cited.states) and says(doc.text(p.id))]
    if found:  # the id nearest the one written, if it says it; else the one sharing most words
        near = difflib.get_close_matches(cited.passage, [p.id for p in found], n=1, cutoff=0.8)
        best = doc.get(near[0]) if near else max(found, key=shared)
        has = "words it quotes" if quotes else cited.states
        return (f" The passage that has the {has} is {where(doc, best)}: "
                f"{excerpt(best)}. Cite that one.")
    closest = max(passages, key=shared, default=None)
    if closest is None or shared(closest) < len(words) / 2:
        return ""
    return f" The passage whose words are closest is {where(doc, closest)}: {excerpt(closest)}."


def citations(record: BaseModel) -> Iterator[tuple[Location, Cites, str]]:
    """Every part of a record that cites a passage, with where it is in the record and its
    document (a point without a source of its own is in its record's document)."""
    return ((loc, part, source) for loc, part, source in parts(record) if isinstance(part, Cites))


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


def own_words(cited: Cites) -> Iterator[tuple[Location, str]]:
    """The parts of a record (or of a part of one) in the site's own words: (field, or field and
    list index; text): its text fields (`Text`), but not those quoted word for word."""
    quoted = cited.quoted_fields()
    for name in marked(type(cited), OWN_WORDS) + marked(type(cited), QUOTED):
        if name not in quoted:
            yield from values(cited, name)


FINDING_A_PASSAGE = (" Each heading, paragraph and list item's id is shown on the document's page on the site, "
                     'and make find WORDS="..." gives the passage that has those words.')


def missing_passages(part: BaseModel, doc: Document) -> Iterator[tuple[Location, str]]:
    """Each passage a part of a record names (its fields of type PassageId, single or in a list)
    that its document does not have, as (field, plain message) with the passage to cite instead:
    for the passage a part cites, the one that says what it says; for any other, the nearest id."""
    for name in marked(type(part), PASSAGE):
        for at, passage in values(part, name):
            if passage in doc.by_id:
                continue
            if isinstance(part, Cites) and name == "passage":
                instead = closest_passage(doc, part)
            else:
                near = difflib.get_close_matches(passage, list(doc.by_id), n=1, cutoff=0.6)
                instead = (f" The passage with the nearest id is {where(doc, doc.get(near[0]))}: "
                           f"{excerpt(doc.get(near[0]))}." if near else "")
            yield at, f'there is no passage "{passage}" in {doc.display}.{instead}{FINDING_A_PASSAGE}'


def check_record(record: Record, documents: dict[str, Document], dates: dict[str, tuple[PartialDate, ...]],
                 found: list[tuple[Location, BaseModel, str]] | None = None,
                 people: Iterable[str] = ()) -> Iterator[tuple[Location, str]]:
    """Each problem with one record and its parts (`parts`, found again unless given), as (field
    location, plain message): the passages it names, then, for each part that cites a passage, its
    quotations, its dates and its own words, then what its model checks (`checks`). `dates` holds
    each document's date (and our copy's, where later); `people` the people the data names."""
    for loc, cited, source in parts(record) if found is None else found:
        doc = documents.get(source)
        if doc is None:
            continue  # an unknown source is reported by the cross-reference check
        missing = [(loc + at, message) for at, message in missing_passages(cited, doc)]
        yield from missing
        if not isinstance(cited, Cites) or loc + ("passage",) in dict(missing):
            continue
        scope = doc.text(cited.passage)
        said_where = where(doc, doc.get(cited.passage))
        for at, quote in cited.quotations():
            if not found_in(quote, scope):
                def has_quote(text: str, quote: str = quote) -> bool:
                    return found_in(quote, text)
                yield loc + at, (
                    f"the quotation “{quote}” is not word for word in {said_where}, which it cites."
                    + (first_difference(quote, scope) or nearest(doc, has_quote, quote))
                    + " Copy the document's words exactly, or cite the passage they are in.")
        section = doc.heading(doc.get(cited.passage).section)
        for at, value in (found for field in of_type(type(cited), PartialDate) for found in values(cited, field)):
            if not has_date(value, f"{section} {scope}", dates[source][0]):
                yield loc + at, (f'the date "{value}" is not in {said_where}, which it cites. Give '
                                       "only as much of a date as the passage states (a year, a "
                                       "month or a day), or leave the date out and say in the text "
                                       "what the document says.")
        for at, text in own_words(cited):
            for words in unsupported(text, [(doc, cited.passage)], dates, people, figures=True):
                yield loc + at, (
                    f"the words “{words}” are not in {said_where}, which its note opens: "
                    f"{excerpt(doc.get(cited.passage), 160)}. Cite the passage that says them, or leave "
                    "them out.")
        if not missing:  # a model's own checks may read any passage it names
            passage = At(doc, doc.get(cited.passage), scope, said_where, documents)
            yield from ((loc + field, message) for field, message in cited.checks(passage))


def check_all(site: CheckedData) -> dict[str, int]:
    """Check every record; raise DataError listing the first problems. Returns what was checked."""
    problems: list[str] = []
    # quotations, then what each kind of part is counted as (its model's counted_as), then dates
    counts = dict.fromkeys(("quotations", *COUNTED, "dates", "citations"), 0)
    documents = site.documents
    dates = document_dates(site.sources)
    people = site.people()
    for ds in site.sets.values():
        for index, record in enumerate(ds.records):
            found = list(parts(record))
            for _, cited, _ in found:
                if not isinstance(cited, Cites):
                    continue
                counts["citations"] += 1
                counts["quotations"] += sum(1 for _ in cited.quotations())
                if cited.counted_as:
                    counts[cited.counted_as] += 1
                counts["dates"] += sum(1 for f in of_type(type(cited), PartialDate) for _ in values(cited, f))
            for loc, message in check_record(record, documents, dates, found, people):
                problems.append(f'{ds.display}, line {ds.line(index, *loc)}: record "{record.id}", '
                                f'field "{field_name(loc)}": {message}')
    if problems:
        raise DataError(join_problems(problems))
    return counts
