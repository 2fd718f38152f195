"""Layer 2, the macros: unit tests on small, made-up data (no MkDocs involved)."""
from pathlib import Path

import pytest

from macros import models
from macros.data import Site
from macros.loader import Dataset
from macros.render import Renderer, format_figure, nice_date, text


def make_site(**records) -> Site:
    sets = {}
    for name, model in models.DATASETS.items():
        recs = [model.model_validate(r) for r in records.get(name, [])]
        sets[name] = Dataset(Path(f"data/{name}.yml"), f"data/{name}.yml", recs,
                             [{(): i + 1} for i in range(len(recs))])
    return Site(root=Path("."), sets=sets)


SOURCE = dict(id="doc", title="A report", short_title="The report", date="2023-10-02",
              body="A council", to="Councillors", kind="report", summary=["About things."])
OLDER = dict(SOURCE, id="old", date="2017-10", short_title="Old report")


@pytest.fixture
def renderer():
    site = make_site(
        sources=[SOURCE, OLDER],
        glossary=[dict(id="ctb", term="CTB", expansion="Children's Trust Board",
                       explanation="The Trust.", source="doc", where="Intro")],
        figures=[dict(id="money", label="money granted", value=1120199, unit="gbp",
                      source="doc", where="Funding"),
                 dict(id="about", label="investment", value=600000, unit="gbp",
                      qualifier="about", source="doc", where="Zone"),
                 dict(id="pc", label="pupils", value=42, unit="percent", period="2017",
                      series="s", source="old", where="Results"),
                 dict(id="pc-old", label="pupils", value=29, unit="percent", period="2016",
                      series="s", source="old", where="Results")],
        statements=[dict(id="v1", group="vision", text="Old words", source="old", where="Vision"),
                    dict(id="v2", group="vision", text="New words", source="doc", where="Intro"),
                    dict(id="evil", group="evil", text="<script>alert(1)</script> *not bold*",
                         source="doc", where="Intro")],
    )
    r = Renderer(site)
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


def test_figure_carries_a_footnote_naming_its_source(renderer):
    out = renderer.figure("money")
    assert out == '<span class="figure" data-figure="money">£1,120,199</span>[^doc-funding]'
    page = renderer.finish_page(f"Granted {out}.")
    assert "[^doc-funding]: Source: [The report](../reports/doc.md), 2 October 2023, section “Funding”." in page


def test_same_source_and_section_share_one_note(renderer):
    renderer.figure("pc")
    renderer.figure("pc-old")
    assert list(renderer.notes) == ["old-results"]


def test_notes_start_afresh_on_each_page(renderer):
    renderer.figure("money")
    renderer.start_page("index.md")
    assert not renderer.notes
    renderer.cite("doc", "Intro")
    assert renderer.notes["doc-intro"].startswith("Source: [The report](reports/doc.md)")


def test_abbreviations_are_added_only_for_terms_on_the_page(renderer):
    assert "*[CTB]: Children's Trust Board" in renderer.finish_page("The CTB meets.")
    assert "*[CTB]" not in renderer.finish_page("The Trust meets. CTBX is not a term.")


def test_vision_shows_newest_wording_first_then_history(renderer):
    out = renderer.vision()
    assert out.index("> New words") < out.index("**October 2017**: “Old words”")
    assert "**2 October 2023**: “New words”" in out
    assert renderer.vision(history=False).count("words") == 1


def test_series_table_puts_periods_in_columns(renderer):
    out = renderer.series_table("s", caption="Results")
    header = out.splitlines()[0]
    assert header == "| What is counted | 2017 | 2016 |"
    assert ('| Pupils | <span class="figure" data-figure="pc">42%</span>[^old-results] '
            '| <span class="figure" data-figure="pc-old">29%</span>[^old-results] |') in out
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
    assert out.startswith('<figure class="chart"><svg class="chart-svg"')
    assert 'role="img" aria-labelledby="chart-s-title chart-s-desc"' in out
    assert "<title id=\"chart-s-title\">Pupils &lt;b&gt;2016&lt;/b&gt;</title>" in out
    assert "<desc id=\"chart-s-desc\">pupils: 42% (2017), 29% (2016).</desc>" in out
    assert "| What is counted | 2017 | 2016 |" in out  # the data table beside it


def test_a_single_figure_is_given_as_a_sentence_not_a_chart(renderer):
    site = make_site(sources=[SOURCE], figures=[dict(id="one", label="responses", value=150,
                     unit="count", period="2020", series="solo", source="doc", where="Survey")])
    r = Renderer(site)
    out = r.chart("solo")
    assert "<svg" not in out
    assert 'responses: <span class="figure" data-figure="one">150</span>' in out
    assert "only one figure so far" in out


def test_rating_chart_marks_each_rating_with_its_word():
    from macros.charts import rating_chart
    svg = rating_chart("c", "Ratings", [("May 2020", "Red"), ("May 2021", "Amber")])
    assert svg.count("<circle") == 2 and ">Red</text>" in svg and ">Amber</text>" in svg
    assert "<desc id=\"c-desc\">Red in May 2020; Amber in May 2021.</desc>" in svg
