"""The pages under docs/: who owns each and when it is due for review (its front matter), which
pages are overdue, and that every page can be read (UTF-8).

Every page starts with front matter like:

    ---
    title: Meetings
    owner: Children's Trust Board web team
    last_reviewed: 2026-11-24
    review_by: 2027-05-24
    ---

`python -m macros review` (or `make review`) lists the pages whose review date has passed.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from macros.data.loader import Dataset, Lines, join_problems, parse_yaml
from macros.data.macro_calls import macro_calls
from macros.data.models import Service
from macros.errors import PageError

REQUIRED = ("owner", "last_reviewed", "review_by")


def _date(value: Any, field: str, page: str, line: int) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise PageError(f'{page}, line {line}: "{field}" should be a real date written as YYYY-MM-DD, '
                        f'but it is "{value}", which is not a date in the calendar.') from None


EXAMPLE = ("---\ntitle: ...\nowner: Children's Trust Board web team\nlast_reviewed: 2026-11-24\n"
           "review_by: 2027-05-24\n---")


def _closing_line(lines: list[str]) -> int | None:
    """The line (counted from 0) of the --- or ... that closes front matter begun on the first line."""
    return next((i for i, line in enumerate(lines[1:], start=1) if line.rstrip() in ("---", "...")), None)


def markdown_of(text: str) -> tuple[str, int]:
    """A page's Markdown without its front matter, and how many lines come before it."""
    lines = text.split("\n")
    end = _closing_line(lines) if lines[0].rstrip() == "---" else None
    start = 0 if end is None else end + 1
    return "\n".join(lines[start:]), start


def read_front_matter(text: str, page: str) -> tuple[dict[str, Any], Lines]:
    """A page's front matter (dates left as text) and the line of each field. A page without
    front matter has none; a mistake in it raises PageError naming the line: no closing ---, or
    YAML that cannot be read (MkDocs would drop it, and say only that fields are missing)."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return {}, {}
    end = _closing_line(lines)
    blank = next((i for i, line in enumerate(lines[1:], start=1) if not line.strip()), None)
    if end is None or (blank is not None and blank < end):
        where = blank if blank is not None else len(lines)
        raise PageError(f"{page}, line {where + 1}: the front matter starts with --- on line 1, but has no "
                        f"--- line to close it before the page's text. Add a line --- after its last field "
                        f"(line {where}). For example:\n{EXAMPLE}")
    meta, at = parse_yaml("\n".join(lines[1:end]), page, first=2, error=PageError)
    if meta is None:
        return {}, {}
    if not isinstance(meta, dict):
        raise PageError(f"{page}, line 2: the front matter should be 'name: value' lines, between the two "
                        f"--- lines. For example:\n{EXAMPLE}")
    return meta, at


def review_fields(meta: dict[str, Any], page: str, lines: Lines | None = None) -> tuple[str, dt.date, dt.date]:
    """The page's owner, last review and next review, or a plain message saying what is missing
    (`lines`: the line of each field, from read_front_matter)."""
    lines = lines or {}
    missing = [f for f in REQUIRED if not meta.get(f)]
    if missing:
        raise PageError(
            f"{page}, front matter: every page needs {', '.join(REQUIRED)} at the top, between the "
            f"two --- lines. Missing: {', '.join(missing)}. For example:\n{EXAMPLE}"
        )
    last = _date(meta["last_reviewed"], "last_reviewed", page, lines.get(("last_reviewed",), 1))
    due = _date(meta["review_by"], "review_by", page, lines.get(("review_by",), 1))
    if due < last:
        raise PageError(f'{page}, line {lines.get(("review_by",), 1)}: "review_by" ({due}) is before '
                        f'"last_reviewed" ({last}).')
    return str(meta["owner"]), last, due


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


def front_matter(path: Path, page: str | None = None) -> dict[str, Any]:
    """The front matter of the page at `path` (`page`: as a message names it)."""
    parts = path.parts
    named = "/".join(parts[len(parts) - 1 - parts[::-1].index("docs"):]) if "docs" in parts else path.as_posix()
    return read_front_matter(path.read_text(encoding="utf-8"), page or named)[0]


def overdue(root: Path, today: dt.date) -> list[tuple[str, str, dt.date]]:
    """Pages whose review date has passed, oldest first: (page, owner, review_by)."""
    late = []
    for path in sorted((root / "docs").rglob("*.md")):
        page = path.relative_to(root).as_posix()
        meta, lines = read_front_matter(path.read_text(encoding="utf-8"), page)
        owner, _, due = review_fields(meta, page, lines)
        if due < today:
            late.append((page, owner, due))
    return sorted(late, key=lambda row: row[2])


def check_service_pages(docs: Path, services: Dataset[Service]) -> None:
    """The pages that data/services.yml lists each service on end with "Where to go next"
    ({{ where_to_go_next() }}), and each page that has the section lists at least one service,
    so no link is left out and no section is empty. Raises PageError saying what to do."""
    calls = {}
    for path in sorted(docs.rglob("*.md")):
        found = next(macro_calls(path.read_text(encoding="utf-8"), "where_to_go_next"), None)
        if found:
            calls[path.relative_to(docs).as_posix()] = found.line
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
