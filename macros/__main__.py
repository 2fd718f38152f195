"""The project's commands, under one entry point (the Makefile's check, review, schemas and find):

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


def macros(argv: list[str]) -> int:
    """Print the officers' list of macros (CONTRIBUTING.md, "The macros you can use")."""
    from macros.views import MACROS
    from macros.views.registry import macro_list
    print(macro_list(MACROS), end="")
    return 0


def zensical(argv: list[str]) -> int:
    """Lay out what Zensical reads before it builds (macros/hooks.py, stage_zensical)."""
    from .hooks import stage_zensical
    try:
        site_dir = argv[argv.index("--site-dir") + 1] if "--site-dir" in argv else None
        stage_zensical(Path.cwd(), site_dir)
    except CyppError as err:
        print(f"{err.heading}\n{err}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str]) -> int:
    from macros.commands import find, review
    from macros.outputs import schema
    commands = {"check": check, "config": config, "review": review.main, "schemas": schema.main, "find": find.main,
                "macros": macros, "zensical": zensical}
    if not argv or argv[0] not in commands:
        print(f"Usage: python -m macros {'|'.join(commands)} [...]\n{__doc__}", file=sys.stderr)
        return 2
    return commands[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
