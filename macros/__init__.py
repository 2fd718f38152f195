"""The macros behind the pages: this file only registers them with mkdocs-macros.

Loading and checking the data lives in data.py and loader.py; turning it into Markdown lives in
render.py; checking each page's macros before rendering lives in checks.py.
"""
from pathlib import Path

from mkdocs.exceptions import PluginError

from .checks import check_page
from .data import load_site
from .loader import DataError
from . import opendata
from .pages import check_work_pages, git_dates, review_fields
from .render import Renderer, argument_choices, iter_macros

_state: dict = {}


def define_env(env):
    """Called once per build: load and check all data, then register every macro."""
    try:
        site = load_site(Path(env.project_dir))
    except DataError as err:
        raise PluginError(f"The site was not built, because of a problem in the data:\n{err}") from None
    try:
        check_work_pages(Path(env.conf["docs_dir"]), site.sets["initiatives"])
    except DataError as err:
        raise PluginError("The site was not built, because the council's work in the data and its "
                          f"pages do not match:\n{err}") from None
    open_data = opendata.build(site, env.conf["site_url"] or "")  # the files the data page describes
    renderer = Renderer(site, changed=git_dates(Path(env.project_dir)), open_data=open_data)
    for name, function in iter_macros(renderer):
        env.macro(function, name)
    _state.update(renderer=renderer, choices=argument_choices(site), site=site, open_data=open_data)


def on_pre_page_macros(env):
    """Before a page is rendered: check its macros, and start collecting its source notes."""
    page = env.page
    raw = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    offset = raw[: len(raw) - len(env.markdown)].count("\n") if raw.endswith(env.markdown) else 0
    known = set(env.variables) | set(env.macros) | set(env.env.globals) | set(page.meta)
    name = f"docs/{page.file.src_uri}"
    try:
        check_page(env.markdown, name, offset, env.env, known, Renderer.ARGUMENTS, _state["choices"])
        owner, reviewed, due = review_fields(page.meta, name)
    except DataError as err:
        raise PluginError(f"The site was not built, because of a problem in a page:\n{err}") from None
    updated = _state["renderer"].changed.get(name)
    _state["renderer"].start_page(page.file.src_uri, owner=owner, reviewed=reviewed, due=due,
                                  updated=updated)


def on_post_page_macros(env):
    """After a page is rendered: add its source notes and abbreviations."""
    env.markdown = _state["renderer"].finish_page(env.markdown)


def on_post_build(env):
    """After the pages are written: write the open data files (CSV, JSON, their metadata, the
    meetings calendar and the changes feed), the same bytes whose sizes the data page gives."""
    opendata.write_all(_state["open_data"], Path(env.conf["site_dir"]))
