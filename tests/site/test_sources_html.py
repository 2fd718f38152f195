"""Layer 4, truth on the built pages: each document's text is on the site, every note opens the
passage its record gives, every quotation is in the passage its note opens, and every page says how
old its evidence is."""
import datetime as dt
import re
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, contact_details

from macros.data.checked import load_checked
from macros.data.matching import found_in, has_figure
from macros.data.models import Figure, Source
from macros.views import Build

SITE = load_checked(ROOT)
BUILD = Build(SITE)


@pytest.fixture(scope="module")
def soups(pages):
    return {path: BeautifulSoup(html, "html.parser") for path, html in pages.items()}


def article(soup):
    return soup.find("article")


PASSAGE_LINK = re.compile(r"^/reports/([^/]+)/text/$")


def passage_links(note, path: str) -> list[tuple[str, str]]:
    """The (document, passage) of each link in a note to a document's text, wherever the page is."""
    found = []
    for a in note.find_all("a", href=True):
        target = urlsplit(urljoin(f"https://site.test/{path}", a["href"]))
        match = PASSAGE_LINK.match(target.path)
        if match and target.fragment:
            found.append((match.group(1), target.fragment))
    return found


def note_target(soup, ref, path: str) -> tuple[str, str]:
    """The (document, passage) a footnote marker's note links to, read from the note's own link."""
    note = soup.find(id=ref.a["href"][1:])
    links = passage_links(note, path)
    assert len(links) == 1, f"{path}: note {note['id']} should open one passage"
    return links[0]


def is_ref(element) -> bool:
    return getattr(element, "name", None) == "sup" and element.find("a", class_="footnote-ref") is not None


def next_ref(element):
    """The footnote marker that follows an element (after any punctuation, or just outside the
    bold or italic text the element is in)."""
    for sibling in element.next_siblings:
        if is_ref(sibling):
            return sibling
        if getattr(sibling, "name", None) or str(sibling).strip(" .,;:)"):
            return None
    if element.parent.name in ("strong", "em", "b", "i"):
        return next_ref(element.parent)
    return None


def first_ref(element):
    return next((sup for sup in element.find_all("sup") if is_ref(sup)), None)


def scope_text(source: str, passage: str) -> str:
    doc = SITE.documents[source]
    return doc.text(passage)


def test_every_report_page_offers_its_full_text_with_an_anchor_on_every_passage(soups):
    for source in SITE.sources:
        report = soups[f"reports/{source.id}/index.html"]
        link = article(report).find("a", string=re.compile("Read the document"))
        assert link and link["href"] == "text/", source.id
        text_page = soups[f"reports/{source.id}/text/index.html"]
        ids = {e["id"] for e in article(text_page).find_all(id=True)}
        missing = [p.id for p in SITE.documents[source.id].passages if p.id not in ids]
        assert not missing, f"{source.id}: passages without an anchor: {missing[:5]}"


def test_every_note_on_every_page_opens_a_passage_that_exists(soups):
    checked = 0
    for path, soup in soups.items():
        for note in soup.select("div.footnote li[id^='fn:']"):
            links = passage_links(note, path)
            assert len(links) == 1, f"{path}: note {note['id']} has no link to a passage"
            source, passage = links[0]
            assert soups[f"reports/{source}/text/index.html"].find(id=passage), \
                f"{path}: note {note['id']} opens {source}#{passage}, which does not exist"
            assert note["id"] == f"fn:{source}--{passage}", \
                f"{path}: note {note['id']} opens another passage ({source}#{passage})"
            checked += 1
    assert checked > 500


def test_each_figure_note_opens_the_passage_its_record_gives(soups):
    checked = 0
    for path, soup in soups.items():
        for span in soup.select("span.figure[data-figure]"):
            fig = SITE.get(Figure, span["data-figure"])
            ref = next_ref(span)
            assert ref, f"{path}: figure {fig.id} has no note"
            assert note_target(soup, ref, path) == (fig.source, fig.passage), f"{path}: figure {fig.id}"
            assert has_figure(fig, scope_text(fig.source, fig.passage))
            checked += 1
    assert checked > 60


def test_each_quotation_is_in_the_passage_its_note_opens(soups):
    checked = 0
    for path, soup in soups.items():
        for q in article(soup).find_all("q"):
            ref = next_ref(q)
            assert ref, f"{path}: the quotation “{q.get_text()}” has no note"
            source, passage = note_target(soup, ref, path)
            assert found_in(q.get_text(), scope_text(source, passage)), \
                f"{path}: “{q.get_text()}” is not in {source}#{passage}"
            checked += 1
        for quote in article(soup).find_all("blockquote"):
            ref = first_ref(quote)
            source, passage = note_target(soup, ref, path)
            words = quote.p.get_text(" ", strip=True)
            assert found_in(words, scope_text(source, passage)), f"{path}: blockquote “{words}”"
    assert checked > 200


def test_typed_quotations_in_the_pages_own_words_are_the_documents_words(soups):
    """Words in quotation marks that a page types itself (not from data) must be in a document."""
    every_text = " ".join(p.text for d in SITE.documents.values() for p in d.passages)
    for path, soup in soups.items():
        if "/text/" in path or path.startswith("contributing/"):  # the officers' guide quotes messages
            continue
        for block in own_blocks(soup):  # a paragraph, list item, cell or heading at a time
            for quoted in re.findall(r"“([^“”]{15,300})”", block) + re.findall(r"(?<!\w)\"([^\"]{15,300})\"", block):
                if len(quoted.split()) >= 4:
                    assert found_in(quoted, every_text), f"{path}: “{quoted}” is in no document"


def _own(soup):
    body = BeautifulSoup(str(article(soup)), "html.parser")
    for element in body.select("q, blockquote, div.footnote, .page-info, .reuse, sup, script, style, "
                               "svg, .passage, .source-note, table, figure, code, pre, .headerlink"):
        element.decompose()
    return body


def own_words(soup) -> str:
    """A page's visible text in its own words: no quotations, notes, document text or furniture."""
    return re.sub(r"\s+", " ", _own(soup).get_text(" "))


def own_blocks(soup) -> list[str]:
    """The same, one paragraph, list item or heading at a time."""
    return [re.sub(r"\s+", " ", e.get_text(" ")) for e in _own(soup).find_all(["p", "li", "dd", "h2", "h3", "h4"])]


def test_the_home_page_quotes_the_plans_vision_word_for_word(soups):
    home = soups["index.html"]
    heading = next(h for h in article(home).find_all("h2") if "vision" in h.get_text().lower())
    quote = heading.find_next("blockquote")
    vision = next(s for s in SITE.statements if s.group == "vision" and s.source == "cypp-2018")
    assert quote.p.get_text(" ", strip=True) == vision.text
    assert note_target(home, first_ref(quote), "index.html") == ("cypp-2018", vision.passage)


def test_no_officers_contact_details_anywhere_in_the_built_site(built):
    for path in built.rglob("*"):
        if path.suffix in (".html", ".json", ".csv", ".ics", ".xml", ".txt", ".js") and "assets" not in path.parts:
            found = contact_details(path.read_text(encoding="utf-8", errors="replace"))
            assert not found, f"contact details in {path.relative_to(built)}: {found}"
    index = (built / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "e-mail address removed" in index  # the document texts are in the search index, redacted


def test_every_page_with_notes_says_how_old_its_evidence_is_in_one_pattern(soups):
    for path, soup in soups.items():
        if not soup.select("div.footnote li[id^='fn:']"):
            continue
        first = article(soup).find("h1").find_next_sibling()
        assert first and "evidence-age" in first.get("class", []), \
            f"{path}: the first thing under the title should say how old the evidence is"
        assert len(article(soup).select(".evidence-age")) == 1, path
        assert re.match(r"!?(The details on this page come from|This page has no details of its own)",
                        first.get_text(strip=True)), f"{path}: {first.get_text()[:80]}"
        assert re.search(r"dated .*\b(19|20)\d\d\b", first.get_text()), path


def test_a_page_whose_details_are_mostly_more_than_two_years_old_carries_warning_text(soups):
    """A detail is a note that opens a passage giving details (a note that opens a part of a
    document that only names things, such as its cover, a list of names or its background papers,
    gives none), as old as its document or our copy of it. A page warns when most of its details
    are more than two years old, whatever the date of its newest document, and says how old they
    are; a line about one document never speaks of "them"."""
    today = dt.date.today()
    warned = mostly = 0
    for path, soup in soups.items():
        if "/text/" in path:  # a document's own text is history, dated on its page
            continue
        opened = {note_target(soup, ref, path) for ref in soup.find_all(is_ref)
                  if ref.a and ref.a.get("href", "").startswith("#fn:")}
        details = [source for source, passage in opened if not BUILD.names_only(source, passage)]
        if not details:
            continue
        ages = []
        for source in details:
            src = SITE.get(Source, source)
            day = max(d for d in (src.date, src.updated) if d).first_day
            ages.append((today.year - day.year) * 12 + today.month - day.month)
        head = article(soup).select_one(".evidence-age")
        words = " ".join(head.get_text().split())
        warning = article(soup).select_one(".warning-text")
        old = sum(1 for months in ages if months > 24)
        if old == len(ages):
            assert warning and f"All of these details are more than {min(ages) // 12} years old" in words, path
            warned += 1
        elif old * 2 > len(ages):
            assert warning and "Most of these details are more than 2 years old" in words, path
            mostly += 1
        else:
            assert warning is None, f"{path}: {old} of its {len(ages)} details are more than two years old"
        if "from a document dated" in words:
            assert not re.search(r"\bthem\b", words.split(" The newer ")[0]), f"{path}: {words}"
    assert warned and mostly


def test_a_page_of_the_councils_work_whose_details_are_old_warns_though_a_newer_report_names_it(soups):
    def date(source_id):
        return SITE.get(Source, source_id).date.first_day
    for ini in SITE.initiatives:
        head = article(soups[f"council/work/{ini.id}/index.html"]).select_one(".evidence-age")
        # the page's details: its record's, and its figures' with any newer figure of their series
        shown = [SITE.get(Figure, fid) for fid in ini.figures]
        details = {ini.source} | {f.source for f in SITE.figures
                                  if f in shown or any(f.series and f.series == g.series for g in shown)}
        newest = max(date(s) for s in details)
        newer = sorted({r.source for r in ini.reported if date(r.source) > newest}, key=date)
        if newer:
            assert "warning-text" in head["class"] or (dt.date.today() - newest).days < 730
            assert f"The newer {SITE.get(Source, newer[0]).short_title}, only names" in head.get_text(), ini.id


def test_now_and_current_appear_only_next_to_a_date(soups):
    for path, soup in soups.items():
        if "/text/" in path or path.startswith(("accessibility/", "contributing/", "changes/", "privacy/")):
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", own_words(soup)):
            if re.search(r"\b(now|current|currently|latest|today|recent|recently|so far|to date)\b", sentence, re.I):
                assert re.search(r"\b(19|20)\d\d\b", sentence), f"{path}: undated “{sentence.strip()}”"


def test_priorities_show_the_plans_own_numbers(soups):
    """Each area's list continues the plan's numbering (1 to 16), not 1 to 4 again."""
    site_numbers = {p.wording[0].text: p.number for p in SITE.priorities}
    for path in ("plan/priorities/index.html", "plan/on-a-page/index.html", "plan/print/index.html"):
        seen = 0
        for ol in article(soups[path]).find_all("ol"):
            start = int(ol.get("start", 1))
            for offset, li in enumerate(ol.find_all("li", recursive=False)):
                words = (li.find("q") or li).get_text(" ", strip=True)
                match = next((n for t, n in site_numbers.items() if words.startswith(t)), None)
                if match:
                    assert start + offset == match, f"{path}: priority {match} is shown as {start + offset}"
                    seen += 1
        assert seen == len(SITE.priorities), path


def test_each_piece_of_the_councils_work_has_its_own_page_with_a_note_for_each_fact(soups):
    """The notes on each initiative's page open the passages its record gives: its summary, each
    detail and each report that names it (the site-wide note checks above cover these pages too)."""
    for ini in SITE.initiatives:
        path = f"council/work/{ini.id}/index.html"
        soup = soups[path]
        opened = {passage_links(note, path)[0] for note in soup.select("div.footnote li[id^='fn:']")}
        wanted = {(ini.source, ini.passage)} | {(ini.source, d.passage) for d in ini.details} \
            | {(r.source, r.passage) for r in ini.reported} \
            | {(SITE.get(Figure, f).source, SITE.get(Figure, f).passage) for f in ini.figures}
        assert wanted <= opened, f"{path}: no note for {sorted(wanted - opened)}"
        for detail in article(soup).select("li"):  # each detail ends with its own note
            if not detail.find_parent(class_="footnote") and not detail.find_parent("nav") \
                    and not detail.find_parent(class_="reuse"):  # the data downloads are not facts
                assert first_ref(detail), f"{path}: “{detail.get_text(' ', strip=True)[:60]}” has no note"


LAW = re.compile(r"\b(duty|duties|legal|law|must|required|requires|obliged|Act \d{4})\b", re.I)
SAYS_WHO = re.compile(r"\b(report|reports|plan|update|document|documents|says|said|in the report's words)\b", re.I)


def test_the_site_states_no_law_or_duty_in_its_own_voice(soups):
    """Where the site's own words speak of a duty, a law or what a body must do, the same sentence
    says which document says so."""
    for path, soup in soups.items():
        if "/text/" in path or path.startswith(("accessibility/", "contributing/", "changes/", "privacy/",
                                                "about/", "data/", "404")):
            continue
        for block in own_blocks(soup):
            for sentence in re.split(r"(?<=[.!?])\s+", block):
                if LAW.search(sentence):
                    assert SAYS_WHO.search(sentence), f"{path}: “{sentence.strip()}” states the law in the site's voice"
