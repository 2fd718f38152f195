"""The browser: what a resident notices about how the site looks, on a phone and a desktop.
GOV.UK Design System patterns on Material: bold near-black headings, 16 px text on small screens
and 19 px on large ones, a header that names the service in text, breadcrumbs, a "Contents" list
instead of a right-hand rail, note markers big enough to tap, and no developer-theme furniture."""
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from macros.outputs.opendata import LICENCE_URL

pytestmark = pytest.mark.browser

# One page of each kind (page template) the site has.
TEMPLATES = ["", "plan/priorities/", "trust/people/", "performance/indicators/camhs-first-appointment/",
             "council/", "council/work/youmove/", "reports/cypp-2018/", "reports/cypp-2018/text/",
             "glossary/", "data/"]


@pytest.fixture(params=[375, 1280], ids=["phone", "desktop"])
def sized(browser, request):
    context = browser.new_context(viewport={"width": request.param, "height": 800})
    page = context.new_page()
    yield page, request.param
    context.close()


def style(page, selector: str, prop: str) -> str:
    return page.locator(selector).first.evaluate(f"e => getComputedStyle(e).{prop}")


@pytest.mark.parametrize("path", TEMPLATES)
def test_headings_are_bold_near_black_and_text_is_govuk_size(sized, server, path):
    page, width = sized
    page.goto(server + path)
    assert int(style(page, "article h1", "fontWeight")) >= 700
    assert style(page, "article h1", "color") == "rgb(11, 12, 12)"
    body_size = "16px" if width < 641 else "19px"
    assert style(page, "article > p:not(.evidence-age)", "fontSize") == body_size
    # nothing is wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("path", TEMPLATES)
def test_header_names_the_service_in_text_without_overlapping(sized, server, path):
    page, width = sized
    page.goto(server + path)
    name = page.locator(".site-header__name")
    assert name.inner_text().split("\n") == ["Oxfordshire Children's Trust", "Children and Young People's Plan"]
    box = name.bounding_box()
    search = page.get_by_role("button", name="Search", exact=True).bounding_box() if width < 960 else \
        page.locator(".md-search__form").bounding_box()
    assert box["x"] + box["width"] <= search["x"] + 1, "the site's name runs under the search"
    assert name.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), "the site's name is cut off"


def test_no_developer_theme_furniture(tab, server):
    for path in TEMPLATES:
        tab.goto(server + path)
        text = tab.locator("body").inner_text()
        assert "Made with" not in text and "Material for MkDocs" not in text, path
        assert "¶" not in text, path
        assert tab.locator(".md-footer__link, .md-content__button, .md-sidebar--secondary").count() == 0, path
        assert tab.locator(".md-logo").count() == 0, path


def test_long_pages_open_with_the_answer_then_a_contents_list(tab, server):
    tab.goto(server + "trust/people/")
    contents = tab.get_by_role("navigation", name="Contents")
    assert contents.get_by_role("heading").inner_text() == "Contents"
    assert contents.get_by_role("link").all_inner_texts()[0] == "The chair and vice-chair"
    lead = tab.locator("article > p:not(.evidence-age)").first.inner_text()
    assert lead.startswith("The newest document to name the Trust's chair is from 2 October 2023. "
                           "It names Councillor Liz Brighouse")
    assert tab.locator("article > p:not(.evidence-age)").first.evaluate(
        "(p, nav) => !!(p.compareDocumentPosition(nav) & Node.DOCUMENT_POSITION_FOLLOWING)",
        contents.element_handle())
    contents.get_by_role("link", name="Member organisations").click()
    assert tab.evaluate("location.hash") == "#member-organisations"


def test_breadcrumbs_lead_back_up_the_site(tab, server):
    tab.goto(server + "council/work/youmove/")
    crumbs = tab.get_by_role("navigation", name="Breadcrumb").get_by_role("link")
    assert crumbs.all_inner_texts() == ["Home", "Council's work in Oxford"]


def test_every_page_but_the_home_page_has_breadcrumbs_home_first_and_never_to_itself(pages):
    """GOV.UK's breadcrumbs: "Home", then each section above the page, even on a page at the top of
    the site (the glossary); the page itself is not a crumb, so no crumb leads where you are."""
    for path, html in pages.items():
        crumbs = BeautifulSoup(html, "html.parser").find("nav", attrs={"aria-label": "Breadcrumb"})
        if path == "index.html":
            assert crumbs is None, "the home page has breadcrumbs"
            continue
        assert crumbs, f"{path} has no breadcrumbs"
        links = [(a.get_text(strip=True), urljoin("http://site/" + path, a["href"])) for a in crumbs.find_all("a")]
        assert links[0] == ("Home", "http://site/"), path
        here = "http://site/" + path.removesuffix("index.html")
        assert here not in [url for _, url in links], f"{path}: a breadcrumb leads to the page itself"


def test_the_glossary_has_breadcrumbs_home(tab, server):
    tab.goto(server + "glossary/")
    crumbs = tab.get_by_role("navigation", name="Breadcrumb").get_by_role("link")
    assert crumbs.all_inner_texts() == ["Home"]


def test_long_breadcrumbs_wrap_on_a_phone_instead_of_running_off_it(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(server + "reports/city-2023-10/text/")
    crumbs = page.get_by_role("navigation", name="Breadcrumb").get_by_role("link")
    assert crumbs.count() == 3
    rights = crumbs.evaluate_all("links => links.map(a => a.getBoundingClientRect().right)")
    context.close()
    assert max(rights) <= 375 - 16, rights


def test_breadcrumb_links_are_big_enough_to_tap(tab, server):
    tab.goto(server + "council/work/youmove/")
    heights = tab.locator(".md-path__link").evaluate_all(
        "links => links.map(a => a.getBoundingClientRect().height)")
    assert heights and min(heights) >= 24, heights


@pytest.mark.parametrize("path", ["", "glossary/", "council/work/youmove/"])
def test_the_footer_is_at_body_size_with_the_licence_and_the_links_residents_expect(sized, server, path):
    """GOV.UK's footer: the support links, then the Open Government Licence statement linking to the
    licence (the open data's own address), in text the size of the page's."""
    page, width = sized
    page.goto(server + path)
    footer = page.locator("footer")
    for name, address in [("Accessibility statement", "accessibility/"), ("Privacy notice", "privacy/"),
                          ("Open data", "data/"), ("About this site", "about/")]:
        link = footer.get_by_role("link", name=name, exact=True)
        assert link.is_visible() and link.evaluate("a => a.href") == server + address, name
    assert "All content is available under the Open Government Licence v3.0, except where otherwise stated." \
        in " ".join(footer.inner_text().split())
    licence = footer.get_by_role("link", name="Open Government Licence v3.0")
    assert licence.get_attribute("href") == LICENCE_URL
    size = "16px" if width < 641 else "19px"
    for part in (footer.locator("p").first, licence, footer.get_by_role("link", name="Privacy notice")):
        assert part.evaluate("e => getComputedStyle(e).fontSize") == size


def test_the_way_back_from_a_note_shows_the_line_it_belongs_to_below_the_header(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(server + "plan/")
    page.locator("a.footnote-ref").nth(2).click()
    page.locator(":target a.footnote-backref").click()
    page.wait_for_timeout(300)
    header = page.locator(".md-header").bounding_box()
    marker = page.locator(":target").bounding_box()
    context.close()
    assert marker["y"] >= header["y"] + header["height"] + 20, (marker, header)


def test_note_markers_and_the_way_back_are_big_enough_to_tap(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(server + "council/work/youmove/")
    sizes = page.locator("a.footnote-ref, a.footnote-backref").evaluate_all(
        "links => links.map(a => { const r = a.getBoundingClientRect(); return [r.width, r.height]; })")
    assert len(sizes) > 4
    assert all(w >= 24 and h >= 24 for w, h in sizes), sizes
    context.close()


@pytest.mark.parametrize("path", ["council/", "plan/priorities/", "trust/people/", "glossary/"])
def test_contents_links_are_big_enough_to_tap_on_a_phone(browser, server, path):
    """Each link in a page's "Contents" list is at least 24 px high, even when it wraps."""
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(server + path)
    heights = page.locator(".contents-list a").evaluate_all(
        "links => links.map(a => a.getBoundingClientRect().height)")
    context.close()
    assert len(heights) >= 3
    assert min(heights) >= 24, heights


def test_the_glossarys_contents_lists_its_short_forms_side_by_side(browser, server):
    """54 short forms one a line filled two phone screens before the first entry."""
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(server + "glossary/")
    links = page.locator(".contents-list a")
    height = page.locator(".contents-list").bounding_box()["height"]
    left = page.locator("article h1").bounding_box()["x"]
    first = links.first.bounding_box()["x"]
    count = links.count()
    context.close()
    assert count > 40 and height < 500 and first == left


def test_a_note_used_many_times_shows_one_way_back(tab, server):
    tab.goto(server + "plan/priorities/")
    notes = tab.locator("div.footnote li")
    for i in range(notes.count()):
        assert notes.nth(i).locator("a.footnote-backref").count() == 1
    assert tab.locator("sup a.footnote-ref").count() > notes.count()  # some notes are used more than once


def test_suggest_a_change_ends_every_page_template(tab, server):
    for path in TEMPLATES:
        tab.goto(server + path)
        link = tab.locator("article .suggest-change a", has_text="Suggest a change to this page")
        assert link.inner_text() == "Suggest a change to this page", path
        assert "/issues/new?template=" in link.get_attribute("href"), path
        assert tab.locator("article .suggest-change a[rel=external]").count() >= 1, path


def test_the_address_to_give_when_reporting_a_mistake_is_the_pages_own(tab, server):
    """A resident quotes the address the page gives: it must open this page, wherever the site is
    served (the tests' server is not the address the site was built for)."""
    import urllib.parse
    tab.goto(server + "trust/people/?from=search#the-chair-and-vice-chair")
    assert tab.locator(".suggest-change__address").inner_text() == server + "trust/people/"
    link = tab.locator("article .suggest-change a", has_text="Suggest a change to this page").get_attribute("href")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)["page"] == [server + "trust/people/"]


def test_every_tables_caption_comes_before_it_on_screen_and_to_a_screen_reader(sized, pages, server):
    """A table's caption was written after it (pymdownx's default) and only drawn above it."""
    page, width = sized
    checked, wrong = 0, []
    for path, html in pages.items():
        if "<figcaption" not in html or "<table" not in html:
            continue
        page.goto(server + path.removesuffix("index.html"))
        for figure in page.locator("article figure:has(table)").all():
            checked += 1
            first = figure.evaluate("f => f.firstElementChild.tagName")
            caption = figure.locator("figcaption").bounding_box()
            table = figure.locator("table").bounding_box()
            if first != "FIGCAPTION" or caption["y"] + caption["height"] > table["y"] + 1:
                wrong.append(f"{path}: {figure.locator('figcaption').inner_text()!r}")
    assert checked > 10
    assert not wrong, wrong


@pytest.mark.parametrize("path", ["trust/", "send/", "council/", "reports/cypp-2018/"])
def test_note_boxes_are_inset_text_at_the_pages_size(sized, server, path):
    """Material's note boxes were 12.8 px text under a blue title bar with an icon; GOV.UK inset
    text is body-size text beside a thick grey rule."""
    page, width = sized
    page.goto(server + path)
    body_size = "16px" if width < 641 else "19px"
    boxes = page.locator("article .admonition")
    assert boxes.count() >= 1
    for i in range(boxes.count()):
        box, title = boxes.nth(i), boxes.nth(i).locator(".admonition-title")
        look = box.evaluate("""b => { const s = getComputedStyle(b), t = b.querySelector('.admonition-title');
            const ts = getComputedStyle(t), icon = getComputedStyle(t, '::before');
            return {size: s.fontSize, textSizes: [...b.querySelectorAll('p')].map(p => getComputedStyle(p).fontSize),
                    left: [s.borderLeftWidth, s.borderLeftColor],
                    others: [s.borderTopWidth, s.borderRightWidth, s.borderBottomWidth],
                    shadow: s.boxShadow, titleBackground: ts.backgroundColor, titleWeight: ts.fontWeight,
                    icon: icon.display === 'none' || icon.content === 'none'}; }""")
        assert look["size"] == body_size and set(look["textSizes"]) == {body_size}, (path, look)
        assert look["left"] == ["10px", "rgb(177, 180, 182)"] and look["others"] == ["0px"] * 3, (path, look)
        assert look["shadow"] == "none" and look["titleBackground"] in ("rgba(0, 0, 0, 0)", "transparent"), (path, look)
        assert int(look["titleWeight"]) >= 700 and look["icon"], (path, look)
        assert title.is_visible()


def test_on_a_phone_each_table_row_is_a_block_that_names_its_columns(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(server + "trust/meetings/")
    cell = page.locator("article table tbody tr").first.locator("td").nth(1)
    label = cell.evaluate("c => getComputedStyle(c, '::before').content")
    heading = page.locator("article table thead th").nth(1).inner_text()
    assert label == f'"{heading}: "' and cell.evaluate("c => getComputedStyle(c).display") == "block"
    context.close()
