"""Layer 5, the browser: headless Chromium reads the built site as a resident would."""
import pytest
from conftest import ROOT, page_urls

from macros.data.checked import load_checked

pytestmark = pytest.mark.browser
SITE = load_checked(ROOT)
WORK = len(SITE.initiatives)  # the finders list every record: counted from the data, never typed here

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def h1(page) -> str:
    """The page's heading as a reader sees it (without the section-link sign)."""
    return page.locator("h1").inner_text().rstrip("¶").strip()


def test_home_page_loads(tab, server):
    tab.goto(server)
    assert tab.title().startswith("Home")
    assert h1(tab) == "Oxfordshire's plan for children and young people"
    assert tab.locator("html").get_attribute("lang") == "en-GB"
    # the vision in the plan's own words, not a later report's
    assert tab.locator("blockquote").first.inner_text().startswith(
        "Oxfordshire, a great place to grow up and have the opportunity to become everything you want to be")


def test_navigation_reaches_another_section(tab, server):
    """The menu shows the sections; a section opens its own page, whose menu lists its pages,
    and the breadcrumbs lead back."""
    tab.goto(server)
    menu = tab.get_by_role("navigation", name="Navigation")
    menu.get_by_role("link", name="How we're doing", exact=True).click()
    tab.wait_for_url("**/performance/")
    menu.get_by_role("link", name="School results").click()
    tab.wait_for_url("**/performance/attainment/")
    assert h1(tab) == "School results"
    crumbs = tab.get_by_role("navigation", name="Breadcrumb").get_by_role("link")
    assert crumbs.all_inner_texts() == ["Home", "How we're doing"]
    crumbs.nth(1).click()
    tab.wait_for_url("**/performance/")


def test_indicators_in_the_menu_open_a_list_of_them(tab, server):
    tab.goto(server + "performance/")
    tab.get_by_role("navigation", name="Navigation").get_by_role("link", name="The indicators", exact=True).click()
    tab.wait_for_url("**/performance/indicators/")
    assert h1(tab) == "The indicators"
    assert tab.locator("#indicator-list .finder-item").count() == len(SITE.indicators)


def test_a_source_note_opens_the_passage_highlighted(tab, server):
    tab.goto(server + "council/work/parks-and-play/")
    figure = tab.locator("span.figure[data-figure='play-areas']").first
    figure.locator("xpath=following-sibling::sup[1]/a").click()
    tab.locator(".footnote li:target a[href*='/text/#']").first.click()
    tab.wait_for_url("**/reports/city-2023-10/text/#parks-1")
    assert "October 2023" in h1(tab)
    passage = tab.locator("#parks-1")
    assert "87 play areas" in passage.inner_text()
    assert passage.is_visible() and passage.evaluate("e => e.matches(':target')")
    # highlighted: a background and outline that plain paragraphs do not have
    style = passage.evaluate("e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).outlineStyle]")
    assert style[0] not in ("rgba(0, 0, 0, 0)", "transparent") and style[1] == "solid"
    box = passage.bounding_box()
    assert 0 <= box["y"] < tab.viewport_size["height"]  # scrolled into view


def test_search_finds_words_that_exist_only_in_the_data(tab, server):
    # "Healios" is typed only in data/indicators.yml: it reaches the page through a macro.
    tab.goto(server)
    box = tab.locator(".md-search__input")
    box.click()
    box.press_sequentially("Healios", delay=50)
    result = tab.locator(".md-search-result__item").first
    result.wait_for(timeout=15000)
    assert "performance" in result.locator("a").first.get_attribute("href")
    assert "Healios" in tab.locator(".md-search-result").inner_text()


def test_search_works_from_the_keyboard(tab, server):
    tab.goto(server)
    tab.keyboard.press("/")
    tab.keyboard.type("Youth Investment", delay=30)
    tab.locator(".md-search-result__item").first.wait_for(timeout=15000)
    tab.keyboard.press("ArrowDown")
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/council/**")


def test_no_sideways_scrolling_on_a_phone(browser, pages, server):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    wide = []
    for url in page_urls(pages, server):
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            wide.append((url, width))
    context.close()
    assert not wide


@pytest.mark.parametrize("width", [1280, 375])
def test_axe_finds_no_accessibility_problems(browser, pages, server, width):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems = []
    for url in page_urls(pages, server):
        page.goto(url)
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        for v in result.response["violations"]:
            problems.append(f"{url}: {v['id']} at {v['nodes'][0]['target']}")
    context.close()
    assert not problems, "\n".join(problems)


def test_no_request_leaves_the_site(browser, pages, server):
    context = browser.new_context()
    page = context.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server) else None)
    for url in page_urls(pages, server)[:8]:
        page.goto(url)
        page.wait_for_load_state("networkidle")
    context.close()
    assert not [u for u in outside if not u.startswith("data:")]


def test_initiative_finder_filters_with_javascript(tab, server):
    tab.goto(server + "council/")
    form = tab.locator("form.finder-form")
    assert form.is_visible()  # on a wide screen the filters show, and the Filter button does not
    assert not tab.locator(".finder-toggle").is_visible()
    assert tab.locator(".finder-count").inner_text() == f"Showing all {WORK} pieces of work."
    form.get_by_label("Jobs and skills").check()
    count = tab.locator(".finder-count").inner_text()
    shown = tab.locator("#initiative-list .finder-item:visible")
    unsaid = sum("not-stated" in i.themes for i in SITE.initiatives)
    assert count == f"Showing {shown.count()} of {WORK} pieces of work." + (
        f" For {unsaid} more, the reports do not say what it is about: choose “Not stated in the report” to "
        "see them too." if unsaid else "") and 0 < shown.count() < WORK
    assert "Youth Employment" in shown.first.inner_text()
    form.get_by_role("button", name="Show everything").click()
    tab.wait_for_function(f"document.querySelector('.finder-count').textContent === 'Showing all {WORK} pieces of work.'")
    assert "?" not in tab.url


def test_choosing_a_neighbourhood_also_lists_the_work_for_the_whole_city(tab, server):
    tab.goto(server + "council/")
    tab.locator("form.finder-form").get_by_label("Blackbird Leys, Greater Leys, Littlemore and Rose Hill").check()
    shown = tab.locator("#initiative-list .finder-item:visible")
    names = [h.inner_text().rstrip("¶").strip() for h in shown.locator("h3").all()]
    assert "Youth Employment, Education and Training" in names  # the jobs hub at Rose Hill
    assert "Oxford's work in the Community Impact Zone" in names
    assert {"Community centres", "Leisure Offers"} <= set(names)  # the youth clubs, free swimming
    # the work for the whole city comes after the work in the place chosen, marked as such
    local = [i for i, n in enumerate(names) if n == "Youth Employment, Education and Training"][0]
    leisure = shown.filter(has_text="Leisure Offers")
    assert leisure.locator(".finder-tag").inner_text() == "Across Oxford"
    assert local < names.index("Leisure Offers")
    tags = [item.locator(".finder-tag").count() > 0 for item in shown.all()]
    assert tags == sorted(tags)  # no card marked for the whole city before one for the place
    wide = sum(1 for t in tags if t)
    unknown = sum("not-stated" in i.neighbourhoods for i in SITE.initiatives)
    assert tab.locator(".finder-count").inner_text() == (
        f"Showing {len(names)} of {WORK} pieces of work: {len(names) - wide} in the places you chose, and {wide} "
        f"across Oxford or Oxfordshire. For {unknown} more, the reports do not say where: choose "
        "“Not stated in the report” to see them too.")


def test_the_chosen_filters_are_kept_in_the_address_to_share_and_go_back(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "council/")
    form = page.locator("form.finder-form")
    form.get_by_label("Blackbird Leys, Greater Leys, Littlemore and Rose Hill").check()
    form.get_by_label("Families").check()
    page.wait_for_url("**/council/?for=families&where=leys-littlemore-rose-hill")
    count = page.locator(".finder-count").inner_text()
    shared = page.url
    page.go_back()  # Back undoes the last choice
    page.wait_for_url("**/council/?where=leys-littlemore-rose-hill")
    assert form.get_by_label("Blackbird Leys, Greater Leys, Littlemore and Rose Hill").is_checked()
    assert not form.get_by_label("Families").is_checked()
    page.go_forward()
    page.wait_for_url(shared)
    assert form.get_by_label("Families").is_checked()
    other = context.new_page()  # someone opening the shared address sees the same list
    other.goto(shared)
    assert other.locator("form.finder-form").get_by_label("Families").is_checked()
    assert other.locator(".finder-count").inner_text() == count
    assert other.locator("#initiative-list .finder-item:visible").count() < WORK
    context.close()


def test_a_shared_filtered_link_opens_a_phone_at_the_filtered_list(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(server + "council/?where=leys-littlemore-rose-hill")
    header = page.locator(".md-header").bounding_box()
    count = page.locator(".finder-count").bounding_box()
    toggle = page.get_by_role("button", name="Filter (1 chosen)").bounding_box()
    context.close()
    assert header["y"] + header["height"] <= count["y"] and toggle["y"] + toggle["height"] <= 740


def test_on_a_phone_the_filters_sit_behind_a_button_and_the_results_come_first(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(server + "council/")
    toggle = page.get_by_role("button", name="Filter")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("form.finder-form").is_visible()
    count = page.locator(".finder-count").bounding_box()
    assert count["y"] < toggle.bounding_box()["y"]  # the count of results comes first
    toggle.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, document.querySelector('.finder-toggle').getBoundingClientRect().top)")
    first = page.locator("#initiative-list .finder-item h3").first.bounding_box()
    assert first["y"] + first["height"] < 740, "the first result is on the first screen after the Filter button"
    toggle.focus()
    page.keyboard.press("Enter")  # the keyboard opens the filters
    assert toggle.get_attribute("aria-expanded") == "true"
    box = page.get_by_label("Barton")
    assert box.is_visible()
    size = box.bounding_box()
    assert size["width"] >= 24 and size["height"] >= 24
    box.check()
    assert page.locator(".finder-count").inner_text().startswith("Showing ")
    page.get_by_role("button", name="Show the results").click()
    assert not page.locator("form.finder-form").is_visible()
    assert page.evaluate("document.activeElement.className").startswith("finder-toggle")
    assert toggle.inner_text() == "Filter (1 chosen)"
    context.close()


def test_initiative_finder_without_javascript_shows_the_whole_list(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "council/?where=barton")
    assert not page.locator("form.finder-form").is_visible()
    assert not page.locator(".finder-toggle").is_visible()
    assert page.locator(".finder-count").inner_text() == f"Showing all {WORK} pieces of work."
    assert page.locator("#initiative-list .finder-item:visible").count() == WORK
    page.locator("#initiative-list .finder-item h3 a").first.click()  # each card leads to its page
    page.wait_for_url("**/council/work/oxford-cyp-partnership/")
    context.close()


def test_indicators_can_be_filtered_by_area(tab, server):
    tab.goto(server + "performance/indicators/")
    tab.locator("form.finder-form").get_by_label("Be safe").check()
    shown = tab.locator("#indicator-list .finder-item:visible")
    assert shown.count() == 1 and "children in care" in shown.first.inner_text().lower()
    assert tab.locator(".finder-count").inner_text() == f"Showing 1 of {len(SITE.indicators)} indicators."
    tab.wait_for_url("**/performance/indicators/?area=be-safe")
    tab.goto(server + "performance/indicators/?area=be-safe")  # the address keeps the choice
    assert tab.locator("#indicator-list .finder-item:visible").count() == 1


def test_site_works_under_a_github_pages_project_path(browser, tmp_path_factory):
    """Built for https://<org>.github.io/<repo>/ and served from /<repo>/: styles, links and search work."""
    import functools
    import http.server
    import threading

    from conftest import ROOT, _QuietHandler, run_build

    www = tmp_path_factory.mktemp("pages")
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(www)))
    port = httpd.server_address[1]
    import os
    os.environ["SITE_URL"] = f"http://127.0.0.1:{port}/cypp-website/"
    try:
        result = run_build(ROOT, www / "cypp-website")
    finally:
        del os.environ["SITE_URL"]
    assert result.returncode == 0, result.stderr
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        page = browser.new_page()
        base = f"http://127.0.0.1:{port}/cypp-website/"
        page.goto(base + "trust/meetings/")
        colour = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
        assert colour == "rgb(29, 79, 145)"  # the site's own stylesheet loaded
        page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Glossary").first.click()
        page.wait_for_url(base + "glossary/")
        page.goto(base + "404.html")
        assert "Page not found" in page.locator("h1").inner_text()
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") == "rgb(29, 79, 145)"
        page.close()
    finally:
        httpd.shutdown()


@pytest.mark.parametrize("path", ["", "plan/", "easy-read/"])
def test_the_years_the_plan_ran_are_on_a_phones_first_screen_before_its_vision(browser, server, path):
    """The plan is history (2018 to 2022): its years, as its title gives them, show on the first
    screen of a phone, before anything presents its vision."""
    import re

    from conftest import ROOT

    from macros.data.checked import load_checked
    plan = next(s for s in load_checked(ROOT).sources if s.kind == "plan")
    first, last = re.search(r"(\d{4})\s*[–-]\s*(\d{4})", plan.title).groups()
    context = browser.new_context(viewport={"width": 375, "height": 667})
    page = context.new_page()
    page.goto(server + path)
    said = page.locator("article p").filter(has_text=re.compile(rf"{first}\s+to\s+{last}")).first
    box = said.bounding_box()
    assert box and box["y"] + box["height"] <= 667, f"{path or 'home'}: the plan's years are below the first screen"
    vision = page.locator("article blockquote, article h2:text-matches('vision|want', 'i')").first
    if vision.count():
        assert vision.bounding_box()["y"] > box["y"], f"{path or 'home'}: the vision comes first"
    context.close()
