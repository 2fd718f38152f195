"""Every closed list of values the data may use, each a `Literal` type with its labels. The models
use these types, so a value added here is allowed in the data and has its label on the site at the
same time; the views take their labels from here too, and the type checker knows each value.

The order of each list is the order the data's error messages, schemas and open data give it in."""
from __future__ import annotations

from typing import Any, Literal, NamedTuple, TypeVar, get_args

K = TypeVar("K", bound=str)
V = TypeVar("V")


def labelled(kind: Any, labels: dict[K, V]) -> dict[K, V]:
    """The labels of a `Literal` type's values: one for each value, in the type's order (a value
    added to the type without its label, or the other way round, stops the package loading)."""
    if tuple(labels) != get_args(kind):
        raise TypeError(f"the labels {tuple(labels)} do not follow the values {get_args(kind)}, one for each")
    return labels


# The Trust's leading roles (data/roles.yml, "role"), in the order the site lists them.
Role = Literal["chair", "vice-chair", "city-seat", "district-seat"]
ROLES = labelled(Role, {
    "chair": "Chair",
    "vice-chair": "Vice-chair",
    "city-seat": "Oxford City Council's seat",
    "district-seat": "Rotating district council seat",
})


class Subject(NamedTuple):
    """A timeline topic (data/timeline.yml, "topic"): how a sentence names it, and its page."""
    called: str  # how a sentence names it: "the Education Commission"
    page: str  # the page about it, under docs/


Topic = Literal["send", "commission", "plan", "trust", "council"]
TOPICS = labelled(Topic, {
    "send": Subject("SEND", "send.md"),
    "commission": Subject("the Education Commission", "education-commission.md"),
    "plan": Subject("the plan", "plan/index.md"),
    "trust": Subject("the Trust", "trust/index.md"),
    "council": Subject("the City Council", "council/index.md"),
})

# The council's work (data/initiatives.yml): who it is for, what it is about, where it is.
AgeGroup = Literal["under-5", "children", "young-people", "families", "all", "not-stated"]
AGE_GROUPS = labelled(AgeGroup, {
    "under-5": "Under 5s", "children": "Children", "young-people": "Young people", "families": "Families",
    "all": "All ages", "not-stated": "Not stated in the report"})
Theme = Literal["health", "sport", "culture", "learning", "safety", "community", "work", "partnerships",
                "not-stated"]
THEMES = labelled(Theme, {
    "health": "Health and wellbeing", "sport": "Sport, play and being active", "culture": "Arts, culture and museums",
    "learning": "School and learning", "safety": "Keeping safe", "community": "Communities",
    "work": "Jobs and skills", "partnerships": "Working together", "not-stated": "Not stated in the report"})
Neighbourhood = Literal["countywide", "citywide", "leys-littlemore-rose-hill", "barton", "city-centre", "wood-farm",
                        "not-stated"]
NEIGHBOURHOODS = labelled(Neighbourhood, {
    "countywide": "Across Oxfordshire", "citywide": "Across Oxford",
    "leys-littlemore-rose-hill": "Blackbird Leys, Greater Leys, Littlemore and Rose Hill",
    "barton": "Barton", "city-centre": "City centre", "wood-farm": "Wood Farm",
    "not-stated": "Not stated in the report"})
# Work across the whole city or county is for every part of Oxford: choosing a place in the
# finder shows it too, marked as work for the whole city or county. The finder lists the places
# first, then the whole city and county, then "not stated".
WHOLE_CITY: tuple[Neighbourhood, ...] = ("citywide", "countywide")
PLACES_FIRST = {key: NEIGHBOURHOODS[key] for key in sorted(
    NEIGHBOURHOODS, key=lambda k: (k == "not-stated", k in WHOLE_CITY and WHOLE_CITY.index(k) + 1))}

# Red, Amber and Green ratings (data/indicators.yml), each shown with an icon, never colour alone
# (the icons are in macros/views/performance.py).
Rag = Literal["Red", "Amber", "Green"]
RAGS: tuple[Rag, ...] = get_args(Rag)

# Lists the site shows no labels for.
SourceKind = Literal["report", "plan"]
# What a document has been read for from cover to cover, all it gives recorded (data/sources.yml,
# "read_for"), and how a sentence names it. Only then may a page say that the document gives none;
# until then the page says the document is still to be checked for it.
ReadFor = Literal["roles", "meetings", "findings", "ratings"]
READ_FOR = labelled(ReadFor, {
    "roles": "who holds the Trust's leading roles",
    "meetings": "the Trust's meetings",
    "findings": "findings about children",
    "ratings": "ratings of the plan's indicators",
})
MemberGroup = Literal["trust-board", "city-partnership"]
MeetingKind = Literal["board", "joint", "workshop", "steering-group", "health-and-wellbeing-board"]
TRUST_MEETING_KINDS: tuple[MeetingKind, ...] = ("board", "joint", "workshop", "steering-group")  # the Trust's own


class Measure(NamedTuple):
    """What a figure's number is (data/figures.yml, "unit"): how the site writes it, and how a
    passage may give it (the kinds of number macros/data/matching.py finds: plain, percent, gbp)."""
    shown: str  # the number as the site writes it, {} standing for the number: "£{}"
    written: tuple[str, ...]  # how the passage cited may write it


ANY_NUMBER = ("plain", "percent", "gbp")
Unit = Literal["count", "percent", "gbp", "people", "weeks"]
UNITS = labelled(Unit, {
    "count": Measure("{}", ANY_NUMBER),
    "percent": Measure("{}%", ("percent",)),
    "gbp": Measure("£{}", ("gbp",)),
    "people": Measure("{}", ANY_NUMBER),
    "weeks": Measure("{} weeks", ANY_NUMBER),
})


class Exactness(NamedTuple):
    """How exact a figure is (data/figures.yml, "qualifier"): the words the site puts before it
    ("about £600,000"), and the words the passage cited must have just before the number."""
    words: str
    said: str  # a regular expression; "" when the passage need say nothing


Qualifier = Literal["exactly", "about", "over", "up-to", "almost"]
QUALIFIERS = labelled(Qualifier, {
    "exactly": Exactness("", ""),
    "about": Exactness("about ", r"(\b(about|approximately|approx|around|roughly|circa)|(?<![a-z])c\.?)\s?£?"),
    "over": Exactness("over ", r"\b(over|more than|above)"),
    "up-to": Exactness("up to ", r"\bup to"),
    "almost": Exactness("almost ", r"\b(almost|nearly|just under)"),
})
AccessibilityKind = Literal["test", "known-issue", "prepared", "reviewed"]
# The links to other websites (data/services.yml, "url") go to official public services only: a
# website whose name ends with one of these (councils and government: .gov.uk; the NHS: .nhs.uk).
OFFICIAL_WEBSITES = (".gov.uk", ".nhs.uk")
