"""Layer 2, the macros: unit tests on small, made-up data (no MkDocs involved)."""
import datetime as dt
from pathlib import Path

import pytest

from macros import models
from macros.data import Site
from macros.documents import parse
from macros.loader import Dataset
from macros.render import Renderer, format_figure, nice_date, text


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
PLAN_TEXT = """# The plan {#title}

## Our Vision {#vision}

Plan words
"""


def make_site(**records) -> Site:
    sets = {}
    for name, model in models.DATASETS.items():
        recs = [model.model_validate(r) for r in records.get(name, [])]
        sets[name] = Dataset(Path(f"data/{name}.yml"), f"data/{name}.yml", recs,
                             [{(): i + 1} for i in range(len(recs))])
    texts = {"doc": DOC_TEXT, "old": OLD_TEXT, "plan": PLAN_TEXT}
    documents = {s.id: parse(texts[s.id], s.id, f"sources/{s.id}.md") for s in sets["sources"].records}
    return Site(root=Path("."), sets=sets, documents=documents, checked={})


SOURCE = dict(id="doc", title="A report", short_title="The report", date="2023-10-02",
              body="A council", to="Councillors", kind="report", summary=["About things."])
OLDER = dict(SOURCE, id="old", date="2017-10", short_title="Old report")
PLAN = dict(SOURCE, id="plan", date="2018-06", short_title="The plan", kind="plan")


@pytest.fixture
def renderer():
    site = make_site(
        sources=[SOURCE, OLDER, PLAN],
        glossary=[dict(id="ctb", term="CTB", expansion="Children's Trust Board",
                       explanation="The Trust.", source="doc", passage="intro-1")],
        figures=[dict(id="money", label="money granted", value=1120199, unit="gbp",
                      source="doc", passage="funding-1"),
                 dict(id="about", label="investment", value=600000, unit="gbp",
                      qualifier="about", source="doc", passage="funding-2"),
                 dict(id="pc", label="pupils", value=42, unit="percent", period="2017",
                      series="s", source="old", passage="results-1"),
                 dict(id="pc-old", label="pupils", value=29, unit="percent", period="2016",
                      series="s", source="old", passage="results-1")],
        statements=[dict(id="v1", group="vision", text="Old words", source="old", passage="vision-1"),
                    dict(id="v0", group="vision", text="Plan words", source="plan", passage="vision-1"),
                    dict(id="v2", group="vision", text="New words", source="doc", passage="intro-1"),
                    dict(id="evil", group="evil", text="<script>alert(1)</script> *not bold*",
                         source="doc", passage="intro-2"),
                    dict(id="summary", group="ours", text="Partners meet.", quoted=False,
                         source="doc", passage="intro-1")],
    )
    r = Renderer(site, today=dt.date(2026, 11, 25))
    r.start_page("trust/people.md")
    return r


def test_text_from_data_is_escaped():
    assert text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert text("*bold* [link](x) a|b") == r"\*bold\* \[link\](x) a\|b"
    assert text("C&YP &amp; more") == "C&YP &amp;amp; more"
    assert text("1. not a list") == r"1\. not a list"


def test_statement_with_html_is_shown_as_text(renderer):
    out = renderer.statement_list("evil")
    assert "<script>" not in out and "&lt;script&gt;" in out and r"\*not bold\*" in out


def test_figures_are_formatted_as_a_reader_says_them(renderer):
    site = renderer.site
    assert format_figure(site.get("figures", "money")) == "£1,120,199"
    assert format_figure(site.get("figures", "about")) == "about £600,000"
    assert format_figure(site.get("figures", "pc")) == "42%"


def test_figure_carries_a_note_that_opens_its_passage(renderer):
    out = renderer.figure("money")
    assert out == '<span class="figure" data-figure="money">£1,120,199</span>[^doc--funding-1]'
    page = renderer.finish_page(f"# Money\n\nGranted {out}.")
    assert ("[^doc--funding-1]: From [The report, section “Funding”, the paragraph starting "
            "“The council has been granted £1,120,199 in capital.”](../reports/doc/text.md#funding-1).") in page


def test_one_note_per_passage_even_when_sections_share_a_long_beginning(renderer):
    # Two sections whose headings share their first 60 characters once shared one note.
    renderer.cite("old", "results-a-1")
    renderer.cite("old", "results-b-1")
    assert list(renderer.notes) == ["old--results-a-1", "old--results-b-1"]
    assert "Reading rose" in renderer.notes["old--results-a-1"]
    assert "Writing rose" in renderer.notes["old--results-b-1"]


def test_the_same_passage_shares_one_note(renderer):
    renderer.figure("pc")
    renderer.figure("pc-old")
    assert list(renderer.notes) == ["old--results-1"]


def test_notes_start_afresh_on_each_page(renderer):
    renderer.figure("money")
    renderer.start_page("index.md")
    assert not renderer.notes
    renderer.cite("doc", "intro")
    assert renderer.notes["doc--intro"] == "From [The report, section “Intro”](reports/doc/text.md#intro)."


def test_evidence_age_is_said_under_the_title_and_warned_when_figures_are_old(renderer):
    page = renderer.finish_page(f"# Results\n\nPupils: {renderer.figure('pc')}.")
    lines = page.splitlines()
    assert lines[0] == "# Results" and 'class="warning-text"' in lines[2]
    assert "comes from a document dated October 2017. The newest of it is more than 9 years old" in lines[2]
    renderer.start_page("index.md")
    page = renderer.finish_page(f"# Money\n\nGranted {renderer.figure('money')}.")
    assert "dated 2 October 2023. The newest of it is more than 3 years old" in page  # 37 months before the build
    renderer.today = dt.date(2025, 10, 2)
    renderer.start_page("index.md")
    page = renderer.finish_page(f"# Money\n\nGranted {renderer.figure('money')}.")
    assert "warning" not in page
    assert "the evidence on this page comes from a document dated 2 October 2023." in page
    renderer.start_page("reports/plan/text.md")
    page = renderer.finish_page(f"# The plan: the full text\n\n{renderer.document_text('plan')}")
    assert "warning" not in page and "dated June 2018" in page  # a document's own text is history
    renderer.start_page("about.md")
    assert "evidence" not in renderer.finish_page("# About\n\nNo sources here.")


def test_quotations_are_marked_and_summaries_are_not(renderer):
    assert renderer.statement_list("vision").startswith("- <q>Old words</q>[^old--vision-1]")
    assert renderer.statement_list("ours") == "- Partners meet.[^doc--intro-1]\n"


def test_abbreviations_are_added_only_for_terms_on_the_page(renderer):
    assert "*[CTB]: Children's Trust Board" in renderer.finish_page("The CTB meets.")
    assert "*[CTB]" not in renderer.finish_page("The Trust meets. CTBX is not a term.")


def test_vision_is_the_plans_own_words_then_others_dated_as_theirs(renderer):
    out = renderer.vision()
    assert out.startswith("> Plan words\n>\n> — The plan, June 2018[^plan--vision-1]")
    assert out.index("- Old report, October 2017: <q>Old words</q>") < out.index(
        "- The report, 2 October 2023: <q>New words</q>")
    assert "not changes to the plan" in out
    assert renderer.vision(history=False).count("words") == 1


def test_series_table_puts_periods_in_columns(renderer):
    out = renderer.series_table("s", caption="Results")
    header = out.splitlines()[0]
    assert header == "| What is counted | 2017 | 2016 |"
    assert ('| Pupils | <span class="figure" data-figure="pc">42%</span>[^old--results-1] '
            '| <span class="figure" data-figure="pc-old">29%</span>[^old--results-1] |') in out
    assert "/// table-caption\nResults\n///" in out


def test_dates_read_naturally():
    assert nice_date("2023-10-02") == "2 October 2023"
    assert nice_date("2023-07") == "July 2023"
    assert nice_date("2018") == "2018"
    assert nice_date(None) == "Date not given"


def test_rag_is_a_word_and_an_icon_not_colour_alone(renderer):
    out = renderer.rag("Amber")
    assert "Amber</span>" in out and ":material-alert:" in out and 'class="rag rag--amber"' in out


def test_chart_draws_series_with_more_than_one_figure_and_escapes_text(renderer):
    out = renderer.chart("s", caption="Pupils <b>2016</b>")
    assert out.startswith('<figure class="chart" data-search-exclude><svg class="chart-svg"')  # not in search
    assert 'role="img" aria-labelledby="chart-s-title chart-s-desc"' in out
    assert "<title id=\"chart-s-title\">Pupils &lt;b&gt;2016&lt;/b&gt;</title>" in out
    assert "<desc id=\"chart-s-desc\">pupils: 42% (2017), 29% (2016).</desc>" in out
    assert "| What is counted | 2017 | 2016 |" in out  # the data table beside it


def test_a_single_figure_is_given_as_a_sentence_not_a_chart(renderer):
    site = make_site(sources=[SOURCE], figures=[dict(id="one", label="responses", value=150,
                     unit="count", period="2020", series="solo", source="doc", passage="funding")])
    r = Renderer(site)
    out = r.chart("solo")
    assert "<svg" not in out
    assert 'responses: <span class="figure" data-figure="one">150</span>' in out
    assert "only one figure in the documents" in out


def test_rating_chart_marks_each_rating_with_its_word():
    from macros.charts import rating_chart
    svg = rating_chart("c", "Ratings", [("May 2020", "Red"), ("May 2021", "Amber")])
    assert svg.count("<circle") == 2 and ">Red</text>" in svg and ">Amber</text>" in svg
    assert "<desc id=\"c-desc\">Red in May 2020; Amber in May 2021.</desc>" in svg


def test_labels_keep_their_capitals_when_they_start_a_cell():
    site = make_site(sources=[SOURCE], figures=[dict(id="nhs", label="money from NHS England for the Healios pilot",
                     value=1120199, unit="gbp", source="doc", passage="funding-1")])
    out = Renderer(site).figure_table("nhs")
    assert "| Money from NHS England for the Healios pilot |" in out


def test_a_short_form_in_the_plural_is_explained_too(renderer):
    page = renderer.finish_page("The CTBs meet. The CTB meets.")
    assert "*[CTB]: Children's Trust Board" in page and "*[CTBs]: Children's Trust Boards" in page


def test_the_glossary_says_where_a_short_forms_meaning_comes_from():
    site = make_site(sources=[SOURCE], glossary=[
        dict(id="ctb", term="CTB", expansion="Children's Trust Board", explanation="The Trust.",
             source="doc", passage="intro-1"),
        dict(id="cb", term="CB", expansion="Children's Board", explanation="A board.",
             source="doc", passage="intro-1")])
    out = Renderer(site).glossary()
    cb, ctb = out.split("## CTB ")  # in alphabetical order: CB first
    assert "do not" not in ctb  # the document spells it out: "The Children's Trust Board (CTB)"
    assert "The documents do not use this short form: this site does" in cb
