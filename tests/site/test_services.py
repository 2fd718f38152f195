"""Where to go next: the links to official services on other websites (data/services.yml), checked
offline (nothing here goes online: the weekly workflow .github/workflows/link-check.yml tries the
links themselves), in the built pages, and in a phone-sized browser."""
from __future__ import annotations

import datetime as dt
import re
import urllib.parse

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT

from macros.data.checked import load_checked
from macros.data.vocabulary import OFFICIAL_WEBSITES

SERVICES = ROOT / "data" / "services.yml"
# The topic pages issue 17 asks to end with where a resident goes next.
TOPIC_PAGES = ["index.md", "send.md", "performance/early-help.md", "council/index.md", "trust/index.md",
               "performance/attainment.md", "education-commission.md", "performance/safeguarding.md"]


def raw_records() -> list[dict]:
    """The file as written (not through the model, which the build uses: a second witness)."""
    return yaml.safe_load(SERVICES.read_text(encoding="utf-8"))


def built_path(src_uri: str) -> str:
    return "index.html" if src_uri == "index.md" else src_uri.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/index.html"


def test_every_address_is_https_unique_and_on_an_official_website():
    urls = [r["url"] for r in raw_records()]
    assert len(urls) == len(set(urls)), "each address once"
    for url in urls:
        parts = urllib.parse.urlsplit(url)
        assert parts.scheme == "https" and parts.hostname, url
        assert parts.hostname.endswith(OFFICIAL_WEBSITES), url


def test_every_link_was_checked_within_the_last_year():
    """A stale file fails, so someone opens each page again and updates its date."""
    today = dt.date.today()
    for record in raw_records():
        checked = dt.date.fromisoformat(str(record["checked"]))
        assert checked <= today, (record["id"], "checked in the future")
        assert today - checked <= dt.timedelta(days=366), (
            f'{record["id"]}: last checked {checked}. Open {record["url"]} again, check it is still '
            "the right page, and update its checked date in data/services.yml.")


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def article(html: str) -> BeautifulSoup:
    return soup(html.split("<article", 1)[1].split("</article>", 1)[0])


@pytest.mark.parametrize("src_uri", TOPIC_PAGES)
def test_every_topic_page_ends_with_where_to_go_next(pages, src_uri):
    page = article(pages[built_path(src_uri)])
    heading = page.find("h2", id="where-to-go-next")
    assert heading is not None and heading.get_text() == "Where to go next"
    # The page's own text ends with it: what follows is what every page ends with (the notes,
    # the data to reuse, the page's owner, the ways to suggest a change).
    source = (ROOT / "docs" / src_uri).read_text(encoding="utf-8").rstrip()
    assert source.endswith("{{ where_to_go_next() }}"), src_uri
    expected = [s for s in load_checked(ROOT).services if src_uri in s.pages]
    links = page.select(".where-next li > a")
    assert [a["href"] for a in links] == [s.url for s in expected]


def test_each_link_is_marked_as_another_website_with_who_runs_it_and_when_it_was_checked(pages):
    shown = 0
    for service in load_checked(ROOT).services:
        for src_uri in service.pages:
            item = article(pages[built_path(src_uri)]).select_one(f'.where-next a[href="{service.url}"]').parent
            link = item.a
            assert link["rel"] == ["external"] and "target" not in link.attrs
            assert link.get_text(" ", strip=True).endswith(f"({service.runs} website)")
            words = " ".join(item.get_text(" ").split())
            assert f"Link checked {service.checked}" not in words  # the date in words, not 2026-12-07
            assert re.search(r"Link checked \d{1,2} [A-Z][a-z]+ \d{4}", words), words
            shown += 1
    assert shown


def test_no_outside_link_on_the_site_is_left_out_of_the_weekly_check(pages):
    """Every link to another website is a service in data/services.yml or is written in the page
    (or the officers' guide) that has it, where a reviewer sees it: nothing reaches the site
    unseen. (The weekly check tries every link of the built site; "Suggest a change to this page"
    and the officers' own preview, http://127.0.0.1:8000, are the only ones it leaves out.)"""
    services = {s.url for s in load_checked(ROOT).services}
    written = " ".join(p.read_text(encoding="utf-8") for p in [*(ROOT / "docs").rglob("*.md"), ROOT / "CONTRIBUTING.md"])
    unknown = set()
    for path, html in pages.items():
        for a in article(html).find_all("a", href=re.compile(r"^(https?:)?//")):
            url = a["href"]
            if url in services or url in written or urllib.parse.urlsplit(url).hostname == "127.0.0.1":
                continue
            if re.match(r"^https://github\.com/[^/]+/[^/]+/issues/new\?", url) and a.get_text() == "Suggest a change to this page":
                continue
            unknown.add((path, url))
    assert not unknown, ("links to other websites that data/services.yml does not list and no page "
                         f"or guide writes: {sorted(unknown)[:5]}")


def test_a_link_listed_on_a_page_that_does_not_exist_is_named_with_its_line(project):
    from edits import error_for
    path = project / "data" / "services.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("  pages: ["))
    lines[at] = lines[at].replace("[", "[no-such-page.md, ", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    assert re.search(r'^data/services.yml, line %d: record "[\w-]+", field "pages > item 1": there is no page '
                     r'docs/no-such-page.md\.' % (at + 1),
                     error_for(project), re.M)


def test_a_page_that_lists_a_link_but_does_not_show_it_stops_the_build(project):
    from conftest import build_error
    docs = project / "docs" / "send.md"
    docs.write_text(docs.read_text(encoding="utf-8").replace("{{ where_to_go_next() }}", ""), encoding="utf-8")
    said = build_error(project)
    assert "the links to other websites in the data and the pages that show them do not match" in said
    assert re.search(r'data/services.yml, line \d+: record "[\w-]+" is listed on docs/send.md, but that page has '
                     r'no "Where to go next" section', said)


def test_the_links_are_reachable_by_tab_and_big_enough_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    tab = context.new_page()
    try:
        for path in ("send/", "performance/early-help/"):
            tab.goto(server + path)
            wanted = tab.locator(".where-next a, .suggest-change a")
            hrefs = {wanted.nth(i).get_attribute("href") for i in range(wanted.count())}
            assert len(hrefs) >= 3, path
            for i in range(wanted.count()):
                box = wanted.nth(i).bounding_box()
                assert box["height"] >= 24, (path, wanted.nth(i).inner_text(), box)
            reached = set()
            for _ in range(600):  # the page's links, its notes, then these
                tab.keyboard.press("Tab")
                href = tab.evaluate("document.activeElement && document.activeElement.getAttribute('href')")
                if href in hrefs:
                    reached.add(href)
                    focused = tab.evaluate("getComputedStyle(document.activeElement).backgroundColor")
                    assert focused != "rgba(0, 0, 0, 0)", "the focus style shows which link has focus"
                if reached == hrefs:
                    break
            assert reached == hrefs, (path, hrefs - reached)
    finally:
        context.close()
