"""The only module that meets a site engine; everything else in the package works without one.

- MkDocs and ProperDocs (with mkdocs-macros): mkdocs-macros calls `define_env` once a build and the
  page hooks for each page (mkdocs.yml: plugins > macros > module_name: macros); MkDocs calls
  `on_files` (mkdocs.yml: hooks, through mkdocs_hooks.py) to add the records' own pages and the open
  data files, and `on_post_build` checks the links to headings and teaches Material's search the glossary.
- Zensical runs `define_env` once for every page, before it renders the page's macros, and no page
  hooks: `stage_zensical` (python -m macros zensical, which `make build ENGINE=zensical` runs first)
  lays out what it reads instead: zensical.yml (mkdocs.yml with the records' menu entries and the
  package's Markdown extensions) and build/zensical/docs (the pages, the records' own pages and the
  open data files); `define_env` checks and starts each page.

On every engine the page's finish is a Markdown extension (macros/extensions/finish.py), and the data is read
and checked once (`loaded`), kept between pages and between rebuilds while serving, and read
again when a file under data/, sources/ or macros/ changes. The state of one MkDocs build lives
on the plugin's `env` (env.build_state)."""
from __future__ import annotations

import html
import json
import logging
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, Callable

import jinja2

from macros.checks.front_matter import (
    check_encodings,
    check_service_pages,
    markdown_of,
    read_front_matter,
    review_fields,
)
from macros.checks.page_markdown import (
    anchor_problem,
    check_figures,
    check_links,
    check_notes,
    check_page,
    check_snippets,
)
from macros.checks.settings import SETTINGS, check_nav, read_settings
from macros.checks.written_pages import check_written_pages
from macros.data.checked import CheckedData, load_checked
from macros.data.gitdates import git_dates
from macros.data.loader import join_problems
from macros.data.models import Service, Term
from macros.errors import CyppError, PageError
from macros.extensions import finish
from macros.outputs import material_search, opendata
from macros.outputs.opendata import OpenData
from macros.views import MACROS, Build, Macro, Page, choices
from macros.views.record_pages import RecordPage, add_to_menu, menu_entries, record_pages
from macros.views.services import tell_us

if TYPE_CHECKING:  # the package works without MkDocs (python -m macros check): only the build needs these
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def _stop(err: CyppError, heading: str | None = None) -> Exception:
    """The error MkDocs shows: one plain message, no traceback."""
    from mkdocs.exceptions import PluginError
    return PluginError(f"{heading or err.heading}\n{err}")


@dataclass
class Loaded:
    """The data, read and checked once, with what is worked out from it: kept between pages (Zensical
    calls define_env for each) and between rebuilds while serving."""
    stamp: tuple[tuple[str, int, int], ...]  # each file under data/, sources/, macros/: size, time changed
    site: CheckedData
    build: Build
    choices: dict[str, Any]
    open_data: dict[str, OpenData]  # the open data files, by the site's address they are made for
    zensical: BuildState | None = None  # Zensical's state of the build, kept between its pages


_loaded: Loaded | None = None
WATCHED = ("data", "sources", "macros")


def _stamp(root: Path) -> tuple[tuple[str, int, int], ...]:
    return tuple((str(path), stat.st_mtime_ns, stat.st_size)
                 for folder in WATCHED for path in sorted((root / folder).rglob("*"))
                 if "__pycache__" not in path.parts and (stat := path.stat()) and path.is_file())


def loaded(root: Path) -> Loaded:
    """The data of the site in `root`, read and checked again only when a file it comes from has
    changed. Raises CyppError with the plain message."""
    global _loaded
    stamp = _stamp(root)
    if _loaded is None or _loaded.stamp != stamp:
        _loaded = None  # a failed read leaves nothing stale behind
        site = load_checked(root)
        _loaded = Loaded(stamp, site, Build(site, changed=git_dates(root)), choices(site), {})
    return _loaded


def open_data(data: Loaded, site_url: str) -> OpenData:
    """The open data files for the site's address (made once for each address)."""
    if site_url not in data.open_data:
        data.open_data[site_url] = opendata.build(data.site, site_url)
    return data.open_data[site_url]


@dataclass
class BuildState:
    build: Build
    choices: dict[str, Any]
    open_data: OpenData  # the open data files, the calendar and the feed: files of the build
    glossary: list[Term]  # its words are added to the search index after the build
    made: list[RecordPage]  # the records' own pages, added to MkDocs' files (on_files)
    links_from_file: bool = False  # the engine reads a link in raw HTML from the page's file (Zensical)
    line_offset: int = 0  # the lines of the page's front matter, before the Markdown
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


def _bound(state: BuildState, macro: Macro) -> Callable[..., object]:
    """The macro as a page calls it: checked, then given the page being rendered. A mistake in
    the values it is given (which the page check could not see) is kept and said, with its line,
    once the page is rendered: raising it here would end in the engine's traceback."""
    def call(*args: Any, **kwargs: Any) -> object:
        page = finish.Current.page or Page(state.build)
        problem = macro.problem(args, kwargs, state.choices)
        if problem:
            line = _template_line()
            finish.said(page.name + (f", line {line + state.line_offset}" if line else "") + f": {problem}")
            return ""
        page.used.update(macro.shows)
        try:
            return macro.function(page, *args, **kwargs)
        except CyppError as err:  # a mistake in another file the macro reads (a page's front matter)
            finish.said(str(err))
            return ""
    call.__name__, call.__doc__ = macro.name, macro.function.__doc__
    return call


MARKDOWN_EXTENSIONS = ("macros.extensions.finish", "macros.extensions.contents", "macros.extensions.tables")


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


WRITTEN = ("The site was not built, because a page written for a record in the data does not match it:")
SERVICES = ("The site was not built, because the links to other websites in the data and the pages that show "
            "them do not match:")


def _with_heading(err: CyppError, heading: str) -> CyppError:
    err.heading = heading
    return err


def _site_checks(root: Path, docs: Path, config_file: Path, nav: Any) -> tuple[Loaded, list[RecordPage]]:
    """What every engine checks once a build, before any page: the pages' encodings, the data,
    the pages written in place of a record's, the menu and the pages of links to other websites.
    Gives the data and the records' own pages. Raises CyppError, with its heading, saying what is wrong."""
    check_encodings(docs)
    data = loaded(root)
    site = data.site
    try:
        check_written_pages(site, docs)
    except CyppError as err:
        raise _with_heading(err, WRITTEN) from None
    try:  # macros/views/record_pages.py, with the review dates of the pages that list them
        made = record_pages(site, docs)
    except CyppError as err:
        raise _stop(err) from None
    try:  # the menu as mkdocs.yml writes it, before the records' entries are added
        check_nav(config_file, nav, docs, frozenset(page.src_uri for page in made))
    except CyppError as err:
        raise _with_heading(err, SETTINGS) from None
    if nav is not None:
        add_to_menu(nav, menu_entries(site))
    try:
        check_service_pages(docs, site.dataset(Service))
    except CyppError as err:
        raise _with_heading(err, SERVICES) from None
    return data, made


def theme_extra(site: Any) -> dict[str, Any]:
    """What the theme's templates read from the settings' `extra` (they see the settings, not the
    macros): the council websites offered beside "Suggest a change to this page"
    (overrides/main.html) and the open data's licence (overrides/partials/copyright.html)."""
    return {"tell_us": tell_us(site), "licence": {"name": opendata.LICENCE, "url": opendata.LICENCE_URL}}


def define_env(env: Any) -> None:  # mkdocs-macros' plugin, or Zensical's own
    """mkdocs-macros calls this once a build; Zensical once before each page's macros."""
    if type(env).__module__.startswith("zensical"):
        return _zensical_page(env)
    root = Path(env.project_dir)
    # The package's own Markdown extensions: the page's finish (macros/extensions/finish.py), its
    # Contents list (macros/extensions/contents.py) and each table's cells labelled with their
    # column's heading (macros/extensions/tables.py).
    # Added here, not in mkdocs.yml, because MkDocs loads mkdocs.yml's extensions before it can import
    # this package.
    for extension in MARKDOWN_EXTENSIONS:
        if extension not in env.conf["markdown_extensions"]:
            env.conf["markdown_extensions"].append(extension)
    plugins = env.conf["plugins"]
    if _on_serve not in plugins.events["serve"]:  # mkdocs-macros passes no serve event to this module
        plugins.events["serve"].append(_on_serve)
    docs = Path(env.conf["docs_dir"])
    try:
        data, made = _site_checks(root, docs, Path(env.conf["config_file_path"]), env.conf["nav"])
    except CyppError as err:
        raise _stop(err) from None
    env.conf["extra"].update(theme_extra(data.site))
    files = open_data(data, env.conf["site_url"] or "")  # the files the data page describes
    state = BuildState(data.build, data.choices, files, data.site.glossary, made)
    for name, macro in MACROS.items():
        env.macro(_bound(state, macro), name)
    env.build_state = state


def _start_page(state: BuildState, raw: str, markdown: str, offset: int, src_uri: str, jinja: Any,
                known: set[str], macros: set[str], bases: Any, root: Path, docs: Path) -> Any:
    """Check a page's front matter, macros, snippets, links and notes, then start it (the macros and
    the page's finish, macros/extensions/finish.py, work on it). Gives the page's Jinja tree."""
    name = f"docs/{src_uri}"
    meta, lines = read_front_matter(raw, name)
    owner, reviewed, due = review_fields(meta, name, lines)
    tree = check_page(markdown, name, offset, jinja, known, state.choices, MACROS, macros)
    check_snippets(markdown, name, offset, root, [bases] if isinstance(bases, str) else bases)
    check_links(markdown, src_uri, offset, docs,  # the records' own pages and the open data are files too
                frozenset(made.src_uri for made in state.made) | frozenset(state.open_data.files))
    check_notes(markdown, name, offset, state.build.site)
    check_figures(markdown, name, offset)
    made = next((made for made in state.made if made.src_uri == src_uri and not made.written), None)
    state.line_offset = offset
    finish.start(Page(state.build, src_uri, owner=owner, reviewed=reviewed, due=due,
                      updated=state.build.changed.get(made.data_file if made else name),
                      reviewed_with=made.reviewed_with if made else None, open_data=state.open_data,
                      links_from_file=state.links_from_file))
    return tree


def on_pre_page_macros(env: Any) -> None:  # mkdocs-macros' plugin, or Zensical's own
    """Before a page is rendered: check its macros, and start the page."""
    page = env.page
    raw = page.file.content_string
    offset = raw[: len(raw) - len(env.markdown)].count("\n") if raw.endswith(env.markdown) else 0
    known = set(env.variables) | set(env.macros) | set(env.env.globals) | set(page.meta)
    state: BuildState = env.build_state
    bases = env.conf["mdx_configs"].get("pymdownx.snippets", {}).get("base_path", ["."])
    try:
        tree = _start_page(state, raw, env.markdown, offset, page.file.src_uri, env.env, known, set(env.macros),
                           bases, Path(env.project_dir), Path(env.conf["docs_dir"]))
    except CyppError as err:
        raise _stop(err) from None
    state.parsed = (env.markdown, tree)
    _parse_once(env.env, state)


def on_post_page_macros(env: Any) -> None:  # mkdocs-macros' plugin, or Zensical's own
    """After a page's macros are rendered: a mistake in their values stops the build with its message
    here, as MkDocs says a plugin's error (the page's finish, macros/extensions/finish.py, says it on other engines)."""
    problem = finish.take_problem()
    if problem:
        raise _stop(PageError(problem))


def check_anchors(files: Any) -> None:
    """Every link to a heading of a page ("page.md#heading") goes to a heading that page has, once
    built (so headings made by macros count): named with the line that writes it and the heading
    meant. mkdocs.yml sets MkDocs' own check of these to "info", to say it once, here."""
    problems = []
    for file in files.documentation_pages() if files is not None else []:
        page = file.page
        for target, links in (page.links_to_anchors or {}).items():
            present = target.page.present_anchor_ids if target.page is not None else None
            if present is None:  # a page MkDocs did not render: its headings are not known
                continue
            for anchor, link in links.items():
                if anchor not in present:
                    raw = Path(file.abs_src_path).read_text(encoding="utf-8")
                    problems.append(anchor_problem(raw, file.src_uri, link if "#" in link else f"#{anchor}",
                                                   target.src_uri, present))
    if problems:
        raise PageError(join_problems(problems))


def on_post_build(env: Any) -> None:  # mkdocs-macros' plugin, or Zensical's own
    """After the pages are written: check the links to headings, and teach Material's search index
    (written just before, by the search plugin) the glossary's words."""
    try:
        check_anchors(env.variables.get("files"))
    except CyppError as err:
        raise _stop(err) from None
    material_search.teach(Path(env.conf["site_dir"]), env.build_state.glossary)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """MkDocs' own event (mkdocs.yml: hooks, through macros/mkdocs_hooks.py), after it gathers the
    pages in docs/: add each record's own page that docs/ does not have a file for, and the open data
    files (CSV, JSON, their metadata, the meetings calendar and the changes feed: the same bytes whose
    sizes the data page gives), which a page can then link to as to any file."""
    from mkdocs.structure.files import File
    state = getattr(config.plugins["macros"], "build_state", None)  # define_env keeps it there
    if not isinstance(state, BuildState):
        raise RuntimeError("MkDocs gathered the pages before mkdocs-macros' define_env ran")
    for made in state.made:
        if not made.written:
            files.append(File.generated(config, made.src_uri, content=made.markdown))
    for path, body in state.open_data.files.items():
        files.append(File.generated(config, path, content=body))
    return files


# Zensical ------------------------------------------------------------------------------------------

ZENSICAL_CONFIG = "zensical.yml"  # made by stage_zensical, beside mkdocs.yml (Zensical's root is its folder)
ZENSICAL_DOCS = "build/zensical/docs"
ZENSICAL_THEME = "build/zensical/overrides"
# Overrides for Material only: base.html is Material's whole page, with Material's own stylesheets and
# scripts; search.html and search-help.html are Material's search box, which Zensical's search is not.
MATERIAL_ONLY = ("base.html", "partials/search.html", "partials/search-help.html")


def _link_all(folder: Path, to: Path, leave_out: tuple[str, ...] = ()) -> None:
    """`to` made anew with a link to each file in `folder`, so that a file edited while serving is
    read as it is now."""
    shutil.rmtree(to, ignore_errors=True)
    for path in folder.rglob("*"):
        name = path.relative_to(folder)
        if path.is_file() and name.as_posix() not in leave_out:
            (to / name).parent.mkdir(parents=True, exist_ok=True)
            (to / name).symlink_to(path.resolve())


def stage_zensical(root: Path, site_dir: str | None = None) -> None:
    """What Zensical reads, laid out before it builds (it has no event to add pages or files, and
    reads its menu and Markdown extensions before any of the package's code runs): zensical.yml
    (mkdocs.yml with the records' menu entries, the package's Markdown extensions and the theme's
    extra values) and build/zensical/docs (each page of docs/ linked, the records' own pages, and
    the open data files, which Zensical copies as they are). Raises CyppError."""
    config_file = root / "mkdocs.yml"
    config = read_settings(config_file)
    docs = root / config.get("docs_dir", "docs")
    data, made = _site_checks(root, docs, config_file, config.get("nav"))
    staged = root / ZENSICAL_DOCS
    _link_all(docs, staged)
    theme = config["theme"]
    if theme.get("custom_dir"):
        _link_all(root / theme["custom_dir"], root / ZENSICAL_THEME, leave_out=MATERIAL_ONLY)
        theme["custom_dir"] = ZENSICAL_THEME
    for page in made:
        if not page.written:
            (staged / page.src_uri).parent.mkdir(parents=True, exist_ok=True)
            (staged / page.src_uri).write_text(page.markdown, encoding="utf-8")
    opendata.write_all(open_data(data, config.get("site_url") or ""), staged)
    config["docs_dir"] = ZENSICAL_DOCS
    if site_dir:
        config["site_dir"] = str(Path(site_dir).resolve())
    config["markdown_extensions"] = [*config.get("markdown_extensions", []), *MARKDOWN_EXTENSIONS]
    config["extra"] = {**(config.get("extra") or {}), **theme_extra(data.site)}
    config.pop("hooks", None)  # MkDocs' own events: the staging above does their work
    config["watch"] = [*config.get("watch", []), "docs"]
    theme["variant"] = "classic"  # Material's look, not Zensical's own
    header = "# Made by `python -m macros zensical` from mkdocs.yml: change that, not this.\n"
    (root / ZENSICAL_CONFIG).write_text(header + json.dumps(config, ensure_ascii=False, indent=1) + "\n",
                                        encoding="utf-8")


def _zensical_page(env: Any) -> None:
    """Zensical calls define_env before each page's macros, with the page: register the macros and
    check and start the page, with the data read once (`loaded`)."""
    root = Path(env.project_dir)
    docs = root / env.conf.get("docs_dir", ZENSICAL_DOCS)
    try:
        data = loaded(root)
    except CyppError as err:
        print(f"{err.heading}\n{err}", file=sys.stderr)
        raise
    if data.zensical is None:  # Zensical reads a link in raw HTML from the page's file
        data.zensical = BuildState(data.build, data.choices, open_data(data, env.conf.get("site_url") or ""),
                                   data.site.glossary, record_pages(data.site, root / "docs"), links_from_file=True)
    state = data.zensical
    for name, macro in MACROS.items():
        env.macro(_bound(state, macro), name)
    page = env.page
    if page is None:
        return
    raw = (docs / page.path).read_text(encoding="utf-8")
    markdown, offset = markdown_of(raw)
    jinja = jinja2.Environment()
    known = set(env.variables) | set(env.macros) | set(jinja.globals) | set(page.meta)
    bases = env.conf.get("mdx_configs", {}).get("pymdownx.snippets", {}).get("base_path", ["."])
    try:
        _start_page(state, raw, markdown, offset, page.path, jinja, known, set(env.macros), bases, root, docs)
    except CyppError as err:  # said plainly first: Zensical follows it with the traceback of its call
        print(f"{err.heading}\n{err}", file=sys.stderr)
        raise
