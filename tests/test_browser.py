"""Layer 5, the browser: headless Chromium reads the built site as a resident would."""
import pytest

from conftest import page_urls

pytestmark = pytest.mark.browser

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
    assert tab.locator("#indicator-list .finder-item").count() == 7


def test_a_source_note_opens_the_passage_highlighted(tab, server):
    tab.goto(server + "council/")
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
    assert form.is_visible()
    assert tab.locator(".finder-count").inner_text() == "Showing 19 of 19."
    form.get_by_label("Jobs and skills").check()
    count = tab.locator(".finder-count").inner_text()
    shown = tab.locator("#initiative-list .finder-item:visible")
    assert count == f"Showing {shown.count()} of 19." and 0 < shown.count() < 19
    assert "Youth Employment" in shown.first.inner_text()
    form.get_by_role("button", name="Show everything").click()
    tab.wait_for_function("document.querySelector('.finder-count').textContent === 'Showing 19 of 19.'")


def test_initiative_finder_without_javascript_shows_the_whole_list(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "council/")
    assert not page.locator("form.finder-form").is_visible()
    assert page.locator("#initiative-list .finder-item:visible").count() == 19
    context.close()


def test_indicators_can_be_filtered_by_area(tab, server):
    tab.goto(server + "performance/indicators/")
    tab.locator("form.finder-form").get_by_label("Be safe").check()
    shown = tab.locator("#indicator-list .finder-item:visible")
    assert shown.count() == 1 and "children in care" in shown.first.inner_text().lower()


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
