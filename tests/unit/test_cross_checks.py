"""The checks across data files (macros/data/checked.py, check_references), on small made-up data: a link
to another website given twice, no council website to tell about a mistake, and a priority's number
used twice are each named with the file and line, and what to do."""
import pytest
from sample import OLDER, SOURCE, make_site

from macros.data.checked import check_references, load_checked
from macros.data.models import DATASETS
from macros.errors import DataError

SERVICE = dict(id="ehc", text="Ask for an assessment", url="https://oxfordshire.gov.uk/node/6093",
               title="Request an assessment", runs="Oxfordshire County Council", what="How to ask.",
               pages=["send.md"], checked="2026-12-07", how="Read a stored copy.", tell_us=True)


def problems(**records) -> list[str]:
    site = make_site(sources=[SOURCE, OLDER], **records)
    with pytest.raises(DataError) as err:
        check_references(site)
    return str(err.value).split("\n")


def test_a_website_address_given_twice_is_named_with_both_lines():
    said = problems(services=[SERVICE, dict(SERVICE, id="again", text="Ask again")])
    assert said[0].startswith('data/services.yml, line 2: record "again": the address '
                              "https://oxfordshire.gov.uk/node/6093 is already given on line 1.")


def test_no_council_website_to_tell_about_a_mistake_is_named():
    said = problems(services=[dict(SERVICE, tell_us=False)])
    assert said[0].startswith("data/services.yml: no record has tell_us: true. At least one council website must be")


def test_a_priority_number_used_twice_is_named():
    first = dict(id="best-start", number=1, area="be-successful", easy="Get a good start.",
                 wording=[dict(text="Words", source="doc", passage="intro-1")])
    said = problems(services=[SERVICE], areas=[], priorities=[first, dict(first, id="again")])
    assert any(s.startswith('data/priorities.yml, line 2: record "again":') and "best-start" in s for s in said)


def test_a_data_file_the_site_does_not_know_is_named_with_the_files_it_does(tmp_path):
    (tmp_path / "data").mkdir()
    for name in DATASETS:
        (tmp_path / "data" / f"{name}.yml").write_text("[]\n", encoding="utf-8")
    (tmp_path / "data/figure.yml").write_text("[]\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"^data/figure\.yml: the site does not know this data file\. The data files are: "):
        load_checked(tmp_path)
