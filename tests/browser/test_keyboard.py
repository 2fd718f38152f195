"""The keyboard, in the browser, on a 320 px phone and a 1280 px desktop: every focus stop on every
page template can be seen and shows the site's yellow focus; the menu and the search open from
buttons named "Menu" and "Search" with Enter or Space, close with Escape and give focus back;
nothing closed, hidden or off the screen takes focus; nothing traps it."""
import pytest

pytestmark = pytest.mark.browser

# One page of each template the site has, and the page shown for an address that does not exist.
TEMPLATES = {
    "home": "",
    "plan": "plan/values/",
    "priorities": "plan/priorities/",
    "people": "trust/people/",
    "meetings": "trust/meetings/",
    "performance": "performance/",
    "indicators": "performance/indicators/",
    "indicator": "performance/indicators/camhs-first-appointment/",
    "finder": "council/",
    "work": "council/work/youmove/",
    "glossary": "glossary/",
    "report": "reports/cypp-2018/",
    "full-text": "reports/cypp-2018/text/",
    "open-data": "data/",
    "not-found": "404.html",
}
PHONE, DESKTOP = 320, 1280

# Transitions and animations finish at once, so each stop is measured as it comes to rest (after the
# page's scripts have followed the scroll: Material sizes the desktop menu to the screen as it scrolls).
STILL = ("*, *::before, *::after { transition-duration: 0s !important; transition-delay: 0s !important;"
         " animation-duration: 0s !important; animation-delay: 0s !important; }")

# The element that has focus, and what keeps a reader from seeing it: not drawn (no size, hidden,
# see-through, inert), not wholly on the screen, covered by something else (the sticky header, an
# overlay), or without the site's focus style: GOV.UK's yellow (#ffdd00) as a background, an
# outline or a shadow. null when focus is on the page itself (it has left the last stop).
FOCUS = """async () => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  if (document.documentElement.classList.contains("js")) {  // the page's scripts follow the scroll first
    await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  }
  const moving = document.getAnimations().filter(a => a.playState === "running");
  if (moving.length) {
    await Promise.race([Promise.all(moving.map(a => a.finished.catch(() => null))),
                        new Promise(done => setTimeout(done, 1000))]);
  }
  const problems = [];
  const s = getComputedStyle(el);
  const rect = [...el.getClientRects()].find(r => r.width > 0 && r.height > 0);
  if (!rect) problems.push("it has no size");
  if (s.visibility !== "visible") problems.push("it is hidden");
  for (let e = el; e; e = e.parentElement) {
    if (parseFloat(getComputedStyle(e).opacity) < 0.5) { problems.push("it is see-through"); break; }
    if (e.inert) { problems.push("it is inert"); break; }
  }
  if (rect) {
    // Where it can show: the screen, inside every box that clips it (a box that scrolls, or hides
    // what overflows it), up to the first that stays put on the screen.
    let left = 0, right = document.documentElement.clientWidth, top = 0, bottom = innerHeight;
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const c = getComputedStyle(e);
      if (e !== el && (c.overflowX !== "visible" || c.overflowY !== "visible")) {
        const box = e.getBoundingClientRect();
        left = Math.max(left, box.left); right = Math.min(right, box.right);
        top = Math.max(top, box.top); bottom = Math.min(bottom, box.bottom);
      }
      if (c.position === "fixed") break;
    }
    // All of it shows there (give or take 2 px); or, if it is wider than the screen, half the
    // screen's width of it; or, if it is taller than half the screen (a long search result in
    // its scrolling box), half the screen's height of it.
    const screen = [document.documentElement.clientWidth, innerHeight];
    const shows = (from, to, start, end) => Math.min(to, end) - Math.max(from, start);
    if (shows(rect.left, rect.right, left, right) < (rect.width <= screen[0] ? rect.width : screen[0] / 2) - 2 ||
        shows(rect.top, rect.bottom, top, bottom) < Math.min(rect.height, screen[1] / 2) - 2) {
      problems.push("it is not wholly on the screen");
    }
    const x = [Math.max(rect.left, left), Math.min(rect.right, right)];
    const y = [Math.max(rect.top, top), Math.min(rect.bottom, bottom)];
    if (x[1] > x[0] && y[1] > y[0]) {  // what is drawn at the middle of the part that shows
      const hit = document.elementFromPoint((x[0] + x[1]) / 2, (y[0] + y[1]) / 2);
      if (!hit || !el.contains(hit)) problems.push("it is covered by " + (hit ? hit.tagName.toLowerCase() + "." + hit.className : "nothing"));
    }
  }
  const yellow = "rgb(255, 221, 0)";
  if (!(s.backgroundColor === yellow || s.boxShadow.includes(yellow) ||
        (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 && s.outlineColor === yellow))) {
    problems.push("it does not show the yellow focus");
  }
  const name = (el.getAttribute("aria-label") || el.textContent || el.value || el.placeholder || "").trim().replace(/\\s+/g, " ");
  return {name: el.tagName.toLowerCase() + ' "' + name.slice(0, 40) + '"', problems: problems,
          footer: !!el.closest(".md-footer"), menu: !!el.closest(".md-sidebar--primary"),
          search: !!el.closest(".md-search"), again: el.dataset.stop === "seen"};
}"""
MARK = "document.activeElement && (document.activeElement.dataset.stop = 'seen')"


def open_page(browser, server, path, width, **options):
    context = browser.new_context(viewport={"width": width, "height": 700}, **options)
    page = context.new_page()
    page.goto(server + path)
    page.evaluate("css => document.head.insertAdjacentHTML('beforeend', '<style>' + css + '</style>')", STILL)
    return context, page


def tab_through(page, until=lambda stop: False, limit=1000, key="Tab"):
    """Press Tab (or Shift+Tab) until focus leaves the page, comes back to a stop it has met, or
    meets a stop `until` picks: the stops met, the last one being the one `until` picked, if any."""
    stops = []
    for _ in range(limit):
        page.keyboard.press(key)
        stop = page.evaluate(FOCUS)
        if stop is None or stop["again"]:
            return stops
        page.evaluate(MARK)
        stops.append(stop)
        if until(stop):
            return stops
    pytest.fail(f"focus is trapped: {limit} presses of Tab never left the page")


def unseen(stops) -> list[str]:
    return [f"{stop['name']}: {', '.join(stop['problems'])}" for stop in stops if stop["problems"]]


def focused(page) -> str:
    return page.evaluate("document.activeElement.className + ' ' + (document.activeElement.textContent || '').trim()")


@pytest.mark.parametrize("width", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", TEMPLATES.values(), ids=TEMPLATES.keys())
def test_every_keyboard_stop_is_visible_with_the_yellow_focus_and_nothing_traps_it(browser, server, path, width):
    context, page = open_page(browser, server, path, width)
    stops = tab_through(page)
    context.close()
    assert stops and stops[-1]["footer"], "the keyboard never reached the end of the footer"
    assert not unseen(stops), "focus cannot be seen on:\n" + "\n".join(unseen(stops))


@pytest.mark.parametrize("width", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", [TEMPLATES["meetings"], TEMPLATES["finder"]], ids=["meetings", "finder"])
def test_going_back_up_a_page_with_shift_tab_every_stop_shows_below_the_header(browser, server, path, width):
    """Going back up the meetings page from its footer, one stop in five was hidden under the sticky
    header or Material's floating "Back to top" button (resident review)."""
    context, page = open_page(browser, server, path, width)
    page.locator(".md-footer a").last.focus()
    page.evaluate(MARK)
    stops = tab_through(page, key="Shift+Tab")
    context.close()
    assert len(stops) > 20, "Shift+Tab met too few stops on the way up"
    assert not unseen(stops), "going back up, focus cannot be seen on:\n" + "\n".join(unseen(stops))


@pytest.mark.parametrize("path", TEMPLATES.values(), ids=TEMPLATES.keys())
def test_the_open_menu_takes_focus_shows_every_stop_and_closes_when_focus_leaves_it(browser, server, path):
    context, page = open_page(browser, server, path, PHONE)
    stops = tab_through(page, until=lambda stop: stop["name"] == 'button "Menu"')
    assert stops and not stops[-1]["problems"], "the Menu button is not a visible focus stop"
    page.keyboard.press("Enter")
    assert page.get_by_role("button", name="Menu", exact=True).get_attribute("aria-expanded") == "true"
    first = page.evaluate(FOCUS)
    assert first["menu"] and not first["problems"], f"opening the menu did not move focus into it: {first}"
    page.evaluate(MARK)
    stops = [first] + tab_through(page, until=lambda stop: not stop["menu"])
    in_menu = [stop for stop in stops if stop["menu"]]
    after = stops[-1]
    expanded = page.get_by_role("button", name="Menu", exact=True).get_attribute("aria-expanded")
    context.close()
    assert len(in_menu) > 5, "the open menu has too few stops: " + str([s["name"] for s in stops])
    assert not unseen(stops), "focus cannot be seen on:\n" + "\n".join(unseen(stops))
    assert not after["menu"] and expanded == "false", "tabbing out of the menu left it open"


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_enter_or_space_opens_the_menu_and_escape_closes_it_and_returns_focus(browser, server, key):
    context, page = open_page(browser, server, "council/work/youmove/", PHONE)
    menu = page.get_by_role("button", name="Menu", exact=True)
    menu.focus()
    page.keyboard.press(key)
    drawer = page.get_by_role("navigation", name="Navigation")
    assert menu.get_attribute("aria-expanded") == "true" and drawer.is_visible()
    assert drawer.get_by_role("link", name="Youth Investment Funding").is_visible()
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false" and not drawer.is_visible()
    assert "site-header__menu" in focused(page) and not page.evaluate(FOCUS)["problems"]
    # The menu's own Close button does the same.
    page.keyboard.press(key)
    page.get_by_role("button", name="Close menu").press("Enter")
    assert not drawer.is_visible() and "site-header__menu" in focused(page)
    context.close()


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_on_a_phone_the_search_button_opens_the_search_and_escape_returns_to_it(browser, server, key):
    context, page = open_page(browser, server, "", PHONE)
    button = page.get_by_role("button", name="Search")
    tab_through(page, until=lambda stop: stop["name"] == 'button "Search"')
    assert "site-header__search" in focused(page)
    page.keyboard.press(key)
    box = page.get_by_role("textbox", name="Search this site")
    assert button.get_attribute("aria-expanded") == "true" and box.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false" and not box.is_visible()
    assert "site-header__search" in focused(page) and not page.evaluate(FOCUS)["problems"]
    context.close()


@pytest.mark.parametrize("width", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_search_opens_only_when_asked_and_tab_moves_through_its_results_then_out(browser, server, width):
    context, page = open_page(browser, server, "trust/people/", width)
    is_open = "document.getElementById('__search').checked"
    if width == DESKTOP:
        # The box is in the header: moving to it with Tab does not open the search over the page.
        stops = tab_through(page, until=lambda stop: stop["search"])
        assert stops[-1]["name"].startswith("input") and not stops[-1]["problems"]
        assert not page.evaluate(is_open), "the search opened when its box merely received focus"
    else:
        tab_through(page, until=lambda stop: stop["name"] == 'button "Search"')
        page.keyboard.press("Enter")
    page.keyboard.type("youth", delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert page.evaluate(is_open)
    page.evaluate(MARK)
    stops = tab_through(page, until=lambda stop: not stop["search"])
    results = [stop for stop in stops if stop["search"]]
    after = stops[-1]
    closed = not page.evaluate(is_open)
    context.close()
    assert len(results) >= 3, "Tab does not reach the results: " + str([s["name"] for s in stops])
    assert not unseen(stops), "focus cannot be seen on:\n" + "\n".join(unseen(stops))
    assert closed and not after["search"], "tabbing out of the results left the search open"


def test_escape_closes_the_search_on_a_desktop_and_leaves_focus_in_its_box(browser, server):
    context, page = open_page(browser, server, "", DESKTOP)
    box = page.get_by_role("textbox", name="Search this site")
    box.click()
    page.keyboard.type("plan", delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    assert not page.locator(".md-search-result__item").first.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    context.close()


@pytest.mark.parametrize("width", [PHONE, 375, DESKTOP])
def test_the_header_has_a_menu_button_and_a_search_button_on_a_phone_and_a_search_box_on_a_desktop(browser, server, width):
    context, page = open_page(browser, server, "trust/", width)
    menu = page.get_by_role("button", name="Menu", exact=True)
    search = page.get_by_role("button", name="Search", exact=True)
    box = page.get_by_role("textbox", name="Search this site")
    if width == DESKTOP:
        assert not menu.is_visible() and not search.is_visible() and box.is_visible()
    else:
        assert menu.is_visible() and menu.inner_text() == "Menu" and search.is_visible() and not box.is_visible()
        for button in (menu, search):
            size = button.bounding_box()
            assert size["width"] >= 24 and size["height"] >= 24
    context.close()


def test_without_javascript_the_menu_is_a_link_to_the_menu_shown_on_the_page(browser, server):
    context, page = open_page(browser, server, "council/work/youmove/", 375, java_script_enabled=False)
    assert not page.get_by_role("button", name="Menu", exact=True).is_visible()
    page.get_by_role("link", name="Menu", exact=True).click()
    menu = page.get_by_role("navigation", name="Navigation")
    assert menu.get_by_role("link", name="Youth Investment Funding").is_visible()
    page.keyboard.press("Tab")  # from where the link led: into the menu
    stop = page.evaluate(FOCUS)
    assert stop["menu"] and not stop["problems"], stop
    assert not page.get_by_role("button", name="Search").is_visible()
    context.close()


@pytest.mark.parametrize("width, state", [(PHONE, "menu"), (PHONE, "search"), (DESKTOP, "search")])
def test_axe_finds_no_problems_with_the_menu_or_the_search_open(browser, server, width, state):
    """The site-wide axe test sees every page closed; here the menu is open, or the search shows results."""
    from axe_playwright_python.sync_playwright import Axe
    from test_browser import AXE_TAGS
    context, page = open_page(browser, server, "council/work/youmove/", width)
    if state == "menu":
        page.get_by_role("button", name="Menu", exact=True).click()
    else:
        (page.get_by_role("button", name="Search", exact=True) if width == PHONE else page.locator(".md-search__input")).click()
        page.keyboard.type("youth", delay=30)
        page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    context.close()
    problems = [f"{v['id']} at {v['nodes'][0]['target']}" for v in result.response["violations"]]
    assert not problems, "\n".join(problems)
