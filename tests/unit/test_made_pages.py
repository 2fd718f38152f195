"""The pages the build makes for records (macros/views/record_pages.py), on small data: an
indicator's page and a report's page, their titles and what they show, and a page written in their
place whose front matter is broken."""
import pytest
import yaml
from sample import OLDER, SOURCE, make_site
from test_record_pages import LISTS

from macros.checks.written_pages import check_written_pages
from macros.errors import PageError
from macros.views.record_pages import add_to_menu, menu_entries, record_pages

INDICATOR = dict(id="reading", source="old", passage="results-1", name="Reading at key stage 2", number="1.1b",
                 title="Results rose", plain="How many pupils read well.", why="Reading matters.",
                 area="be-successful", ratings=[dict(rag="Green", source="old", passage="results-1")])


def made(tmp_path, **records):
    for path, title in LISTS.items():  # the pages that list the records, each reviewed
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(f"---\ntitle: {title}\nowner: The web team\nlast_reviewed: 2026-11-24\n"
                                     "review_by: 2027-05-24\n---\n\n# {title}\n", encoding="utf-8")
    site = make_site(sources=[SOURCE, OLDER], **records)
    return site, {page.src_uri: page for page in record_pages(site, tmp_path)}


def meta(page) -> dict:
    return yaml.safe_load(page.markdown.split("---")[1])


def test_an_indicator_page_is_titled_with_its_number_and_shows_its_rating_and_where_to_go_next(tmp_path):
    _, pages = made(tmp_path, indicators=[INDICATOR, dict(INDICATOR, id="unnumbered", number=None, name="Writing")])
    page = pages["performance/indicators/reading.md"]
    assert meta(page)["title"] == "1.1b: Reading at key stage 2"
    assert "# 1\\.1b: Reading at key stage 2" in page.markdown  # escaped: not a numbered list
    body = page.markdown.split("---", 2)[2]
    assert body.index('{{ indicator_rating("reading") }}') < body.index('{{ indicator_page("reading") }}') \
        < body.index("{{ where_to_go_next() }}")
    assert meta(pages["performance/indicators/unnumbered.md"])["title"] == "Writing"  # no number, no "None:"


def test_a_report_page_offers_its_full_text_first(tmp_path):
    _, pages = made(tmp_path)
    body = pages["reports/doc/index.md"].markdown
    assert meta(pages["reports/doc/index.md"])["title"] == "The report"
    assert body.index("[Read the document: the full text") < body.index('{{ source_page("doc") }}')


def test_a_menu_that_is_a_single_page_still_gets_its_records(tmp_path):
    site, _ = made(tmp_path)
    nav = ["index.md", {"Reports": "reports/index.md"}]
    add_to_menu(nav, menu_entries(site))
    assert nav[0] == "index.md" and "reports/doc/index.md" in str(nav)


def test_a_page_written_in_place_of_a_made_one_with_broken_front_matter_is_named(tmp_path):
    site = make_site(sources=[SOURCE])
    (tmp_path / "reports/doc").mkdir(parents=True)
    (tmp_path / "reports/doc/index.md").write_text(
        '---\ntitle: The report\n\n{{ source_page("doc") }}\n', encoding="utf-8")
    with pytest.raises(PageError) as err:
        check_written_pages(site, tmp_path)
    assert str(err.value).startswith("docs/reports/doc/index.md, line 3: the front matter starts with --- on line 1")
