"""Layer 4, the built pages: structure, figures in the right places, nothing unrendered or external."""
import json
import re
from html.parser import HTMLParser

import pytest

from macros.data import load_site
from macros.render import format_figure

from conftest import ROOT


class Page(HTMLParser):
    """The parts of a page the tests look at."""

    def __init__(self, html: str):
        super().__init__()
        self.h1 = 0
        self.title = ""
        self.in_title = False
        self.resources: list[str] = []
        self.links: list[str] = []
        self.abbrs: list[tuple[str, str]] = []
        self._abbr = None
        self.lang = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "h1":
            self.h1 += 1
        if tag == "title":
            self.in_title = True
        if tag in ("script", "img", "iframe", "audio", "video", "source") and a.get("src"):
            self.resources.append(a["src"])
        if tag == "link" and a.get("rel") in ("stylesheet", "preload", "icon", "modulepreload"):
            self.resources.append(a.get("href", ""))
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "abbr":
            self._abbr = [a.get("title"), ""]

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag == "abbr" and self._abbr:
            self.abbrs.append((self._abbr[1], self._abbr[0]))
            self._abbr = None

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self._abbr is not None:
            self._abbr[1] += data


def visible_text(html: str) -> str:
    body = html.split('<article', 1)[-1].split('</article>', 1)[0]
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", body, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def test_site_has_every_page(pages):
    assert len(pages) >= 25
    for path in ["index.html", "plan/priorities/index.html", "trust/people/index.html",
                 "performance/index.html", "council/index.html", "send/index.html",
                 "education-commission/index.html", "glossary/index.html",
                 "reports/city-2026-01/index.html"]:
        assert path in pages


def test_every_page_has_one_h1_and_a_descriptive_unique_title(pages):
    titles = {}
    for path, html in pages.items():
        page = Page(html)
        assert page.h1 == 1, f"{path} has {page.h1} h1 headings"
        assert page.title.strip(), path
        titles.setdefault(page.title.strip(), []).append(path)
    assert all(len(v) == 1 for v in titles.values()), [v for v in titles.values() if len(v) > 1]


def test_nothing_left_unrendered(pages, built):
    # The officers' guide shows macros as examples, inside code: everything else must be rendered.
    search_index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in search_index["docs"]:
        if not doc["location"].startswith("contributing/"):
            for marker in ("{{", "{%", "Macro Rendering Error", "Macro Syntax Error"):
                assert marker not in doc["text"] + doc["title"], (marker, doc["location"])
    for path, html in pages.items():
        text = visible_text(re.sub(r"<code>.*?</code>|<pre.*?</pre>", " ", html, flags=re.S))
        for marker in ("{{", "}}", "{%", "%}", "[^", "*[", "Macro Rendering Error"):
            assert marker not in text, f"{marker} left in {path}"


def test_nothing_loaded_from_another_host(pages):
    for path, html in pages.items():
        for url in Page(html).resources:
            assert not re.match(r"^(https?:)?//", url), f"{path} loads {url}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_no_personal_contact_details_published(pages, built):
    for path in built.rglob("*"):
        if path.suffix in (".html", ".json", ".xml", ".txt"):
            body = path.read_text(encoding="utf-8", errors="ignore")
            assert "@oxford" not in body and "@oxfordshire" not in body, path
            assert not re.search(r"\b07\d{3}\s?\d{3}\s?\d{3}\b", body), path
            assert not re.search(r"mailto:", body), path


@pytest.mark.parametrize("page, figure_id", [
    ("council/index.html", "youth-investment-capital"),
    ("council/index.html", "youth-investment-revenue"),
    ("council/index.html", "play-areas"),
    ("performance/indicators/looked-after-children/index.html", "looked-after-children-february-2020"),
    ("performance/indicators/permanent-exclusions/index.html", "permanent-exclusions-latest"),
    ("performance/attainment/index.html", "ks2-disadvantaged-rwm-2017"),
    ("performance/safeguarding/index.html", "standards-green"),
    ("education-commission/index.html", "education-commission-recommendations"),
    ("send/index.html", "send-priority-action-areas"),
])
def test_figures_appear_on_the_right_pages(pages, page, figure_id):
    fig = load_site(ROOT).get("figures", figure_id)
    assert format_figure(fig) in visible_text(pages[page])


def test_every_figure_in_the_data_appears_somewhere_with_a_source(pages):
    text = " ".join(visible_text(html) for html in pages.values())
    for fig in load_site(ROOT).figures:
        assert format_figure(fig) in text, fig.id


def test_facts_carry_a_note_linking_to_their_source(pages):
    html = pages["council/index.html"]
    notes = re.findall(r'<li id="fn:([^"]+)">(.*?)</li>', html, flags=re.S)
    assert notes, "no source notes on the council page"
    for key, note in notes:  # each opens the passage it is named after, in the document's full text
        source, passage = key.split("--")
        assert f'href="../reports/{source}/text/#{passage}"' in note, note


def test_every_initiative_and_indicator_is_shown(pages):
    site = load_site(ROOT)
    council = pages["council/index.html"]
    for ini in site.initiatives:
        assert f'id="{ini.id}"' in council, ini.id
    performance = pages["performance/index.html"]  # the overview links every indicator
    for ind in site.indicators:
        assert f'id="{ind.id}"' in performance, ind.id


def test_priorities_are_quoted_in_the_plans_own_words(pages):
    html = pages["plan/priorities/index.html"].replace("&#39;", "'").replace("&amp;", "&")
    for p in load_site(ROOT).priorities:
        plan = p.wording[0]
        assert plan.source == "cypp-2018", p.id  # the plan's own words come first in the data
        # the plan's wording is the numbered item itself; any later report's words sit under it
        assert re.search(rf'<li>\s*(<p>)?<q>{re.escape(plan.text)}</q><sup id="fnref[^"]*:cypp-2018--{plan.passage}"', html), p.id
        for later in p.wording[1:]:
            assert f"<q>{later.text}</q>" in html and "words it:" in html


def test_acronyms_are_marked_up_with_their_meaning(pages):
    glossary = {t.term: t.expansion for t in load_site(ROOT).glossary}
    seen = {}
    for html in pages.values():
        for shown, title in Page(html).abbrs:
            seen[shown] = title
    for term in ["CAMHS", "SEND", "C&YP", "CTB", "BOB ICS", "VOXY"]:
        assert seen.get(term) == glossary[term].replace("&", "&"), term


def test_rag_ratings_are_words(pages):
    html = pages["performance/index.html"]
    assert re.search(r'class="rag rag--red">.*?Red</span>', html, flags=re.S)
    assert re.search(r'class="rag rag--amber">.*?Amber</span>', html, flags=re.S)


def test_every_table_has_a_caption_and_header_cells(pages):
    for path, html in pages.items():
        for table in re.findall(r"<table>.*?</table>", html, flags=re.S):
            assert "<th" in table, path
        tables = html.count("<table>")
        captions = len(re.findall(r"<figcaption>", html))
        assert captions >= tables, f"{path}: {tables} tables, {captions} captions"


def test_accessibility_statement_and_privacy_notice_linked_from_every_page(pages):
    from urllib.parse import urljoin
    for path, html in pages.items():
        footer = html.split('class="md-copyright"', 1)[1]
        links = dict((text, urljoin("http://site/" + path, href))
                     for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer))
        assert links.get("Accessibility statement") == "http://site/accessibility/", path
        assert links.get("Privacy notice") == "http://site/privacy/", path


def test_accessibility_statement_figures_come_from_data(pages):
    site = load_site(ROOT)
    text = visible_text(pages["accessibility/index.html"])
    for note in site.accessibility:
        if note.kind == "test":
            assert note.result in text
    assert "It was last reviewed on 24 November 2026" in text


def test_every_rendered_figure_links_to_its_source(pages):
    count = 0
    for path, html in pages.items():
        for match in re.finditer(r'<span class="figure" data-figure="([^"]+)">[^<]*</span>(.{0,160})', html):
            count += 1
            assert re.match(r'<sup id="fnref[^"]*"><a class="footnote-ref" href="#fn:', match.group(2)), \
                f"{path}: figure {match.group(1)} has no source note"
    assert count > 100


def test_each_indicator_has_its_own_page(pages):
    for ind in load_site(ROOT).indicators:
        html = pages[f"performance/indicators/{ind.id}/index.html"]
        heading = re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)<a class=\"headerlink", html, flags=re.S).group(1))
        assert ind.name in heading
        text = visible_text(html)
        for heading in ("What it measures", "Why it matters", "Ratings over time"):
            assert heading in text
        assert ind.ratings[-1].rag in text


def test_charts_have_a_text_alternative_and_a_table_beside_them(pages):
    for page in ("performance/attainment/index.html", "performance/indicators/permanent-exclusions/index.html"):
        html = pages[page]
        svg = re.search(r'<svg class="chart-svg".*?</svg>', html, flags=re.S).group(0)
        assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
        after = html[html.index(svg):]
        assert "<table>" in after[:20000]
    assert "only one figure in the documents" in visible_text(pages["performance/young-peoples-views/index.html"])
    # 780 and 785 looked-after children: the report does not say which is newer, so no chart over time
    assert "chart-svg" not in pages["performance/indicators/looked-after-children/index.html"]


def test_finder_lists_everything_without_javascript(pages):
    html = pages["council/index.html"]
    assert '<form class="finder-form" data-search-exclude data-list="initiative-list">' in html
    assert ".no-js .finder-form { display: none; }" in (ROOT / "docs/assets/site.css").read_text()
    assert html.count('class="finder-item"') == len(load_site(ROOT).initiatives)


def test_sitemap_lists_every_page(pages, built):
    sitemap = (built / "sitemap.xml").read_text(encoding="utf-8")
    locs = set(re.findall(r"<loc>(.*?)</loc>", sitemap))
    for path in pages:
        assert "http://127.0.0.1:8000/" + path.removesuffix("index.html") in locs, path


def test_no_link_depends_on_the_site_being_at_the_root_of_its_domain(pages):
    for path, html in pages.items():
        assert not re.search(r'(href|src)="/(?!/)', html), path


def test_custom_404_page(built):
    html = (built / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in html and 'href="/">Go to the home page' in html


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_rag_badges_have_enough_contrast():
    css = (ROOT / "docs" / "assets" / "site.css").read_text(encoding="utf-8")
    for rating in ("red", "amber", "green"):
        rule = re.search(r"\.rag--%s \{ color: (#\w{6}); background: (#\w{6}); \}" % rating, css)
        text_colour, background = rule.groups()
        assert contrast(text_colour, background) >= 4.5, rating      # the word
        assert contrast(text_colour, "#ffffff") >= 3, rating         # the badge's border on the page


def test_every_page_has_an_edit_link_to_its_source(pages):
    for path, html in pages.items():
        match = re.search(r'<a href="([^"]+)" title="Edit this page"', html)
        assert match, path
        assert re.fullmatch(r"https://github\.com/[\w.-]+/[\w.-]+/edit/main/docs/[\w/.-]+\.md", match.group(1)), path


def test_changes_feed_lists_every_change(built, pages):
    import xml.etree.ElementTree as ET
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(built / "changes.xml").getroot()
    entries = feed.findall(f"{atom}entry")
    changes = load_site(ROOT).changes
    assert len(entries) == len(changes)
    assert {e.find(f"{atom}title").text for e in entries} == {c.title for c in changes}
    assert 'type="application/atom+xml"' in pages["index.html"]
