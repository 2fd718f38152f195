"""The project's commands, under one entry point (the Makefile's check, review, schemas, find and
macros): each is a function here, but for find's search of the documents (macros/commands/find.py).

    python -m macros check [FOLDER]    check every data file against the models and the documents
    python -m macros config [FILE]     check that the site's settings (mkdocs.yml) can be read
    python -m macros review            list the pages past their review date (never fails)
    python -m macros schemas [FOLDER]  make build/schemas/*.schema.json from macros/data/models.py
    python -m macros find WORDS...     the source and passage to cite for these words
    python -m macros macros            the list of macros for CONTRIBUTING.md, from the registry
    python -m macros zensical [--site-dir FOLDER]
                                       lay out what Zensical builds from (zensical.yml, build/zensical/docs)
"""
from __future__ import annotations

import sys
from pathlib import Path

from macros.errors import CyppError, DataError


def check(argv: list[str]) -> int:
    """Check every data file without building the site."""
    from macros.data.checked import load_checked
    root = Path(argv[0]) if argv else Path.cwd()
    try:
        site = load_checked(root)
    except DataError as err:
        print(f"The data has a problem:\n{err}", file=sys.stderr)
        return 1
    count = sum(len(ds.records) for ds in site.sets.values())
    print(f"All {len(site.sets)} data files are fine ({count} records).")
    return 0


def config(argv: list[str]) -> int:
    """Check that the site's settings (mkdocs.yml) can be read, before the site engine reads them."""
    from macros.checks.settings import SETTINGS, read_settings
    try:
        read_settings(Path(argv[0]) if argv else Path.cwd() / "mkdocs.yml")
    except CyppError as err:
        print(f"{SETTINGS}\n{err}", file=sys.stderr)
        return 1
    return 0


def review(argv: list[str]) -> int:
    """List the pages past their review date: a reminder, never a failure."""
    import datetime as dt

    from macros.checks.front_matter import overdue
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
    return 0


def schemas(argv: list[str]) -> int:
    """Make the data files' JSON Schemas (macros/outputs/schema.py), for the editor."""
    from macros.data.models import DATASETS
    from macros.outputs.schema import SCHEMA_DIR, write_schemas
    root = Path(argv[0]) if argv else Path.cwd()
    for path in write_schemas(root):
        print(f"updated {path.relative_to(root).as_posix()}")
    print(f"The schemas of all {len(DATASETS)} data files are up to date in {SCHEMA_DIR}/.")
    return 0


def macros(argv: list[str]) -> int:
    """Print the officers' list of macros (CONTRIBUTING.md, "The macros you can use")."""
    from macros.views import MACROS
    from macros.views.registry import macro_list
    print(macro_list(MACROS), end="")
    return 0


def zensical(argv: list[str]) -> int:
    """Lay out what Zensical reads before it builds (macros/hooks.py, stage_zensical)."""
    from macros.hooks import stage_zensical
    try:
        site_dir = argv[argv.index("--site-dir") + 1] if "--site-dir" in argv else None
        stage_zensical(Path.cwd(), site_dir)
    except CyppError as err:
        print(f"{err.heading}\n{err}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str]) -> int:
    from macros.commands import find
    commands = {"check": check, "config": config, "review": review, "schemas": schemas, "find": find.main,
                "macros": macros, "zensical": zensical}
    if not argv or argv[0] not in commands:
        print(f"Usage: python -m macros {'|'.join(commands)} [...]\n{__doc__}", file=sys.stderr)
        return 2
    return commands[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
