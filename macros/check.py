"""`python -m macros.check`: check every data file without building the site."""
import sys
from pathlib import Path

from .data import load_site
from .loader import DataError


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    try:
        site = load_site(root)
    except DataError as err:
        print(f"The data has a problem:\n{err}", file=sys.stderr)
        return 1
    count = sum(len(ds.records) for ds in site.sets.values())
    print(f"All {len(site.sets)} data files are fine ({count} records).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
