"""Page ownership and review dates: every page has them, and overdue pages are listed."""
import datetime as dt
import subprocess
import sys

import pytest
from conftest import ROOT, build_error

from macros.checks.front_matter import front_matter, overdue, review_fields
from macros.errors import PageError


def test_every_page_says_who_owns_it_and_when_it_is_reviewed():
    for path in (ROOT / "docs").rglob("*.md"):
        owner, last, due = review_fields(front_matter(path), path.name)
        assert owner and last <= due


def test_pages_show_owner_and_review_dates(pages):
    html = pages["trust/meetings/index.html"]
    assert "Page owner: Children's Trust Board web team" in html.replace("&#39;", "'")
    assert "Next review due: 24 May 2027" in html


def test_overdue_pages_are_listed(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "old.md").write_text("---\ntitle: Old\nowner: Web team\nlast_reviewed: 2020-01-01\n"
                                 "review_by: 2020-06-01\n---\n\n# Old\n", encoding="utf-8")
    (docs / "new.md").write_text("---\ntitle: New\nowner: Web team\nlast_reviewed: 2026-01-01\n"
                                 "review_by: 2030-06-01\n---\n\n# New\n", encoding="utf-8")
    assert overdue(tmp_path, dt.date(2026, 11, 24)) == [("docs/old.md", "Web team", dt.date(2020, 6, 1))]
    out = subprocess.run([sys.executable, "-m", "macros", "review"], cwd=tmp_path, capture_output=True,
                         text=True, env={"PYTHONPATH": str(ROOT)})
    assert out.returncode == 0 and "docs/old.md: due 2020-06-01, owner Web team" in out.stdout


def test_a_page_without_review_dates_stops_the_build(project):
    page = project / "docs" / "privacy.md"
    page.write_text(page.read_text(encoding="utf-8").replace("review_by: 2027-05-24\n", ""), encoding="utf-8")
    said = build_error(project)
    assert "docs/privacy.md, front matter: every page needs owner, last_reviewed, review_by" in said
    assert "Missing: review_by" in said


def test_review_dates_must_be_real():
    with pytest.raises(PageError, match='"review_by" should be a real date'):
        review_fields({"owner": "x", "last_reviewed": "2026-01-01", "review_by": "2026-02-30"}, "docs/x.md")
