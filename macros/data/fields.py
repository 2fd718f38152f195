"""The building blocks of the models (models.py): ids, text, dates, and the fields every record or
citation has. Every model forbids unknown fields, trims spaces, is read-only, and takes each field's
description from its docstring."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from string import Formatter
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Iterator, Mapping, Self, TypeVar, get_args, get_origin
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictStr, WithJsonSchema

from macros.data.dates import FULL_DATE, PartialDate
from macros.data.vocabulary import OFFICIAL_WEBSITES

if TYPE_CHECKING:
    from macros.data.loader import Dataset
    from macros.data.matching import At
    from macros.data.models import Datasets



def _whole_day(date: PartialDate) -> PartialDate:
    if date.precision != "day":
        raise ValueError(f'expected a full date written as YYYY-MM-DD but found "{date}"')
    return date


def _not_future(date: PartialDate) -> PartialDate:
    if date.first_day > dt.date.today():
        raise ValueError(f'expected a date that has passed (today is {dt.date.today().isoformat()}) '
                         f'but found "{date}"')
    return date


def _check_address(text: str) -> str:
    parts = urlsplit(text)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not host or any(c.isspace() for c in text):
        raise ValueError(f'expected a whole web address starting https:// (no spaces) but found "{text}"')
    if not any(host == suffix[1:] or host.endswith(suffix) for suffix in OFFICIAL_WEBSITES):
        raise ValueError(f'expected the address of an official public service, on a website whose name ends '
                         f'with {" or ".join(OFFICIAL_WEBSITES)}, but found "{host}". Ask the web team if '
                         "another kind of website should be allowed")
    return text


Location = tuple[str | int, ...]  # where a value is in a record: the field names and list positions


def field_name(loc: Location) -> str:
    """Where a value is in a record, as a message names it: "ratings > item 1 > rag"."""
    return " > ".join(str(p) if not isinstance(p, int) else f"item {p + 1}" for p in loc)


@dataclass(frozen=True)
class Mark:
    """A mark on a field's type that says what the field is (`Annotated[str, QUOTED]`); the
    checks find the fields by it (`marked`)."""
    what: str


@dataclass(frozen=True)
class Refers:
    """A mark on an id's type: the id of a record in another dataset (checked when the data is
    loaded, and a foreign key in the open data)."""
    dataset: str


@dataclass(frozen=True)
class Asked:
    """A mark on a field of values from a closed list: the finder of the council's work asks about
    it (macros/views/council.py), in the order of the model's fields."""
    key: str  # its name in the page's address: ?where=barton
    question: str  # the question as the finder shows it: "Where in Oxford"
    answers: Mapping[str, str]  # each value's words, in the order the finder shows them
    unsaid: str  # what a report may leave unsaid, for "the reports do not say …": "which ages it is for"
    everywhere: tuple[str, ...] = ()  # answers that hold wherever: work across the city shows with any place
    hint: str = ""  # said under the question
    also: str = ""  # the count of work found through `everywhere`, with {direct} and {also}


DOCS_PAGE = Mark("a page of the site, as its path under docs/ (checked: the page exists)")
OWN_WORDS = Mark("words: the site's own, checked for names, ages and dates, unless the model quotes them")
PASSAGE = Mark("the id of a passage of the document cited (a source's own, on a source): checked, it exists")
PERSON = Mark("a person's name: the site's own words that give it are checked against their passage")

ID, PASSAGE_ID = r"^[a-z0-9][a-z0-9.-]*$", r"^[a-z0-9][a-z0-9-]*$"
# What an id may be made of, as a message says it, by its type's pattern.
ID_PATTERNS = {ID: "lower-case letters, digits, dots and hyphens", PASSAGE_ID: "lower-case letters, digits and hyphens"}
Id = Annotated[StrictStr, Field(pattern=ID)]
PassageId = Annotated[StrictStr, Field(pattern=PASSAGE_ID), PASSAGE]
SourceId = Annotated[Id, Refers("sources")]  # a record of data/sources.yml
AreaId = Annotated[Id, Refers("areas")]
TermId = Annotated[Id, Refers("glossary")]
FigureId = Annotated[Id, Refers("figures")]
DocsPage = Annotated[StrictStr, Field(min_length=1), DOCS_PAGE]
QUOTED = Mark("a document's own words: checked word for word against the passage cited")

Text = Annotated[StrictStr, Field(min_length=1), OWN_WORDS]  # words in the site's own plain English
Quoted = Annotated[StrictStr, Field(min_length=1), QUOTED]  # a document's own words, quoted
PersonName = Annotated[StrictStr, Field(min_length=1), PERSON]  # checked apart: the surname is in the passage


def _marks(annotation: object) -> Iterator[object]:
    """The marks on a type, and on the types inside it (a list's items, an optional value)."""
    if get_origin(annotation) is Annotated:
        yield from getattr(annotation, "__metadata__", ())
    for inner in get_args(annotation):
        yield from _marks(inner)




def of_type(model: type[BaseModel], kind: type) -> tuple[str, ...]:
    """The fields of a model whose values are of this type (or lists of it, or optional)."""
    return tuple(name for name, info in model.model_fields.items()
                 if any(inner is kind for inner in types_in(info.annotation)))


def types_in(annotation: object) -> Iterator[object]:
    """A type, and the types inside it: a list's items, an optional value's type."""
    yield annotation
    for inner in get_args(annotation):
        yield from types_in(inner)


def models_in(model: type[BaseModel]) -> Iterator[type[BaseModel]]:
    """A model and every model inside it, once each: a record's citations, points, ratings."""
    seen: list[type[BaseModel]] = []
    todo = [model]
    while todo:
        kind = todo.pop(0)
        if kind not in seen:
            seen.append(kind)
            yield kind
            todo += [inner for info in kind.model_fields.values() for inner in types_in(info.annotation)
                     if isinstance(inner, type) and issubclass(inner, BaseModel)]


@cache  # a model's fields never change
def marked(model: type[BaseModel], mark: Mark) -> tuple[str, ...]:
    """The fields of a model whose type carries the mark."""
    return tuple(name for name, info in model.model_fields.items()
                 if mark in info.metadata or mark in _marks(info.annotation))


def marked_values(record: BaseModel, mark: Mark) -> Iterator[tuple[Location, BaseModel, str, Any]]:
    """Every value of a field whose type carries the mark, in a record and in its parts, single or
    in a list: (where it is in the record, the part, the part's document, the value)."""
    for loc, part, source in parts(record):
        for name in marked(type(part), mark):
            for at, value in values(part, name):
                yield loc + at, part, source, value


M = TypeVar("M")


def marks_of(model: type[BaseModel], kind: type[M]) -> dict[str, M]:
    """The fields of a model whose type carries a mark of this kind, each with its mark."""
    return {name: mark for name, info in model.model_fields.items()
            for mark in (*info.metadata, *_marks(info.annotation)) if isinstance(mark, kind)}


def references(model: type[BaseModel]) -> dict[str, str]:
    """The fields of a model that hold the id (or ids) of records in another dataset, with that
    dataset's name (their type is marked `Refers`)."""
    return {name: mark.dataset for name, mark in marks_of(model, Refers).items()}


def values(part: BaseModel, name: str) -> Iterator[tuple[Location, Any]]:
    """A field's values, each with where it is in the part: the value, or each item of a list;
    none when the field is left out."""
    value = getattr(part, name)
    if isinstance(value, list):
        yield from (((name, i), item) for i, item in enumerate(value))
    elif value is not None:
        yield (name,), value


def parts(value: object, loc: Location = (), source: str = "") -> Iterator[tuple[Location, BaseModel, str]]:
    """A record and every record inside it (a citation, a point, a rating), each with where it is
    in the record and the document it is from: its own `source`, or else its record's (a record
    that is a document, `is_document`, is its own). The one walk over a record's parts: the
    cross-references, the checks and the source pages use it."""
    if isinstance(value, BaseModel):
        if isinstance(value, Citation):  # a citation names its document (a point cites its record's)
            source = value.source
        elif isinstance(value, Record) and value.is_document:  # a document is its own
            source = value.id
        yield loc, value, source
        for name in type(value).model_fields:
            yield from parts(getattr(value, name), loc + (name,), source)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from parts(item, loc + (i,), source)


# A date of a whole day (YYYY-MM-DD), and one that has passed: a PartialDate, a day exactly.
_FULL_DATE = WithJsonSchema({"pattern": FULL_DATE, "type": "string", "description": "A full date: YYYY-MM-DD."})
FullDate = Annotated[PartialDate, AfterValidator(_whole_day), _FULL_DATE]
PastDate = Annotated[PartialDate, AfterValidator(_whole_day), AfterValidator(_not_future), _FULL_DATE]
# A link to another website: https, on an official public service's website (vocabulary.py).
WebAddress = Annotated[StrictStr, AfterValidator(_check_address)]


def title(name: str) -> str:
    """A field's title, in sentence case: "short_title" → "Short title", "indicator_id" → "Indicator ID"."""
    words = ["ID" if w == "id" else w for w in name.split("_")]
    return " ".join(words)[:1].upper() + " ".join(words)[1:]


# Every model: no unknown fields, spaces trimmed, read-only; each field described by its docstring.
CONFIG = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True, use_attribute_docstrings=True,
                    field_title_generator=lambda name, _info: title(name))


@dataclass(frozen=True)
class Needed:
    """Records of a dataset that the site's pages cannot be made without: at least one record (with
    `field` set to `value`, when given), shown by the page macros named in `shown_by`."""
    shown_by: tuple[str, ...]
    field: str = ""
    value: str = ""

    def met_by(self, record: BaseModel) -> bool:
        return not self.field or getattr(record, self.field) == self.value

    @property
    def what(self) -> str:
        return f"a record with {self.field}: {self.value}" if self.field else "a record"


ShownOn = tuple[tuple[str, str], ...]  # pages, each as (the words of a link to it, its path under docs/)


@dataclass(frozen=True)
class OwnPage:
    """A page each record of a kind makes for itself (macros/views/record_pages.py writes its
    Markdown, unless an officer writes the page in docs/). Its path has "{id}" for the record's id;
    its title, description and menu entry name the record's fields in braces ("{short_title}")."""
    path: str  # under docs/: "council/work/{id}.md"
    title: str  # the page's title (and its heading): "{short_title}: the full text"
    described: str  # the page's description, for search results and link previews
    shown_by: str  # the macro that shows the record on it, given its id: a page written in its place calls it too
    menu: str = ""  # its menu entry: for a page under the record's first, its words ("Full text"); for a first
    # page with pages under it, the entry over them all ("{dated_title}"); for a page alone, its title
    found_later: bool = False  # search shows it after the pages that explain the record (a document's full text)

    def of(self, record: Record) -> str:
        """The record's page: its path under docs/."""
        return self.path.format(id=record.id)

    def fill(self, text: str, record: Record) -> str:
        """The title, description or menu entry of the record's page, its fields filled in."""
        return text.format(**{name: getattr(record, name) for _, name, _, _ in Formatter().parse(text) if name})


class Record(BaseModel):
    model_config = CONFIG
    # What the dataset holds, in one sentence: the open data says it, and so does "Download the data
    # on this page" on every page that shows the dataset.
    described: ClassVar[str] = ""
    # The pages that show the dataset's records: the page about each document links to them when the
    # document gives records of this dataset.
    shown_on: ClassVar[ShownOn] = ()
    # The pages each record of this kind makes for itself (the first is its page, where links to the
    # record go), and the page that lists them (their menu entries follow it; they are reviewed with it).
    # Both or neither: without own_pages, the records are shown on other pages.
    own_pages: ClassVar[tuple[OwnPage, ...]] = ()
    listed_on: ClassVar[str] = ""
    needed: ClassVar[tuple[Needed, ...]] = ()  # the records the pages rely on (checked when loading)
    # Whether each record is a document (sources): its id is the document's, and its own passages
    # (fields of type PassageId) are passages of it.
    is_document: ClassVar[bool] = False
    id: Id
    """The record's id: short, and unique in its dataset. Other records, and web addresses on the
    site, use it."""

    @classmethod
    def check_dataset(cls, dataset: Dataset[Self], data: Datasets) -> Iterator[str]:
        """Each problem across this dataset's records (a number used twice…), as a plain message
        naming the file and line; the other datasets are in `data`. None unless a model says."""
        return iter(())


class Cites(BaseModel):
    """What every part of a record that cites a passage (a Citation, or a Point of a record) declares
    about its checks against that passage (verify.py). A model adds its own in `checks`."""
    model_config = CONFIG
    counted_as: ClassVar[str] = ""  # what the site's count of checks counts it as: "figures", "ratings"
    states: ClassVar[str] = ""  # what `stated_in` looks for, as a message names it: "figure", "term"
    if TYPE_CHECKING:  # each model declares it as a field, in its own place among its fields
        passage: str

    def quoted_fields(self) -> tuple[str, ...]:
        """The fields that quote the passage word for word (their type is `Quoted`)."""
        return marked(type(self), QUOTED)

    def quotations(self) -> Iterator[tuple[Location, str]]:
        """The words this part shows as the document's own: (field, or field and list index; text)."""
        for field in self.quoted_fields():
            yield from ((at, text) for at, text in values(self, field) if text)

    def checks(self, at: At) -> Iterator[tuple[Location, str]]:
        """Each problem with what this part states, against the passage it cites (`at`), as (field,
        plain message). The quotations, dates and own words of every part are checked apart."""
        return iter(())

    def stated_in(self, text: str) -> bool:
        """Whether a passage's text states what this part states (its figure, its term), for the
        message that names the passage to cite instead."""
        return True


class Citation(Cites):
    """Where in a source document something comes from."""
    source: SourceId
    """The document it comes from: the id of a record in the sources dataset."""
    passage: PassageId
    """The passage of that document that says it: the id of a paragraph, list item or section of
    the document's full text on this site."""


class Cited(Citation, Record):
    pass


class Point(Cites):
    """One point of a record, in the site's own plain English, with the passage that says it.
    Its document is the record's own `source`."""
    model_config = CONFIG
    text: Text
    """The point, in this site's own plain English."""
    passage: PassageId
    """The passage of the record's document that says it: the id of a paragraph, list item or
    section of the document's full text on this site."""
