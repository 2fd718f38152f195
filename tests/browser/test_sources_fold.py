"""The browser: the notes at the foot of each page are folded into one "Sources" section, so that on
a phone they no longer make up a third of the page; following a note marker still shows its note
(highlighted, below the sticky header), and the note still opens its passage."""
import re

import pytest
from conftest import page_urls

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


def sources(page):
    return page.locator("div.footnote details")


def shown_below_the_header(page, selector: str) -> bool:
    """The element is on the screen, not under the sticky header."""
    header = page.locator(".md-header").bounding_box()
    box = page.locator(selector).bounding_box()
    return box is not None and header["y"] + header["height"] <= box["y"] < PHONE["height"]


def a_marker_of_a_note_numbered_10_or_more(page):
    """The first marker on the page whose note is [10] or higher (two digits are the cut-off case)."""
    markers = page.locator("sup a.footnote-ref")
    numbers = [int(t.strip("[]")) for t in markers.all_inner_texts()]
    return markers.nth(next(i for i, n in enumerate(numbers) if n >= 10))


def test_folded_sources_take_at_most_15_percent_of_every_page_on_a_phone(phone, pages, server):
    """At 375 px the notes were up to 45 % of a page's height (a quarter on the median page)."""
    too_tall, checked = [], 0
    for url in page_urls(pages, server):
        phone.goto(url)
        if not phone.locator("div.footnote").count():
            continue
        checked += 1
        assert sources(phone).evaluate("d => !d.open"), f"{url}: the Sources section is open before it is asked for"
        summary = sources(phone).locator("summary").inner_text()
        notes = phone.locator("div.footnote li").count()
        assert summary == f"Sources ({notes})", url
        share = phone.evaluate("""() => {
            const notes = document.querySelector('div.footnote');
            const margin = parseFloat(getComputedStyle(notes).marginTop);
            return (notes.getBoundingClientRect().height + margin) / document.documentElement.scrollHeight;
        }""")
        if share > 0.15:
            too_tall.append(f"{url}: {share:.0%}")
    assert checked > 20
    assert not too_tall, too_tall


def test_following_a_marker_opens_the_sources_at_its_note_and_the_note_opens_the_passage(phone, server):
    phone.goto(server + "trust/meetings/")
    marker = a_marker_of_a_note_numbered_10_or_more(phone)
    number = marker.inner_text()
    note_id = marker.get_attribute("href")[1:]
    marker.click()
    phone.wait_for_timeout(300)
    assert sources(phone).evaluate("d => d.open")
    target = phone.locator(":target")
    assert target.get_attribute("id") == note_id
    assert shown_below_the_header(phone, ":target")
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 242, 168)"  # highlighted
    assert target.evaluate("e => [...e.parentElement.children].indexOf(e) + 1") == int(number.strip("[]"))
    key = note_id.removeprefix("fn:")
    source, passage = key.split("--", 1)
    target.locator("a[href*='/text/#']").click()
    phone.wait_for_url(f"**/reports/{source}/text/#{passage}")
    assert phone.locator(":target").get_attribute("id") == passage
    assert shown_below_the_header(phone, ":target")


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_an_address_of_a_note_opens_the_sources_at_it(browser, server, javascript):
    """A link to a note from elsewhere (or a reload) lands on the note, shown, with or without
    JavaScript (Chromium opens a folded section at a fragment by itself)."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(server + "plan/")
    note_id = page.locator("div.footnote li").nth(11).get_attribute("id")
    page.goto(server + "plan/#" + note_id)
    page.wait_for_timeout(300)
    try:
        assert sources(page).evaluate("d => d.open")
        assert page.locator(":target").get_attribute("id") == note_id
        assert shown_below_the_header(page, ":target")
    finally:
        context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_a_marker_followed_again_after_the_sources_are_closed_opens_them_again(browser, server, javascript):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(server + "send/")
    marker = a_marker_of_a_note_numbered_10_or_more(page)
    marker.click()
    page.wait_for_timeout(200)
    sources(page).locator("summary").click()  # the reader folds the notes again
    assert sources(page).evaluate("d => !d.open")
    page.go_back()  # back to the marker; the address no longer names the note
    marker.click()  # the same marker, the same address as before
    page.wait_for_timeout(300)
    try:
        assert sources(page).evaluate("d => d.open")
        assert shown_below_the_header(page, ":target")
    finally:
        context.close()


def test_going_forward_to_a_note_opens_the_sources(phone, server):
    """Back and Forward change only the address's fragment: the note is shown again."""
    phone.goto(server + "trust/")
    marker = phone.locator("sup a.footnote-ref").nth(3)
    marker.click()
    phone.go_back()
    sources(phone).evaluate("d => { d.open = false; }")
    phone.go_forward()
    phone.wait_for_timeout(300)
    assert sources(phone).evaluate("d => d.open")
    assert shown_below_the_header(phone, ":target")


def test_the_sources_open_and_close_from_the_keyboard(phone, server):
    phone.goto(server + "council/work/youmove/")
    summary = sources(phone).locator("summary")
    summary.focus()
    assert re.fullmatch(r"Sources \(\d+\)", summary.inner_text())
    phone.keyboard.press("Enter")
    assert sources(phone).evaluate("d => d.open")
    assert phone.locator("div.footnote li a.footnote-backref").first.is_visible()  # each note's way back shows
    phone.keyboard.press("Enter")
    assert sources(phone).evaluate("d => !d.open")
    # a screen reader finds the section by its heading
    assert phone.get_by_role("heading", name=re.compile(r"^Sources \(\d+\)$"), level=2).count() == 1


@pytest.mark.parametrize("path", ["", "trust/meetings/", "plan/print/"])
def test_axe_finds_no_problems_in_the_open_sources_on_a_phone(phone, server, path):
    """The site-wide axe test sees the Sources folded; here they are open."""
    from axe_playwright_python.sync_playwright import Axe
    from test_browser import AXE_TAGS

    phone.goto(server + path)
    sources(phone).locator("summary").click()
    assert sources(phone).evaluate("d => d.open")
    result = Axe().run(phone, context="div.footnote", options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    problems = [f"{v['id']} at {v['nodes'][0]['target']}" for v in result.response["violations"]]
    assert not problems, problems
