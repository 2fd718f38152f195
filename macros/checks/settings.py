"""The site's settings (mkdocs.yml): read as YAML, and its menu (nav) checked against the pages.
Every engine reads the same file: MkDocs and ProperDocs directly, Zensical through the copy
macros/hooks.py makes of it (zensical.yml)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterator

import yaml

from macros.data.loader import join_problems, yaml_problem
from macros.errors import PageError, suggest

SETTINGS = "The site was not built, because of a problem in its settings (mkdocs.yml):"


class _SettingsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does: !ENV [NAME, default] is the environment's NAME, or the
    default; any other tag of MkDocs' (or a plugin's) is read as nothing."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    names = (loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode)
             else [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else [])
    *names, default = names if len(names) > 1 else [*names, None]
    return next((os.environ[name] for name in names if name in os.environ), default)


_SettingsLoader.add_constructor("!ENV", _env_tag)
_SettingsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_settings(path: Path) -> Any:
    """mkdocs.yml's settings. Raises PageError naming the line when it is not YAML: MkDocs would
    answer that with PyYAML's own words (the Makefile reads it first: python -m macros config)."""
    text = path.read_text(encoding="utf-8")
    try:
        return yaml.load(text, Loader=_SettingsLoader)
    except yaml.MarkedYAMLError as err:
        raise PageError(yaml_problem(err, text, path.name)) from None


def _nav_pages(nav: Any) -> Iterator[str]:
    """Every page the menu (nav) lists, as its path under docs/."""
    for item in nav if isinstance(nav, list) else [nav]:
        if isinstance(item, dict):
            for value in item.values():
                yield from _nav_pages(value)
        elif isinstance(item, str) and "://" not in item:
            yield item


def check_nav(config_file: Path, nav: Any, docs: Path, made: frozenset[str] = frozenset()) -> None:
    """Every page the menu lists is a page under docs/ (or `made` from a record), named with its
    line in mkdocs.yml."""
    lines = config_file.read_text(encoding="utf-8").split("\n")
    start = next((i for i, line in enumerate(lines) if line.startswith("nav:")), 0)
    problems = []
    for page in _nav_pages(nav or []):
        if (docs / page).is_file() or page in made:
            continue
        number = next((i + 1 for i in range(start, len(lines)) if page in lines[i]), start + 1)
        known = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
        problems.append(
            f'{config_file.name}, line {number}: the menu (nav) lists the page "{page}", and there is no '
            f"docs/{page}.{suggest(page.rsplit(' ', 1)[-1], known)} Each line of the menu is written "
            "- Title: folder/page.md, with the page's path under docs/ after the colon and a space.")
    if problems:
        raise PageError(join_problems(problems))
