"""Where to go next (data/services.yml): the model refuses what is not a checked link to an
official service, the macro lists a page's links as links to other websites, and a page and the
data cannot disagree about which pages show the links."""
import datetime as dt
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from markdown import Markdown
from sample import make_site

from macros.checks.front_matter import check_service_pages
from macros.data.loader import load_dataset
from macros.data.models import Service
from macros.errors import DataError, PageError
from macros.views import Build, Page
from macros.views.services import tell_us, where_to_go_next

LINK = dict(id="ehc", text="Ask for an assessment <now>", url="https://www.oxfordshire.gov.uk/ehc",
            title="Request an assessment", runs="Oxfordshire County Council",
            what="How to *prepare* a request.", pages=["send.md"], checked="2026-12-07",
            how="Opened the page.")


def html_of(markdown: str) -> BeautifulSoup:
    return BeautifulSoup(Markdown(extensions=["md_in_html", "attr_list"]).convert(markdown), "html.parser")


def page(src_uri: str, *services: dict) -> Page:
    return Page(Build(make_site(services=list(services)), today=dt.date(2026, 12, 7)), src_uri)


def test_a_page_lists_its_links_as_links_to_other_websites():
    other = dict(LINK, id="camhs", text="Ask CAMHS for help", url="https://www.oxfordhealth.nhs.uk/camhs/",
                 runs="Oxford Health NHS Foundation Trust", pages=["send.md", "index.md"])
    elsewhere = dict(LINK, id="city", url="https://www.oxford.gov.uk/", pages=["council/index.md"])
    soup = html_of(where_to_go_next(page("send.md", LINK, other, elsewhere)))
    assert soup.h2.get_text() == "Where to go next"
    items = soup.select(".where-next li")
    assert len(items) == 2, "only the links that list this page"
    first = items[0].a
    assert first["href"] == "https://www.oxfordshire.gov.uk/ehc" and first["rel"] == ["external"]
    assert "target" not in first.attrs, "a link to another website opens in the same tab"
    assert first.get_text() == "Ask for an assessment <now> (Oxfordshire County Council website)"
    assert "How to *prepare* a request." in items[0].get_text(), "text from data is escaped"
    assert "Link checked 7 December 2026" in items[0].get_text()
    assert items[1].a.get_text() == "Ask CAMHS for help (Oxford Health NHS Foundation Trust website)"


def test_the_route_without_an_account_is_the_records_marked_tell_us():
    site = make_site(services=[LINK, dict(LINK, id="county", url="https://www.oxfordshire.gov.uk/", tell_us=True),
                               dict(LINK, id="city", url="https://www.oxford.gov.uk/", runs="Oxford City Council",
                                    tell_us=True)])
    assert tell_us(site) == [{"name": "Oxfordshire County Council", "url": "https://www.oxfordshire.gov.uk/"},
                             {"name": "Oxford City Council", "url": "https://www.oxford.gov.uk/"}]


def write(tmp_path: Path, *records: dict) -> Path:
    path = tmp_path / "data" / "services.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(yaml.safe_dump(list(records), sort_keys=False), encoding="utf-8")
    return path


def mistake(tmp_path: Path, **change) -> str:
    record = {k: v for k, v in dict(LINK, **change).items() if v is not None}
    with pytest.raises(DataError) as err:
        load_dataset(write(tmp_path, record), Service, tmp_path)
    return str(err.value)


@pytest.mark.parametrize("change, said", [
    (dict(url="http://www.oxfordshire.gov.uk/ehc"),
     'field "url": expected a whole web address starting https:// (no spaces) but found "http://www.oxfordshire.gov.uk/ehc"'),
    (dict(url="https://www.oxfordshire.gov.uk/a page"), "expected a whole web address starting https:// (no spaces)"),
    (dict(url="https://www.example.com/oxfordshire.gov.uk"),
     'expected the address of an official public service, on a website whose name ends with .gov.uk or '
     '.nhs.uk, but found "www.example.com"'),
    (dict(url="https://notgov.uk/"), 'but found "notgov.uk"'),
    (dict(checked="2999-01-01"), 'field "checked": expected a date that has passed'),
    (dict(checked="2026-12"), 'field "checked": expected a full date written as YYYY-MM-DD but found "2026-12"'),
    (dict(runs=None), 'field "runs": this field is missing'),
    (dict(pages=[]), 'field "pages": this must not be empty'),
    (dict(tell_us="sometimes"), 'field "tell_us": expected true or false'),
])
def test_a_mistake_in_a_link_is_named_with_its_file_line_and_field(tmp_path, change, said):
    msg = mistake(tmp_path, **change)
    assert msg.startswith('data/services.yml, line ') and 'record "ehc"' in msg, msg
    assert said in msg, msg


def test_official_websites_of_any_council_or_nhs_body_are_allowed(tmp_path):
    for url in ("https://www.oxfordshire.gov.uk/", "https://oxfordshire.gov.uk/node/6093",
                "https://www.oxfordhealth.nhs.uk/camhs/refer/", "https://www.gov.uk/children-with-special-educational-needs"):
        assert load_dataset(write(tmp_path, dict(LINK, url=url)), Service, tmp_path).records[0].url == url


def docs_with(tmp_path: Path, pages: dict[str, str]) -> Path:
    docs = tmp_path / "docs"
    for name, body in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(body, encoding="utf-8")
    return docs


def test_a_listed_page_must_show_the_links(tmp_path):
    docs = docs_with(tmp_path, {"send.md": "# SEND\n\nWords.\n"})
    services = load_dataset(write(tmp_path, LINK), Service, tmp_path)
    with pytest.raises(PageError, match=r'data/services.yml, line \d+: record "ehc" is listed on docs/send.md, but '
                                        r'that page has no "Where to go next" section. Add \{\{ where_to_go_next\(\) \}\}'):
        check_service_pages(docs, services)


def test_a_page_showing_the_links_must_be_listed(tmp_path):
    docs = docs_with(tmp_path, {"send.md": "# SEND\n\n{{ where_to_go_next() }}\n",
                                "trust/index.md": "# Trust\n\nWords.\n\n{{ where_to_go_next() }}\n"})
    services = load_dataset(write(tmp_path, LINK), Service, tmp_path)
    with pytest.raises(PageError) as err:
        check_service_pages(docs, services)
    assert str(err.value) == ("docs/trust/index.md, line 5: {{ where_to_go_next() }} shows the links of "
                              'data/services.yml that list this page under "pages", and none does. Add '
                              "trust/index.md to the pages of a record there, or take the line out.")


def test_pages_and_links_that_agree_pass(tmp_path):
    docs = docs_with(tmp_path, {"send.md": "# SEND\n\n{{ where_to_go_next() }}\n", "other.md": "# Other\n"})
    check_service_pages(docs, load_dataset(write(tmp_path, LINK), Service, tmp_path))


def test_a_section_called_with_jinjas_whitespace_control_is_found_like_any_other_call(tmp_path):
    """A page's macro calls are read one way (macros/data/macro_calls.py): `{{- where_to_go_next() }}`
    is the section too, once refused as missing, and a page without a listed link is named by its line."""
    docs = docs_with(tmp_path, {"send.md": "# SEND\n\n{{- where_to_go_next() }}\n",
                                "other.md": "# Other\n\nWords.\n{{-where_to_go_next( ) }}\n"})
    with pytest.raises(PageError) as err:
        check_service_pages(docs, load_dataset(write(tmp_path, LINK), Service, tmp_path))
    assert str(err.value).startswith("docs/other.md, line 4: {{ where_to_go_next() }} shows the links")
