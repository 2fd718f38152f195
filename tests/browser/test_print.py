"""Printing, on A4 and on Letter paper: the PDF Chromium prints, read back with pypdf. Content only,
with the notes printed open and compact, numbers whole, the plan's foreword as paragraphs, and no
page left mostly blank by a table that would not break."""
from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass

import pytest

pytestmark = pytest.mark.browser

PAPERS = ["A4", "Letter"]
MARGIN = 15 / 25.4 * 72  # the page margin (site.css: @page), in points


@dataclass
class Sheet:
    """One printed page: its text, and where each piece of text starts (x, y in points, from the
    bottom left), in reading order: down the page, and left to right along a line."""

    text: str
    pieces: list[tuple[float, float, str]]
    height: float


def read_in_order(sheets: list[Sheet]) -> list[tuple[float, float, str]]:
    return [p for sheet in sheets for p in sorted(sheet.pieces, key=lambda p: (-p[1], p[0]))]


def at_margin(pieces, text: str) -> int:
    """Where a heading is (a piece of text at the left margin; the "Contents" list has the same words)."""
    return next(i for i, (x, _, t) in enumerate(pieces) if t == text and x < MARGIN + 1)


def printed(page, server: str, path: str, paper: str) -> list[Sheet]:
    import pypdf

    page.goto(server + path)
    reader = pypdf.PdfReader(io.BytesIO(page.pdf(format=paper)))
    sheets = []
    for sheet in reader.pages:
        pieces = []

        def keep(text, cm, tm, _font, _size):
            if text.strip():
                pieces.append((tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5], text.strip()))
        text = sheet.extract_text(visitor_text=keep)
        sheets.append(Sheet(text, pieces, float(sheet.mediabox.height)))
    return sheets


@pytest.fixture(scope="module")
def whole_plan(browser, server):
    """The whole plan to print (docs/plan/print.md), on each paper."""
    context = browser.new_context()
    page = context.new_page()
    sheets = {paper: printed(page, server, "plan/print/", paper) for paper in PAPERS}
    context.close()
    return sheets


@pytest.mark.parametrize("paper", PAPERS)
def test_no_text_is_cut_off_at_the_left_edge(whole_plan, paper):
    """Note numbers of 10 and over printed in the margin and lost their first digit ("0.", "1.")."""
    cut = [(round(x, 1), text) for sheet in whole_plan[paper] for x, _, text in sheet.pieces if x < MARGIN - 0.5]
    assert not cut, cut[:5]


@pytest.mark.parametrize("paper", PAPERS)
def test_the_sources_print_open_every_note_numbered_whole_and_short(whole_plan, paper):
    sheets = whole_plan[paper]
    pieces = read_in_order(sheets)
    heading = next(i for i, (_, _, t) in enumerate(pieces) if re.fullmatch(r"Sources \(\d+\)", t))
    count = int(re.search(r"\d+", pieces[heading][2]).group(0))
    notes = "".join(t for _, _, t in pieces[heading + 1:])
    numbers = sorted(int(n) for n in re.findall(r"\[(\d+)\]", notes))  # read across the two columns
    assert numbers == list(range(1, count + 1)), "the notes are not all printed, each once, numbered whole"
    notes = notes[:notes.index(f"[{count}]")]  # (what follows the last is the rest of the page)
    # each note says where its passage is in a few words, with no web address
    assert "http" not in notes and "/text/#" not in notes
    assert "Children and Young People's Plan 2018–2022, “Foreword”, paragraph 3." in " ".join(
        " ".join(sheet.text.split()) for sheet in sheets)
    # compact: at least 40 notes a page (they took 9 pages of A4 for 119 notes, 13 a page)
    first = next(i for i, s in enumerate(sheets) if f"Sources ({count})" in s.text)
    final = next(i for i, s in enumerate(sheets) if f"[{count}]" in "".join(t for _, _, t in s.pieces))
    assert final - first + 1 <= math.ceil(count / 40) + 1, (first, final, count)


@pytest.mark.parametrize("paper", PAPERS)
def test_the_whole_plan_prints_in_far_fewer_pages(whole_plan, paper):
    """It printed on 23 pages of A4 or Letter, 9 of them notes with their full web addresses."""
    assert len(whole_plan[paper]) <= 16


@pytest.mark.parametrize("paper", PAPERS)
def test_the_foreword_prints_as_paragraphs(whole_plan, paper):
    """Every paragraph of the foreword starts at the left margin, as a paragraph, not indented
    behind a bullet point."""
    pieces = read_in_order(whole_plan[paper])
    start, end = at_margin(pieces, "Foreword"), at_margin(pieces, "Introduction")
    openings = [(round(x, 1), t) for x, _, t in pieces[start + 1:end] if t.startswith("“")]
    assert len(openings) > 5
    assert all(abs(x - pieces[start][0]) < 1 for x, _ in openings), openings


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("path", ["trust/meetings/", "plan/implementation/", "plan/print/"])
def test_no_printed_page_but_the_last_is_left_mostly_blank(browser, server, path, paper):
    """The meetings printout's first page was two-thirds blank: its table was kept whole and
    moved to the second page. Each page's text reaches the lower part of it."""
    context = browser.new_context()
    sheets = printed(context.new_page(), server, path, paper)
    context.close()
    assert len(sheets) > 1
    blank = [(i + 1, round(min(y for _, y, _ in s.pieces) / s.height, 2)) for i, s in enumerate(sheets[:-1])
             if min(y for _, y, _ in s.pieces) > 0.4 * s.height]
    assert not blank, f"pages ending high up (page, lowest text as a share of its height): {blank}"
    if path == "trust/meetings/":  # the table starts on the first page, under its caption
        first = sheets[0].text
        assert "What it covered" in first
        assert first.index("Meetings the documents mention") < first.index("What it covered")


@pytest.mark.parametrize("paper", PAPERS)
def test_plan_on_a_page_prints_on_one_sheet(tab, server, paper):
    assert len(printed(tab, server, "plan/on-a-page/", paper)) == 1


def test_print_leaves_out_what_is_no_use_on_paper(tab, server):
    tab.goto(server + "trust/meetings/")
    tab.emulate_media(media="print")
    for furniture in (".suggest-change", ".reuse"):  # a web form and data downloads
        assert tab.locator(furniture).count() == 1 and not tab.locator(furniture).is_visible(), furniture
    note = tab.locator("div.footnote li").first
    assert note.locator(".footnote__print").is_visible() and not note.locator("p").first.is_visible()
    assert note.locator("a[data-print-url]").count() == 0


@pytest.mark.parametrize("paper", PAPERS)
def test_short_forms_are_spelt_out_on_paper(whole_plan, pages, paper):
    """On screen a short form's meaning shows when it is tapped; paper cannot be tapped, so where
    the page first uses a short form, the printout spells it out in brackets (resident review)."""
    from bs4 import BeautifulSoup
    article = BeautifulSoup(pages["plan/print/index.html"], "html.parser").find("article")
    marked = {a.get_text(): a["title"] for a in article.find_all("abbr", title=True)}
    assert marked, "the printed plan marks no short form"
    text = re.sub(r"\s+", " ", " ".join(sheet.text for sheet in whole_plan[paper]))
    missing = [f"{term} ({meaning})" for term, meaning in marked.items()
               if re.sub(r"\s+", " ", f"{term} ({meaning})") not in text]
    assert not missing, missing
