"""More of an officer's mistakes in a page (front matter, links, macros), each a plain message
with its line; and what is left alone because it is not a mistake."""
import datetime as dt

import pytest
from sample import OLDER, SOURCE, make_site

from macros.checks.front_matter import read_front_matter, review_fields
from macros.checks.page_markdown import check_links
from macros.errors import PageError
from macros.outputs.opendata import build, write_all


def test_review_dates_in_the_wrong_order_are_named_with_the_line():
    meta, lines = read_front_matter("---\ntitle: A\nowner: Web team\nlast_reviewed: 2026-11-24\n"
                                    "review_by: 2026-05-24\n---\n", "docs/a.md")
    with pytest.raises(PageError) as err:
        review_fields(meta, "docs/a.md", lines)
    assert str(err.value) == 'docs/a.md, line 5: "review_by" (2026-05-24) is before "last_reviewed" (2026-11-24).'


def test_dates_already_read_as_dates_are_taken_as_they_are():
    owner, last, due = review_fields({"owner": "Web team", "last_reviewed": dt.date(2026, 1, 2),
                                      "review_by": dt.date(2026, 7, 2)}, "docs/a.md")
    assert (owner, last, due) == ("Web team", dt.date(2026, 1, 2), dt.date(2026, 7, 2))


def test_front_matter_that_is_not_name_value_lines_says_how_to_write_it():
    with pytest.raises(PageError) as err:
        read_front_matter("---\n- owner\n- review_by\n---\n\n# A\n", "docs/a.md")
    assert str(err.value).startswith("docs/a.md, line 2: the front matter should be 'name: value' lines, between "
                                     "the two --- lines. For example:\n---\ntitle: ...")
    assert read_front_matter("---\n---\n\n# A\n", "docs/a.md") == ({}, {})  # empty: nothing to read


def test_a_link_shown_as_code_in_a_fenced_block_is_not_followed(tmp_path):
    page = "# How to link\n\n```markdown\n[Meetings](trust/no-such-page.md)\n```\n\n~~~\n[x](gone.md)\n~~~\n"
    check_links(page, "index.md", 0, tmp_path)  # an example of how to write a link, not a link
    with pytest.raises(PageError, match=r"docs/index.md, line 11: the link to \"gone.md\" goes nowhere"):
        check_links(page + "\n[x](gone.md)\n", "index.md", 0, tmp_path)


def test_the_open_data_files_are_written_into_the_site(tmp_path):
    site = make_site(sources=[SOURCE, OLDER],
                     figures=[dict(id="money", label="money granted", value=1120199, unit="gbp",
                                   source="doc", passage="funding-1")])
    write_all(build(site, "https://example.org/cypp/"), tmp_path)
    figures = (tmp_path / "data/figures.csv").read_text(encoding="utf-8-sig").splitlines()  # Excel's UTF-8
    assert figures[0].startswith('"id","source"') and figures[1].startswith('"money","doc"')
    assert "1120199" in figures[1] and "1120199.0" not in figures[1]  # a whole number is written whole
    assert (tmp_path / "data/meetings.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert b"https://example.org/cypp/" in (tmp_path / "changes.xml").read_bytes()
