"""What each data file must contain. One model a dataset; every record has a stable id.

Records that state a fact name the source document it comes from (`source`, an id in
data/sources.yml) and the passage of that document (`passage`: the id of a paragraph, list item or
section in sources/<source>.md, shown on the document's page on the site). The fields of type
`Quoted` are the document's own words: the build checks them word for word against that passage
(see macros/checks/verify.py). Every `Text` field is the site's own plain English, checked for the names, ages
and dates it gives.

The line under each field (its docstring) says what the field holds. It is the field's description
everywhere: in the schemas (build/schemas/, shown by an editor as you type) and in the open data's CSV on the Web
metadata (data/csv-metadata.json on the site). Write it for a reader of the data, in plain English.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated, ClassVar, Iterator, Optional, Self, get_args, get_type_hints

from pydantic import Field

from macros.data import vocabulary as v
from macros.data.dates import PartialDate
from macros.data.fields import (
    AreaId,
    Asked,
    Citation,
    Cited,
    Cites,
    DocsPage,
    FigureId,
    FullDate,
    Id,
    Needed,
    OwnPage,
    PassageId,
    PastDate,
    PersonName,
    Point,
    Quoted,
    Record,
    ShownOn,
    TermId,
    Text,
    WebAddress,
    models_in,
)
from macros.data.matching import At, cut_short, found_in, has_figure, has_qualifier, has_rating

if TYPE_CHECKING:
    from macros.data.fields import Location
    from macros.data.loader import Dataset


class Source(Record):
    described: ClassVar[str] = "The council documents the site is built from."
    about_page: ClassVar[OwnPage] = OwnPage(
        "reports/{id}/index.md", "{short_title}", "What this document is, a summary in plain words, and "
        "everything this site takes from it.", "source_page", menu="{dated_title}")
    text_page: ClassVar[OwnPage] = OwnPage(
        "reports/{id}/text.md", "{short_title}: the full text", "The full text of the document, with a link to "
        "every paragraph, so you can check each fact on this site.", "document_text", menu="Full text",
        found_later=True)
    own_pages = (about_page, text_page)
    listed_on = "reports/index.md"
    is_document = True  # names_only lists passages of the document itself
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
    kind: v.SourceKind
    """What kind of document it is."""
    summary: list[Text]
    """What it says, in plain English: one paragraph an item."""
    notes: Optional[Text] = None
    """What our copy of the document is missing or unclear about."""
    names_only: list[PassageId] = []
    """The parts of the document (sections or passages) that only name things and give no details
    of them: its cover, a list of names, its background papers. The evidence on a page is as old as
    the newest document that gives its details, so citing these parts does not make it newer."""
    read_for: list[v.ReadFor] = []
    """What someone has read the whole document for, recording all it gives: "roles" (who holds
    the Trust's leading roles), "meetings" (the Trust's meetings), "findings" (findings about
    children), "ratings" (ratings of the plan's indicators). Only then may a page say the document
    gives none. Leave it out of a new report until someone has: the pages then say the report is
    still to be checked."""

    @property
    def dated_title(self) -> str:
        """Its title with its month and year, unless the title says them: "… (October 2023)"."""
        month = self.date.month_year
        return self.title if month in self.title else f"{self.title} ({month})"


class Term(Cited):  # the passage cited uses the term, short or in full (checked)
    described: ClassVar[str] = "Short forms (acronyms) and what they mean."
    shown_on: ClassVar[ShownOn] = (("Glossary", "glossary.md"),)
    states: ClassVar[str] = "term"
    term: Text
    """The short form, as the documents write it, for example "CAMHS"."""
    expansion: Text
    """What the short form stands for."""
    explanation: Text
    """What it means, in this site's own plain English."""
    see_also: list[TermId] = []
    """Other terms to look at: ids of records in the glossary."""
    also_searched_as: list[Text] = []
    """Everyday words residents may type for it, for example "special needs" or "NEET": the site's
    search finds the term's pages by them too. They are never shown on the site."""

    def stated_in(self, text: str) -> bool:
        return found_in(self.term, text) or found_in(self.expansion, text)

    def checks(self, at: At) -> Iterator[tuple[Location, str]]:
        """The passage uses the term, short or in full (or its plural)."""
        if not any(found_in(w.lower() + plural, at.text.lower()) for w in (self.term, self.expansion)
                   for plural in ("", "s")):
            yield ("term",), (f"neither “{self.term}” nor “{self.expansion}” is in {at.where}, "
                              "which it cites. Cite a passage that uses the term."
                              + at.nearest(lambda t: found_in(self.term, t)))


class Area(Cited):
    described: ClassVar[str] = "The plan's areas of focus."
    shown_on: ClassVar[ShownOn] = (("Areas of focus", "plan/priorities.md"),)
    order: int
    """Its place in the plan's order of areas (1 is first)."""
    name: Quoted
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
    name: Quoted
    """The area's name, as this document words it (checked word for word)."""


class Wording(Citation):
    text: Quoted
    """The priority, as this document words it (checked word for word)."""


class Priority(Record):
    described: ClassVar[str] = "The plan's numbered priorities, with each wording the documents give."
    shown_on: ClassVar[ShownOn] = (("The plan's priorities", "plan/priorities.md"),)
    @classmethod
    def check_dataset(cls, dataset: Dataset[Self], data: Datasets) -> Iterator[str]:
        """No two priorities have the same number."""
        numbers: dict[int, str] = {}
        for index, p in enumerate(dataset.records):
            if p.number in numbers:
                yield (f'{dataset.display}, line {dataset.line(index, "number")}: record "{p.id}": '
                       f'priority number {p.number} is already used by "{numbers[p.number]}".')
            numbers[p.number] = p.id

    number: int
    """The priority's number in the plan."""
    area: AreaId
    """The area of focus it belongs to: the id of a record in the areas dataset."""
    easy: Text
    """The Easy Read version: short sentences, common words."""
    wording: list[Wording] = Field(min_length=1)
    """How each document words it: the plan's own words first, then each later report that words
    it differently."""


class Statement(Cited):
    described: ClassVar[str] = "Quotations and statements from the documents, grouped by topic."
    needed = (Needed(("vision", "plan_on_a_page"), "group", "vision"),
              Needed(("easy_read",), "group", "easy-about"), Needed(("easy_read",), "group", "easy-vision"),
              Needed(("easy_read",), "group", "easy-now"))
    group: Id
    """The group it belongs to: each group is shown in one place on the site, in file order."""
    text: Quoted
    """The statement: the document's own words when "quoted" is true, otherwise this site's
    plain-English summary of them."""
    children: list[Quoted] = []
    """Its sub-points, worded like the statement."""
    quoted: bool = True
    """true when the text is the document's own words (checked word for word); false when it is
    this site's plain-English summary."""

    def quoted_fields(self) -> tuple[str, ...]:
        return super().quoted_fields() if self.quoted else ()

    def checks(self, at: At) -> Iterator[tuple[Location, str]]:
        """A quotation that stops part-way through a sentence says so with "…"."""
        for field, quote in self.quotations():
            if found_in(quote, at.text) and (rest := cut_short(quote, at.text)):
                yield field, (
                    f"the quotation “{quote}” stops part-way through a sentence of {at.where}, "
                    f"which goes on “{rest}”. End it with “…” to show that words are left out, "
                    "or quote the sentence to its end.")


class PlanAction(Cited):
    described: ClassVar[str] = "The implementation plan for 2020 to 2021 (COVID-19 recovery plan)."
    shown_on: ClassVar[ShownOn] = (("The implementation plan", "plan/implementation.md"),)
    area: AreaId
    """The area of focus: the id of a record in the areas dataset."""
    focus: Optional[Quoted] = None
    """What the plan focuses on in this area, in its own words; left out where the plan gives none."""
    actions: list[Quoted]
    """What will be done, in the plan's own words."""
    agencies: list[Quoted]
    """The agencies responsible, in the plan's own words."""
    measures: list[Quoted]
    """How we will know this area of focus has improved, in the plan's own words."""
    leads: list[Quoted]
    """The Children's Trust Board leads, in the plan's own words."""
    reporting: list[Quoted]
    """When progress is reported, in the plan's own words."""


class Role(Cited):
    described: ClassVar[str] = "Who has held the Trust's leading roles and district council seats."
    shown_on: ClassVar[ShownOn] = (("Who leads the Trust", "trust/people.md"),)
    role: v.Role
    """The role: city-seat is Oxford City Council's seat, district-seat the rotating seat of the
    district councils."""
    person: PersonName
    """Their name, the same way in every record (the surname is in the passage, or in named_in)."""
    named_in: Optional[PassageId] = None
    """The passage that gives their name, where another passage gives their office (a signature
    gives the name in one paragraph and the office in the next): the id of a paragraph of the same
    document."""
    position: Optional[Quoted] = None
    """The office they held, as the document words it (checked word for word)."""
    since: Optional[PartialDate] = None
    """When they started, only where the passage gives the date."""
    until: Optional[PartialDate] = None
    """When they stopped, only where the passage gives the date."""
    note: Optional[Text] = None
    """What a reader should know about this record, in plain English."""

    def checks(self, at: At) -> Iterator[tuple[Location, str]]:
        """The person's surname is in the passage cited, or in the passage `named_in`."""
        surname = self.person.split()[-1]
        if surname not in at.doc.text(self.named_in or self.passage):
            named = at.doc.get(self.named_in) if self.named_in else at.passage
            yield ("named_in" if self.named_in else "person",), (
                f'{surname} is not named in passage "{named.id}" ({at.doc.display}, line {named.line}), which '
                "it cites. Where one passage gives the name and another the office (a signature), give the "
                "name's passage as named_in." + at.nearest(lambda t: surname in t))


class Gone(Citation):
    """What became of an organisation that no longer exists."""
    explanation: Text
    """What became of it, as a general explanation in this site's own words (shown after "In our
    words:"). No date that none of the documents gives."""
    text: Text
    """What a newer document says about who does its work, in this site's own words, with the
    passage that says it (names and dates checked)."""


class Member(Cited):
    described: ClassVar[str] = "Member organisations of the Trust and of Oxford's own partnership."
    shown_on: ClassVar[ShownOn] = (("Who sits on the Trust", "trust/people.md"),)
    name: Quoted
    """The organisation, as the document words it (checked word for word)."""
    group: v.MemberGroup
    """What it is a member of: the Children's Trust Board (trust-board), or Oxford City Council's
    own Children and Young People Partnership (city-partnership)."""
    short_form: Optional[TermId] = None
    """The glossary's entry for the organisation's short form (the entry's id, e.g. occg), if it
    has one: where the organisation is gone, the site says so in that entry and wherever a page
    uses the short form."""
    gone: Optional[Gone] = None
    """Where the organisation no longer exists: what became of it. The site then says it is gone
    wherever it lists it as a member, wherever a statement or figure names it (by its name or its
    short form), and in the glossary's entry for its short form."""


class Meeting(Cited):
    described: ClassVar[str] = "Meetings of the Trust that the documents mention."
    shown_on: ClassVar[ShownOn] = (("Meetings", "trust/meetings.md"),)
    date: PartialDate
    """When it met, as exactly as the passage gives it (checked)."""
    kind: v.MeetingKind
    """What kind of meeting it was."""
    title: Text
    """What the meeting was, in plain English."""
    items: list[Point] = []
    """What it covered."""
    planned: bool = False
    """true when the document says the meeting was still to come."""


class TrustPriority(Cited):
    described: ClassVar[str] = "The Trust's priorities year by year."
    shown_on: ClassVar[ShownOn] = (("The Trust's priorities", "trust/priorities.md"),)
    needed = (Needed(("trust_priorities",)),)
    period: Text
    """The year it is for, for example "2019/20"."""
    title: Quoted
    """The priority: the document's own words when "quoted" is true, otherwise this site's
    summary of them."""
    quoted: bool = True
    """true when the title is the document's own words (checked word for word); false when it is
    this site's summary."""

    def quoted_fields(self) -> tuple[str, ...]:
        return super().quoted_fields() if self.quoted else ()
    detail: Optional[Text] = None
    """More about it, in plain English."""


class Figure(Cited):
    described: ClassVar[str] = "Every number on the site."
    counted_as: ClassVar[str] = "figures"
    states: ClassVar[str] = "figure"
    label: Text
    """What is counted, in plain English."""
    value: float
    """The number itself (checked: it is in the passage)."""
    unit: v.Unit
    """What the number is: a count, a percentage, pounds (gbp), people or weeks."""
    qualifier: v.Qualifier = "exactly"
    """How exact the number is, as the document says it: exactly, about, over, up to or almost."""
    period: Optional[Text] = None
    """The time the figure is for, for example "2017" or "2019/20"."""
    series: Optional[Id] = None
    """Figures that track the same thing over time share a series id."""
    short: Optional[Text] = None
    """A short name for charts and tables."""

    def stated_in(self, text: str) -> bool:
        return has_figure(self, text)

    def checks(self, at: At) -> Iterator[tuple[Location, str]]:
        """The number is in the passage, with the passage's own "about", "over" or "up to"."""
        if not has_figure(self, at.text):
            shown = v.UNITS[self.unit].shown.format(f"{self.value:g}")
            yield ("value",), (f"the figure {shown} is not in {at.where}, which it cites."
                               + at.nearest(lambda t: has_figure(self, t)))
        elif not has_qualifier(self, at.text):
            yield ("qualifier",), (f'the figure is marked "{self.qualifier}", but {at.where} '
                                   "does not say so. Use the document's own word, or "
                                   '"exactly".')


class RagRating(Citation):
    """A Red, Amber or Green rating. Its date is the date of the document it comes from."""
    counted_as: ClassVar[str] = "ratings"
    rag: v.Rag
    """The rating."""

    def checks(self, at: At) -> Iterator[tuple[Location, str]]:
        """The rating is in the passage, as a letter or a word."""
        if not has_rating(self.rag, at.text):
            yield ("rag",), (f"the rating {self.rag} is not in {at.where}, which it cites."
                             + at.nearest(lambda t: has_rating(self.rag, t)))


class Indicator(Cited):
    described: ClassVar[str] = "Performance indicators and their Red, Amber or Green ratings."
    shown_on: ClassVar[ShownOn] = (("Performance indicators", "performance/indicators/index.md"),)
    own_pages = (OwnPage("performance/indicators/{id}.md", "{numbered_name}", "{name}: what it measures, why it "
                         "matters, its rating and what was being done.", "indicator_rating"),)
    listed_on = "performance/indicators/index.md"
    needed = (Needed(("ratings_summary",)),)
    area_given: Optional[Citation] = None
    """Where the report itself links the indicator to its area of focus, if it does (otherwise the
    site placed it by what it measures, and says so)."""
    name: Text
    """A short plain-English name, used in headings and tables."""
    number: Optional[Text] = None
    """Its number in the performance framework, where the report gives one."""
    title: Quoted
    """The indicator, as the report words it (checked word for word)."""
    plain: Text
    """What it measures, in plain English."""
    why: Text
    """Why it matters, in plain English."""
    area: AreaId
    """The area of focus it is shown under: the id of a record in the areas dataset."""
    ratings: list[RagRating] = Field(min_length=1)
    """Its Red, Amber or Green ratings, one for each report that rates it."""
    target: Optional[Text] = None
    """Its target, in words."""
    figures: list[FigureId] = []
    """The numbers about it: ids of records in the figures dataset."""
    actions: list[Point] = []
    """What is being done about it."""

    @property
    def numbered_name(self) -> str:
        """Its name, after its number where it has one: "2.3: School results of pupils with SEND support"."""
        return f"{self.number}: {self.name}" if self.number else self.name


class Initiative(Cited):
    described: ClassVar[str] = "Oxford City Council's work for children and young people."
    shown_on: ClassVar[ShownOn] = (("The council's work in Oxford", "council/index.md"),)
    own_pages = (OwnPage("council/work/{id}.md", "{name}", "{lead}", "initiative_page"),)
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
    figures: list[FigureId] = []
    """The numbers about it: ids of records in the figures dataset."""
    age_groups: Annotated[list[v.AgeGroup], Asked("for", "Who it is for", v.AGE_GROUPS, "which ages it is for")] \
        = Field(min_length=1)
    """Who it is for, as the site's finder groups it (not-stated where the report does not say)."""
    neighbourhoods: Annotated[list[v.Neighbourhood], Asked(
        "where", "Where in Oxford", v.PLACES_FIRST, "where", everywhere=v.WHOLE_CITY,
        hint="Work across Oxford or Oxfordshire is for every part of the city, so it shows with any place you choose.",
        also="{direct} in the places you chose, and {also} across Oxford or Oxfordshire")] = Field(min_length=1)
    """Where it is, as the site's finder groups it (not-stated where the report does not say)."""
    themes: Annotated[list[v.Theme], Asked("about", "What it is about", v.THEMES, "what it is about")] \
        = Field(min_length=1)
    """What it is about, as the site's finder groups it (not-stated where the report does not say)."""
    reported: list[Citation] = Field(min_length=1)
    """Where each report mentions it."""

    @property
    def lead(self) -> str:
        """The summary's first sentence: what its card in the list of the council's work shows, and
        its page's description."""
        return re.split(r"(?<=\.)\s+(?=[A-Z])", self.summary, maxsplit=1)[0]

    def checks(self, at: At) -> Iterator[tuple[Location, str]]:
        """Its name is word for word in a passage listed under reported."""
        if not any(found_in(self.name, at.documents[r.source].text(r.passage)) for r in self.reported
                   if r.source in at.documents and r.passage in at.documents[r.source].by_id):
            yield ("name",), (f"the name “{self.name}” is not word for word in any passage listed under "
                              "reported. Use the name as a report words it.")

    @classmethod
    def check_dataset(cls, dataset: Dataset[Self], data: Datasets) -> Iterator[str]:
        """A card in the list of the council's work is dated: its summary's first sentence says
        first when a report it cites said it."""
        documents = {s.id: s for s in data.sources}
        for index, ini in enumerate(dataset.records):
            said = sorted({documents[s].date.month_year for s in (ini.source, *(r.source for r in ini.reported))
                           if s in documents})
            # "…, which the October 2023 report calls…" is too late
            opening = re.split(r"[,;:]", ini.lead, maxsplit=1)[0]
            if said and not any(month_year in opening for month_year in said):
                example = documents[ini.source].date.month_year if ini.source in documents else said[0]
                yield (f'{dataset.display}, line {dataset.line(index, "summary")}: record "{ini.id}", field '
                       f'"summary": its first sentence, which the list of the council\'s work shows, does not say '
                       f"first when the report said it. Begin with the month and year of the report "
                       f"({' or '.join(said)}), "
                       f'for example "In {example} the Council reported that …".')


class Event(Cited):
    described: ClassVar[str] = ("Dated events in the story of the plan, the Trust, SEND, the Education "
                                "Commission and the council.")
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
    described: ClassVar[str] = "How the site was tested for accessibility, and known issues."
    kind: v.AccessibilityKind
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
    described: ClassVar[str] = "What has changed on the site, by date."
    date: FullDate
    """When the site changed."""
    title: Text
    """What changed, in a few words."""
    text: Text
    """What changed, in plain English."""
    pages: list[DocsPage] = []
    """The pages that changed, as paths under docs/ (for example council/index.md)."""


class Service(Record):
    """A page of an official service on another website: where a resident goes next. Each page it
    is for lists it in its section on where to go next; none of it comes from the documents."""
    described: ClassVar[str] = "Links to official services on other websites, where a resident can go next."
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
    pages: list[DocsPage] = Field(min_length=1)
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

    @classmethod
    def check_dataset(cls, dataset: Dataset[Self], data: Datasets) -> Iterator[str]:
        """One record for each page of another website, and at least one council website a reader
        without a GitHub account can tell about a mistake."""
        addresses: dict[str, int] = {}
        for index, service in enumerate(dataset.records):
            line = dataset.line(index, "url")
            if service.url in addresses:
                yield (f'{dataset.display}, line {line}: record "{service.id}": the address {service.url} is '
                       f"already given on line {addresses[service.url]}. Give each page of another website one "
                       "record, and list there every page that shows it.")
            addresses.setdefault(service.url, line)
        if not any(s.tell_us for s in dataset.records):
            yield (f"{dataset.display}: no record has tell_us: true. At least one council website must be "
                   'offered beside "Suggest a change to this page", for readers who have no GitHub account.')


Area.model_rebuild()


class Datasets:
    """The data files, each named as its file in data/ (data/<name>.yml), with the model of its
    records, in the order the site loads and lists them. The checked data (checked.CheckedData) has each
    dataset as a typed attribute: `site.figures` is a list of Figure."""
    sources: list[Source]
    glossary: list[Term]
    areas: list[Area]
    priorities: list[Priority]
    statements: list[Statement]
    implementation: list[PlanAction]
    roles: list[Role]
    members: list[Member]
    meetings: list[Meeting]
    trust_priorities: list[TrustPriority]
    figures: list[Figure]
    indicators: list[Indicator]
    initiatives: list[Initiative]
    timeline: list[Event]
    accessibility: list[AccessibilityNote]
    changes: list[Change]
    services: list[Service]


# Each data file's model, by the file's name (from Datasets).
DATASETS: dict[str, type[Record]] = {name: get_args(hint)[0] for name, hint in get_type_hints(Datasets).items()}
# Each model's data file.
DATASET_OF: dict[type[Record], str] = {model: name for name, model in DATASETS.items()}
# What the build's count of checks counts, besides quotations and dates: each kind of part that
# declares what it is counted as (`counted_as`: "figures", "ratings"), in the order of the datasets.
COUNTED: tuple[str, ...] = tuple(dict.fromkeys(
    inner.counted_as for model in DATASETS.values() for inner in models_in(model)
    if issubclass(inner, Cites) and inner.counted_as))
