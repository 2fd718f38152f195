"""`python -m macros review` (or `make review`): list the pages past their review date."""
import datetime as dt
from pathlib import Path

from macros.checks.front_matter import overdue
from macros.errors import CyppError


def main(argv: list[str]) -> int:
    today = dt.date.today()
    try:
        late = overdue(Path.cwd(), today)
    except CyppError as err:
        print(err)
        return 0
    if not late:
        print(f"No page is past its review date ({today}).")
    else:
        print(f"{len(late)} page(s) past their review date ({today}):")
        for page, owner, due in late:
            print(f"  {page}: due {due}, owner {owner}")
    return 0  # a reminder, never a failure
