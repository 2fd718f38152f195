"""An officer's mistake in a page or a data file is a plain message naming the file, the line and
what was expected, never a traceback: every argument of every macro, files included with --8<--,
links, and files saved in another encoding."""
import dataclasses
import re
import shutil
import types
from pathlib import Path

import jinja2
import pytest

from macros.checks.front_matter import check_encodings, read_front_matter, review_fields
from macros.checks.page_markdown import (
    anchor_problem,
    check_figures,
    check_links,
    check_notes,
    check_page,
    check_snippets,
)
from macros.checks.settings import check_nav, read_settings
from macros.checks.verify import check_record, document_dates
from macros.commands import find
from macros.data.checked import CheckedData, check_needed, check_references, load_checked
from macros.data.fields import field_name, parts, references
from macros.data.loader import Dataset, read_yaml
from macros.data.models import DATASETS, Event, Role, Statement
from macros.errors import CyppError, DataError, PageError
from macros.hooks import _on_serve
from macros.views import MACROS, choices

ROOT = Path(__file__).resolve().parents[2]
SITE = load_checked(ROOT)
KNOWN = choices(SITE)


def message(markdown: str, offset: int = 0) -> str:
    with pytest.raises(PageError) as err:
        check_page(markdown, "docs/page.md", offset, jinja2.Environment(), set(MACROS), KNOWN, MACROS)
    return str(err.value)


def test_an_id_given_to_a_macro_without_quotes_is_named_with_the_fix():
    """An officer's review: {{ spreadsheet(initiatives) }} was answered "there is no macro or value
    called initiatives. Did you mean initiative_page?", which sends the officer to the wrong fix."""
    said = message('Download it: {{ spreadsheet(initiatives) }}', offset=6)
    assert said.startswith('docs/page.md, line 7: initiatives is given to spreadsheet() without quotes. Ids and '
                           'names are written in double quotes: spreadsheet("initiatives").'), said


@pytest.mark.parametrize("call, said", [
    ('{{ figure("play-areaz") }}',
     'figure("play-areaz") names a figure that does not exist. Did you mean "play-areas"? The ids are in data/figures.yml.'),
    ('{{ chart("no-such-series") }}', 'chart("no-such-series") names a series of figures that does not exist.'),
    ('{{ figure_table("play-areas", "green-spacez") }}',
     'figure_table(..., "green-spacez") names a figure that does not exist. Did you mean "green-spaces"?'),
    ('{{ note("city-2023-10", "parks-99") }}', 'note("city-2023-10", "parks-99") names a passage that is not in sources/city-2023-10.md.'),
    ('{{ rag("Purple") }}', 'rag("Purple") names a rating that does not exist.'),
    ('{{ statement_date("written") }}', 'statement_date("written") names a kind of accessibility statement date'),
    ('{{ timeline("plans") }}', 'timeline("plans") names a timeline topic that does not exist. Did you mean "plan"?'),
    ('{{ count("initiative") }}', 'count("initiative") names a data file that does not exist. Did you mean "initiatives"?'),
    ('{{ figure("play-areas", "green-spaces") }}',
     "figure() cannot be written like this (too many positional arguments). It is written figure(\"figure-id\")"),
    ('{{ figure() }}', "figure() cannot be written like this (missing a required argument: 'figure_id')"),
    ('{{ figure_table("play-areas", captoin="Parks") }}',
     "figure_table() cannot be written like this (got an unexpected keyword argument 'captoin'). "
     'It is written figure_table("figure-id", ..., caption="Figures")'),
    ('{{ statement_list("trust-meetings", numbered="yes") }}',
     'statement_list(): "numbered" should be true or false, but it is \'yes\'.'),
    ('{{ latest_changes(how_many="five") }}', 'latest_changes(): "how_many" should be a whole number'),
    ('{{ figure(42) }}', 'figure(): "figure_id" should be text in quotes, but it is 42.'),
])
def test_every_argument_of_every_macro_is_checked_with_its_line(call, said):
    assert message(f"# A page\n\nSome words.\n{call}\n", offset=5).startswith(f"docs/page.md, line 9: {said}")


def test_an_argument_the_check_cannot_know_is_left_to_the_call():
    check_page('{% set x = "anything" %}{{ figure(x) }}', "docs/page.md", 0, jinja2.Environment(),
               set(MACROS), KNOWN, MACROS)
    assert MACROS["figure"].problem(("nope",), {}, KNOWN).startswith('figure("nope") names a figure')


def test_an_unknown_macro_and_broken_syntax_are_named():
    assert 'there is no macro or value called "figur". Did you mean "figure"?' in message("{{ figur('x') }}")
    assert "docs/page.md, line 2: a macro is not written correctly" in message("\n{{ figure('x' }}")


def test_a_snippet_outside_the_project_or_missing_is_named(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "CONTRIBUTING.md").write_text("Guide", encoding="utf-8")
    check_snippets('--8<-- "CONTRIBUTING.md"\n;--8<-- "../escaped.md"', "docs/a.md", 0, tmp_path, ["."])
    with pytest.raises(PageError, match=r'docs/a.md, line 6: the page includes the file "../../etc/passwd" '
                                        r"\(--8<--\), which is outside the project"):
        check_snippets('Words\n--8<-- "../../etc/passwd"', "docs/a.md", 4, tmp_path, ["."])
    with pytest.raises(PageError, match=r'line 2: the page includes the file "GUIDE.md" \(--8<--\), and there is no such file'):
        check_snippets('--8<--\nGUIDE.md\n--8<--', "docs/a.md", 0, tmp_path, ["."])


def test_a_broken_link_is_named_with_its_line(tmp_path):
    (tmp_path / "trust").mkdir()
    (tmp_path / "trust" / "meetings.md").write_text("# Meetings", encoding="utf-8")
    good = "[Meetings](trust/meetings.md#2024), [top](#top), [GOV.UK](https://www.gov.uk/)\n`[code](x.md)`"
    check_links(good, "index.md", 0, tmp_path)
    with pytest.raises(PageError, match=r'docs/index.md, line 7: the link to "trust/meeting.md" goes nowhere: there '
                                        r'is no docs/trust/meeting.md. Did you mean "trust/meetings.md"\?'):
        check_links("# Home\n\n[Meetings](trust/meeting.md)", "index.md", 4, tmp_path)
    # on a line that also calls a macro (an officer's review: such a line was not checked here, and
    # MkDocs' own message named no line)
    with pytest.raises(PageError, match=r'docs/index.md, line 3: the link to "trust/meeting.md" goes nowhere'):
        check_links('# Home\n\nIt met {{ figure("meetings") }} times: [Meetings](trust/meeting.md).', "index.md", 0,
                    tmp_path)


def test_a_page_in_another_encoding_is_named_with_its_line(tmp_path):
    (tmp_path / "page.md").write_bytes("# Café\n\nau lait".encode("utf-8") + "\n\ncafé".encode("latin-1"))
    with pytest.raises(PageError, match=r"docs/page.md, line 5: the page is not saved as UTF-8 text \(a character "
                                        r"there, byte 0xe9, is in another encoding\)"):
        check_encodings(tmp_path)


def test_a_data_file_in_another_encoding_is_named_with_its_line(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_bytes(b"- id: cafe\n  term: Caf\xe9\n")
    with pytest.raises(DataError, match=r"data/glossary.yml, line 2: the file is not saved as UTF-8 text"):
        read_yaml(path, "data/glossary.yml")


def test_mistakes_in_pages_and_in_data_are_two_kinds_of_one_error():
    assert issubclass(PageError, CyppError) and issubclass(DataError, CyppError)
    assert "in a page" in PageError.heading and "in the data" in DataError.heading


def note_problem(markdown: str, offset: int = 0) -> str | None:
    try:
        check_notes(markdown, "docs/page.md", offset, SITE)
    except PageError as err:
        return str(err)
    return None


@pytest.mark.parametrize("sentence, words", [
    # a date in the heading above the paragraph, not in the paragraph the note opens
    ('The roadmap is dated May 2024{{ note("city-2026-01", "roadmap-1") }}.', "May 2024"),
    # a councillor named in the paragraph before the one the note opens
    ('Councillor Liz Brighouse chairs it{{ note("city-2023-10", "introduction-11") }}.', "Councillor Liz Brighouse"),
    # a person the data names (data/roles.yml), in the signature's other paragraph
    ('The vice-chair, Jodie Lloyd-Jones, signed it.{{ note("cypp-2018", "foreword-13") }}', "Jodie Lloyd-Jones"),
    # an age range the passage does not give
    ('The strategy is for children and young people aged 0 to 19{{ note("city-2026-01", "send-strategy-2") }}.',
     "aged 0 to 19"),
    ('Free swimming is for 17 to 19 year olds{{ note("city-2023-10", "leisure-1") }}.', "17 to 19 year"),
])
def test_a_name_age_range_or_date_not_in_the_passage_its_note_opens_stops_the_build(sentence, words):
    said = note_problem(f"# A page\n\nSome words.\n\nMore words. {sentence} And more.\n", offset=5)
    assert said is not None and said.startswith("docs/page.md, line 10: the words “" + words + "”"), said
    assert "sources/" in said and "Give the note of the passage that says them" in said


def figure_problem(markdown: str, offset: int = 0) -> str | None:
    try:
        check_figures(markdown, "docs/page.md", offset)
    except PageError as err:
        return str(err)
    return None


@pytest.mark.parametrize("sentence, figure", [
    ("Oxford has 90 play areas.", "90"),
    ("The council spent £1,500,000 on it.", "£1,500,000"),
    ("Attendance rose to 95%.", "95%"),
])
def test_a_figure_typed_into_a_page_without_a_note_stops_the_build(sentence, figure):
    """An officer's review: a figure typed into a page passed every check."""
    said = figure_problem(f"# A page\n\nSome words.\n\n{sentence}\n", offset=5)
    assert said is not None and said.startswith(f"docs/page.md, line 10: the figure “{figure}” is typed into the "
                                                 "page with no note."), said
    assert '{{ figure("its-id") }}' in said and "data/figures.yml" in said


@pytest.mark.parametrize("sentence", [
    'Oxford has {{ figure("play-areas") }} play areas.',  # from the data
    "The plan ran from 2018 to 2022, and the report of 27 May 2020 rated it in 2023/24.",  # years and days
    "Key stage 2 is Years 3 to 6. Annex 2 and indicator 1.1b are named, as is COVID-19 in UTF-8.",  # labels
    "# 2.4: Missing school\n\n# 1\\.1b: Waiting\n\nSee `88` and [the page](page-88.md).",  # headings' numbers, code
    'Oxford has 87 play areas{{ note("city-2023-10", "parks-1") }}.',  # in a sentence with its note
])
def test_years_days_labels_figures_from_the_data_and_noted_figures_pass(sentence):
    assert figure_problem(f"# A page\n\n{sentence}\n") is None


def test_a_figure_typed_into_a_page_must_be_in_the_passage_its_note_opens():
    said = note_problem('# A page\n\nOxford has 88 play areas{{ note("city-2023-10", "parks-1") }}.\n')
    assert said is not None and said.startswith("docs/page.md, line 3: the words “88”"), said


@pytest.mark.parametrize("sentence", [
    'The roadmap is dated May 2024{{ note("city-2026-01", "roadmap") }}.',  # the heading is the passage
    'Councillor Liz Brighouse chairs it{{ note("city-2023-10", "introduction-10") }}.',
    'The vice-chair, Jodie Lloyd-Jones, signed it.{{ note("cypp-2018", "foreword-12") }}',
    'The strategy is for children and young people aged 0 to 25{{ note("city-2026-01", "send-strategy-2") }}.',
    'VOXY is for young people aged 11 to 18{{ note("hwb-2020-05", "trans-toolkit-6") }}.',
    # the date of the document the note opens, and another document named by its date
    'In October 2023 the council said so{{ note("city-2023-10", "parks-1") }}.',
    'Unlike the report of May 2020, the report of 2 October 2023 counts {{ figure("play-areas") }} play areas'
    '{{ note("city-2023-10", "parks-1") }}.',
    # each note stands for the words since the note before it in the sentence
    'The Trust met on 26 September 2017{{ note("hwb-2017-10", "summary-1") }}, and its steering group on '
    '21 September 2017{{ note("hwb-2017-10", "cypp-1") }}.',
    # notes written one after another share their words
    'The plan was extended in June 2020{{ note("hwb-2020-05", "title") }}{{ note("cypp-2018", "introduction-5") }}.',
    # words in fenced code are not the page's sentences
    '```\nMay 2024{{ note("city-2026-01", "roadmap-1") }}\n```',
])
def test_a_name_age_range_or_date_in_the_passage_its_note_opens_passes(sentence):
    assert note_problem(f"# A page\n\n{sentence}\n") is None


def test_a_name_or_date_in_the_sites_own_words_in_the_data_is_checked_against_its_passage():
    record = SITE.get(Event, "send-roadmap").model_copy(update={"passage": "roadmap-1"})
    dates = document_dates(SITE.sources)
    problems = list(check_record(record, SITE.documents, dates))
    assert [loc for loc, _ in problems] == [("text",)]
    assert problems[0][1].startswith('the words “May 2024” are not in passage "roadmap-1" (sources/city-2026-01.md')
    assert not list(check_record(SITE.get(Event, "send-roadmap"), SITE.documents, dates))


def test_a_signature_cites_the_name_and_the_office_each_in_its_own_paragraph():
    role = SITE.get(Role, "chair-2018-harrod")
    dates = document_dates(SITE.sources)
    assert not list(check_record(role, SITE.documents, dates))
    wrong = role.model_copy(update={"named_in": None})  # the office's paragraph does not name him
    assert [loc for loc, _ in check_record(wrong, SITE.documents, dates)] == [("person",)]


def test_a_quotation_that_stops_part_way_through_a_sentence_must_say_so_with_an_ellipsis():
    # A quotation shown as the document's words once stopped mid-sentence, reading as if whole.
    dates = document_dates(SITE.sources)
    whole = SITE.get(Statement, "hnr-post-16")
    assert whole.text.endswith("…") and not list(check_record(whole, SITE.documents, dates))
    cut = whole.model_copy(update={"text": whole.text.rstrip("…")})
    problems = list(check_record(cut, SITE.documents, dates))
    assert [loc for loc, _ in problems] == [("text",)]
    assert "stops part-way through a sentence of passage \"post-16-1\"" in problems[0][1]
    assert "which goes on “and to consider ways to ensure…”. End it with “…”" in problems[0][1]
    # a quotation that ends where its sentence ends, or is the whole passage, is whole
    for sentence in ("The high needs block covers funding for young people with high level needs aged 16 to 25 "
                     "in further education and training.", "Meetings have been held with the three college "
                     "principals in July to discuss the review and to consider ways to ensure that"):
        assert not list(check_record(whole.model_copy(update={"text": sentence}), SITE.documents, dates))


@pytest.mark.parametrize("body, line", [
    ("- id: camhs\n\tterm: CAMHS\n", 2),  # a tab to indent a field
    ("- id: camhs\n  see_also:\n  \t- ehcp\n", 3),  # a tab before a list item ("cannot start any token")
    ("-\tid: camhs\n", 1),  # a tab after the dash
])
def test_a_tab_in_a_data_file_is_called_a_tab(tmp_path, body, line):
    path = tmp_path / "glossary.yml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_yaml(path, "data/glossary.yml")
    assert str(err.value) == (f"data/glossary.yml, line {line}: there is a tab character on this line. YAML needs "
                              "spaces, not tabs, to line up its fields: replace the tab with spaces (two spaces "
                              "for each level).")


FRONT = "---\ntitle: Meetings\nowner: Children's Trust Board web team\nlast_reviewed: 2026-11-24\nreview_by: 2027-05-24\n---\n\n# Meetings\n"


@pytest.mark.parametrize("old, new, said", [
    # no closing ---: MkDocs read no front matter at all, and said the fields were missing
    ("review_by: 2027-05-24\n---\n", "review_by: 2027-05-24\n",
     "docs/page.md, line 6: the front matter starts with --- on line 1, but has no --- line to close it before "
     "the page's text. Add a line --- after its last field (line 5)."),
    ("title: Meetings", "title: Meetings: dates and papers",
     "docs/page.md, line 2: this line has a second colon (:), after the one that ends the field's name. Put the "
     'text after the first colon in double quotes, for example title: "Meetings: dates and papers".'),
    ("title: Meetings", 'title: "Meetings',
     'docs/page.md, line 2: a text in quotes starts on this line, but its closing quote is missing.'),
    ("review_by: 2027-05-24", "review_by: 2027-02-30",
     'docs/page.md, line 5: "review_by" should be a real date written as YYYY-MM-DD, but it is "2027-02-30", '
     "which is not a date in the calendar."),
    ("owner: Children", "\towner: Children", "docs/page.md, line 3: there is a tab character on this line."),
])
def test_broken_front_matter_is_named_with_its_line(old, new, said):
    with pytest.raises(PageError) as err:
        meta, lines = read_front_matter(FRONT.replace(old, new), "docs/page.md")
        review_fields(meta, "docs/page.md", lines)
    assert str(err.value).startswith(said)
    assert "Missing:" not in str(err.value)


def test_a_missing_closing_quote_in_a_data_file_names_the_line_it_is_missing_on(tmp_path):
    """An officer's review: YAML reads on to the next quote mark and stumbles lines later, and the
    message named a line five lines after the mistake."""
    path = tmp_path / "glossary.yml"
    path.write_text('- id: a\n  term: "A\n  expansion: Aa\n  explanation: Words.\n'
                    '- id: b\n  term: "B"\n  expansion: Bb\n  explanation: Words.\n', encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_yaml(path, "data/glossary.yml")
    assert str(err.value).startswith("data/glossary.yml, line 2: a text in quotes starts on this line, but its "
                                     "closing quote is missing."), str(err.value)


def test_good_front_matter_gives_its_fields_and_their_lines():
    meta, lines = read_front_matter(FRONT, "docs/page.md")
    assert review_fields(meta, "docs/page.md", lines)[0] == "Children's Trust Board web team"
    assert lines[("review_by",)] == 5 and read_front_matter("# No front matter\n", "docs/page.md") == ({}, {})


@pytest.mark.parametrize("typed, written", [
    ("{{ meetings }}", "{{ meetings() }}"),
    ('{{ figure_table }} and {{ figure("play-areas") }}', '{{ figure_table("figure-id", ..., caption="Figures") }}'),
    ("{% if figure %}x{% endif %}", '{{ figure("figure-id") }}'),
])
def test_a_macro_named_without_its_brackets_is_refused(typed, written):
    # {{ meetings }} used to publish "<function _bound.<locals>.call at 0x7f…>" on the page.
    said = message(f"# Meetings\n\n{typed}\n", offset=5)
    assert said == (f'docs/page.md, line 8: "{typed.split()[1 if typed[1] == "{" else 2]}" is a macro, so it is '
                    f"written with brackets, even when it is given nothing: {written}. Without them the page "
                    "would show a name from the site's program instead of what the macro makes.")


NEEDS = [(name, need) for name, model in DATASETS.items() for need in model.needed]


def test_the_records_the_pages_rely_on_are_declared_on_their_models_with_real_macros_and_fields():
    assert NEEDS, "the models declare the records the pages cannot do without"
    for name, need in NEEDS:
        assert set(need.shown_by) <= set(MACROS), (name, need)
        assert not need.field or need.field in DATASETS[name].model_fields, (name, need)


@pytest.mark.parametrize("name, need", NEEDS, ids=lambda x: getattr(x, "value", x) or str(x))
def test_a_data_file_without_a_record_the_pages_rely_on_says_which(name, need):
    # `[]` in data/statements.yml, or a group taken out, used to end in a traceback from the views.
    ds = SITE.sets[name]
    left = dataclasses.replace(ds, records=[r for r in ds.records if not need.met_by(r)])
    with pytest.raises(DataError) as err:
        check_needed({**SITE.sets, name: left}, ROOT / "docs")
    said = str(err.value)
    assert said.startswith(f"data/{name}.yml: there is no {need.what[2:]}, and the site cannot be made without one: ")
    assert all(f"{{{{ {m}() }}}}" in said for m in need.shown_by) and "docs/" in said
    assert f"Add {need.what}" in said
    check_needed(SITE.sets, ROOT / "docs")  # the real data has them all


def test_an_empty_data_file_says_every_record_the_pages_miss(tmp_path):
    for part in ("data", "docs"):
        shutil.copytree(ROOT / part, tmp_path / part)
    (tmp_path / "data" / "statements.yml").write_text("[]\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_checked(tmp_path)
    assert [line.split(",")[0] for line in str(err.value).split("\n")] == [
        f"data/statements.yml: there is no record with group: {need.value}" for need in Statement.needed]


@pytest.mark.parametrize("name", ["sources", "glossary", "statements", "indicators"])
def test_an_emptied_data_file_is_a_plain_message(tmp_path, name):
    # an empty data/sources.yml ended in an IndexError while checking the council's work
    for part in ("data", "docs", "sources"):
        shutil.copytree(ROOT / part, tmp_path / part)
    (tmp_path / "data" / f"{name}.yml").write_text("[]\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"^data/[a-z_]+\.yml(, line \d+)?: "):
        load_checked(tmp_path)


def test_find_reads_the_documents_while_a_data_file_has_a_mistake(tmp_path, monkeypatch, capsys):
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "data" / "statements.yml").write_text("[]\n", encoding="utf-8")
    (tmp_path / "sources" / "broken.md").write_text("No title heading\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert find.main(["play", "areas"]) == 0
    out, err = capsys.readouterr()
    assert "source: city-2023-10\npassage: parks-1" in out
    assert err.startswith("sources/broken.md was not searched, because of a problem in it:\nsources/broken.md, line 1:")


def problems_of(record) -> list[tuple[tuple, str]]:
    return list(check_record(record, SITE.documents, document_dates(SITE.sources)))


@pytest.mark.parametrize("old, new, same, quoted, document", [
    ("a great place", "the best place", "Oxfordshire,", "the best place to grow up and have the…",
     "a great place to grow up and have the…"),
    ("grow up", "grow", "Oxfordshire, a great place to grow", "and have the opportunity to become…",
     "up and have the opportunity to become…"),
    ("want to be", "want to see", "…to become everything you want to", "see", "be'"),
])
def test_a_quotation_that_differs_from_its_document_points_at_the_first_difference(old, new, same, quoted, document):
    record = SITE.get(Statement, "vision-2018")
    assert old in record.text and not problems_of(record)
    [(loc, said)] = problems_of(record.model_copy(update={"text": record.text.replace(old, new)}))
    assert loc == ("text",)
    assert f"It follows the passage as far as “{same}”, then the quotation has “{quoted}” where the passage " \
           f"has “{document}”." in said


@pytest.mark.parametrize("dataset, record_id, wrong", [
    ("statements", "vision-2018", "vision-9"),  # its quotation is in another passage
    ("figures", "play-areas", "parks-7"),  # its figure is in another passage
    ("glossary", "camhs", "rag-9"),  # its term is in another passage
    ("areas", "be-supported", "be-suported"),  # misspelt: the id it was meant to be says it (not the cover)
    ("initiatives", "youmove", "leisure-9"),  # none: the passage with the most of its words (in its section)
])
def test_a_passage_that_does_not_exist_suggests_the_passage_that_says_it(dataset, record_id, wrong):
    record = SITE.sets[dataset].by_id()[record_id]
    [(loc, said)] = [p for p in problems_of(record.model_copy(update={"passage": wrong})) if p[0] == ("passage",)]
    assert said.startswith(f'there is no passage "{wrong}" in sources/{record.source}.md. The passage ')
    suggested = re.search(r' is passage "([^"]+)" \(sources/([^,]+)\.md, line ', said).groups()
    assert suggested == (record.passage, record.source) or SITE.documents[record.source].get(
        suggested[0]).section == record.passage, said


@pytest.mark.parametrize("old, new, said", [
    ("      - Meetings: trust/meetings.md", "     - Meetings: trust/meetings.md",
     "mkdocs.yml, line {line}: this line is not lined up with the lines around it."),
    ("      - Meetings: trust/meetings.md", "    - Meetings: trust/meetings.md",
     "mkdocs.yml, line {line}: this line is not lined up with the lines around it."),
    ("      - Meetings: trust/meetings.md", "      - Meetings:\ttrust/meetings.md",
     "mkdocs.yml, line {line}: there is a tab character on this line."),
])
def test_a_mistake_in_the_menu_that_mkdocs_cannot_read_is_named_with_its_line(tmp_path, old, new, said):
    body = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(body.replace(old, new, 1), encoding="utf-8")
    read_settings(ROOT / "mkdocs.yml")
    with pytest.raises(PageError) as err:
        read_settings(tmp_path / "mkdocs.yml")
    assert str(err.value).startswith(said.format(line=body[: body.index(old)].count("\n") + 1))


def test_a_menu_entry_to_a_missing_page_is_named_with_its_line(tmp_path):
    body = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    line = body[: body.index("trust/meetings.md")].count("\n") + 1
    config = tmp_path / "mkdocs.yml"
    config.write_text(body.replace("Meetings: trust/meetings.md", "Meetings trust/meetings.md"), encoding="utf-8")
    nav = read_settings(config)["nav"]
    with pytest.raises(PageError) as err:
        check_nav(config, nav, ROOT / "docs")
    assert str(err.value) == (
        f'mkdocs.yml, line {line}: the menu (nav) lists the page "Meetings trust/meetings.md", and there is no '
        'docs/Meetings trust/meetings.md. Did you mean "trust/meetings.md"? Each line of the menu is written '
        "- Title: folder/page.md, with the page's path under docs/ after the colon and a space.")


def test_a_link_to_a_missing_heading_names_its_line_and_the_heading_meant():
    markdown = "# About\n\nSee `[code](x.md#y)` and [the meetings](trust/meetings.md#how-often-the-trust-meet).\n"
    assert anchor_problem(markdown, "about.md", "trust/meetings.md#how-often-the-trust-meet", "trust/meetings.md",
                          {"meetings", "how-often-the-trust-meets"}) == (
        'docs/about.md, line 3: the link "trust/meetings.md#how-often-the-trust-meet" goes to a heading that is not '
        'on docs/trust/meetings.md (there is no #how-often-the-trust-meet). Did you mean "#how-often-the-trust-meets"? '
        "A heading's anchor is its words in lower case, with hyphens for spaces (## Where to go next is "
        "#where-to-go-next), or the id written after it ({#its-id}).")
    # a link a macro makes is not in the page's Markdown: the page alone is named
    assert anchor_problem("{{ meetings() }}", "trust/index.md", "#nowhere", "trust/index.md", {"top"}).startswith(
        'docs/trust/index.md: the link "#nowhere" goes to a heading that is not on this page')


def test_while_serving_a_failed_rebuild_shows_its_message_on_every_page_and_reloads_when_fixed(tmp_path):
    # MkDocs' preview waited for a good build before answering: the page never loaded. (Checked by
    # hand with a real `mkdocs serve` and Chromium: the message shows in 3 s, the page in 5 s once fixed.)
    (tmp_path / "trust").mkdir()
    (tmp_path / "trust" / "index.html").write_text("<p>the page</p>", encoding="utf-8")

    def failing_build():
        try:
            raise PageError('docs/trust/index.md, line 3: "meetings" is a macro <b>')
        except PageError as err:
            try:
                raise RuntimeError(f"The site was not built:\n{err}") from None
            except RuntimeError:
                raise SystemError("Aborted with a BuildError!")

    server = types.SimpleNamespace(root=str(tmp_path), builder=failing_build)
    assert _on_serve(server, None, None) is server
    server.builder()  # the build fails, and the preview goes on
    for page in ("trust/index.html", "404.html"):
        shown = (tmp_path / page).read_text(encoding="utf-8")
        assert "<title>Problem: the site was not built</title>" in shown and "location.reload()" in shown
        assert 'docs/trust/index.md, line 3: "meetings" is a macro &lt;b&gt;' in shown
        assert shown.count("line 3") == 1


def _wrong_references():
    """Each field that holds the id of another dataset's record (its type says so), once, in the
    first record that gives it: (dataset, record's place, where the id is, the dataset it names)."""
    seen = set()
    for name, ds in SITE.sets.items():
        for index, record in enumerate(ds.records):
            for loc, part, _ in parts(record):
                for field, target in references(type(part)).items():
                    value = getattr(part, field)
                    if (type(part), field) not in seen and value:
                        seen.add((type(part), field))
                        yield name, index, loc + ((field, 0) if isinstance(value, list) else (field,)), target


@pytest.mark.parametrize("name, index, where, target", list(_wrong_references()),
                         ids=lambda v: ".".join(map(str, v)) if isinstance(v, tuple) else str(v))
def test_every_reference_to_another_dataset_is_checked(name, index, where, target):
    """Every id of a record in another dataset, in a record or in a part of one, is checked: a field
    whose type is marked as a reference (fields.Refers) needs no list beside the models."""
    ds = SITE.sets[name]
    raw = ds.records[index].model_dump()
    holder = raw
    for key in where[:-1]:
        holder = holder[key]
    holder[where[-1]] = "no-such-record"
    wrong = type(ds.records[index]).model_validate(raw)
    records = [wrong if i == index else r for i, r in enumerate(ds.records)]
    sets = {**SITE.sets, name: Dataset(ds.path, ds.display, records, ds.lines)}
    with pytest.raises(DataError, match=rf'field "{re.escape(field_name(where))}": there is no record '
                                        rf'"no-such-record" in data/{target}\.yml\. Check the spelling'):
        check_references(CheckedData(root=ROOT, sets=sets, documents={}, checked={}))
