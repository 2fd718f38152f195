"""What the build's check of every record against its document (macros/checks/verify.py, check_all)
tells an officer, on small made-up data: each problem names the data file, the line, the record
and the field, says what is wrong and what to do; good data passes and is counted."""
import pytest
from sample import OLDER, SOURCE, make_site

from macros.checks.verify import check_all
from macros.errors import DataError


def problems(**records) -> list[str]:
    site = make_site(sources=records.pop("sources", [SOURCE, OLDER]), **records)
    with pytest.raises(DataError) as err:
        check_all(site)
    return str(err.value).split("\n")


MONEY = dict(id="money", label="money granted", value=1120199, unit="gbp", source="doc", passage="funding-1")
PUPILS = dict(id="pc", label="pupils", value=42, unit="percent", period="2017", source="old", passage="results-1")


def test_good_data_passes_and_what_was_checked_is_counted():
    site = make_site(sources=[SOURCE, OLDER], figures=[MONEY, PUPILS],
                     statements=[dict(id="s", group="g", text="New words", source="doc", passage="intro-1")],
                     glossary=[dict(id="ctb", term="CTB", expansion="Children's Trust Board",
                                    explanation="The Trust.", source="doc", passage="intro-1")])
    counts = check_all(site)
    assert counts["figures"] == 2 and counts["quotations"] == 1 and counts["citations"] == 4  # each figure, quotation and term: the documents themselves cite nothing


def test_a_figure_not_in_its_passage_points_at_the_passage_that_has_it():
    said = problems(figures=[dict(PUPILS, value=29, passage="vision-1")])
    assert said[0].startswith('data/figures.yml, line 1: record "pc", field "value": the figure 29% is not in ')
    assert "It is in " in said[0] and "Results rose to 42% this year from 29% in 2016" in said[0]


def test_a_figure_nowhere_in_the_document_says_so():
    said = problems(figures=[dict(MONEY, value=7)])
    assert 'field "value": the figure £7 is not in' in said[0] and "It is nowhere in sources/doc.md" in said[0]


def test_a_figure_marked_about_where_the_document_is_exact_says_to_use_its_word():
    said = problems(figures=[dict(MONEY, qualifier="about")])
    assert said[0].startswith('data/figures.yml, line 1: record "money", field "qualifier": the figure is '
                              'marked "about", but')
    assert 'Use the document\'s own word, or "exactly".' in said[0]


def test_a_glossary_term_its_passage_does_not_use_is_named():
    said = problems(glossary=[dict(id="ehcp", term="EHCP", expansion="Education, Health and Care Plan",
                                   explanation="A plan.", source="doc", passage="intro-1")])
    assert said[0].startswith('data/glossary.yml, line 1: record "ehcp", field "term": neither “EHCP” nor '
                              '“Education, Health and Care Plan” is in')
    assert "Cite a passage that uses the term." in said[0]


def test_a_quotation_not_in_its_passage_names_the_nearest_passage():
    said = problems(statements=[dict(id="s", group="g", text="Partners come together for children",
                                     source="doc", passage="funding-1")])
    assert 'field "text": the quotation “Partners come together for children” is not word for word in' in said[0]
    assert "The nearest passage is" in said[0] and "Copy the document's words exactly" in said[0]


def test_a_quotation_that_goes_its_own_way_says_where():
    said = problems(statements=[dict(id="s", group="g", text="The Children's Trust Board (CTB) brings "
                                     "everyone together", source="doc", passage="intro-1")])
    assert ("It follows the passage as far as “The Children's Trust Board (CTB) brings”, then the quotation has "
            "“everyone together” where the passage has “partners together. New words”.") in said[0]


def test_a_passage_that_does_not_exist_names_the_document_and_how_to_find_one():
    said = problems(figures=[dict(MONEY, passage="fundin-1")])
    assert said[0].startswith('data/figures.yml, line 1: record "money", field "passage": there is no passage '
                              '"fundin-1" in sources/doc.md.')
    assert 'make find WORDS="..."' in said[0]


def test_a_date_the_passage_does_not_give_is_named():
    said = problems(timeline=[dict(id="e", date="2019-05", topic="send", title="Money", text="Granted.",
                                   source="doc", passage="funding-1")])
    assert said[0].startswith('data/timeline.yml, line 1: record "e", field "date": the date "2019-05" is not in')
    assert "Give only as much of a date as the passage states" in said[0]


def test_a_name_given_in_a_passage_that_does_not_exist_is_named():
    said = problems(roles=[dict(id="chair", role="chair", person="Councillor A", named_in="intro-9",
                                source="doc", passage="intro-1")])
    assert any('record "chair", field "named_in": there is no passage "intro-9" in sources/doc.md.' in s for s in said)


def test_a_document_read_only_for_names_at_a_passage_that_does_not_exist_is_named():
    said = problems(sources=[dict(SOURCE, names_only=["news-1"]), OLDER])
    assert len(said) == 1 and said[0].startswith('data/sources.yml, line 1: record "doc", field "names_only > '
                                                 'item 1": there is no passage "news-1" in sources/doc.md.')


def test_every_problem_is_listed_each_on_its_own_line():
    said = problems(figures=[dict(MONEY, value=7), dict(PUPILS, passage="nope-1")])
    assert [s.split(":")[0] for s in said[:2]] == ["data/figures.yml, line 1", "data/figures.yml, line 2"]


def test_a_rating_the_report_does_not_give_is_named():
    indicator = dict(id="reading", source="old", passage="results-1", name="Reading", title="Results rose",
                     plain="Reading.", why="It matters.", area="be-successful",
                     ratings=[dict(rag="Red", source="old", passage="results-1")])
    said = problems(indicators=[indicator])
    assert any('record "reading", field "ratings > item 1 > rag": the rating Red is not in' in s for s in said)


def test_each_quoted_item_of_a_list_is_checked_and_named_by_its_number():
    said = problems(statements=[dict(id="s", group="g", text="The Children's Trust Board (CTB) brings partners "
                                     "together.", children=["New words", "Old words"], source="doc",
                                     passage="intro-1")])
    assert len(said) == 1 and 'record "s", field "children > item 2": the quotation “Old words”' in said[0]


def test_a_figure_in_a_records_own_words_must_be_in_the_passage_it_cites():
    """An officer's review: "Oxford also has 97 play areas" in a work's details passed every check
    while its page said 87 under "In numbers"."""
    said = problems(timeline=[dict(id="e", topic="send", title="Money", text="The council was granted £1,500,000.",
                                   source="doc", passage="funding-1")])
    assert said[0].startswith('data/timeline.yml, line 1: record "e", field "text": the words “£1,500,000” are not in')
    good = make_site(sources=[SOURCE], timeline=[dict(id="e", topic="send", title="Money", source="doc",
                                                      passage="funding-1", text="The council was granted £1,120,199.")])
    assert check_all(good)["citations"] == 1
