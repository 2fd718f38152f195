"""Layer 4, the built pages: structure, figures in the right places, nothing unrendered or external."""
import functools
import json
import re
import urllib.parse

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from macros.data.checked import load_checked
from macros.data.models import Figure, Source, Term
from macros.views.markup import format_figure


@functools.lru_cache(maxsize=None)
def soup(html: str) -> BeautifulSoup:
    """A built page, read with a real HTML parser."""
    return BeautifulSoup(html, "html.parser")


def resources(html: str) -> list[str]:
    """What the page loads: scripts, images, frames, media, style sheets, icons."""
    page = soup(html)
    loaded = [tag["src"] for tag in page.select("script[src], img[src], iframe[src], audio[src], video[src], source[src]")]
    rels = ("stylesheet", "preload", "icon", "modulepreload")
    return loaded + [tag.get("href", "") for tag in page.find_all("link") if set(tag.get("rel") or []) & set(rels)]


def figures_shown(html: str) -> dict[str, str]:
    """Each figure on the page, by its id (data-figure), with its text as a reader sees it."""
    return {span["data-figure"]: span.get_text() for span in soup(html).select("span.figure[data-figure]")}


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
        page = soup(html)
        h1 = len(page.find_all("h1"))
        assert h1 == 1, f"{path} has {h1} h1 headings"
        title = page.title.get_text().strip()
        assert title, path
        titles.setdefault(title, []).append(path)
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
        for url in resources(html):
            assert not re.match(r"^(https?:)?//", url), f"{path} loads {url}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


@pytest.mark.parametrize("page, figure_id", [
    ("council/work/youth-investment-fund/index.html", "youth-investment-capital"),
    ("council/work/youth-investment-fund/index.html", "youth-investment-revenue"),
    ("council/work/parks-and-play/index.html", "play-areas"),
    ("performance/indicators/looked-after-children/index.html", "looked-after-children-february-2020"),
    ("performance/indicators/permanent-exclusions/index.html", "permanent-exclusions-latest"),
    ("performance/attainment/index.html", "ks2-disadvantaged-rwm-2017"),
    ("performance/safeguarding/index.html", "standards-green"),
    ("education-commission/index.html", "education-commission-recommendations"),
    ("send/index.html", "send-priority-action-areas"),
])
def test_figures_appear_on_the_right_pages(pages, page, figure_id):
    fig = load_checked(ROOT).get(Figure, figure_id)
    assert figures_shown(pages[page]).get(figure_id) == format_figure(fig)


def test_every_figure_in_the_data_appears_somewhere_as_the_data_gives_it(pages):
    shown: dict[str, set[str]] = {}
    for html in pages.values():
        for figure_id, text in figures_shown(html).items():
            shown.setdefault(figure_id, set()).add(text)
    for fig in load_checked(ROOT).figures:
        assert shown.get(fig.id) == {format_figure(fig)}, fig.id


def test_facts_carry_a_note_linking_to_their_source(pages):
    html = pages["council/index.html"]
    notes = re.findall(r'<li id="fn:([^"]+)">(.*?)</li>', html, flags=re.S)
    assert notes, "no source notes on the council page"
    for key, note in notes:  # each opens the passage it is named after, in the document's full text
        source, passage = key.split("--")
        assert f'href="../reports/{source}/text/#{passage}"' in note, note


def test_every_initiative_and_indicator_is_shown(pages):
    site = load_checked(ROOT)
    council = pages["council/index.html"]
    for ini in site.initiatives:  # a card for each piece of work, linking to its own page
        assert re.search(rf'<h3 id="{ini.id}"><a href="work/{ini.id}/">', council), ini.id
    performance = pages["performance/indicators/index.html"]  # the overview links every indicator
    for ind in site.indicators:
        assert f'id="{ind.id}"' in performance, ind.id


def test_priorities_are_quoted_in_the_plans_own_words(pages):
    html = pages["plan/priorities/index.html"].replace("&#39;", "'").replace("&amp;", "&")
    for p in load_checked(ROOT).priorities:
        plan = p.wording[0]
        assert plan.source == "cypp-2018", p.id  # the plan's own words come first in the data
        # the plan's wording is the numbered item itself; any later report's words sit under it
        assert re.search(rf'<li>\s*(<p>)?<q>{re.escape(plan.text)}</q><sup id="fnref[^"]*:cypp-2018--{plan.passage}"', html), p.id
        for later in p.wording[1:]:
            assert f"<q>{later.text}</q>" in html and "words it:" in html


def test_acronyms_are_marked_up_with_their_meaning(pages):
    glossary = {t.term: t.expansion for t in load_checked(ROOT).glossary}
    seen = {}
    for html in pages.values():
        for abbr in soup(html).find_all("abbr"):
            seen[abbr.get_text()] = abbr.get("title")
    for term in ["CAMHS", "SEND", "C&YP", "CTB", "BOB ICS", "VOXY"]:
        assert seen.get(term) == glossary[term].replace("&", "&"), term


def test_rag_ratings_are_words(pages):
    html = pages["performance/index.html"]
    assert re.search(r'class="rag rag--red">.*?Red</span>', html, flags=re.S)
    assert re.search(r'class="rag rag--amber">.*?Amber</span>', html, flags=re.S)


def test_every_table_has_a_caption_and_header_cells(pages):
    for path, html in pages.items():
        tables = soup(html).find_all("table")
        for table in tables:
            assert table.find("th"), path
        captions = len(re.findall(r"<figcaption>", html))
        assert captions >= len(tables), f"{path}: {len(tables)} tables, {captions} captions"


def test_every_cell_carries_its_columns_heading_for_phones(pages):
    """On a phone each row is a block and each cell says which column it is in (site.css shows the
    label): the labels are in the page as built, not left to a script."""
    for path, html in pages.items():
        for table in soup(html).find_all("table"):
            heads = [th.get_text(" ", strip=True) for th in table.select("thead th")]
            assert table.has_attr("data-stack"), path
            for row in table.select("tbody tr"):
                labels = [cell.get("data-label") for cell in row.find_all(["td", "th"], recursive=False)]
                assert labels == heads[:len(labels)], f"{path}: {labels} under {heads}"


def test_accessibility_statement_and_privacy_notice_linked_from_every_page(pages):
    from urllib.parse import urljoin
    for path, html in pages.items():
        footer = html.split('class="md-copyright"', 1)[1]
        links = dict((text, urljoin("http://site/" + path, href))
                     for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer))
        assert links.get("Accessibility statement") == "http://site/accessibility/", path
        assert links.get("Privacy notice") == "http://site/privacy/", path


def test_accessibility_statement_figures_come_from_data(pages):
    site = load_checked(ROOT)
    text = visible_text(pages["accessibility/index.html"])
    for note in site.accessibility:
        if note.kind == "test":
            assert note.result in text
    assert "It was last reviewed on 24 November 2026" in text


def test_every_rendered_figure_links_to_its_source(pages):
    count = 0
    for path, html in pages.items():
        for span in soup(html).select("span.figure[data-figure]"):
            count += 1
            note = span.find_next_sibling()
            assert note is not None and note.name == "sup" and note.select_one('a.footnote-ref[href^="#fn:"]'), \
                f"{path}: figure {span['data-figure']} has no source note"
    assert count > 100


def test_each_indicator_has_its_own_page(pages):
    for ind in load_checked(ROOT).indicators:
        html = pages[f"performance/indicators/{ind.id}/index.html"]
        heading = re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", html, flags=re.S).group(1))
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
        assert "<table data-stack" in after[:20000]
    assert "only one figure in the documents" in visible_text(pages["performance/young-peoples-views/index.html"])
    # 780 and 785 looked-after children: the report does not say which is newer, so no chart over time
    assert "chart-svg" not in pages["performance/indicators/looked-after-children/index.html"]


def test_finder_counts_first_then_filters_then_cards(pages):
    html = pages["council/index.html"]
    total = len(load_checked(ROOT).initiatives)
    count = html.index(f'aria-live="polite" data-noun="pieces of work">Showing all {total} pieces of work.</p>')
    button = html.index('<button type="button" class="finder-toggle md-button" aria-expanded="false" '
                        'aria-controls="initiative-list-filters">Filter</button>')
    form = html.index('<form class="finder-form" id="initiative-list-filters" aria-label="Filter the list" data-search-exclude>')
    assert count < button < form < html.index('class="finder-item"')
    assert html.count('class="finder-item"') == total
    for label in re.findall(r"<label>(.*?)</label>", html[form:]):  # each box has its words beside it
        assert re.fullmatch(r'<input type="checkbox" name="\w+" value="[\w-]+"( data-also="[\w -]+")?> \S.*', label)


def test_a_place_in_the_finder_also_shows_the_work_for_the_whole_city(pages):
    html = pages["council/index.html"]
    assert ('<input type="checkbox" name="where" value="leys-littlemore-rose-hill" '
            'data-also="citywide countywide"> Blackbird Leys, Greater Leys, Littlemore and Rose Hill') in html
    assert '<input type="checkbox" name="where" value="citywide"> Across Oxford' in html
    card = re.search(r'<section class="finder-item"[^>]*>\s*<h3 id="leisure-offers">.*?</section>', html, flags=re.S)
    assert 'data-where="citywide"' in card.group(0)
    assert '<span class="finder-tag">Across Oxford</span>' in card.group(0)


def test_each_card_of_the_councils_work_has_its_note_and_names_every_place_once(pages):
    """The page says each fact has a note: each card's line carries the note of the passage it
    sums up. Its "Where" names every place the data gives, in the data's words, each once, on
    the card and on the work's own page (a place once went missing because the area's name held
    it, and "City Centre" was said twice as "City centre")."""
    cards = soup(pages["council/index.html"]).select("section.finder-item")
    assert len(cards) == len(SITE.initiatives)
    for card, ini in zip(cards, SITE.initiatives):
        assert card.find("h3")["id"] == ini.id
        line = card.find("h3").find_next_sibling("p")
        assert line.find("a", class_="footnote-ref"), f"{ini.id}: the card's line has no note"
        own = soup(pages[f"council/work/{ini.id}/index.html"]).find("article")
        for block in (card, own):
            where = next(" ".join(b.get_text(" ").split()) for b in block.find_all("p") if "Where:" in b.get_text())
            where = where.split("Where:", 1)[1].split("What it is about:", 1)[0].lower()
            for place in ini.places:
                assert place.lower() in where, f"{ini.id}: {place} is not in “{where}”"
            said = [w.strip(" ()") for w in re.split(r",|;| and | \(", where) if w.strip(" ()")]
            assert len(said) == len(set(said)), f"{ini.id}: a place is said twice in “{where}”"


def test_each_piece_of_the_councils_work_has_its_own_page(pages, built):
    site = load_checked(ROOT)
    search = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    searchable = {doc["location"] for doc in search["docs"]}
    sitemap = (built / "sitemap.xml").read_text(encoding="utf-8")
    for ini in site.initiatives:
        path = f"council/work/{ini.id}/"
        html = pages[path + "index.html"]
        heading = re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", html, flags=re.S).group(1))
        assert heading.strip() == ini.name
        def squash(words: str) -> str:  # the words, whatever markup (such as <abbr>) is in between
            return re.sub(r"\s+", "", words.replace("&#39;", "'").replace("&amp;", "&").replace("&quot;", '"'))
        text = squash(visible_text(html))
        # the answer first: what it is, for whom, where; then the details, dated by their report
        assert text.index(squash(ini.summary)) < text.index("Whoitisfor:") < text.index("Where:") < text.index("Fromthe")
        assert squash(f"From the {site.get(Source, ini.source).short_title}") in text
        for words in [d.text for d in ini.details] + ini.partners:
            assert squash(words) in text, (ini.id, words)
        assert f"<loc>http://127.0.0.1:8000/{path}</loc>" in sitemap
        assert path in searchable
        menu = [" ".join(re.sub(r"<[^>]+>", " ", a).split()).replace("&#39;", "'")
                for a in re.findall(r'<a href="\./"[^>]*class="md-nav__link[^"]*"[^>]*>(.*?)</a>', html, flags=re.S)]
        assert ini.name in menu, f"{ini.id}: the menu names the page by the work's own name"
    # a piece of work that a newer report names than the one its details come from says so
    dated = {s.id: s.date.first_day for s in site.sources}
    for ini in site.initiatives:
        newer = max((r.source for r in ini.reported), key=dated.get) != ini.source
        said = "Where the details on this page come from" in pages[f"council/work/{ini.id}/index.html"]
        assert said == newer, ini.id


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


def test_every_page_ends_with_a_way_to_suggest_a_change(pages):
    """GOV.UK style: no edit pencil; at the end of the page, GitHub's form for this page (saying
    plainly that it needs a GitHub account) and, beside it, a way that needs no account: the
    council websites marked tell_us in data/services.yml, as links to other websites."""
    councils = [(s.runs, s.url) for s in load_checked(ROOT).services if s.tell_us]
    for path, html in pages.items():
        article = html.split("<article", 1)[1].split("</article>", 1)[0]
        block = soup(article.split('<div class="suggest-change">', 1)[-1])
        assert '<div class="suggest-change">' in article and not article.rsplit("</div>", 2)[-1].strip(), path
        github = block.find("a", string="Suggest a change to this page")
        assert github and "You need a GitHub account to do this." in github.parent.get_text(), path
        link = urllib.parse.urlsplit(github["href"])
        assert re.fullmatch(r"/[\w.-]+/[\w.-]+/issues/new", link.path) and link.netloc == "github.com", path
        query = urllib.parse.parse_qs(link.query)
        assert query["template"] == ["report-a-mistake.yml"], path  # the form (blank issues are off)
        assert query["title"][0].startswith("Mistake on: ") and len(query["title"][0]) > 15, path
        assert query["page"][0].endswith("/" + path.removesuffix("index.html")), path
        other = block.find(string=re.compile("No GitHub account")).parent
        assert [(a.get_text(), a["href"]) for a in other.find_all("a")] == councils, path
        assert all(a["rel"] == ["external"] for a in other.find_all("a")), path
        said = " ".join(other.get_text().split())
        through = "through its comments page" if len(councils) == 1 else "through their comments pages"
        assert f"{through} (no account needed)" in said, path
        assert said.endswith(f"Give this page's address: {query['page'][0]}"), path  # to say which page
        assert "edit/main" not in html and "md-content__button" not in html, path


def test_the_issue_form_the_link_opens_has_the_fields_it_fills():
    import yaml
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "report-a-mistake.yml").read_text(encoding="utf-8"))
    assert form["title"] == "Mistake on: "
    assert "page" in {field.get("id") for field in form["body"]}


def test_changes_feed_lists_every_change(built, pages):
    import xml.etree.ElementTree as ET
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(built / "changes.xml").getroot()
    entries = feed.findall(f"{atom}entry")
    changes = load_checked(ROOT).changes
    assert len(entries) == len(changes)
    assert {e.find(f"{atom}title").text for e in entries} == {c.title for c in changes}
    assert 'type="application/atom+xml"' in pages["index.html"]


SITE = load_checked(ROOT)
DATE_IN_WORDS = re.compile(r"\b(?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|September|"
                           r"October|November|December) \d{4}\b")


def section_under(page, heading) -> list:
    """The elements after a heading, up to the next heading of the same level."""
    out = []
    for element in heading.find_next_siblings():
        if element.name == heading.name:
            break
        out.append(element)
    return out


@pytest.mark.parametrize("path", ["index.html", "performance/index.html"])
def test_how_children_are_doing_leads_with_the_newest_document_before_any_rating(pages, path):
    """The page's first section gives the newest document's findings, dated and in its words, and
    they come before any of the plan's own (older) ratings."""
    newest = max(SITE.sources, key=lambda s: s.date.first_day)
    article = soup(pages[path]).find("article")
    first = next(h for h in article.find_all("h2") if not h.find_parent(class_="contents-list")
                 and "contents" not in (h.get("id") or ""))
    section = "".join(str(e) for e in section_under(first, first))
    html = str(article)
    assert 'class="rag' in html, f"{path}: the page should go on to the plan's own ratings"
    before_rating = section.split('class="rag', 1)[0]
    dates = DATE_IN_WORDS.findall(re.sub(r"<[^>]+>", " ", before_rating))
    assert dates and dates[0] in (newest.date.words, newest.date.month_year), (path, dates[:3])
    assert (f'href="#fn:{newest.id}--' in before_rating or "gives no such finding" in before_rating
            or "This site has not yet checked this document for findings about children" in before_rating), \
        f"{path}: a finding of the newest document with its note, that it gives none, or that it is still to be read"
    assert "<q>" in before_rating, f"{path}: the findings are in the documents' own words"
    assert html.index(str(first)) < html.index('class="rag'), f"{path}: a rating comes before the findings"


def test_meetings_are_listed_newest_first_after_a_line_naming_the_latest(pages):
    from macros.data.dates import in_words
    from macros.data.vocabulary import TRUST_MEETING_KINDS
    article = soup(pages["trust/meetings/index.html"]).find("article")
    table = next(t for t in article.find_all("table")
                 if "Meetings the documents mention" in (t.caption or t.find_parent("figure")).get_text())
    shown = [row.find("td").get_text(strip=True) for row in table.find_all("tr") if row.find("td")]
    newest_first = sorted(SITE.meetings, key=lambda m: m.date.first_day, reverse=True)
    assert shown == [in_words(m.date) for m in newest_first]
    latest = next(m for m in newest_first if m.kind in TRUST_MEETING_KINDS)
    lead = article.find("h1").find_next_sibling("p", class_=lambda c: not c or "evidence-age" not in c)
    assert lead.get_text().startswith(f"The Trust's latest meeting in the documents: {in_words(latest.date)}")
    assert str(article).index(str(lead)) < str(article).index(str(table))


def test_no_page_lists_or_explains_an_organisation_that_no_longer_exists_without_saying_so(pages):
    """Driven by the data: every member organisation with `gone` is said to be gone wherever a page
    lists it as a member (a list item that is its name and note) and in the glossary's entry for it."""
    gone = [m for m in SITE.members if m.gone]
    assert gone, "the data marks no organisation as gone"
    listed = 0
    for path, html in pages.items():
        if "/text/" in path:  # a document's own words, as written then
            continue
        article = soup(html).find("article")
        for item in article.find_all("li"):
            if item.find_parent(class_="footnote") or item.find_parent("nav"):
                continue
            first_words = item.find(string=True)
            for m in gone:
                if first_words and first_words.strip() == m.name:  # the item is the organisation, as a member
                    assert "No longer exists" in item.get_text(), f"{path}: {m.name} listed as if it still exists"
                    listed += 1
    assert listed >= 2  # the Trust's members on the people page and on the whole plan to print
    glossary = soup(pages["glossary/index.html"]).find("article")
    for m in gone:
        for term in (SITE.get(Term, m.short_form),) if m.short_form else ():
            entry = "".join(str(e) for e in section_under(glossary.find(id=term.id), glossary.find(id=term.id)))
            assert "No longer exists" in entry, f"the glossary explains {term.term} as if it still exists"


def test_the_sites_own_explanations_are_marked_as_its_own_where_they_stand(pages):
    """The glossary's explanations and each indicator's 'What it measures' and 'Why it matters' are
    the site's words, and say so where they stand, not only on the About page."""
    glossary = soup(pages["glossary/index.html"]).find("article")
    for term in SITE.glossary:
        entry = section_under(glossary.find(id=term.id), glossary.find(id=term.id))
        assert "In our words:" in " ".join(e.get_text() for e in entry), term.id
    for ind in SITE.indicators:
        article = soup(pages[f"performance/indicators/{ind.id}/index.html"]).find("article")
        for heading in ("what-it-measures", "why-it-matters"):
            assert section_under(article.find(id=heading), article.find(id=heading))[0].get_text().startswith(
                "In our words:"), f"{ind.id}: {heading}"


def test_every_mention_of_an_organisation_that_no_longer_exists_says_it_is_gone(pages):
    """Wherever a page's own text mentions a gone organisation (data/members.yml, `gone`), by its
    name or its short form in the glossary, the same paragraph, list item or cell says it no longer
    exists: a statement once said what the Oxfordshire Clinical Commissioning Group had done, as if
    it were still there. Documents' own full texts, the record of changes and the officers' guide
    are history or instructions, not the site's statements."""
    from macros.views.page import gone_pattern
    gone = {m.name: gone_pattern(SITE, m) for m in SITE.members if m.gone}
    assert gone, "the data marks no organisation as gone"
    mentions = 0
    for path, html in pages.items():
        if "/text/" in path or path.startswith(("changes/", "contributing/")):
            continue
        for block in soup(html).find("article").find_all(["p", "li", "td", "dd"]):
            if block.find(["p", "li", "td", "dd"]) or block.find_parent(class_="footnote") or block.find_parent("nav"):
                continue
            words = " ".join(block.get_text(" ").split())
            for name, pattern in gone.items():
                if pattern.search(words):
                    mentions += 1
                    assert "no longer exist" in words.lower(), f"{path}: “{words[:120]}” does not say {name} is gone"
    assert mentions
