"""When each page and data file last changed, from git (for "Last updated" and the data page)."""
from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def git_dates(root: Path) -> dict[str, dt.date]:
    """When each file was last changed, from one call to git for the whole build: newest first,
    so the first date seen for a path is its last change. Empty if git does not know."""
    try:
        out = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only", "--", "docs", "data"],
                             cwd=root, capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, dt.date] = {}
    for entry in out.split("\x00")[1:]:
        lines = [line for line in entry.splitlines() if line.strip()]
        if not lines:
            continue
        try:
            day = dt.date.fromisoformat(lines[0])
        except ValueError:
            continue
        for path in lines[1:]:
            dates.setdefault(path, day)
    return dates
