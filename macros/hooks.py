"""The only module that meets MkDocs: mkdocs-macros calls `define_env` once a build and the page
hooks for each page (mkdocs.yml: plugins > macros > module_name: macros), and MkDocs calls
`on_files` (mkdocs.yml: hooks, through mkdocs_hooks.py). Everything else in the package works
without MkDocs, so a change of site engine touches this module only.

The build's state lives on the plugin's `env` (env.build_state), not in this module."""
from __future__ import annotations

import gc
import html
import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, Callable, Iterator

import yaml

from macros.checks.front_matter import check_encodings, check_service_pages, read_front_matter, review_fields
from macros.checks.page_markdown import (
    anchor_problem,
    check_figures,
    check_links,
    check_notes,
    check_page,
    check_snippets,
)
from macros.data.gitdates import git_dates
from macros.data.loader import join_problems, yaml_problem
from macros.data.models import Service, Term
from macros.data.site import load_site
from macros.errors import CyppError, PageError
from macros.outputs import material_search, opendata
from macros.views import MACROS, Build, Macro, Page, choices
from macros.views.record_pages import RecordPage, add_to_menu, check_written_pages, menu_entries, record_pages
from macros.views.registry import suggest
from macros.views.services import tell_us

if TYPE_CHECKING:  # the package works without MkDocs (python -m macros check): only the build needs these
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs_macros.plugin import MacrosPlugin


def _stop(err: CyppError, heading: str | None = None) -> Exception:
    """The error MkDocs shows: one plain message, no traceback."""
    from mkdocs.exceptions import PluginError
    return PluginError(f"{heading or err.heading}\n{err}")


@dataclass
class BuildState:
    build: Build | None  # None once the last page is rendered
    choices: dict[str, Any]
    open_data: opendata.OpenData  # the open data files, written after the build
    glossary: list[Term]  # its words are added to the search index after the build
    made: list[RecordPage]  # the records' own pages, added to MkDocs' files (on_files)
    page: Page | None = None
    line_offset: int = 0  # the lines of the page's front matter, before the Markdown
    problem: str | None = None  # a mistake in a macro's arguments, said when the page is rendered
    parsed: tuple[str, Any] | None = None  # the page's Markdown and its Jinja tree, from the check
    jinja: Any = None  # mkdocs-macros' Jinja environment, once it renders the checked trees


def _parse_once(jinja: Any, state: BuildState) -> None:
    """mkdocs-macros renders a page with jinja.from_string(markdown), which parses it again after
    the page check has: given the Markdown the check parsed, it compiles the check's tree.
    (mkdocs-macros makes its environment after define_env, so the first page sets this up.)"""
    if state.jinja is jinja:
        return
    state.jinja, from_string = jinja, jinja.from_string

    def compile_checked(source: str | jinja2.nodes.Template, *args: Any, **kwargs: Any) -> jinja2.Template:
        if state.parsed is not None and isinstance(source, str) and source == state.parsed[0]:
            source, state.parsed = state.parsed[1], None
        template: jinja2.Template = from_string(source, *args, **kwargs)
        return template
    jinja.from_string = compile_checked


def _template_line() -> int | None:
    """The line of the page (counted in its Markdown) whose macro is being called."""
    frame: FrameType | None = sys._getframe(2)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            return int(template.get_corresponding_lineno(frame.f_lineno))
        frame = frame.f_back
    return None


def _build(state: BuildState) -> Build:
    """The build's data, while its pages are rendered."""
    if state.build is None:
        raise RuntimeError("a page was rendered after the last page: the build's data is gone")
    return state.build


def _state(plugin: object) -> BuildState:
    """The build's state, which define_env keeps on mkdocs-macros' plugin."""
    state = getattr(plugin, "build_state", None)
    if not isinstance(state, BuildState):
        raise RuntimeError("mkdocs-macros called a page event before define_env")
    return state


def _bound(state: BuildState, macro: Macro) -> Callable[..., object]:
    """The macro as a page calls it: checked, then given the page being rendered. A mistake in
    the values it is given (which the page check could not see) is kept and said, with its line,
    once the page is rendered: raising it here would end in mkdocs-macros' traceback."""
    def call(*args: Any, **kwargs: Any) -> object:
        page = state.page or Page(_build(state))
        problem = macro.problem(args, kwargs, state.choices)
        if problem:
            line = _template_line()
            where = page.name + (f", line {line + state.line_offset}" if line else "")
            state.problem = state.problem or f"{where}: {problem}"
            return ""
        page.used.update(macro.shows)
        try:
            return macro.function(page, *args, **kwargs)
        except CyppError as err:  # a mistake in another file the macro reads (a page's front matter)
            state.problem = state.problem or str(err)
            return ""
    call.__name__, call.__doc__ = macro.name, macro.function.__doc__
    return call


MARKDOWN_EXTENSIONS = ("macros.extensions.contents", "macros.extensions.tables")
SETTINGS = "The site was not built, because of a problem in its settings (mkdocs.yml):"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as YAML, whatever MkDocs' own tags (!ENV) hold."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def check_config(path: Path) -> None:
    """mkdocs.yml can be read: MkDocs would answer a mistake in it with PyYAML's own words, before
    any of this module runs (the Makefile runs this first: python -m macros config)."""
    text = path.read_text(encoding="utf-8")
    try:
        yaml.load(text, Loader=_ConfigLoader)
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


PROBLEM_PAGE = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Problem: the site was not built</title>
<style>body{{font:19px/1.4 system-ui,sans-serif;margin:0 auto;max-width:60em;padding:1em;color:#0b0c0c}}
.summary{{border:5px solid #d4351c;padding:1em}} h1{{font-size:1.6em;margin-top:0}}
pre{{white-space:pre-wrap;overflow-wrap:anywhere;font:inherit}}</style></head>
<body><main><div class="summary" role="alert"><h1>The site was not built</h1>
<p>This preview shows the problem instead of the page. Put it right and save the file: this page
reloads by itself when the site is built again.</p>
<pre>{problem}</pre></div></main>
<script>/* reload once the site builds again: the page is then no longer this one */
setInterval(function () {{ fetch(location.href, {{cache: "no-store"}}).then(function (r) {{ return r.text(); }})
  .then(function (t) {{ if (t.indexOf("<title>Problem: the site was not built</title>") < 0) location.reload(); }})
  .catch(function () {{}}); }}, 2000);</script></body></html>
"""


class _Said(logging.Handler):
    """What MkDocs and the site's checks say (warnings and errors) during one build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.said: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.said.append(record.getMessage())


def _on_serve(server: Any, config: Any, builder: Callable[[], None]) -> Any:
    """While `mkdocs serve` runs, a rebuild that fails shows its message in the browser, on every
    page, instead of a page that never loads (MkDocs waits for a good build before it answers):
    each page of the preview becomes the message, and reloads by itself once the site builds."""
    build = server.builder

    def build_or_show() -> None:
        said, log = _Said(), logging.getLogger("mkdocs")
        log.addHandler(said)
        try:
            build()
        except Exception as err:  # the build stopped: MkDocs has said why, or the error it stopped on does
            causes, cause = [], err.__context__  # (MkDocs says a message only once, so it may not say it again)
            while cause is not None:
                causes.append(str(cause))
                cause = None if cause.__suppress_context__ else cause.__context__
            problem = "\n\n".join(dict.fromkeys(said.said + causes)) or str(err)
            root = Path(server.root)
            page = PROBLEM_PAGE.format(problem=html.escape(problem, quote=False)).encode("utf-8")
            for path in [*root.rglob("*.html"), root / "404.html"]:  # 404.html: pages not yet written
                path.write_bytes(page)
        finally:
            log.removeHandler(said)
    server.builder = build_or_show
    return server


def define_env(env: MacrosPlugin) -> None:
    """Called once per build: load and check all data, then register every macro."""
    root = Path(env.project_dir)
    # The package's own Markdown extensions: each page's Contents list (macros/extensions/contents.py) and each
    # table's cells labelled with their column's heading (macros/extensions/tables.py). Added here, not in
    # mkdocs.yml, because MkDocs loads mkdocs.yml's extensions before it can import this package.
    for extension in MARKDOWN_EXTENSIONS:
        if extension not in env.conf["markdown_extensions"]:
            env.conf["markdown_extensions"].append(extension)
    plugins = env.conf["plugins"]
    if _on_serve not in plugins.events["serve"]:  # mkdocs-macros passes no serve event to this module
        plugins.events["serve"].append(_on_serve)
    try:
        check_encodings(Path(env.conf["docs_dir"]))
        site = load_site(root)
    except CyppError as err:
        raise _stop(err) from None
    docs = Path(env.conf["docs_dir"])
    try:
        check_written_pages(site, docs)
    except CyppError as err:
        raise _stop(err, "The site was not built, because a page written for a record in the data does "
                         "not match it:") from None
    # Each record's own pages (macros/views/record_pages.py): their menu entries now, their files when MkDocs
    # gathers the pages (on_files, below).
    try:  # made with the review dates of the pages that list them
        made = record_pages(site, docs)
    except CyppError as err:
        raise _stop(err) from None
    try:  # the menu as mkdocs.yml writes it, before the records' entries are added
        check_nav(Path(env.conf["config_file_path"]), env.conf["nav"], docs,
                  frozenset(page.src_uri for page in made))
    except CyppError as err:
        raise _stop(err, SETTINGS) from None
    if env.conf["nav"] is not None:
        add_to_menu(env.conf["nav"], menu_entries(site))
    try:
        check_service_pages(docs, site.dataset(Service))
    except CyppError as err:
        raise _stop(err, "The site was not built, because the links to other websites in the data "
                         "and the pages that show them do not match:") from None
    # overrides/main.html offers these beside "Suggest a change to this page" (theme templates
    # see the config, not the macros).
    env.conf["extra"]["tell_us"] = tell_us(site)
    open_data = opendata.build(site, env.conf["site_url"] or "")  # the files the data page describes
    # The footer's licence statement (overrides/partials/copyright.html): the open data's licence.
    env.conf["extra"]["licence"] = {"name": opendata.LICENCE, "url": opendata.LICENCE_URL}
    state = BuildState(Build(site, changed=git_dates(root), open_data=open_data), choices(site), open_data,
                       site.glossary, made)
    for name, macro in MACROS.items():
        env.macro(_bound(state, macro), name)
    setattr(env, "build_state", state)  # noqa: B010 (mkdocs-macros' plugin has no place of its own for it)


def on_pre_page_macros(env: MacrosPlugin) -> None:
    """Before a page is rendered: check its macros, and start its page context."""
    page = env.page
    raw = page.file.content_string
    offset = raw[: len(raw) - len(env.markdown)].count("\n") if raw.endswith(env.markdown) else 0
    known = set(env.variables) | set(env.macros) | set(env.env.globals) | set(page.meta)
    name = f"docs/{page.file.src_uri}"
    state = _state(env)
    try:
        meta, lines = read_front_matter(raw, name)
        owner, reviewed, due = review_fields(meta, name, lines)
        tree = check_page(env.markdown, name, offset, env.env, known, state.choices, set(env.macros))
        bases = env.conf["mdx_configs"].get("pymdownx.snippets", {}).get("base_path", ["."])
        check_snippets(env.markdown, name, offset, Path(env.project_dir),
                       [bases] if isinstance(bases, str) else bases)
        check_links(env.markdown, page.file.src_uri, offset, Path(env.conf["docs_dir"]),
                    frozenset(made.src_uri for made in state.made))
        check_notes(env.markdown, name, offset, _build(state).site)
        check_figures(env.markdown, name, offset)
    except CyppError as err:
        raise _stop(err) from None
    state.line_offset, state.problem, state.parsed = offset, None, (env.markdown, tree)
    _parse_once(env.env, state)
    made = next((made for made in state.made if made.src_uri == page.file.src_uri and not made.written), None)
    build = _build(state)
    state.page = Page(build, page.file.src_uri, owner=owner, reviewed=reviewed, due=due,
                      updated=build.changed.get(made.data_file if made else name),
                      reviewed_with=made.reviewed_with if made else None)


def on_post_page_macros(env: MacrosPlugin) -> None:
    """After a page is rendered: add its source notes, abbreviations and owner. After the last
    page, let go of the build's data, which MkDocs' own work on the pages no longer needs."""
    state = _state(env)
    if state.problem:
        raise _stop(PageError(state.problem))
    if state.page is None:
        raise RuntimeError("a page was finished before it started (on_pre_page_macros)")
    env.markdown = state.page.finish(env.markdown)
    files = env.variables.get("files")
    pages = files.documentation_pages(inclusion=lambda _level: True) if files is not None else []
    if pages and env.page.file is pages[-1]:  # MkDocs reads the pages in this order
        state.build, state.page, state.choices, state.parsed = None, None, {}, None
        gc.collect()  # the records, documents and indexes: their memory serves MkDocs' pages now


def check_anchors(files: Any) -> None:
    """Every link to a heading of a page ("page.md#heading") goes to a heading that page has, once
    built (so headings made by macros count): named with the line that writes it and the heading
    meant. mkdocs.yml sets MkDocs' own check of these to "info", to say it once, here."""
    problems = []
    for file in files.documentation_pages() if files is not None else []:
        page = file.page
        for target, links in (getattr(page, "links_to_anchors", None) or {}).items():
            present = getattr(target.page, "present_anchor_ids", None)
            if present is None:
                continue
            for anchor, link in links.items():
                if anchor not in present:
                    raw = Path(file.abs_src_path).read_text(encoding="utf-8")
                    problems.append(anchor_problem(raw, file.src_uri, link if "#" in link else f"#{anchor}",
                                                   target.src_uri, present))
    if problems:
        raise PageError(join_problems(problems))


def on_post_build(env: MacrosPlugin) -> None:
    """After the pages are written: check the links to headings; write the open data files (CSV,
    JSON, their metadata, the meetings calendar and the changes feed), the same bytes whose sizes
    the data page gives; and teach the search index (written just before, by the search plugin)
    the glossary's words."""
    try:
        check_anchors(env.variables.get("files"))
    except CyppError as err:
        raise _stop(err) from None
    state = _state(env)
    opendata.write_all(state.open_data, Path(env.conf["site_dir"]))
    material_search.teach(Path(env.conf["site_dir"]), state.glossary)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """MkDocs' own event (mkdocs.yml: hooks, through macros/mkdocs_hooks.py), after it gathers the
    pages in docs/: add each record's own page that docs/ does not have a file for."""
    from mkdocs.structure.files import File
    state = _state(config.plugins["macros"])
    for made in state.made:
        if not made.written:
            files.append(File.generated(config, made.src_uri, content=made.markdown))
    return files
