"""The unit layer: every view on small, made-up data (no MkDocs, no build)."""
import datetime as dt
import re

import markdown
import pytest
from sample import CTB, MONEY, NEWER, OLDER, PLAN, PUPILS, SOURCE, make_site

from macros.data.dates import PartialDate
from macros.data.dates import in_words as nice_date
from macros.data.models import Figure, Source
from macros.views import Build, Page
from macros.views.council import initiative_finder, initiative_page, where
from macros.views.figures import chart, figure, figure_table, series_table
from macros.views.glossary import glossary
from macros.views.markup import escape as text
from macros.views.markup import format_figure
from macros.views.performance import rag
from macros.views.plan import vision
from macros.views.reports import document_text
from macros.views.statements import newest_findings, statement_list
from macros.views.trust import gone_members, latest_meetings, who_leads


@pytest.fixture
def ctx():
    site = make_site(
        sources=[SOURCE, OLDER, PLAN],
        glossary=[CTB],
        figures=[MONEY,
                 dict(id="about", label="investment", value=600000, unit="gbp",
                      qualifier="about", source="doc", passage="funding-2"),
                 dict(PUPILS, series="s"),
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
    return Page(Build(site, today=dt.date(2026, 11, 25)), "trust/people.md")


def test_text_from_data_is_escaped():
    assert text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert text("*bold* [link](x) a|b") == r"\*bold\* \[link\](x) a\|b"
    assert text("C&YP &amp; more") == "C&YP &amp;amp; more"
    assert text("1. not a list") == r"1\. not a list"


def test_statement_with_html_is_shown_as_text(ctx):
    out = statement_list(ctx, "evil")
    assert "<script>" not in out and "&lt;script&gt;" in out and r"\*not bold\*" in out


def test_figures_are_formatted_as_a_reader_says_them(ctx):
    site = ctx.site
    assert format_figure(site.get(Figure, "money")) == "£1,120,199"
    assert format_figure(site.get(Figure, "about")) == "about £600,000"
    assert format_figure(site.get(Figure, "pc")) == "42%"


def ref(key: str, number: int, use: int = 1) -> str:
    """A note marker as a reader's browser gets it: the note's number, linking to the note."""
    ref_id = f"fnref:{key}" if use == 1 else f"fnref{use}:{key}"
    return f'<sup id="{ref_id}" data-search-exclude><a class="footnote-ref" href="#fn:{key}">[{number}]</a></sup>'


def as_keys(markdown: str) -> str:
    """Note markers written as their keys ("[^doc--intro]"), to compare text whatever the numbers."""
    return re.sub(r'<sup id="fnref\d*:([^"]+)" data-search-exclude><a class="footnote-ref" href="#fn:[^"]+">\[\d+\]</a></sup>',
                  r"[^\1]", markdown)


def test_figure_carries_a_note_that_opens_its_passage(ctx):
    out = figure(ctx, "money")
    assert out == '<span class="figure" data-figure="money">£1,120,199</span>' + ref("doc--funding-1", 1)
    page = ctx.finish(f"# Money\n\nGranted {out}.")
    assert ('<li id="fn:doc--funding-1"><p>From <a href="../../reports/doc/text/#funding-1">The report, '
            "section “Funding”, the paragraph starting “The council has been granted £1,120,199 in "
            "capital.”</a>.") in page


def test_a_note_used_many_times_has_one_way_back(ctx):
    first, second = figure(ctx, "pc"), figure(ctx, "pc-old")
    assert first.endswith(ref("old--results-1", 1)) and second.endswith(ref("old--results-1", 1, use=2))
    page = ctx.finish(f"# Results\n\n{first} {second}")
    assert page.count('class="footnote-backref"') == 1 and 'href="#fnref:old--results-1"' in page


def test_one_note_per_passage_even_when_sections_share_a_long_beginning(ctx):
    # Two sections whose headings share their first 60 characters once shared one note.
    ctx.cite("old", "results-a-1")
    ctx.cite("old", "results-b-1")
    assert list(ctx.notes) == ["old--results-a-1", "old--results-b-1"]
    assert "Reading rose" in ctx.notes["old--results-a-1"].text
    assert "Writing rose" in ctx.notes["old--results-b-1"].text


def test_the_same_passage_shares_one_note(ctx):
    figure(ctx, "pc")
    figure(ctx, "pc-old")
    assert list(ctx.notes) == ["old--results-1"]


def test_notes_start_afresh_on_each_page(ctx):
    figure(ctx, "money")
    ctx = Page(ctx.build, "index.md")
    assert not ctx.notes
    ctx.cite("doc", "intro")
    assert ctx.notes["doc--intro"].text == 'From <a href="reports/doc/text/#intro">The report, section “Intro”</a>.'


def test_evidence_age_is_said_under_the_title_and_warned_when_figures_are_old(ctx):
    page = ctx.finish(f"# Results\n\nPupils: {figure(ctx, 'pc')}.")
    lines = page.splitlines()
    assert lines[0] == "# Results" and 'class="evidence-age warning-text"' in lines[2]
    assert "The details on this page come from a document dated October 2017. All of these details are more than 9 years old" in lines[2]
    ctx = Page(ctx.build, "index.md")
    page = ctx.finish(f"# Money\n\nGranted {figure(ctx, 'money')}.")
    assert "dated 2 October 2023. All of these details are more than 3 years old" in page  # 37 months before the build
    ctx.build.today = dt.date(2025, 10, 2)
    ctx = Page(ctx.build, "index.md")
    page = ctx.finish(f"# Money\n\nGranted {figure(ctx, 'money')}.")
    assert "warning" not in page  # the same words, without the warning
    assert '<p class="evidence-age" data-search-exclude>The details on this page come from a document dated 2 October 2023.</p>' in page
    ctx = Page(ctx.build, "reports/plan/text.md")
    page = ctx.finish(f"# The plan: the full text\n\n{document_text(ctx, 'plan')}")
    assert "warning" not in page and "dated June 2018" in page  # a document's own text is history
    ctx = Page(ctx.build, "about.md")
    assert "evidence" not in ctx.finish("# About\n\nNo sources here.")


def test_a_page_whose_details_are_mostly_old_warns_though_its_newest_document_is_new():
    # Pages with a few details from a new document and most from old ones once said only how
    # old the newest document was, so they gave no warning.
    site = make_site(sources=[SOURCE, OLDER, PLAN])
    build = Build(site, today=dt.date(2025, 6, 1))  # "doc" (2 October 2023) is 20 months old
    page = Page(build, "a.md")
    for passage in ("results-1", "vision-1", "results-a-1"):
        page.cite("old", passage)  # three details from October 2017
    page.cite("doc", "funding-1")  # one from a document under two years old
    head = page.finish("# A\n\nB.").splitlines()[2]
    assert 'class="evidence-age warning-text"' in head
    assert ("The details on this page come from documents dated October 2017 to 2 October 2023. Most of "
            "these details are more than 2 years old, so things may have changed since.") in head
    assert " them " not in head
    page = Page(build, "a.md")
    page.cite("old", "results-1")  # half old, half new: not most
    page.cite("doc", "funding-1")
    head = page.finish("# A\n\nB.").splitlines()[2]
    assert head == ('<p class="evidence-age" data-search-exclude>The details on this page come from documents '
                    "dated October 2017 to 2 October 2023.</p>")
    page = Page(build, "a.md")
    page.cite("old", "results-1")  # one document, all old: no "them" for a single document
    assert ("come from a document dated October 2017. All of these details are more than 7 years old"
            in page.finish("# A\n\nB."))


def test_a_newer_document_that_only_names_things_does_not_make_old_details_newer():
    site = make_site(sources=[dict(SOURCE, names_only=["funding"]), OLDER, PLAN])
    page = Page(Build(site, today=dt.date(2026, 11, 25)), "council/work/thing.md")
    page.cite("old", "results-1")  # the details: October 2017
    page.cite("doc", "funding-1")  # a newer document, in a part that only names things
    head = page.finish("# A piece of work\n\nWords.").splitlines()[2]
    assert 'class="evidence-age warning-text"' in head
    assert ("The details on this page come from a document dated October 2017. All of these details are more "
            "than 9 years old, so things may have changed since. The newer The report, only names some of "
            "what this page is about.") in head
    page = Page(page.build, "council/work/thing.md")
    page.cite("doc", "intro-1")  # the same document, where it gives details: they are new
    page.cite("doc", "funding-1")
    assert "dated 2 October 2023. All of these details are more than 3 years old" in page.finish("# A\n\nB.")
    page = Page(page.build, "council/work/thing.md")
    page.cite("doc", "funding-1")  # nothing but names
    assert ("This page has no details of its own: the document it cites, dated 2 October 2023, only "
            "names what it is about.") in page.finish("# A\n\nB.")


def test_quotations_are_marked_and_summaries_are_not(ctx):
    assert statement_list(ctx, "vision").startswith("- <q>Old words</q>" + ref("old--vision-1", 1))
    assert statement_list(ctx, "ours").startswith("- Partners meet.<sup id=\"fnref")


def test_the_newest_findings_name_their_documents_and_say_when_the_newest_gives_none():
    """The lead of 'How we're doing' was typed by hand ("the newest documents are ... January
    2026"): a newer report would have made it false without anyone noticing."""
    def findings_from(*sources):
        site = make_site(sources=[SOURCE, OLDER, PLAN], statements=[
            dict(id=f"f-{s}", group="newest-findings", text={"doc": "New words", "old": "Old words"}[s],
                 source=s, passage={"doc": "intro-1", "old": "vision-1"}[s]) for s in sources])
        return newest_findings(Page(Build(site, today=dt.date(2026, 11, 25)), "index.md"))
    both = findings_from("doc", "old")
    assert both.startswith("These findings about children in Oxfordshire come from A council's reports of "
                           "October 2023 and October 2017, in their own words:")
    assert both.index("**2 October 2023**") < both.index("**October 2017**")
    older_only = findings_from("old")
    assert older_only.startswith("The newest document this site uses, The report, 2 October 2023, gives no "
                                 "such finding. These findings about children in Oxfordshire come from A "
                                 "council's report of October 2017")


def test_a_report_nobody_has_read_is_never_said_to_give_no_chair_meeting_or_finding():
    """An officer's review: adding a report made the pages say "the newest document gives the date
    of no meeting", "gives no such finding" and "does not say who the chair is" of a report nobody
    had read for them. Until its read_for says so, the pages say it is still to be checked."""
    records = dict(
        roles=[dict(id="chair-a", role="chair", person="Councillor A", source="doc", passage="intro-1")],
        meetings=[dict(id="m1", date="2023-09-01", kind="board", title="Board meeting", items=[],
                       source="doc", passage="intro-1")],
        statements=[dict(id="f1", group="newest-findings", text="New words", source="doc", passage="intro-1")])

    def pages(*sources):
        page = Page(Build(make_site(sources=list(sources), **records), today=dt.date(2027, 4, 1)), "index.md")
        return who_leads(page, "chair"), latest_meetings(page), newest_findings(page)

    read = dict(NEWER, read_for=["roles", "meetings", "findings"])
    chair, met, found = pages(SOURCE, read)
    assert "The newest document of all, from March 2027, does not say who the chair is." in chair
    assert "The newest document, of March 2027, gives the date of no meeting." in met
    assert found.startswith("The newest document this site uses, The newer report, March 2027, gives no such finding.")
    for said in pages(SOURCE, NEWER):
        assert "does not say" not in said and "gives the date of no meeting" not in said
        assert "gives no such finding" not in said
        assert "This site has not yet checked this document for " in said
        assert "The newer report, March 2027." in said
    chair, met, found = pages(SOURCE, NEWER)
    assert chair.startswith("The newest document to name the Trust's chair is from 2 October 2023. "
                            "It names **Councillor A**")
    assert "for who holds the Trust's leading roles: The newer report, March 2027." in chair
    assert "for the Trust's meetings" in met and "for findings about children" in found


def test_statements_as_paragraphs_are_paragraphs_not_list_points(ctx):
    """The plan's foreword printed as a list of bullet points, a paragraph each."""
    out = statement_list(ctx, "vision", paragraphs=True)
    assert as_keys(out) == "<q>Old words</q>[^old--vision-1]\n\n<q>Plan words</q>[^plan--vision-1]\n\n<q>New words</q>[^doc--intro-1]\n"
    html = markdown.markdown(out)
    assert html.count("<p>") == 3 and "<li>" not in html


def test_a_notes_short_form_for_print_says_where_its_passage_is_in_a_few_words(ctx):
    ctx.cite("doc", "funding-2")
    ctx.cite("old", "results-b")
    ctx.cite("old", "results-b-1")
    shorts = [note.short for note in ctx.notes.values()]
    assert shorts == ["The report, “Funding”, paragraph 2.",
                      "Old report, “Results: reading, writing and maths at…”.",
                      "Old report, “Results: reading, writing and maths at…”, paragraph 1."]
    page = ctx.finish("# Notes\n\nText.")
    assert '<p class="footnote__print" hidden>The report, “Funding”, paragraph 2.</p>' in page
    assert "<summary><h2" in page and ">Sources (3)</h2></summary>" in page


CTB_MARKED = "<abbr title=\"Children's Trust Board\">CTB</abbr>"


def test_a_short_form_is_marked_up_where_the_page_first_uses_it(ctx):
    page = ctx.finish("# The CTB\n\nThe CTB meets. The [CTB's page](ctb.md) says so.")
    assert page.count("<abbr") == 1 and f"# The {CTB_MARKED}\n" in page  # GOV.UK: on first use only
    assert "abbr" not in ctx.finish("The Trust meets. CTBX is not a term.")


def test_a_short_form_is_not_marked_up_in_code_tags_link_targets_or_raw_html(ctx):
    page = ctx.finish('`CTB` [x](CTB.md) <span data-x="CTB">y</span> {#CTB}\n\n'
                      '<div class="n">\nCTB\n</div>\n\n```\nCTB\n```\n\n'
                      '<div class="m" markdown>\nThe CTB.\n</div>')
    assert page.count("<abbr") == 1 and f"The {CTB_MARKED}." in page


def test_vision_is_the_plans_own_words_then_others_dated_as_theirs(ctx):
    out = vision(ctx)
    assert out.startswith("> Plan words\n>\n> — The plan, June 2018" + ref("plan--vision-1", 1))
    assert out.index("- Old report, October 2017: <q>Old words</q>") < out.index(
        "- The report, 2 October 2023: <q>New words</q>")
    assert "not changes to the plan" in out
    assert vision(ctx, history=False).count("words") == 1


def test_series_table_puts_periods_in_columns(ctx):
    out = series_table(ctx, "s", caption="Results")
    header = out.splitlines()[0]
    assert header == "| What is counted | 2017 | 2016 |"
    assert ('| Pupils | <span class="figure" data-figure="pc">42%</span>' + ref("old--results-1", 1)
            + ' | <span class="figure" data-figure="pc-old">29%</span>' + ref("old--results-1", 1, use=2)
            + " |") in out
    assert "/// table-caption\nResults\n///" in out


def test_dates_read_naturally():
    assert nice_date(PartialDate.parse("2023-10-02")) == "2 October 2023"
    assert nice_date(PartialDate.parse("2023-07")) == "July 2023"
    assert nice_date(PartialDate.parse("2018")) == "2018"
    assert nice_date(None) == "Date not given"


def test_rag_is_a_word_and_an_icon_not_colour_alone(ctx):
    out = rag(ctx, "Amber")
    assert "Amber</span>" in out and 'class="rag rag--amber"' in out
    # the icon is drawn by the view (no emoji extension), hidden from screen readers
    assert '<span aria-hidden="true" class="twemoji"><svg' in out and 'd="M13 14h-2V9h2' in out


def test_chart_draws_series_with_more_than_one_figure_and_escapes_text(ctx):
    out = chart(ctx, "s", caption="Pupils <b>2016</b>")
    assert out.startswith('<figure class="chart" data-search-exclude><svg class="chart-svg"')  # not in search
    assert 'role="img" aria-labelledby="chart-s-title chart-s-desc"' in out
    assert "<title id=\"chart-s-title\">Pupils &lt;b&gt;2016&lt;/b&gt;</title>" in out
    assert "<desc id=\"chart-s-desc\">pupils: 42% (2017), 29% (2016).</desc>" in out
    assert "| What is counted | 2017 | 2016 |" in out  # the data table beside it


def test_a_single_figure_is_given_as_a_sentence_not_a_chart():
    site = make_site(sources=[SOURCE], figures=[dict(id="one", label="responses", value=150,
                     unit="count", period="2020", series="solo", source="doc", passage="funding")])
    out = chart(Page(Build(site)), "solo")
    assert "<svg" not in out
    assert 'responses: <span class="figure" data-figure="one">150</span>' in out
    assert "only one figure in the documents" in out


def test_rating_chart_marks_each_rating_with_its_word():
    from macros.views.charts import rating_chart
    svg = rating_chart("c", "Ratings", [("May 2020", "Red"), ("May 2021", "Amber")])
    assert svg.count("<circle") == 2 and ">Red</text>" in svg and ">Amber</text>" in svg
    assert "<desc id=\"c-desc\">Red in May 2020; Amber in May 2021.</desc>" in svg


def test_labels_keep_their_capitals_when_they_start_a_cell():
    site = make_site(sources=[SOURCE], figures=[dict(id="nhs", label="money from NHS England for the Healios pilot",
                     value=1120199, unit="gbp", source="doc", passage="funding-1")])
    out = figure_table(Page(Build(site)), "nhs")
    assert "| Money from NHS England for the Healios pilot |" in out


def test_a_short_form_in_the_plural_is_explained_too(ctx):
    page = ctx.finish("The CTBs meet. The CTB meets.")
    assert page.startswith('The <abbr title="Children\'s Trust Boards">CTBs</abbr> meet. The ' + CTB_MARKED)


def test_the_glossary_says_where_a_short_forms_meaning_comes_from():
    site = make_site(sources=[SOURCE], glossary=[
        dict(id="ctb", term="CTB", expansion="Children's Trust Board", explanation="The Trust.",
             source="doc", passage="intro-1"),
        dict(id="cb", term="CB", expansion="Children's Board", explanation="A board.",
             source="doc", passage="intro-1")])
    out = glossary(Page(Build(site)))
    cb, ctb = out.split("## CTB ")  # in alphabetical order: CB first
    assert "do not" not in ctb  # the document spells it out: "The Children's Trust Board (CTB)"
    assert "The documents do not use this short form: this site does" in cb


WORK = [dict(id="hub", name="The <b>hub</b>", summary="A hub for young people. It helps them find work.",
             details=[dict(text="The hub had old words.", passage="vision-1")],
             ages="Young people", places=["Rose Hill"], age_groups=["young-people"], themes=["work"],
             neighbourhoods=["leys-littlemore-rose-hill"], source="old", passage="results-1",
             reported=[dict(source="old", passage="results"), dict(source="doc", passage="funding")]),
        dict(id="clubs", name="Clubs", summary="Youth clubs.", age_groups=["not-stated"],
             themes=["community"], neighbourhoods=["citywide"], source="doc", passage="intro-1",
             reported=[dict(source="doc", passage="intro")])]


def test_a_piece_of_work_has_its_page_answer_first_then_details_dated_by_their_report():
    ctx = Page(Build(make_site(sources=[dict(SOURCE, notes="Our copy has no appendix."), OLDER],
                               initiatives=WORK)), "council/work/hub.md")
    out = as_keys(initiative_page(ctx, "hub"))
    lines = out.splitlines()
    assert lines[0] == "# The &lt;b&gt;hub&lt;/b&gt;"  # text from data is escaped
    assert lines[2] == "A hub for young people. It helps them find work.[^old--results-1]"
    assert out.index("**Who it is for:** Young people") < out.index("**Where:** Rose Hill") \
        < out.index("## From the Old report") < out.index("- The hub had old words.[^old--vision-1]")
    # a newer report names the work: the page says the details are older, and why
    assert ("The newest report that names this work is the The report[^doc--funding]. The details on this "
            "page come from the Old report. They tell you what the council said then. Our copy has no appendix.") in out
    assert out.index("- The report[^doc--funding]") < out.index("- Old report[^old--results]")  # newest first
    assert "[All the council's work for children and young people](../index.md)" in out


def test_the_finder_lists_cards_and_a_place_also_shows_the_work_for_the_whole_city():
    ctx = Page(Build(make_site(sources=[SOURCE, OLDER], initiatives=WORK)), "council/index.md")
    out = initiative_finder(ctx)
    assert out.index('class="finder-count"') < out.index('class="finder-toggle') < out.index("<form")
    assert "Showing all 2 pieces of work." in out
    # only the answers the data uses are offered; a place also matches the whole city and county
    assert ('<input type="checkbox" name="where" value="leys-littlemore-rose-hill" data-also="citywide countywide">'
            in out and 'value="barton"' not in out)
    assert '<input type="checkbox" name="where" value="citywide"> Across Oxford' in out
    assert '<section class="finder-item" data-for="young-people" data-where="leys-littlemore-rose-hill" data-about="work"' in out
    assert ("### [The &lt;b&gt;hub&lt;/b&gt;](work/hub.md) {#hub}\n\nA hub for young people.[^old--results-1]\n"
            in as_keys(out))  # one line, with the note of the passage it sums up
    assert '**Where:** <span class="finder-tag">Across Oxford</span>' in out  # marked as work for the whole city


def test_where_names_every_place_of_the_work_once_and_marks_work_for_the_whole_city():
    from macros.data.models import Initiative
    def at(places, neighbourhoods):
        return where(Initiative.model_validate(dict(WORK[1], places=places, neighbourhoods=neighbourhoods)))
    # every place, in the data's words, though the area's name holds some and writes one otherwise
    assert at(["Barton", "Rose Hill", "the Leys", "City Centre"], ["barton", "leys-littlemore-rose-hill", "city-centre"]) \
        == "Barton, Rose Hill, the Leys and City Centre"
    assert at(["Rose Hill Community Centre"], ["leys-littlemore-rose-hill"]) == "Rose Hill Community Centre"
    assert at([], ["barton", "city-centre"]) == "Barton; City centre"  # no places: the areas' names
    tag = '<span class="finder-tag">Across Oxford</span>'
    assert at(["OX1 to OX4 postcodes"], ["citywide"]) == f"OX1 to OX4 postcodes {tag}"  # no brackets to wrap away from it
    assert at(["Oxford"], ["citywide"]) == tag  # said by the mark, not twice
    assert at([], ["countywide", "citywide"]) == f'<span class="finder-tag">Across Oxfordshire</span>; {tag}'
    assert at(["<b>Hall</b>"], ["barton"]) == "&lt;b&gt;Hall&lt;/b&gt;"


def test_a_paragraph_ending_in_a_colon_covers_the_list_after_it():
    """'…and is made up from the:' is finished by its list: a note opening the paragraph opens the
    members too (and the document's page highlights them with it)."""
    from macros.data.documents import parse
    from macros.views.full_text import render
    doc = parse("# R {#title}\n\n## P {#p}\n\nIt is made up from the:\n\n- The Council\n- Young people\n\n"
                "Another paragraph.\n\nNo colon here.\n\n- A list of its own\n", "r", "sources/r.md")
    assert doc.text("p-1") == "It is made up from the: The Council Young people"
    assert doc.text("p-5") == "No colon here."
    html = render(doc)
    assert 'class="passage passage--leads-list" id="p-1"' in html and 'class="passage" id="p-5"' in html


def test_a_statement_or_figure_that_mentions_an_organisation_that_no_longer_exists_says_so():
    # A statement once said what the Oxfordshire Clinical Commissioning Group had done, as if it
    # were still there: the site said it was gone only where it listed the Trust's members.
    gone = dict(explanation="Such groups closed.", text="The report says others do its work.",
                source="doc", passage="intro-1")
    site = make_site(
        sources=[SOURCE, OLDER, PLAN],
        members=[dict(id="ccg", name="Old Group", group="trust-board", short_form="og", source="doc",
                      passage="intro-1", gone=gone),
                 dict(id="ctb", name="Children's Trust Board", group="trust-board", source="doc", passage="intro-1")],
        glossary=[dict(id="og", term="OG", expansion="Old Group", explanation="A group.",
                       source="doc", passage="intro-1")],
        statements=[dict(id="a", group="g", text="OG secured funding.", quoted=False, source="doc", passage="intro-1"),
                    dict(id="b", group="g", text="The BOGUS group met. Old Groups met.", quoted=False,
                         source="doc", passage="intro-1")],
        figures=[dict(id="f", label="teams that Old Group funded", value=42, unit="percent",
                      source="old", passage="results-1")])
    page = Page(Build(site, today=dt.date(2026, 11, 25)), "a.md")
    first, second = statement_list(page, "g").splitlines()
    said = ("**Old Group no longer exists.** *In our words:* Such groups closed. The report says others do "
            "its work.")
    assert said in first and said not in second  # a whole word or short form only
    assert said in figure_table(page, "f")
    assert gone_members(page, "trust-board") == said + ref("doc--intro-1", 1, use=5)


def test_a_figure_a_later_document_updates_shows_both_dated_inline_and_on_its_works_page():
    """Later documents update facts; earlier ones become history: show both, dated. An officer
    changed a figure by adding the newer document's figure to the old one's series, and the work's
    page still showed the old value alone."""
    old = dict(id="play", label="play areas", value=29, unit="count", period="2016", series="play",
               source="old", passage="results-1")
    new = dict(id="play-new", label="play areas", value=600000, unit="count", qualifier="about",
               series="play", source="doc", passage="funding-2")
    site = make_site(sources=[SOURCE, OLDER], figures=[old, new],
                     initiatives=[dict(WORK[0], figures=["play"])])
    ctx = Page(Build(site), "council/work/hub.md")
    assert figure(ctx, "play") == (
        f'<span class="figure" data-figure="play">29</span>{ref("old--results-1", 1)} (2016; '
        f'<span class="figure" data-figure="play-new">about 600,000</span>{ref("doc--funding-2", 2)} in October 2023)')
    assert figure(ctx, "play-new").startswith('<span class="figure" data-figure="play-new">about 600,000</span>')
    assert "(2016" not in figure(ctx, "play-new")  # the newest figure stands alone
    out = as_keys(initiative_page(Page(Build(site), "council/work/hub.md"), "hub"))
    newer = '**Play areas (October 2023):** <span class="figure" data-figure="play-new">about 600,000</span>'
    older = '**Play areas (2016):** <span class="figure" data-figure="play">29</span>'
    assert newer in out and older in out and out.index(newer) < out.index(older)  # newest first
    # Not under the heading of the report the details come from (an officer's review found the
    # newer figure under "From the <older report>"): in a section of their own, each dated.
    numbers = out[out.index("## In numbers"):out.index("## The reports that name it")]
    assert newer in numbers and older in numbers
    assert "## From the" not in numbers


def test_the_calendar_link_says_which_meetings_it_holds():
    from macros.views.furniture import calendar_link
    site = make_site(sources=[SOURCE], meetings=[
        dict(id="a", date="2019-03-05", kind="board", title="A", source="doc", passage="funding-1"),
        dict(id="b", date="2020-06", kind="board", title="B", source="doc", passage="funding-1"),
        dict(id="c", date="2017-07-12", kind="board", title="C", source="doc", passage="funding-1", planned=True)])
    said = calendar_link(Page(Build(site), "trust/meetings.md"))
    assert said.endswith(": 2 dates, from 12 July 2017 to 5 March 2019; one of them was a meeting planned, and the "
                         "documents do not say whether it took place")
    assert "calendar file (iCalendar)" in said


def test_a_short_forms_plural_is_spelt_out_as_a_plural():
    from macros.views.page import plural
    assert plural("Early Help Assessment") == "Early Help Assessments"
    assert plural("General Certificate of Secondary Education") == "General Certificates of Secondary Education"
    assert plural("special educational needs and disabilities") == "special educational needs and disabilities"


def test_a_page_made_from_a_record_says_it_was_reviewed_with_the_page_that_lists_it():
    """An officer's review: a piece of work added today showed "Last reviewed" weeks before it
    existed, as if the page itself had been reviewed then."""
    site = make_site(sources=[SOURCE])
    made = Page(Build(site), "council/work/hub.md", owner="Web team", reviewed=dt.date(2026, 11, 25),
                due=dt.date(2027, 5, 25), updated=dt.date(2026, 12, 7), reviewed_with="council/index.md")
    said = made.finish("# Hub\n\nWords.\n")
    assert ("Last reviewed: 25 November 2026, with [the page that lists it](../index.md) · Next review due: "
            "25 May 2027 · Last updated: 7 December 2026") in said
    written = Page(Build(site), "council/index.md", owner="Web team", reviewed=dt.date(2026, 11, 25),
                   due=dt.date(2027, 5, 25))
    assert "Last reviewed: 25 November 2026 · Next review due" in written.finish("# Work\n\nWords.\n")


def test_with_no_chair_or_meeting_in_the_data_the_pages_say_only_what_the_documents_read_allow():
    read = Page(Build(make_site(sources=[SOURCE]), today=dt.date(2027, 4, 1)), "index.md")
    assert who_leads(read, "chair") == "None of the documents names the Trust's chair.\n"
    assert latest_meetings(read) == ""
    unread = Page(Build(make_site(sources=[SOURCE, NEWER]), today=dt.date(2027, 4, 1)), "index.md")
    assert who_leads(unread, "chair") == (
        "None of the documents this site has checked names the Trust's chair. This site has not yet "
        "checked this document for who holds the Trust's leading roles: The newer report, March 2027.\n")


def test_a_piece_of_works_partners_are_on_its_page():
    site = make_site(sources=[SOURCE, OLDER], initiatives=[dict(WORK[0], partners=["A <b>charity</b>"])])
    out = initiative_page(Page(Build(site), "council/work/hub.md"), "hub")
    assert "**Partners:** A &lt;b&gt;charity&lt;/b&gt;" in out


def test_a_report_nobody_has_read_for_ratings_is_not_said_to_give_none():
    """An officer's review: the home and performance pages said a report added that day "gives no
    ratings for these indicators"."""
    from macros.views.performance import no_newer_ratings
    page = Page(Build(make_site(sources=[OLDER, SOURCE, NEWER]), today=dt.date(2027, 4, 1)), "index.md")
    said = no_newer_ratings(page, page.site.get(Source, "old").date)
    assert said == ("The later documents this site uses (2 October 2023) give no ratings for these indicators. "
                    "This site has not yet checked this document for ratings of the plan's indicators: "
                    "The newer report, March 2027.")


def test_a_report_no_fact_comes_from_says_so_under_what_the_site_takes_from_it():
    """An officer's review: a report just added showed the heading "What this site takes from it"
    with nothing under it."""
    from macros.views.reports import source_page
    out = source_page(Page(Build(make_site(sources=[SOURCE, NEWER])), "reports/new/index.md"), "new")
    after = out.split("## What this site takes from it", 1)[1].strip()
    assert after.startswith("Nothing yet: no fact on this site comes from this document.")
