"""What each data file must contain. One model a dataset; every record has a stable id.

Records that state a fact name the source document it comes from (`source`, an id in
data/sources.yml) and the passage of that document (`passage`: the id of a paragraph, list item or
section in sources/<source>.md, shown on the document's page on the site). The fields a model
lists in `verbatim` are the document's own words: the build checks them word for word against that
passage (see verify.py). Every other text field is the site's own plain English.

The line under each field (its docstring) says what the field holds. It is the field's description
everywhere: in schemas/ (shown by an editor as you type) and in the open data's CSV on the Web
metadata (data/csv-metadata.json on the site). Write it for a reader of the data, in plain English.
"""
from __future__ import annotations

import re
from typing import Optional

from pydantic import Field

from . import vocabulary as v
from .fields import (
    Citation,
    Cited,
    FullDate,
    Id,
    Needed,
    PartialDate,
    PassageId,
    PastDate,
    Point,
    Record,
    Text,
    WebAddress,
)


class Source(Record):
    own_pages = ("reports/{id}/index.md", "reports/{id}/text.md")  # about it, and its full text
    listed_on = "reports/index.md"
    title: Text
    """The document's full title."""
    short_title: Text
    """A shorter title, used on the site."""
    date: PartialDate
    """The document's date, as exact as the document itself is."""
    updated: Optional[PartialDate] = None
    """The latest date our copy shows, where it is later than the document's own date (the plan of
    June 2018 mentions a decision of June 2020): evidence from it is then as old as this date."""
    body: Text
    """The organisation that wrote it."""
    written_by: Optional[Text] = None
    """The office that wrote it (never a person's contact details)."""
    to: Text
    """Who it was written for."""
    kind: v.choice(v.SOURCE_KINDS)
    """What kind of document it is."""
    summary: list[Text]
    """What it says, in plain English: one paragraph an item."""
    notes: Optional[Text] = None
    """What our copy of the document is missing or unclear about."""
    names_only: list[PassageId] = []
    """The parts of the document (sections or passages) that only name things and give no details
    of them: its cover, a list of names, its background papers. The evidence on a page is as old as
    the newest document that gives its details, so citing these parts does not make it newer."""
    read_for: list[v.choice(v.READ_FOR)] = []
    """What someone has read the whole document for, recording all it gives: "roles" (who holds
    the Trust's leading roles), "meetings" (the Trust's meetings), "findings" (findings about
    children). Only then may a page say the document gives none. Leave it out of a new report until
    someone has: the pages then say the report is still to be checked."""


class Term(Cited):  # the passage cited uses the term, short or in full (checked)
    term: Text
    """The short form, as the documents write it, for example "CAMHS"."""
    expansion: Text
    """What the short form stands for."""
    explanation: Text
    """What it means, in this site's own plain English."""
    see_also: list[Id] = []
    """Other terms to look at: ids of records in the glossary."""
    also_searched_as: list[Text] = []
    """Everyday words residents may type for it, for example "special needs" or "NEET": the site's
    search finds the term's pages by them too. They are never shown on the site."""


class Area(Cited):
    verbatim = ("name",)
    order: int
    """Its place in the plan's order of areas (1 is first)."""
    name: Text
    """The area's name, as the plan words it (checked word for word)."""
    short: Optional[Text] = None
    """A shorter label for narrow tables and filters, for example "Be Healthy"."""
    easy: Text
    """The Easy Read version: short sentences, common words."""
    icon: Text
    """The icon shown with it on the site, named as in the site's theme, for example
    "material/school"."""
    intro: Text
    """What the area is about, in this site's own plain English."""
    also_called: list["AreaName"] = []
    """How later documents name it."""


class AreaName(Citation):
    verbatim = ("name",)
    name: Text
    """The area's name, as this document words it (checked word for word)."""


class Wording(Citation):
    verbatim = ("text",)
    text: Text
    """The priority, as this document words it (checked word for word)."""


class Priority(Record):
    number: int
    """The priority's number in the plan."""
    area: Id
    """The area of focus it belongs to: the id of a record in the areas dataset."""
    easy: Text
    """The Easy Read version: short sentences, common words."""
    wording: list[Wording] = Field(min_length=1)
    """How each document words it: the plan's own words first, then each later report that words
    it differently."""


class Statement(Cited):
    verbatim = ("text", "children")
    needed = (Needed(("vision", "plan_on_a_page"), "group", "vision"),
              Needed(("easy_read",), "group", "easy-about"), Needed(("easy_read",), "group", "easy-vision"),
              Needed(("easy_read",), "group", "easy-now"))
    group: Id
    """The group it belongs to: each group is shown in one place on the site, in file order."""
    text: Text
    """The statement: the document's own words when "quoted" is true, otherwise this site's
    plain-English summary of them."""
    children: list[Text] = []
    """Its sub-points, worded like the statement."""
    quoted: bool = True
    """true when the text is the document's own words (checked word for word); false when it is
    this site's plain-English summary."""


class PlanAction(Cited):
    verbatim = ("focus", "actions", "agencies", "measures", "leads", "reporting")
    area: Id
    """The area of focus: the id of a record in the areas dataset."""
    focus: Optional[Text] = None
    """What the plan focuses on in this area, in its own words; left out where the plan gives none."""
    actions: list[Text]
    """What will be done, in the plan's own words."""
    agencies: list[Text]
    """The agencies responsible, in the plan's own words."""
    measures: list[Text]
    """How we will know this area of focus has improved, in the plan's own words."""
    leads: list[Text]
    """The Children's Trust Board leads, in the plan's own words."""
    reporting: list[Text]
    """When progress is reported, in the plan's own words."""


class Role(Cited):
    verbatim = ("position",)
    role: v.Role
    """The role: city-seat is Oxford City Council's seat, district-seat the rotating seat of the
    district councils."""
    person: Text
    """Their name, the same way in every record (the surname is in the passage, or in named_in)."""
    named_in: Optional[PassageId] = None
    """The passage that gives their name, where another passage gives their office (a signature
    gives the name in one paragraph and the office in the next): the id of a paragraph of the same
    document."""
    position: Optional[Text] = None
    """The office they held, as the document words it (checked word for word)."""
    since: Optional[PartialDate] = None
    """When they started, only where the passage gives the date."""
    until: Optional[PartialDate] = None
    """When they stopped, only where the passage gives the date."""
    note: Optional[Text] = None
    """What a reader should know about this record, in plain English."""


class Gone(Citation):
    """What became of an organisation that no longer exists."""
    explanation: Text
    """What became of it, as a general explanation in this site's own words (shown after "In our
    words:"). No date that none of the documents gives."""
    text: Text
    """What a newer document says about who does its work, in this site's own words, with the
    passage that says it (names and dates checked)."""


class Member(Cited):
    verbatim = ("name",)
    name: Text
    """The organisation, as the document words it (checked word for word)."""
    group: v.choice(v.MEMBER_GROUPS)
    """What it is a member of: the Children's Trust Board (trust-board), or Oxford City Council's
    own Children and Young People Partnership (city-partnership)."""
    short_form: Optional[Id] = None
    """The glossary's entry for the organisation's short form (the entry's id, e.g. occg), if it
    has one: where the organisation is gone, the site says so in that entry and wherever a page
    uses the short form."""
    gone: Optional[Gone] = None
    """Where the organisation no longer exists: what became of it. The site then says it is gone
    wherever it lists it as a member, wherever a statement or figure names it (by its name or its
    short form), and in the glossary's entry for its short form."""


class Meeting(Cited):
    date: PartialDate
    """When it met, as exactly as the passage gives it (checked)."""
    kind: v.choice(v.MEETING_KINDS)
    """What kind of meeting it was."""
    title: Text
    """What the meeting was, in plain English."""
    items: list[Point] = []
    """What it covered."""
    planned: bool = False
    """true when the document says the meeting was still to come."""


class TrustPriority(Cited):
    verbatim = ("title",)
    needed = (Needed(("trust_priorities",)),)
    period: Text
    """The year it is for, for example "2019/20"."""
    title: Text
    """The priority: the document's own words when "quoted" is true, otherwise this site's
    summary of them."""
    quoted: bool = True
    """true when the title is the document's own words (checked word for word); false when it is
    this site's summary."""
    detail: Optional[Text] = None
    """More about it, in plain English."""


class Figure(Cited):
    label: Text
    """What is counted, in plain English."""
    value: float
    """The number itself (checked: it is in the passage)."""
    unit: v.choice(v.UNITS)
    """What the number is: a count, a percentage, pounds (gbp), people or weeks."""
    qualifier: v.choice(v.QUALIFIERS) = "exactly"
    """How exact the number is, as the document says it: exactly, about, over, up to or almost."""
    period: Optional[Text] = None
    """The time the figure is for, for example "2017" or "2019/20"."""
    series: Optional[Id] = None
    """Figures that track the same thing over time share a series id."""
    short: Optional[Text] = None
    """A short name for charts and tables."""


class RagRating(Citation):
    """A Red, Amber or Green rating. Its date is the date of the document it comes from."""
    rag: v.Rag
    """The rating."""


class Indicator(Cited):
    verbatim = ("title",)
    own_pages = ("performance/indicators/{id}.md",)
    listed_on = "performance/indicators/index.md"
    needed = (Needed(("ratings_summary",)),)
    area_given: Optional[Citation] = None
    """Where the report itself links the indicator to its area of focus, if it does (otherwise the
    site placed it by what it measures, and says so)."""
    name: Text
    """A short plain-English name, used in headings and tables."""
    number: Optional[Text] = None
    """Its number in the performance framework, where the report gives one."""
    title: Text
    """The indicator, as the report words it (checked word for word)."""
    plain: Text
    """What it measures, in plain English."""
    why: Text
    """Why it matters, in plain English."""
    area: Id
    """The area of focus it is shown under: the id of a record in the areas dataset."""
    ratings: list[RagRating] = Field(min_length=1)
    """Its Red, Amber or Green ratings, one for each report that rates it."""
    target: Optional[Text] = None
    """Its target, in words."""
    figures: list[Id] = []
    """The numbers about it: ids of records in the figures dataset."""
    actions: list[Point] = []
    """What is being done about it."""


class Initiative(Cited):
    own_pages = ("council/work/{id}.md",)
    listed_on = "council/index.md"
    name: Text
    """Its name, as the council's report of January 2026 words it (checked: it is word for word in
    one of the passages under "reported")."""
    summary: Text
    """What it is, in this site's own plain English."""
    details: list[Point] = []
    """More about it, point by point."""
    ages: Optional[Text] = None
    """The ages it is for, in words, where the report gives them."""
    places: list[Text] = []
    """Where it happens."""
    partners: list[Text] = []
    """Who it works with."""
    figures: list[Id] = []
    """The numbers about it: ids of records in the figures dataset."""
    age_groups: list[v.AgeGroup] = Field(min_length=1)
    """Who it is for, as the site's finder groups it (not-stated where the report does not say)."""
    themes: list[v.Theme] = Field(min_length=1)
    """What it is about, as the site's finder groups it (not-stated where the report does not say)."""
    neighbourhoods: list[v.Neighbourhood] = Field(min_length=1)
    """Where it is, as the site's finder groups it (not-stated where the report does not say)."""
    reported: list[Citation] = Field(min_length=1)
    """Where each report mentions it."""

    @property
    def lead(self) -> str:
        """The summary's first sentence: what its card in the list of the council's work shows, and
        its page's description."""
        return re.split(r"(?<=\.)\s+(?=[A-Z])", self.summary, maxsplit=1)[0]


class Event(Cited):
    date: Optional[PartialDate] = None
    """When it happened, as exactly as the passage gives it (checked); left out where the document
    gives no date."""
    topic: v.Topic
    """What it is part of: SEND improvement (send), the Education Commission (commission), the
    plan, the Children's Trust (trust) or Oxford City Council (council)."""
    title: Text
    """What happened, in a few words."""
    text: Text
    """What happened, in plain English."""


class AccessibilityNote(Record):
    kind: v.choice(v.ACCESSIBILITY_KINDS)
    """What the note is: a test of the site, a known issue, or when the accessibility statement was
    prepared or reviewed."""
    date: FullDate
    """When."""
    text: Text
    """What was tested, or what the issue is."""
    how: Optional[Text] = None
    """For tests: the tool or method."""
    result: Optional[Text] = None
    """For tests: what it found."""


class Change(Record):
    date: FullDate
    """When the site changed."""
    title: Text
    """What changed, in a few words."""
    text: Text
    """What changed, in plain English."""
    pages: list[Text] = []
    """The pages that changed, as paths under docs/ (for example council/index.md)."""


class Service(Record):
    """A page of an official service on another website: where a resident goes next. Each page it
    is for lists it in its section on where to go next; none of it comes from the documents."""
    text: Text
    """The link's words, in this site's plain English: what a resident goes there to do, for
    example: Ask for an education, health and care needs assessment."""
    url: WebAddress
    """The page's address, exactly as you found it on the page itself: it starts https:// and is
    on an official public service's website (its name ends .gov.uk or .nhs.uk)."""
    title: Text
    """The page's own title, as the page gives it, so that whoever checks the link next can tell
    it is still the same page."""
    runs: Text
    """Who runs the service and its website, for example Oxfordshire County Council. The site
    names it after the link, as that council's or body's website."""
    what: Text
    """What a resident can do there, in one sentence of this site's own plain English. Say only
    what the page at the address says."""
    pages: list[Text] = Field(min_length=1)
    """The pages that list it in their section on where to go next, as paths under docs/ (for example
    send.md). Each of them ends with the macro where_to_go_next()."""
    checked: PastDate
    """When someone last opened the page and checked that it is still the right one. The tests
    fail once this is more than a year ago, so that someone checks it again."""
    how: Text
    """How it was checked, for example: opened the page and read it."""
    tell_us: bool = False
    """true for a council's website where a reader who has no GitHub account can tell the council
    about a mistake on this site: every page offers it beside its link to suggest a change."""


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
    "services": Service,
}
