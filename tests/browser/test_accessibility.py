"""Accessibility in the browser: the skip link, reflow, text spacing, print, no cookies. Every
keyboard stop, the menu and the search by keyboard: tests/browser/test_keyboard.py."""

import pytest
from conftest import page_urls as urls

pytestmark = pytest.mark.browser


def test_skip_link_is_first_and_moves_past_the_menus(tab, server):
    tab.goto(server + "council/")
    tab.keyboard.press("Tab")
    focused = tab.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
    tab.wait_for_timeout(400)  # the link slides into view
    top = tab.evaluate("document.activeElement.getBoundingClientRect().top")
    assert top >= 0 and tab.locator(".md-skip").is_visible()
    tab.keyboard.press("Enter")
    assert tab.evaluate("location.hash") != ""
    tab.keyboard.press("Tab")
    # the next stop is inside the page's content, not the menus
    assert tab.evaluate("!!document.activeElement.closest('.md-content')")


@pytest.mark.parametrize("path", ["council/?where=barton", "council/work/youmove/", "performance/indicators/?area=be-safe"])
def test_axe_finds_no_problems_in_a_finder_with_its_filters_open_on_a_phone(browser, server, path):
    """The page types the site-wide axe test covers, here in the state a phone user sees after
    tapping "Filter" (the finders) or on an initiative's own page."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(server + path)
    toggle = page.locator(".finder-toggle")
    if toggle.count():
        toggle.click()
        assert page.locator("form.finder-form").is_visible()
        # Back to the top: axe counts a link half scrolled under the sticky header as too small to
        # tap, which is about where the page is scrolled, not the link. The filters stay open.
        page.evaluate("window.scrollTo(0, 0)")
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": [
        "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}})
    problems = [f"{v['id']} at {v['nodes'][0]['target']}" for v in result.response["violations"]]
    context.close()
    assert not problems, "\n".join(problems)


def test_acronym_meaning_shows_on_keyboard_focus(tab, server):
    tab.goto(server)
    abbr = tab.locator("article abbr[tabindex='0']").first
    abbr.focus()
    tip = tab.locator("[role=tooltip]").first
    tip.wait_for(state="visible", timeout=5000)
    assert tip.inner_text().strip() == "Children and Young People's Plan"


@pytest.mark.parametrize("path", ["", "plan/", "performance/indicators/camhs-first-appointment/"])
def test_every_short_forms_meaning_fits_on_a_phone_screen(browser, server, path):
    """Tapping (focusing) any short form on a 375 px phone opens a box that is wholly on screen
    and does not make the page wider."""
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(server + path)
    problems = []
    abbrs = page.locator("article abbr[tabindex='0']")
    assert abbrs.count() >= 2
    for i in range(abbrs.count()):
        abbrs.nth(i).focus()
        tip = page.locator("[role=tooltip]")
        tip.wait_for(state="visible", timeout=5000)
        box = tip.bounding_box()
        if box["x"] < 0 or box["x"] + box["width"] > 375 or page.evaluate("document.documentElement.scrollWidth") > 375:
            problems.append(f"{abbrs.nth(i).inner_text()}: {box}")
        abbrs.nth(i).blur()
    context.close()
    assert not problems, problems


def test_tables_fit_a_320_pixel_phone_as_labelled_rows(browser, pages, server):
    """On a phone each table row is a block whose cells are labelled with their column's heading;
    a table that is still too wide scrolls in a named box that the keyboard can reach."""
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    problems, checked = [], 0
    for url in urls(pages, server):
        page.goto(url)
        for table in page.locator("article table").all():
            checked += 1
            facts = table.evaluate("""t => {
                const box = t.closest('.md-typeset__scrollwrap') || t;
                const cell = t.querySelector('tbody td');
                const head = t.querySelector('thead th');
                return {wide: box.scrollWidth > box.clientWidth + 1, role: box.getAttribute('role'),
                        tabindex: box.getAttribute('tabindex'), display: getComputedStyle(t).display,
                        label: cell ? getComputedStyle(cell, '::before').content : '',
                        head: head ? head.textContent.trim() : ''}
            }""")
            if facts["wide"] and not (facts["role"] == "region" and facts["tabindex"] == "0"):
                problems.append(f"{url}: a table is cut off with no way to scroll it by keyboard")
            if facts["head"] and (facts["display"] != "block" or facts["head"] not in facts["label"]):
                problems.append(f"{url}: a table is not shown as labelled rows ({facts})")
    context.close()
    assert checked > 20 and not problems, "\n".join(problems[:10])


def test_tables_are_tables_on_a_desktop(tab, server):
    tab.goto(server + "trust/people/")
    table = tab.locator("article table").first
    assert table.evaluate("t => getComputedStyle(t).display") in ("table", "inline-block")
    assert table.evaluate("t => getComputedStyle(t.querySelector('tbody td'), '::before').content") in ("none", "normal")


@pytest.mark.parametrize("width", [320])
def test_reflow_at_320_pixels_with_wider_text_spacing(browser, pages, server, width):
    context = browser.new_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    problems = []
    for url in urls(pages, server):
        page.goto(url)
        page.add_style_tag(content="* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
                                   " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }")
        width_used = page.evaluate("document.documentElement.scrollWidth")
        if width_used > width:
            problems.append(f"{url}: {width_used}px wide")
        clipped = page.evaluate("""() => [...document.querySelectorAll('article *')].filter(el => {
            const s = getComputedStyle(el);
            const visuallyHidden = el.getBoundingClientRect().width <= 1;  // kept for screen readers only
            return !visuallyHidden && (s.overflow === 'hidden' || s.overflowX === 'hidden') && el.textContent.trim() &&
                   (el.scrollWidth > el.clientWidth + 2 || el.scrollHeight > el.clientHeight + 2);
        }).map(el => el.tagName + '.' + el.className).slice(0, 3)""")
        if clipped:
            problems.append(f"{url}: text cut off in {clipped}")
    context.close()
    assert not problems, "\n".join(problems)


def test_print_shows_content_only_with_ratings_as_words_and_link_addresses(tab, server):
    tab.goto(server + "performance/")
    tab.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
        assert not tab.locator(selector).first.is_visible(), selector
    assert "Red" in tab.locator(".rag--red").first.inner_text()
    link = tab.locator("article a[data-print-url]").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert after.startswith('" (') and server in after


def test_whole_plan_prints_as_one_document(tab, server):
    tab.goto(server + "plan/print/")
    text = tab.locator("article").inner_text()
    for heading in ("Be Successful", "Our values", "Annex 2: the implementation plan for 2020 to 2021",
                    "Checking progress"):
        assert heading in text


def test_no_cookies_and_nothing_stored(browser, pages, server):
    context = browser.new_context()
    page = context.new_page()
    for url in urls(pages, server)[:10]:
        page.goto(url)
    page.locator(".md-search__input").click()
    page.keyboard.type("plan", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert context.cookies() == []
    assert page.evaluate("document.cookie") == ""
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    context.close()
