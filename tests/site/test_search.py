"""Search: residents' words find the page that answers them, in the first three results; a short
form finds what its words in full find, and the other way round; when nothing matches, the search
says so and offers ways on; and what is not a page's own text (charts' drawing, check boxes,
source notes, what each column of the data holds, the officers' guide, the change log) is never
found or shown under a result."""
import html
import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT

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
    # The words residents use, from issue 17.
    ("NEET", ("council/work/youth-eet-hub/",)),
    ("teenagers", COUNCIL),  # found nothing at all (resident review)
    ("not in education", ("council/work/youth-eet-hub/",)),
    ("special needs", ("send/",)),
    ("EHC plan", ("send/",)),
    # More of residents' own words, not the documents'.
    ("jobs for young people", ("council/work/youth-eet-hub/",)),
    ("disabled children", ("send/",)),
    ("mental health waiting", ("performance/indicators/camhs-first-appointment/",)),
    ("who leads the trust", ("trust/people/",)),
    ("when did they meet", ("trust/meetings/",)),
    ("Rose Hill", COUNCIL),
    ("English classes", ("council/work/engaging-migrant-families/",)),
    ("refugee families", ("council/work/engaging-migrant-families/",)),
    ("GCSE results", ("performance/attainment/",)),
    ("missing school", ("performance/indicators/absence-child-in-need/", "performance/indicators/absence-child-protection/",
                        "performance/indicators/absence-secondary/")),
    ("keeping children safe", ("performance/safeguarding/",)),
    ("funding for youth groups", ("council/work/youth-investment-fund/",)),
    ("play areas", ("council/work/parks-and-play/",)),
    ("easy read", ("easy-read/",)),
    ("how is the plan doing", ("performance/",)),
    ("autism", ("send/",)),
]

# Parts of pages that search leaves out: (selector in the built page, what it is).
LEFT_OUT = {
    "figure.chart": "a chart",
    "form.finder-form": "a finder's check boxes",
    "div.footnote li": "a source note",
    ".evidence-age, .warning-text": "how old the evidence is",
    ".reuse": "the data downloads",
    ".page-info": "the page owner line",
    "details.dataset-columns": "what each column of the data downloads holds",
}
# Pages that are built but never searched: (address, what it is).
NOT_SEARCHED = {"contributing/": "the officers' guide", "changes/": "the change log"}


def squeeze(text: str) -> str:
    """Text without tags and whitespace, so the index's text and the page's can be compared."""
    return re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", text)).replace("↩", "")


@pytest.fixture(scope="module")
def index(built):
    return json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", NOT_SEARCHED, ids=NOT_SEARCHED.values())
def test_some_pages_are_built_but_not_searched(index, pages, page):
    assert f"{page}index.html" in pages
    assert not [d["location"] for d in index["docs"] if d["location"].startswith(page)]


def test_charts_check_boxes_notes_and_page_lines_are_not_in_the_index(index, pages):
    by_page: dict[str, str] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        by_page[page] = by_page.get(page, "") + squeeze(doc["title"] + doc["text"])
    checked = {what: 0 for what in LEFT_OUT.values()}
    for path, built in pages.items():
        url = path.removesuffix("index.html")
        if url not in by_page:
            continue
        soup = BeautifulSoup(built, "html.parser")
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
    sources = yaml.safe_load((ROOT / "data" / "sources.yml").read_text(encoding="utf-8"))
    assert sorted(full_text) == sorted(f"reports/{s['id']}/text/" for s in sources)  # every document's
    for page in full_text:
        assert boosts[page] < 0.01, f"docs/{page.rstrip('/')}.md needs 'search: boost: 0.001' in its front matter"
    assert all(boost == 1 for page, boost in boosts.items() if page not in full_text)


def glossary_forms() -> list[list[str]]:
    """Each glossary term's forms, from the data file itself: its short form, its words in full
    and the everyday words residents type for it."""
    terms = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))
    return [[t["term"], t["expansion"], *t.get("also_searched_as", [])] for t in terms]


def test_a_short_form_its_words_in_full_and_its_everyday_words_find_the_same_parts(index):
    """Wherever a part of a page uses a glossary term in any of its forms, the search finds that
    part by the words of every form: "EHCP" finds what "education, health and care plan" finds,
    and the other way round, and "NEET" finds what "EET" finds. Checked on the built index, with
    the index's own way of splitting words (a form in capitals is found in capitals only, so the
    verb "send" is not SEND)."""
    separator = re.compile(index["config"]["separator"])
    fields = index["config"]["fields"]

    def split(text):
        return [w for w in separator.split(text) if w]

    def uses(words, form):
        capitals = form.upper() == form
        want = [w if capitals else w.lower() for w in split(form)]
        have = words if capitals else [w.lower() for w in words]
        return bool(want) and any(have[i:i + len(want)] == want for i in range(len(have)))

    terms = glossary_forms()
    checked = [0] * len(terms)
    for doc in index["docs"]:
        shown = split(html.unescape(re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"])))
        found = {w.lower() for field in fields if field in doc
                 for w in split(re.sub(r"<[^>]+>", " ", " ".join(doc[field]) if isinstance(doc[field], list) else doc[field]))}
        for n, forms in enumerate(terms):
            if any(uses(shown, form) for form in forms):
                checked[n] += 1
                missing = {w.lower() for form in forms for w in split(form)} - found
                assert not missing, f"{doc['location']} uses {forms[0]} but search does not find it by {sorted(missing)}"
    assert all(checked), [forms[0] for forms, n in zip(terms, checked) if not n]  # the glossary page uses every one


def test_the_words_search_adds_are_never_shown(index):
    """The words added for the glossary's terms are in fields the search finds but Material never
    shows (it shows a result's title and text)."""
    added = set(index["config"]["fields"]) - {"title", "text", "tags"}
    assert added and all(index["config"]["fields"][f]["boost"] > 0 for f in added)
    assert any(f in doc for doc in index["docs"] for f in added)


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
    """The page that answers is in the first three results, not counting other pages whose title
    has the resident's words: those answer too (an officer's new page "Physical Activity Officer
    for Schools" may come before "School results" for "school", and that is no fault)."""
    def answers(page: str) -> bool:
        return any(page == e or (e.endswith("/work/") and page.startswith(e)) for e in expected)

    def titled(shown: str) -> bool:
        title = shown.strip().split("\n")[0].lower()
        return all(re.search(rf"\b{re.escape(word.lower().rstrip('s'))}", title) for word in query.split())

    results = search(search_tab, server, query)
    top = [page for page, shown in results if answers(page) or not titled(shown)][:3]
    assert any(answers(page) for page in top), \
        f"{query!r}: first three results are {top}, expected one of {expected}"


@pytest.mark.browser
@pytest.mark.parametrize("query", ["reading", "show everything", "where in Oxford", "Be Safe",
                                   "paragraph starting", "report section", "page owner", "reuse data", "download the data",
                                   "review", "YAML", "pull request", "record's id", "changed"])
def test_results_show_page_text_only_and_never_the_pages_kept_out(search_tab, server, query):
    results = search(search_tab, server, query)
    for page, shown in results:
        for kept_out, what in NOT_SEARCHED.items():
            assert not page.startswith(kept_out), f"{query!r} lists {what}"
        for sign in ("Show everything", "Show the results", "Show the indicators for", "Where in Oxford",
                     "paragraph starting", "point starting", "Page owner", "Download the data on this page",
                     "How old this is", "Chart:", "What each column holds", "The record's id"):
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


@pytest.mark.browser
@pytest.mark.parametrize("query, words", [("not in education", "education"), ("when did they meet", "meet"),
                                          ("what is the plan for", "plan")])
def test_the_small_words_the_index_leaves_out_are_not_searched_for(search_tab, server, query, words):
    """Material looks for every word typed as the start of a longer one: "not" found "notice" and
    "in" found "investment", so "not in education" put the privacy notice first. The small words
    the index leaves out ("not", "in", "who"…) change nothing in the results."""
    assert search(search_tab, server, query) == search(search_tab, server, words)


HELP_LINKS = {"glossary/", "plan/", "performance/", "trust/", "council/"}


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 375])
def test_when_nothing_matches_the_search_says_so_and_offers_ways_on(browser, server, pages, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    tab.goto(server + "trust/people/")
    if width < 600:
        tab.locator(".site-header__search").click()
    else:
        tab.locator(".md-search__input").click()
    tab.wait_for_function("!/ready|Initiali[sz]ing/.test(document.querySelector('.md-search-result__meta').textContent)")
    help_ = tab.locator(".search-help")
    assert search(tab, server, "EHCP") and help_.is_hidden()
    assert search(tab, server, "zqxjv") == []
    help_.wait_for(state="visible")
    assert "Nothing on this site matches" in tab.locator(".md-search-result__meta").inner_text()
    assert "spelling" in help_.inner_text() and "short form" in help_.inner_text()
    links = help_.locator("a")
    targets = [tab.evaluate("a => a.href", links.nth(i).element_handle()).removeprefix(server) for i in range(links.count())]
    assert set(targets) == HELP_LINKS
    for i, target in enumerate(targets):  # each link is named by its page's own title
        text = links.nth(i).inner_text()
        title = BeautifulSoup(pages[target + "index.html"], "html.parser").h1.get_text(" ", strip=True)
        assert text.lower() in title.lower(), (text, title)
    box = help_.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
    from axe_playwright_python.sync_playwright import Axe
    result = Axe().run(tab, options={"runOnly": {"type": "tag", "values": [
        "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}})
    assert not [f"{v['id']} at {v['nodes'][0]['target']}" for v in result.response["violations"]]
    # The arrow keys go from the search box through the links and round again, as through results.
    tab.locator(".md-search__input").focus()
    for target in targets + [None]:
        tab.keyboard.press("ArrowDown")
        focused = tab.evaluate("document.activeElement.href || document.activeElement.className")
        assert (focused.removeprefix(server) == target) if target else "md-search__input" in focused
    tab.keyboard.press("ArrowUp")
    assert tab.evaluate("document.activeElement.href").removeprefix(server) == targets[-1]
    tab.keyboard.press("Enter")
    tab.wait_for_url(server + targets[-1])
    context.close()
