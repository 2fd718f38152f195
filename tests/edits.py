"""Edits the tests make to a copy of the project (the `project` fixture), and the message a
broken copy's data gives."""
from pathlib import Path

import pytest

from macros.data.checked import load_checked
from macros.errors import DataError


def replace_in(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace text in a file of the copy; return the line number of the (first) change."""
    body = path.read_text(encoding="utf-8")
    assert old in body, old
    line = body[: body.index(old)].count("\n") + 1
    path.write_text(body.replace(old, new, count), encoding="utf-8")
    return line


def add_line(path: Path, after: str, new: str) -> int:
    """Insert a line after the first line containing `after`; return the new line's number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if after in line) + 1
    lines.insert(index, new)
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


def error_for(project: Path) -> str:
    """The plain message loading the copy's data stops with."""
    with pytest.raises(DataError) as caught:
        load_checked(project)
    return str(caught.value)
