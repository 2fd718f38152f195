"""Every closed list of values the data may use, each written once with its labels. The models
make their choices (`Literal` types) from these lists, so a value added here is allowed in the data
and has its label on the site at the same time; the views take their labels from here too.

The order of each list is the order the data's error messages, schemas and open data give it in."""
from __future__ import annotations

from typing import Literal


def choice(values) -> object:
    """The `Literal` type of these values (a field that must be one of them)."""
    return Literal[tuple(values)]


# The Trust's leading roles (data/roles.yml, "role"), in the order the site lists them.
ROLES = {
    "chair": "Chair",
    "vice-chair": "Vice-chair",
    "city-seat": "Oxford City Council's seat",
    "district-seat": "Rotating district council seat",
}

# Timeline topics (data/timeline.yml, "topic"): how a sentence names each, and its page.
TOPICS = {
    "send": "SEND",
    "commission": "the Education Commission",
    "plan": "the plan",
    "trust": "the Trust",
    "council": "the City Council",
}
TOPIC_PAGES = {
    "send": "send.md",
    "commission": "education-commission.md",
    "plan": "plan/index.md",
    "trust": "trust/index.md",
    "council": "council/index.md",
}

# The council's work (data/initiatives.yml): who it is for, what it is about, where it is.
AGE_GROUPS = {"under-5": "Under 5s", "children": "Children", "young-people": "Young people",
              "families": "Families", "all": "All ages", "not-stated": "Not stated in the report"}
THEMES = {"health": "Health and wellbeing", "sport": "Sport, play and being active",
          "culture": "Arts, culture and museums", "learning": "School and learning",
          "safety": "Keeping safe", "community": "Communities", "work": "Jobs and skills",
          "partnerships": "Working together", "not-stated": "Not stated in the report"}
NEIGHBOURHOODS = {"countywide": "Across Oxfordshire", "citywide": "Across Oxford",
                  "leys-littlemore-rose-hill": "Blackbird Leys, Greater Leys, Littlemore and Rose Hill",
                  "barton": "Barton", "city-centre": "City centre", "wood-farm": "Wood Farm",
                  "not-stated": "Not stated in the report"}
# Work across the whole city or county is for every part of Oxford: choosing a place in the
# finder shows it too, marked as work for the whole city or county. The finder lists the places
# first, then the whole city and county, then "not stated".
WHOLE_CITY = ("citywide", "countywide")
PLACES_FIRST = {key: NEIGHBOURHOODS[key] for key in sorted(
    NEIGHBOURHOODS, key=lambda k: (k == "not-stated", k in WHOLE_CITY and WHOLE_CITY.index(k) + 1))}

# Red, Amber and Green ratings (data/indicators.yml), each shown with an icon, never colour alone
# (the icons are in macros/views/performance.py).
RAGS = ("Red", "Amber", "Green")

# Lists the site shows no labels for.
SOURCE_KINDS = ("report", "plan")
# What a document has been read for from cover to cover, all it gives recorded (data/sources.yml,
# "read_for"), and how a sentence names it. Only then may a page say that the document gives none;
# until then the page says the document is still to be checked for it.
READ_FOR = {
    "roles": "who holds the Trust's leading roles",
    "meetings": "the Trust's meetings",
    "findings": "findings about children",
}
MEMBER_GROUPS = ("trust-board", "city-partnership")
MEETING_KINDS = ("board", "joint", "workshop", "steering-group", "health-and-wellbeing-board")
TRUST_MEETING_KINDS = ("board", "joint", "workshop", "steering-group")  # the Trust's own meetings
UNITS = ("count", "percent", "gbp", "people", "weeks")
# How exact a figure is, and the words put before it ("about £600,000").
QUALIFIERS = {"exactly": "", "about": "about ", "over": "over ", "up-to": "up to ", "almost": "almost "}
ACCESSIBILITY_KINDS = ("test", "known-issue", "prepared", "reviewed")
# The links to other websites (data/services.yml, "url") go to official public services only: a
# website whose name ends with one of these (councils and government: .gov.uk; the NHS: .nhs.uk).
OFFICIAL_WEBSITES = (".gov.uk", ".nhs.uk")

Rag = choice(RAGS)
Role = choice(ROLES)
Topic = choice(TOPICS)
AgeGroup = choice(AGE_GROUPS)
Theme = choice(THEMES)
Neighbourhood = choice(NEIGHBOURHOODS)
