"""What each data file must contain. One model a dataset; every record has a stable id.

Records that state a fact name the source document it comes from (`source`, an id in
data/sources.yml) and the passage of that document (`passage`: the id of a paragraph, list item or
section in sources/<source>.md, shown on the document's page on the site). The fields a model
lists in `verbatim` are the document's own words: the build checks them word for word against that
passage (see verify.py). Every other text field is the site's own plain English.
"""
from __future__ import annotations

from typing import Annotated, ClassVar, Literal, Optional

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictStr

from .loader import parse_partial_date

Id = Annotated[StrictStr, Field(pattern=r"^[a-z0-9][a-z0-9.-]*$")]
PassageId = Annotated[StrictStr, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
Text = Annotated[StrictStr, Field(min_length=1)]


def _check_date(text: str) -> str:
    parse_partial_date(text)
    return text


def _check_full_date(text: str) -> str:
    _, precision = parse_partial_date(text)
    if precision != "day":
        raise ValueError(f'expected a full date written as YYYY-MM-DD but found "{text}"')
    return text


def _year_as_text(value: object) -> object:
    # "since: 2020" is read by YAML as a number; a year on its own is fine here.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


# A date that may be only a year ("2018") or a month ("2023-07") when the source gives no more.
PartialDate = Annotated[StrictStr, BeforeValidator(_year_as_text), AfterValidator(_check_date)]
FullDate = Annotated[StrictStr, AfterValidator(_check_full_date)]
Rag = Literal["Red", "Amber", "Green"]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    id: Id


class Citation(BaseModel):
    """Where in a source document something comes from."""
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    verbatim: ClassVar[tuple[str, ...]] = ()  # the fields quoted word for word from the passage
    source: Id
    passage: PassageId  # a paragraph, list item or section of sources/<source>.md


class Cited(Citation, Record):
    pass


class Point(BaseModel):
    """One point of a record, in the site's own plain English, with the passage that says it.
    Its document is the record's own `source`."""
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    text: Text
    passage: PassageId


class Source(Record):
    title: Text
    short_title: Text
    date: PartialDate  # as exact as the document itself is
    # the latest date our copy shows, where it is later than the document's own date (the plan of
    # June 2018 mentions a decision of June 2020): evidence from it is then as old as this date
    updated: Optional[PartialDate] = None
    body: Text  # the organisation that wrote it
    written_by: Optional[Text] = None  # the office that wrote it (never a personal contact)
    to: Text  # who it was written for
    kind: Literal["report", "plan"]
    summary: list[Text]  # plain-English summary, one paragraph an item
    notes: Optional[Text] = None  # what our copy of the document is missing or unclear about


class Term(Cited):  # the passage cited uses the term, short or in full (checked)
    term: Text  # as written in the documents, e.g. "CAMHS"
    expansion: Text
    explanation: Text  # the site's own plain-English explanation
    see_also: list[Id] = []


class Area(Cited):
    verbatim = ("name",)
    order: int
    name: Text  # as the plan names it
    short: Optional[Text] = None  # a shorter label for narrow tables and filters, e.g. "Be Healthy"
    easy: Text  # the Easy Read version: short sentences, common words
    icon: Text
    intro: Text  # plain-English description written for this site
    also_called: list["AreaName"] = []  # how later documents name it


class AreaName(Citation):
    verbatim = ("name",)
    name: Text


class Wording(Citation):
    verbatim = ("text",)
    text: Text


class Priority(Record):
    number: int
    area: Id
    easy: Text  # the Easy Read version: short sentences, common words
    wording: list[Wording] = Field(min_length=1)  # the plan's own words first, then later reports'


class Statement(Cited):
    verbatim = ("text", "children")
    group: Id
    text: Text
    children: list[Text] = []
    quoted: bool = True  # the document's own words (True) or our plain-English summary (False)


class PlanAction(Cited):
    verbatim = ("focus", "actions", "agencies", "measures", "leads", "reporting")
    area: Id
    focus: Optional[Text] = None  # left out where the plan gives none
    actions: list[Text]
    agencies: list[Text]
    measures: list[Text]
    leads: list[Text]
    reporting: list[Text]


class Role(Cited):
    verbatim = ("position",)
    role: Literal["chair", "vice-chair", "city-seat", "district-seat"]
    person: Text  # their name, the same way in every record; the surname must be in the passage
    position: Optional[Text] = None  # the office they held, as the document words it
    since: Optional[PartialDate] = None  # only where the passage gives the date
    until: Optional[PartialDate] = None
    note: Optional[Text] = None  # plain English: what a reader should know about this record


class Member(Cited):
    verbatim = ("name",)
    name: Text
    group: Literal["trust-board", "city-partnership"]


class Meeting(Cited):
    date: PartialDate
    kind: Literal["board", "joint", "workshop", "steering-group", "health-and-wellbeing-board"]
    title: Text
    items: list[Point] = []  # what it covered
    planned: bool = False  # true when the source says the meeting was still to come


class TrustPriority(Cited):
    verbatim = ("title",)
    period: Text  # e.g. "2019/20"
    title: Text
    quoted: bool = True  # the title is the document's own words (True) or our summary (False)
    detail: Optional[Text] = None  # plain English


class Figure(Cited):
    label: Text  # what is counted, in plain English
    value: float
    unit: Literal["count", "percent", "gbp", "people", "weeks"]
    qualifier: Literal["exactly", "about", "over", "up-to", "almost"] = "exactly"
    period: Optional[Text] = None  # what time the figure is for, e.g. "2017" or "2019/20"
    series: Optional[Id] = None  # figures that track the same thing over time share a series
    short: Optional[Text] = None  # a short name for charts and tables


class RagRating(Citation):
    rag: Rag  # its date is the date of the document it comes from


class Indicator(Cited):
    verbatim = ("title",)
    # where the report itself links the indicator to its area of focus, if it does (otherwise
    # the site placed it by what it measures, and says so)
    area_given: Optional[Citation] = None
    name: Text  # a short plain-English name, used in headings and tables
    number: Optional[Text] = None  # the performance framework number, where the report gives one
    title: Text  # the indicator as the report words it
    plain: Text  # what it measures, in plain English
    why: Text  # why it matters, in plain English
    area: Id
    ratings: list[RagRating] = Field(min_length=1)
    target: Optional[Text] = None
    figures: list[Id] = []
    actions: list[Point] = []  # what is being done


AgeGroup = Literal["under-5", "children", "young-people", "families", "all", "not-stated"]
Theme = Literal["health", "sport", "culture", "learning", "safety", "community", "work",
                "partnerships", "not-stated"]
Neighbourhood = Literal["countywide", "citywide", "leys-littlemore-rose-hill", "barton", "city-centre",
                        "wood-farm", "not-stated"]


class Initiative(Cited):
    name: Text
    summary: Text
    details: list[Point] = []
    ages: Optional[Text] = None
    places: list[Text] = []
    partners: list[Text] = []
    figures: list[Id] = []
    age_groups: list[AgeGroup] = Field(min_length=1)  # for the finder
    themes: list[Theme] = Field(min_length=1)
    neighbourhoods: list[Neighbourhood] = Field(min_length=1)
    reported: list[Citation] = Field(min_length=1)  # where each report mentions it; the name must
    # be word for word in one of these passages


class Event(Cited):
    date: Optional[PartialDate] = None  # left out where the source gives no date
    topic: Literal["send", "commission", "plan", "trust", "council"]
    title: Text
    text: Text


class AccessibilityNote(Record):
    kind: Literal["test", "known-issue", "prepared", "reviewed"]
    date: FullDate
    text: Text  # what was tested, or what the issue is
    how: Optional[Text] = None  # for tests: the tool or method
    result: Optional[Text] = None  # for tests: what it found


class Change(Record):
    date: FullDate
    title: Text
    text: Text  # what changed, in plain English
    pages: list[Text] = []  # the pages that changed, as paths under docs/ (e.g. council/index.md)


Area.model_rebuild()

# The data files, their models, and the page an officer should look at to see what they feed.
DATASETS: dict[str, type[Record]] = {
    "sources": Source,
    "glossary": Term,
    "areas": Area,
    "priorities": Priority,
    "statements": Statement,
    "implementation": PlanAction,
    "roles": Role,
    "members": Member,
    "meetings": Meeting,
    "trust_priorities": TrustPriority,
    "figures": Figure,
    "indicators": Indicator,
    "initiatives": Initiative,
    "timeline": Event,
    "accessibility": AccessibilityNote,
    "changes": Change,
}
