"""Layer 1, truth: every quotation, figure, rating and date in data/ is checked against the passage
of the document it cites, and each kind of mistake stops the data loading with a plain message."""
import re
from pathlib import Path

import pytest
from conftest import ROOT
from edits import error_for, replace_in

from macros.data.checked import load_checked
from macros.data.dates import PartialDate
from macros.data.documents import parse
from macros.data.matching import found_in, has_date, numbers
from macros.errors import DataError


def set_field(path: Path, record_id: str, field: str, value: str, extra: str = "") -> int:
    """Give a field of one record in a data file a new value (and maybe a line after it);
    return the field's line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index(f"- id: {record_id}")
    index = next(i for i in range(start + 1, len(lines)) if lines[i].startswith(f"  {field}:"))
    lines[index] = f"  {field}: {value}" + (f"\n{extra}" if extra else "")
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


def test_every_document_has_its_text_and_every_check_ran():
    site = load_checked(ROOT)
    assert sorted(site.documents) == sorted(s.id for s in site.sources)
    for doc in site.documents.values():  # its words, not only headings
        assert any(p.kind in ("paragraph", "item") for p in doc.passages), doc.id
    # everything quoted, counted, rated and dated is verified: every figure and every rating, and
    # at least every quoted statement, area name and dated timeline entry
    assert site.checked["figures"] == len(site.figures)
    assert site.checked["ratings"] == sum(len(i.ratings) for i in site.indicators)
    assert site.checked["quotations"] >= sum(s.quoted for s in site.statements) + len(site.areas)
    assert site.checked["dates"] >= sum(1 for e in site.timeline if e.date)


def test_the_project_does_not_need_the_shared_folder():
    for path in [*ROOT.glob("macros/**/*.py"), *ROOT.glob("tests/**/*.py"), ROOT / "mkdocs.yml", ROOT / "Makefile"]:
        if path.name != Path(__file__).name:
            assert "shared/seeds" not in path.read_text(encoding="utf-8"), path


def test_a_misquote_stops_with_file_line_and_the_first_words_that_differ(project):
    path = project / "data" / "statements.yml"
    line = replace_in(path, "text: \"Oxfordshire, a great place to grow up",
                      "text: \"Oxfordshire, the best place to grow up")
    msg = error_for(project)
    assert f'data/statements.yml, line {line}: record "vision-2018", field "text": the quotation ' \
           "“Oxfordshire, the best place to grow up" in msg
    assert 'is not word for word in passage "vision-1" (sources/cypp-2018.md, line' in msg
    assert ('then the quotation has “the best place to grow up and have the…” where the passage has '
            '“a great place to grow up and have the…”') in msg


def test_a_quotation_cited_to_the_wrong_passage_says_where_it_is(project):
    path = project / "data" / "statements.yml"
    set_field(path, "foreword-city", "passage", "foreword-4")
    msg = error_for(project)
    assert 'record "foreword-city", field "text": the quotation “We welcome the initiative' in msg
    assert 'is not word for word in passage "foreword-4"' in msg and 'It is in passage "foreword-6"' in msg


@pytest.mark.parametrize("field, value, extra, said", [
    ("value", "88", None, 'data/figures.yml, line {line}: record "play-areas", field "value": the figure 88 is not '
                          'in passage "parks-1" (sources/city-2023-10.md'),
    ("value", "87", "  qualifier: over", 'data/figures.yml, line {next}: record "play-areas", field "qualifier": the '
                                         'figure is marked "over"'),
    ("passage", "park-1", None, 'data/figures.yml, line {line}: record "play-areas", field "passage": there is no '
                                'passage "park-1" in sources/city-2023-10.md. The passage that has the figure is '
                                'passage "parks-1"'),
], ids=["a figure not in its passage", "a qualifier the document does not give", "a passage that does not exist"])
def test_a_figure_its_document_does_not_give_stops_with_file_line_and_where_it_is(project, field, value, extra, said):
    line = set_field(project / "data" / "figures.yml", "play-areas", field, value, extra=extra or "")
    assert said.format(line=line, next=line + 1) in error_for(project)


def test_a_date_the_passage_does_not_give_is_refused(project):
    path = project / "data" / "timeline.yml"
    line = replace_in(path, "date: 2023-02\n", "date: 2023-03\n")
    msg = error_for(project)
    assert f'data/timeline.yml, line {line}:' in msg and 'the date "2023-03" is not in passage' in msg


def test_two_passages_sharing_one_anchor_and_note_stop_with_file_and_line(project):
    path = project / "sources" / "cypp-2018.md"
    first = replace_in(path, "{#values}", "{#values}")
    line = replace_in(path, "{#monitoring}", "{#values}")
    msg = error_for(project)
    assert f'sources/cypp-2018.md, line {line}: the section id "values" is already used on line {first}' in msg
    assert "share one anchor and one source note" in msg


def test_a_section_id_that_is_a_paragraphs_anchor_is_refused(project):
    path = project / "sources" / "cypp-2018.md"
    line = replace_in(path, "{#monitoring}", "{#foreword-2}")
    msg = error_for(project)
    assert f'sources/cypp-2018.md, line {line}: the section id "foreword-2" is also the anchor of a passage' in msg


def test_a_missing_source_text_is_named(project):
    (project / "sources" / "hwb-2017-10.md").unlink()
    assert error_for(project).startswith("sources/hwb-2017-10.md: the file is missing.")


def test_a_source_text_in_another_encoding_names_the_line(project):
    path = project / "sources" / "hwb-2017-10.md"
    body = path.read_text(encoding="utf-8").replace("Green shoots", "Green shoots \u2013", 1)
    path.write_bytes(body.encode("cp1252"))
    msg = error_for(project)
    assert re.match(r"sources/hwb-2017-10\.md, line \d+: the file is not saved as UTF-8 text\.", msg)


def test_a_heading_without_an_id_is_refused():
    with pytest.raises(DataError) as caught:
        parse("# Title {#title}\n\n## Foreword\n\nText.\n", "x", "sources/x.md")
    assert str(caught.value).startswith("sources/x.md, line 3: every heading needs an id")


def test_passages_numbered_by_section_and_notes_apart():
    doc = parse("# T {#title}\n\n## A {#a}\n\nOne.\n\nNOTE: ours.\n\n- two\n    - three\n- four\n",
                "x", "sources/x.md")
    assert [p.id for p in doc.passages] == ["title", "a", "a-1", "a-note-1", "a-2", "a-3", "a-4"]
    assert [p.text for p in doc.scope("a-2")] == ["two", "three"]  # an item covers its sub-items
    assert [p.text for p in doc.scope("a")] == ["A", "One.", "two", "three", "four"]  # notes are ours


@pytest.mark.parametrize("text, value, kind", [
    ("Twenty two of 23 standards were rated Green", 22, "plain"),
    ("has resulted in c£600k of external investment", 600000, "gbp"),
    ("granted £1,120,199 in capital", 1120199, "gbp"),
    ("almost 2/3 (65%) reached the expected standard", 65, "percent"),
    ("training to over 450 partners", 450, "plain"),
    ("six of the ten Oxfordshire wards", 6, "plain"),
])
def test_numbers_are_read_as_digits_or_words(text, value, kind):
    assert (float(value), kind) in numbers(text)


def test_quotations_ignore_only_spacing_quote_marks_dashes_and_broken_lines():
    doc = "Oxfordshire – a great place to grow up and be ‘healthy’ and well-\nbeing , for all"
    assert found_in("Oxfordshire - a great place to grow up and be 'healthy'", doc)
    assert found_in("and well-being, for all", doc)
    assert not found_in("oxfordshire – a great place", doc)  # capitals as the document has them
    assert found_in("Oxfordshire … for all", doc)  # "…" stands for words left out
    assert not found_in("Oxfordshire – the great place", doc)
    assert not found_in("Oxfordshire – a great place to grow and be", doc)  # a word left out


day = PartialDate.parse  # a date as the data gives it


def test_dates_must_be_as_exact_as_the_passage():
    assert has_date(day("2017-09-26"), "The Children's Trust Board met on 26 September 2017.", day("2017-10"))
    assert has_date(day("2017-12"), "will be presented at the December meeting", day("2017-10"))
    assert has_date(day("2020-12"), "Dec 20", day("2018-06")) is False  # a year must be written out or be the document's
    assert has_date(day("2023-10-02"), "At the time of drafting this report", day("2023-10-02"))  # the document's own date
    assert not has_date(day("2019"), "Last year Ofsted inspection rated our children's services", day("2020-05-27"))


def test_a_piece_of_work_is_named_as_a_report_names_it(project):
    path = project / "data" / "initiatives.yml"
    line = replace_in(path, "  name: Youth Investment Funding\n", "  name: Youth Investment Funds\n")
    msg = error_for(project)
    assert f'data/initiatives.yml, line {line}: record "youth-investment-fund", field "name": the name ' \
           "“Youth Investment Funds” is not word for word in any passage listed under reported." in msg


def test_a_quotation_must_begin_and_end_on_whole_words():
    assert found_in("Youth Investment Funding", "xix. Youth Investment Funding.")
    assert not found_in("Youth Investment Fund", "ii. Youth Investment Funding")
    assert not found_in("outh Investment Funding", "ii. Youth Investment Funding")


def test_find_gives_the_source_and_passage_to_cite(capsys, monkeypatch):
    from macros.commands.find import main
    monkeypatch.chdir(ROOT)
    assert main(["87", "play", "areas"]) == 0
    out = capsys.readouterr().out
    assert "source: city-2023-10\npassage: parks-1\n" in out and "1 passage found." in out
    assert main(["no", "such", "words", "anywhere"]) == 1
