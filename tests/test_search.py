"""Search: residents' words find the page that answers them, in the first three results, and what
is not a page's own text (charts' drawing, check boxes, source notes, the officers' guide) is
never found or shown under a result."""
import json
import re

import pytest
from bs4 import BeautifulSoup

# What a resident might type, and the pages (any one will do) that must be among the first three
# results. The council's pieces of work may each have a page under council/work/.
COUNCIL = ("council/", "council/work/")
QUERIES = [
    ("swimming", COUNCIL),
    ("EHCP", ("send/",)),
    ("EHCPs", ("send/",)),
    ("education health and care plan", ("send/",)),
    ("special educational needs", ("send/",)),
    ("inspection", ("send/",)),
    ("chair", ("trust/people/",)),
    ("Blackbird Leys", COUNCIL),
    ("exclusions", ("performance/indicators/permanent-exclusions/",)),
    ("exclusion", ("performance/indicators/permanent-exclusions/",)),
    ("CAMHS", ("performance/indicators/camhs-first-appointment/",)),
    ("child and adolescent mental health services", ("performance/indicators/camhs-first-appointment/",)),
    ("waiting time", ("performance/indicators/camhs-first-appointment/",)),
    ("waiting times", ("performance/indicators/camhs-first-appointment/",)),
    ("mental health", ("performance/early-help/", "performance/indicators/camhs-first-appointment/")),
    ("youth club", COUNCIL),
    ("youth clubs", COUNCIL),
    ("bullying", COUNCIL),
    ("refugees", COUNCIL),
    ("school", ("performance/attainment/",)),
    ("exam results", ("performance/attainment/",)),
    ("absence", ("performance/indicators/absence-child-in-need/", "performance/indicators/absence-child-protection/",
                 "performance/indicators/absence-secondary/")),
    ("children in care", ("performance/indicators/looked-after-children/",)),
    ("meeting", ("trust/meetings/",)),
    ("meetings", ("trust/meetings/",)),
    ("vision", ("plan/", "")),
    ("priorities", ("plan/priorities/", "trust/priorities/")),
    ("priority", ("plan/priorities/", "trust/priorities/")),
]

# Parts of pages that search leaves out: (selector in the built page, what it is).
LEFT_OUT = {
    "figure.chart": "a chart",
    "form.finder-form": "a finder's check boxes",
    "div.footnote li": "a source note",
    ".evidence-age, .warning-text": "how old the evidence is",
    ".reuse": "the data downloads",
    ".page-info": "the page owner line",
}
GUIDE = "contributing/"


def squeeze(text: str) -> str:
    """Text without tags and whitespace, so the index's text and the page's can be compared."""
    return re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", text)).replace("↩", "")


@pytest.fixture(scope="module")
def index(built):
    return json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_the_officers_guide_is_built_but_not_searched(index, pages):
    assert "contributing/index.html" in pages
    assert not [d["location"] for d in index["docs"] if d["location"].startswith(GUIDE)]


def test_charts_check_boxes_notes_and_page_lines_are_not_in_the_index(index, pages):
    by_page: dict[str, str] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        by_page[page] = by_page.get(page, "") + squeeze(doc["title"] + doc["text"])
    checked = {what: 0 for what in LEFT_OUT.values()}
    for path, html in pages.items():
        url = path.removesuffix("index.html")
        if url not in by_page:
            continue
        soup = BeautifulSoup(html, "html.parser")
        for selector, what in LEFT_OUT.items():
            for element in soup.select(f"article {selector}"):
                words = squeeze(element.get_text())
                if len(words) >= 12:
                    checked[what] += 1
                    assert words not in by_page[url], f"{url}: {what} is in the search index"
    assert all(checked.values()), checked  # each kind was on the site to be checked


def test_documents_full_text_ranks_after_the_pages_that_explain_it(index):
    boosts = {d["location"].split("#")[0]: d.get("boost", 1) for d in index["docs"]}
    full_text = [page for page in boosts if re.fullmatch(r"reports/[^/]+/text/", page)]
    assert len(full_text) >= 5
    for page in full_text:
        assert boosts[page] < 0.01, f"docs/{page.rstrip('/')}.md needs 'search: boost: 0.001' in its front matter"
    assert all(boost == 1 for page, boost in boosts.items() if page not in full_text)


# ----- in the browser, as a resident types -----

@pytest.fixture(scope="module")
def search_tab(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server)
    page.locator(".md-search__input").click()
    page.wait_for_function("!/Initiali[sz]ing/.test(document.querySelector('.md-search-result__meta').textContent)")
    yield page
    context.close()


def search(tab, server: str, query: str) -> list[tuple[str, str]]:
    """Type a query into the search box as a resident does; return each result's page (address
    from the site's root, without anchor or highlight) and its text, in order."""
    box = tab.locator(".md-search__input")
    box.click()
    box.press("Control+a")
    box.press("Backspace")
    tab.evaluate("window.__lastResults = null")
    box.press_sequentially(query, delay=30)
    # Material searches on each key; wait until the list has stopped changing.
    tab.wait_for_function("""() => {
        const now = document.querySelector('.md-search-result').innerText;
        const same = now === window.__lastResults;
        window.__lastResults = now;
        return same;
    }""", polling=300)
    results = []
    for item in tab.locator(".md-search-result__item").all():
        href = item.locator("a.md-search-result__link").first.get_attribute("href")
        page = re.sub(r"[?#].*$", "", href.removeprefix(server))
        results.append((page, item.inner_text()))
    return results


@pytest.mark.browser
@pytest.mark.parametrize("query,expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_residents_words_find_the_page_that_answers_them(search_tab, server, query, expected):
    top = [page for page, _ in search(search_tab, server, query)[:3]]
    assert any(page == e or (e.endswith("/work/") and page.startswith(e)) for page in top for e in expected), \
        f"{query!r}: first three results are {top}, expected one of {expected}"


@pytest.mark.browser
@pytest.mark.parametrize("query", ["reading", "show everything", "where in Oxford", "Be Safe",
                                   "paragraph starting", "report section", "page owner", "reuse data", "download the data",
                                   "review", "YAML", "pull request"])
def test_results_show_page_text_only_and_never_the_officers_guide(search_tab, server, query):
    results = search(search_tab, server, query)
    for page, shown in results:
        assert not page.startswith(GUIDE), f"{query!r} lists the officers' guide"
        for sign in ("Show everything", "Show the results", "Show the indicators for", "Where in Oxford",
                     "paragraph starting", "point starting", "Page owner", "Download the data on this page",
                     "How old this is", "Chart:"):
            assert sign not in shown, f"{query!r}: a result for {page} shows {sign!r}"
        assert not re.search(r"\b(19|20)\d\d\d+(\.\d+)?%", shown), f"{query!r}: chart labels in {page}"


@pytest.mark.browser
def test_search_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(server)
    page.get_by_role("button", name="Search", exact=True).click()  # the header's Search button (phones)
    box = page.locator(".md-search__input")
    box.wait_for(state="visible")
    page.wait_for_function("!/Initiali[sz]ing/.test(document.querySelector('.md-search-result__meta').textContent)")
    box.press_sequentially("EHCP", delay=50)
    first = page.locator(".md-search-result__item").first
    first.wait_for()
    box_of = first.bounding_box()
    assert box_of["x"] >= 0 and box_of["x"] + box_of["width"] <= 375 and box_of["y"] < 740
    assert "/send/" in first.locator("a").first.get_attribute("href")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    first.locator("a").first.click()
    page.wait_for_url("**/send/**")
    context.close()
