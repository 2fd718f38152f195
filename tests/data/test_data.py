"""Layer 1, the data: the real data is valid, and each kind of mistake gets a plain message."""
import re
from pathlib import Path

import pytest
from conftest import ROOT, contact_details
from edits import error_for, replace_in
from pydantic import BaseModel

from macros.data.checked import load_checked
from macros.data.fields import models_in, types_in
from macros.data.models import DATASETS
from macros.outputs.schema import modeline


def test_real_data_is_valid_and_complete():
    site = load_checked(ROOT)
    assert {i.number for i in site.indicators} >= {"1.1b", "2.3", "2.4", "2.5", "3.14"}
    terms = {t.term for t in site.glossary}
    for term in ["C&YP", "CTB", "HWB", "OSCB", "SEND", "EHCP", "CAMHS", "LCSS", "MASH", "TAF",
                 "EHA", "VOXY", "CIZ", "OIEP", "OxCEP", "MOX", "EET", "BOB ICS", "SIAB",
                 "MHST", "RAG", "KS2", "EAL"]:
        assert term in terms, term


def test_one_area_for_each_area_of_focus_the_plan_names_and_one_priority_for_each_numbered_item():
    """The areas and priorities are the plan's own lists, counted from the plan's text, not typed
    here: each heading under "Our Areas of Focus" is one area, and each numbered item under it is
    one priority with the plan's number."""
    site = load_checked(ROOT)
    plan = site.documents["cypp-2018"]
    headings = [p.id for p in plan.passages
                if p.kind == "heading" and p.id != "areas-of-focus" and plan.parent(p.id) == "areas-of-focus"]
    assert headings and sorted(a.passage for a in site.areas if a.source == plan.id) == sorted(headings)
    assert len(site.areas) == len(headings)
    items = {p.id: int(p.marker.rstrip(".")) for p in plan.passages
             if p.section in headings and p.kind == "item" and p.marker[:1].isdigit()}
    cited = {p.wording[0].passage: p.number for p in site.priorities if p.wording[0].source == plan.id}
    assert items and cited == items
    assert sorted(p.number for p in site.priorities) == list(range(1, len(items) + 1))


def test_every_item_of_the_january_2026_reports_list_of_work_is_one_record():
    """Paragraph 11 of the council's report of January 2026 lists its key pieces of work (i to
    xix): each item is named by exactly one record in data/initiatives.yml. Records for work other
    reports describe may follow."""
    site = load_checked(ROOT)
    report = site.documents["city-2026-01"]
    items = [p.id for p in report.passages if p.section == "council-work" and p.kind == "item" and p.level == 1]
    named = [r.passage for i in site.initiatives for r in i.reported
             if r.source == report.id and r.passage in items]
    assert items and sorted(named) == sorted(items)
    assert len(site.initiatives) >= len(items)


def test_one_document_record_for_each_text_in_sources():
    """(tests/site/test_sources_html.py checks that each document has its page and its full text.)"""
    site = load_checked(ROOT)
    assert sorted(s.id for s in site.sources) == sorted(p.stem for p in (ROOT / "sources").glob("*.md"))


def test_no_personal_contact_details_in_the_data_or_the_documents():
    """Our copies of the documents have officers' e-mail addresses and phone numbers taken out."""
    for path in [*(ROOT / "data").glob("*.yml"), *(ROOT / "sources").glob("*.md")]:
        assert not contact_details(path.read_text(encoding="utf-8")), path
    assert "[e-mail address removed]" in (ROOT / "sources" / "hwb-2020-05.md").read_text(encoding="utf-8")
    assert "[phone number removed]" in (ROOT / "sources" / "city-2026-01.md").read_text(encoding="utf-8")


def break_file(project: Path, name: str, old: str, new: str, count: int = 1) -> int:
    """Replace text in a data file of the copy; return the line number of the change."""
    return replace_in(project / "data" / name, old, new, count)


# Each kind of mistake in the real data files, as an officer would make it: (file, the words as they
# are, the words with the mistake, what the message says; "{line}" is the line of the mistake).
MISTAKES = [
    ("indicators.yml", "rag: Amber", "rag: Purple",
     "data/indicators.yml, line {line}:", '"ratings > item 1 > rag"', "expected one of 'Red', 'Amber' or 'Green'"),
    ("figures.yml", "  source: city-2026-01\n", "  sorce: city-2026-01\n",
     "data/figures.yml, line {line}:", '"sorce": there is no such field'),
    ("timeline.yml", "date: 2023-07\n", "date: 2023-02-30\n",
     "data/timeline.yml, line {line}:", "expected a real date written as YYYY-MM-DD", "2023-02-30"),
    ("glossary.yml", "- id: camhs\n", "- id: cef\n", 'the id "cef" is used twice (also on line {line})'),
    ("meetings.yml", "  source: hwb-2020-05\n", "  source: hwb-2020-06\n",
     "data/meetings.yml, line {line}:", 'there is no record "hwb-2020-06" in data/sources.yml'),
    ("glossary.yml", "see_also: [taf, lcss]", "see_also: [taf, lcs]",
     "data/glossary.yml, line {line}:", 'no record "lcs" in data/glossary.yml'),
    ("figures.yml", "  value: 1120199", "  value: lots",
     "data/figures.yml, line {line}:", 'expected a number but found "lots"'),
    ("members.yml", "name: Young people,", "name: yes,", "data/members.yml, line {line}:", "put words like yes, no"),
    ("areas.yml", "  order: 1\n", "  order: 1\n  order: 2\n", "data/areas.yml, line {next}:",
     'the field "order" is given twice'),
]


@pytest.mark.parametrize("name, old, new, said", [(m[0], m[1], m[2], m[3:]) for m in MISTAKES],
                         ids=[m[0] + ": " + m[2].strip() for m in MISTAKES])
def test_a_mistake_in_a_data_file_names_its_file_line_and_what_was_expected(project, name, old, new, said):
    line = break_file(project, name, old, new)
    msg = error_for(project)
    for words in said:
        assert words.format(line=line, next=line + 1) in msg, msg


def test_yaml_syntax_error_names_file_and_line(project):
    line = break_file(project, "figures.yml", "  value: 1120199", "  value: [1120199")
    msg = error_for(project)
    assert msg.startswith("data/figures.yml, line ") and "this is not valid YAML" in msg
    assert abs(int(msg.split("line ")[1].split(":")[0]) - line) <= 2


def test_missing_field(project):
    lines = (project / "data" / "sources.yml").read_text(encoding="utf-8").split("\n")
    record = lines.index("- id: hwb-2017-10") + 1
    break_file(project, "sources.yml", "  short_title: Children's Trust update, October 2017\n", "")
    msg = error_for(project)
    assert f'data/sources.yml, line {record}: record "hwb-2017-10", field "short_title": this field is missing' in msg


def test_unknown_data_file(project):
    (project / "data" / "extra.yml").write_text("- id: x\n", encoding="utf-8")
    assert "data/extra.yml: the site does not know this data file" in error_for(project)


def test_a_card_of_the_councils_work_that_does_not_say_first_when_is_refused(project):
    # A card once read "The Community Impact Zone is joint work in …", as if true today, with the
    # report's date only late in its sentence.
    line = break_file(project, "initiatives.yml",
                      "    In October 2023 the Council reported that YouMove helps families",
                      "    YouMove, the October 2023 report says, helps families")
    msg = error_for(project)
    assert f'data/initiatives.yml, line {line - 1}: record "youmove", field "summary": its first sentence' in msg
    assert ("does not say first when the report said it. Begin with the month and year of the report "
            '(January 2026 or October 2023), for example "In October 2023 the Council reported that …".') in msg


def test_an_organisation_written_with_its_short_form_names_that_glossary_entry():
    """A member whose name is a glossary entry's words in full, or carries its short form in
    brackets ("Voice of Oxfordshire's Youth (VoXY)"), names that entry in short_form: only then can
    the site say, in the entry and wherever the short form is used, that it is gone."""
    site = load_checked(ROOT)
    for m in site.members:
        for t in site.glossary:
            if m.name.lower() == t.expansion.lower() or f"({t.term.lower()})" in m.name.lower():
                assert m.short_form == t.id, (f"data/members.yml: {m.id} is {m.name!r}: give it "
                                              f"short_form: {t.id}")


def _header(path: Path) -> str:
    """The comment a data file starts with, before its first record (after the line for the editor)."""
    lines = []
    for line in path.read_text(encoding="utf-8").split("\n")[1:]:
        if not line.startswith("#"):
            break
        lines.append(line[1:].strip())
    return " ".join(lines)


def listed_fields(header: str, name: str) -> list[tuple[str, str]]:
    """The list of fields in a data file's first lines: after "Fields:", up to the full stop that
    ends it, each field written once as its name and then, if it needs one, its explanation in
    brackets, with a comma between one field and the next: `id, date (YYYY-MM-DD), text (plain
    English).` Gives (the name as written, its explanation)."""
    text = header[header.index("Fields:") + len("Fields:"):] + " "
    entries, depth, start = [], 0, 0
    for at, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and (char == "," or char == "." and text[at + 1] == " "):
            entries.append(text[start:at].strip())
            start = at + 1
            if char == ".":
                break
    listed = []
    for entry in entries:
        written = re.fullmatch(r"([a-z_]+)(?: \((.*)\))?", entry, re.S)
        assert written, (f"data/{name}.yml: in its list of fields, “{entry}” is not a field's name followed by its explanation in brackets: write each "
                         "field once, as name (explanation), with a comma before the next")
        listed.append((written[1], written[2] or ""))
    return listed


@pytest.mark.parametrize("name", DATASETS)
def test_each_data_files_first_lines_list_its_fields_as_the_model_has_them(name):
    """The comment at the top of each data file lists its fields for the officer who edits it: each of
    the model's fields once, and no other; a field that holds records of its own (a citation, a
    rating, a point) names their fields in its explanation; and every name written like a field
    anywhere in those lines (short_title) is one."""
    model = DATASETS[name]
    header = _header(ROOT / "data" / f"{name}.yml")
    assert "Fields:" in header, f"data/{name}.yml: its first lines list no fields"
    listed = listed_fields(header, name)
    names = [field for field, _ in listed]
    twice = sorted({f for f in names if names.count(f) > 1})
    assert not twice, f"data/{name}.yml: its first lines list the fields {twice} more than once"
    missing = [f for f in model.model_fields if f not in names]
    assert not missing, f"data/{name}.yml: its first lines do not list the fields {missing}"
    unknown = [f for f in names if f not in model.model_fields]
    assert not unknown, f"data/{name}.yml: its first lines list fields the model does not have: {unknown}"
    for field, explained in listed:
        for inner in types_in(model.model_fields[field].annotation):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                left_out = [f for f in inner.model_fields if not re.search(rf"(?<![\w-]){f}(?![\w-])", explained)]
                assert not left_out, f"data/{name}.yml: the explanation of {field} does not name its fields {left_out}"
    known = {f for inner in models_in(model) for f in inner.model_fields}
    named = sorted(set(re.findall(r"\b[a-z]+(?:_[a-z]+)+\b(?!\()", header)) - known)  # not a macro()
    assert not named, f"data/{name}.yml: its first lines name fields the model does not have: {named}"


@pytest.mark.parametrize("name", DATASETS)
def test_each_data_file_points_an_editor_at_its_schema(name):
    """VS Code's YAML extension underlines a mistake as the officer types, from the schema made from the model."""
    first = (ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == modeline(name), f"data/{name}.yml: its first line should be {modeline(name)}"


def test_each_dataset_says_what_it_holds_and_links_to_pages_that_exist():
    """The models carry what each dataset is (for the open data and "Download the data on this
    page") and the pages that show it (linked from each document's page)."""
    for name, model in DATASETS.items():
        assert model.described.endswith(".") and model.described[0].isupper(), name
        for words, page in model.shown_on:
            assert words and (ROOT / "docs" / page).is_file(), (name, page)
