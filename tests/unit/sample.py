"""Small, made-up data for the unit tests: three documents and whatever records a test gives."""
from pathlib import Path
from types import SimpleNamespace

from macros.data import models
from macros.data.checked import CheckedData
from macros.data.documents import parse
from macros.data.loader import Dataset

DOC_TEXT = """# A report {#title}

## Funding {#funding}

The council has been granted £1,120,199 in capital.

This collaborative approach has resulted in c£600k of external investment.

## Intro {#intro}

The Children's Trust Board (CTB) brings partners together. New words

<script>alert(1)</script> *not bold*
"""
OLD_TEXT = """# An old report {#title}

## Results {#results}

Results rose to 42% this year from 29% in 2016.

## Vision {#vision}

Old words

## Results: reading, writing and maths at key stage 2 for pupils {#results-a}

Reading rose.

## Results: reading, writing and maths at key stage 2 for pupils at SEN Support {#results-b}

Writing rose.
"""
NEW_TEXT = """# A newer report {#title}

## News {#news}

Nobody has read this yet.
"""
PLAN_TEXT = """# The plan {#title}

## Our Vision {#vision}

Plan words
"""


def make_site(**records) -> CheckedData:
    sets = {}
    for name, model in models.DATASETS.items():
        recs = [model.model_validate(r) for r in records.get(name, [])]
        sets[name] = Dataset(Path(f"data/{name}.yml"), f"data/{name}.yml", recs,
                             [{(): i + 1} for i in range(len(recs))])
    texts = {"doc": DOC_TEXT, "old": OLD_TEXT, "plan": PLAN_TEXT, "new": NEW_TEXT}
    documents = {s.id: parse(texts[s.id], s.id, f"sources/{s.id}.md") for s in sets["sources"].records}
    return CheckedData(root=Path("."), sets=sets, documents=documents, checked={})


SOURCE = dict(id="doc", title="A report", short_title="The report", date="2023-10-02",
              body="A council", to="Councillors", kind="report", summary=["About things."],
              read_for=["roles", "meetings", "findings", "ratings"])
OLDER = dict(SOURCE, id="old", date="2017-10", short_title="Old report")
PLAN = dict(SOURCE, id="plan", date="2018-06", short_title="The plan", kind="plan")
# A report added later, which nobody has yet read for roles, meetings, findings or ratings (no read_for).
NEWER = dict(SOURCE, id="new", date="2027-03", short_title="The newer report", read_for=[])
# Records the views' tests share: a short form the newest report uses, and figures from the reports.
CTB = dict(id="ctb", term="CTB", expansion="Children's Trust Board", explanation="The Trust.", source="doc",
           passage="intro-1")
MONEY = dict(id="money", label="money granted", value=1120199, unit="gbp", source="doc", passage="funding-1")
PUPILS = dict(id="pc", label="pupils", value=42, unit="percent", period="2017", source="old", passage="results-1")


def term(short: str, full: str, *everyday: str) -> SimpleNamespace:
    """A glossary entry with only what search reads: its short form, its words in full, everyday words."""
    return SimpleNamespace(term=short, expansion=full, also_searched_as=list(everyday))
