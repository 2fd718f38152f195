"""The page about one source document (reports/<id>/), on small made-up data: what the document
is, in short, and everything the site takes from it, each linking to the page that shows it."""
import datetime as dt

from sample import CTB, MONEY, OLDER, PLAN, PUPILS, SOURCE, make_site

from macros.views import Build, Page
from macros.views.reports import source_page

REPORT = dict(SOURCE, written_by="the Head of Service", notes="Our copy <b>lacks</b> its appendix.",
              summary=["About *money* and the Board.", "A second point."])


def render(source_id: str) -> str:
    site = make_site(
        sources=[REPORT, OLDER, PLAN],
        glossary=[CTB],
        figures=[MONEY, PUPILS],
        statements=[dict(id="s1", group="g", text="New words", source="doc", passage="intro-1"),
                    dict(id="s2", group="g", text="Partners meet.", quoted=False, source="doc", passage="intro-1")],
        timeline=[dict(id="e1", date="2023-10", topic="send", title="A <new> board meets",
                       text="It met.", source="doc", passage="intro-1"),
                  dict(id="e2", topic="send", title="Money granted", text="Granted.", source="doc",
                       passage="funding-1"),
                  dict(id="e3", topic="plan", title="The plan is written", text="Written.", source="plan",
                       passage="vision-1")],
    )
    page = Page(Build(site, today=dt.date(2026, 11, 25)), f"reports/{source_id}/index.md")
    return source_page(page, source_id)


def test_a_document_page_says_who_wrote_it_for_whom_when_and_in_short():
    out = render("doc")
    assert "**Date:** 2 October 2023" in out
    assert "**Written by:** A council (the Head of Service)" in out and "**Written for:** Councillors" in out
    assert "**Kind of document:** a report" in out
    assert "## In short\n\nAbout \\*money\\* and the Board.\n\nA second point." in out  # the data's text, escaped
    assert '!!! note "About our copy of this document"\n\n    Our copy &lt;b&gt;lacks&lt;/b&gt; its appendix.' in out
    assert "**Kind of document:** the plan itself" in render("plan")


def test_a_document_page_links_to_each_page_that_shows_a_fact_from_it():
    out = render("doc")
    taken = out.split("## What this site takes from it")[1]
    assert "- [Glossary](../../glossary.md): 1 fact\n" in taken  # one fact, not "1 facts"
    assert "- [Dates about SEND](../../send.md): A &lt;new&gt; board meets; Money granted" in taken
    assert "- Quotations and statements: 2, shown on the pages that use this document" in taken
    assert "Dates about the plan" not in taken  # that event is another document's


def test_a_document_page_lists_its_figures_in_a_table_and_only_its_own():
    out = render("doc")
    figures = out.split("### Figures from this document")[1]
    assert "| Money granted | Not given |" in figures and "£1,120,199" in figures and "Pupils" not in figures
    assert "Figures from: The report" in figures  # the table's caption


def test_a_document_nothing_is_taken_from_yet_says_nothing_more():
    out = render("plan")
    taken = out.split("## What this site takes from it")[1]
    assert "Dates about the plan" in taken and "### Figures" not in taken and "Quotations" not in taken
    assert "About our copy" not in render("old")  # no notes, no note
