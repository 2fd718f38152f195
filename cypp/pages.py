"""The pages under docs/: who owns each and when it is due for review (its front matter), which
pages are overdue, each page's web address, and that every page can be read (UTF-8).

Every page starts with front matter like:

    ---
    title: Meetings
    owner: Children's Trust Board web team
    last_reviewed: 2026-11-24
    review_by: 2027-05-24
    ---

`python -m cypp review` (or `make review`) lists the pages whose review date has passed.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path
from typing import Any

import yaml

from .errors import PageError
from .loader import Dataset, join_problems

REQUIRED = ("owner", "last_reviewed", "review_by")


def _date(value: Any, field: str, page: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise PageError(f'{page}, front matter: "{field}" should be a real date written as '
                        f'YYYY-MM-DD, but it is "{value}".') from None


def review_fields(meta: dict, page: str) -> tuple[str, dt.date, dt.date]:
    """The page's owner, last review and next review, or a plain message saying what is missing."""
    missing = [f for f in REQUIRED if not meta.get(f)]
    if missing:
        raise PageError(
            f"{page}, front matter: every page needs {', '.join(REQUIRED)} at the top, between the "
            f"two --- lines. Missing: {', '.join(missing)}. For example:\n---\ntitle: ...\n"
            "owner: Children's Trust Board web team\nlast_reviewed: 2026-11-24\nreview_by: 2027-05-24\n---"
        )
    last = _date(meta["last_reviewed"], "last_reviewed", page)
    due = _date(meta["review_by"], "review_by", page)
    if due < last:
        raise PageError(f'{page}, front matter: "review_by" ({due}) is before "last_reviewed" ({last}).')
    return str(meta["owner"]), last, due


def address(src_uri: str) -> str:
    """A page's web address under the site's root, from its path under docs/: "council/index.md"
    is "council", "trust/people.md" is "trust/people", "index.md" is ""."""
    folder, name = posixpath.split(src_uri)
    path = folder if name in ("index.md", "README.md") else posixpath.join(folder, name[:-3])
    return path.strip("/")


def check_encodings(docs: Path) -> None:
    """Every page is saved as UTF-8 text: otherwise say which page and line, before MkDocs stops
    with a traceback when it reads it."""
    for path in sorted(docs.rglob("*.md")):
        body = path.read_bytes()
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as err:
            line = body[: err.start].count(b"\n") + 1
            raise PageError(
                f"docs/{path.relative_to(docs).as_posix()}, line {line}: the page is not saved as UTF-8 "
                f"text (a character there, byte {body[err.start]:#x}, is in another encoding). Save it "
                "again as UTF-8: in most editors, under Save As or the encoding shown in the status bar."
            ) from None


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's fast parser when present


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    block = text.split("---", 2)[1]
    return yaml.load(block, Loader=_LOADER) or {}


def overdue(root: Path, today: dt.date) -> list[tuple[str, str, dt.date]]:
    """Pages whose review date has passed, oldest first: (page, owner, review_by)."""
    late = []
    for path in sorted((root / "docs").rglob("*.md")):
        page = path.relative_to(root).as_posix()
        owner, _, due = review_fields(front_matter(path), page)
        if due < today:
            late.append((page, owner, due))
    return sorted(late, key=lambda row: row[2])


NEXT = re.compile(r"\{\{\s*where_to_go_next\(")  # a page's "Where to go next" section


def check_service_pages(docs: Path, services: Dataset) -> None:
    """The pages that data/services.yml lists each service on end with "Where to go next"
    ({{ where_to_go_next() }}), and each page that has the section lists at least one service,
    so no link is left out and no section is empty. Raises PageError saying what to do."""
    calls = {}
    for path in sorted(docs.rglob("*.md")):
        found = NEXT.search(path.read_text(encoding="utf-8"))
        if found:
            calls[path.relative_to(docs).as_posix()] = found.string[:found.start()].count("\n") + 1
    problems, listed = [], set()
    for index, service in enumerate(services.records):
        for i, page in enumerate(service.pages):
            listed.add(page)
            if page not in calls and (docs / page).is_file():
                problems.append(
                    f'{services.display}, line {services.line(index, "pages", i)}: record "{service.id}" is '
                    f"listed on docs/{page}, but that page has no \"Where to go next\" section. Add "
                    "{{ where_to_go_next() }} on a line of its own at the end of the page.")
    for page, line in calls.items():
        if page not in listed:
            problems.append(
                f"docs/{page}, line {line}: {{{{ where_to_go_next() }}}} shows the links of "
                f"{services.display} that list this page under \"pages\", and none does. Add "
                f"{page} to the pages of a record there, or take the line out.")
    if problems:
        raise PageError(join_problems(problems))
