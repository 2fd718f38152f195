"""The pages a record makes for itself (macros/views/record_pages.py), on small data."""
import pytest
import yaml
from sample import OLDER, SOURCE, make_site
from test_views import WORK

from macros.checks.written_pages import check_written_pages
from macros.data.models import DATASETS, Source
from macros.errors import PageError
from macros.views import MACROS, Build, Page
from macros.views.record_pages import BODIES, add_to_menu, menu_entries, page_title, record_pages

LISTS = {"council/index.md": "Council", "reports/index.md": "Reports", "performance/indicators/index.md": "Indicators"}


@pytest.fixture
def docs(tmp_path):
    for path, title in LISTS.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(f"---\ntitle: {title}\nowner: The web team\nlast_reviewed: 2026-11-24\n"
                                     "review_by: 2027-05-24\n---\n\n# {title}\n", encoding="utf-8")
    return tmp_path


def test_each_record_makes_its_pages_reviewed_with_the_page_that_lists_them(docs):
    site = make_site(sources=[SOURCE, OLDER], initiatives=WORK)
    made = {page.src_uri: page for page in record_pages(site, docs)}
    assert set(made) == {"reports/doc/index.md", "reports/doc/text.md", "reports/old/index.md",
                         "reports/old/text.md", *(f"council/work/{work['id']}.md" for work in WORK)}
    hub = made["council/work/hub.md"]
    meta = yaml.safe_load(hub.markdown.split("---")[1])
    assert meta == {"title": "The <b>hub</b>", "description": "A hub for young people.", "owner": "The web team",
                    "last_reviewed": "2026-11-24", "review_by": "2027-05-24"}
    assert '{{ initiative_page("hub") }}' in hub.markdown and not hub.written
    assert hub.data_file == "data/initiatives.yml"
    text = made["reports/doc/text.md"].markdown
    assert "# The report: the full text" in text and '{{ document_text("doc") }}' in text
    assert yaml.safe_load(text.split("---")[1])["search"] == {"boost": 0.001}
    assert page_title(site, docs, "reports/old/index.md") == "Old report"


def test_a_page_written_in_docs_is_used_instead_and_must_show_its_record(docs):
    site = make_site(sources=[SOURCE], initiatives=WORK)
    (docs / "council" / "work").mkdir()
    written = docs / "council" / "work" / "hub.md"
    written.write_text('---\ntitle: "The <b>hub</b>"\n---\n\n{{ initiative_page("hub") }}\n\nOur words.\n', encoding="utf-8")
    assert [page.written for page in record_pages(site, docs) if page.src_uri == "council/work/hub.md"] == [True]
    check_written_pages(site, docs)
    assert page_title(site, docs, "council/work/hub.md") == "The <b>hub</b>"
    written.write_text('---\ntitle: "Hub"\n---\n\nOur words.\n', encoding="utf-8")
    (docs / "council" / "work" / "hubb.md").write_text("---\ntitle: Hub\n---\n", encoding="utf-8")
    with pytest.raises(PageError) as err:
        check_written_pages(site, docs)
    said = str(err.value)
    assert 'docs/council/work/hub.md: this page is about "hub"' in said and '{{ initiative_page("hub") }}' in said
    assert 'the title should be "The <b>hub</b>"' in said
    assert "docs/council/work/hubb.md: this page names no record in data/initiatives.yml" in said
    assert 'Did you mean "hub"?' in said


def test_menu_entries_follow_the_page_that_lists_them_once(docs):
    site = make_site(sources=[SOURCE, OLDER], initiatives=WORK)
    nav = [{"Home": "index.md"},
           {"Council": ["council/index.md", {"Strategy": "council/strategy.md"}]},
           {"Reports": ["reports/index.md", "reports/old/index.md"]}]
    add_to_menu(nav, menu_entries(site))
    assert nav[1] == {"Council": ["council/index.md", *(f"council/work/{work['id']}.md" for work in WORK),
                                  {"Strategy": "council/strategy.md"}]}
    # a report the menu already names is not added twice; the other one follows the list page
    assert nav[2] == {"Reports": ["reports/index.md",
                                  {"A report (October 2023)": ["reports/doc/index.md", {"Full text": "reports/doc/text.md"}]},
                                  "reports/old/index.md"]}


def test_a_reports_menu_entry_gives_its_date_once():
    site = make_site(sources=[dict(SOURCE, title="The report of October 2023")])
    [entry] = menu_entries(site)["reports/index.md"]
    assert list(entry) == ["The report of October 2023"]


def test_each_page_a_model_makes_is_shown_by_a_macro_given_the_records_id():
    """What a model's own_pages names is real: a macro whose first id is one of that dataset's
    records, and a body for pages made around it."""
    for name, kind in DATASETS.items():
        for own in kind.own_pages:
            assert own.shown_by in BODIES, own
            assert list(MACROS[own.shown_by].kinds.values())[:1] == [name], own


def test_a_link_to_a_record_goes_to_its_own_page():
    site = make_site(sources=[SOURCE], initiatives=WORK)
    page = Page(Build(site), "council/index.md")
    assert page.link_to_record(site.initiatives[0]) == "work/hub.md"
    assert page.link_to_record(site.sources[0]) == "../reports/doc/index.md"
    assert page.link_to_record(site.sources[0], Source.text_page) == "../reports/doc/text.md"
    page.cite("doc", site.documents["doc"].passages[0].id)
    assert 'href="../reports/doc/text/#' in next(iter(page.notes.values())).text
