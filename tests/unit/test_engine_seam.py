"""The seam with the site engines (macros/hooks.py), driven as the engines drive it, with stand-ins
for what they pass in: mkdocs-macros' `env`, Zensical's, MkDocs' settings and files. No build and no
Zensical: what an officer or a resident would see from each hook, in well under a second.
(The real builds run the same hooks in tests/build/; the preview's problem page and the menu's
own check are in test_mistakes.py.) The module shares one copy of the project, read once."""
from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import logging
import re
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import markdown
import pytest
from conftest import ROOT, copy_project
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.utils.meta import get_data
from mkdocs_macros.plugin import MacrosPlugin

from macros import hooks
from macros.addresses import address
from macros.checks.settings import read_settings
from macros.data.models import Figure
from macros.errors import DataError, PageError
from macros.extensions import finish
from macros.outputs import opendata
from macros.outputs.material_search import INDEX
from macros.views import MACROS

FRONT = """---
title: A page of the site
owner: Children's Trust Board web team
last_reviewed: 2026-11-25
review_by: 2027-05-25
---

# A page of the site

"""


def settings(project: Path) -> dict[str, Any]:
    """mkdocs.yml's settings as MkDocs hands them on: each Markdown extension by name, its options apart."""
    config = read_settings(project / "mkdocs.yml")
    extensions = config["markdown_extensions"]
    config["markdown_extensions"] = [e if isinstance(e, str) else next(iter(e)) for e in extensions]
    config["mdx_configs"] = {name: options for e in extensions if isinstance(e, dict) for name, options in e.items()}
    return config


class MacrosEnv:
    """mkdocs-macros' plugin (mkdocs_macros/plugin.py) as define_env and the page hooks see it: the
    settings, the macros, the page being rendered and its Markdown, its Jinja environment; and its
    own `render`, the real one, run on this stand-in."""

    def __init__(self, project: Path):
        config = settings(project)
        self.project_dir = str(project)
        self.conf = {**config, "plugins": SimpleNamespace(events={"serve": []}), "docs_dir": str(project / "docs"),
                     "config_file_path": str(project / "mkdocs.yml"), "extra": dict(config.get("extra") or {}),
                     "site_dir": str(project / "site")}
        self.config = {"render_by_default": True, "on_error_fail": True}  # mkdocs.yml: plugins > macros
        self.macros: dict[str, Any] = {}
        self.variables: dict[str, Any] = {}
        self.env = jinja2.Environment(undefined=jinja2.StrictUndefined)  # on_undefined: strict

    def macro(self, function, name=""):
        self.macros[name or function.__name__] = function
        return function

    def start(self) -> MacrosEnv:
        """on_config: the module's define_env, then the macros made the Jinja environment's."""
        hooks.define_env(self)
        self.env.globals.update(self.macros)
        return self

    def render(self, src_uri: str, raw: str) -> str:
        """on_page_markdown: the page's Markdown as MkDocs reads it, the hooks before, the render,
        the hooks after; then the page as a resident gets it (Markdown with the package's extensions)."""
        self.markdown, meta = get_data(raw)
        self.page = SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, src_path=src_uri, content_string=raw),
                                    meta=meta)
        self.variables["page"] = self.page
        hooks.on_pre_page_macros(self)
        self.markdown = MacrosPlugin.render(self, self.markdown)
        hooks.on_post_page_macros(self)
        return to_html(self.markdown)


def to_html(text: str) -> str:
    return markdown.Markdown(extensions=[*hooks.MARKDOWN_EXTENSIONS, "attr_list", "md_in_html"]).convert(text)


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    """One copy of the project for the module: a test that changes a file puts it back (`write`)."""
    return copy_project(tmp_path_factory.mktemp("seam") / "project")


@pytest.fixture(scope="module")
def env(copy) -> MacrosEnv:
    return MacrosEnv(copy).start()


@pytest.fixture
def write(copy):
    """Write a file in the copy; it is put back as it was after the test."""
    saved: dict[Path, bytes | None] = {}

    def write(path: str, text: str) -> Path:
        file = copy / path
        saved.setdefault(file, file.read_bytes() if file.exists() else None)
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
        return file
    yield write
    for file, body in saved.items():
        file.unlink() if body is None else file.write_bytes(body)


@pytest.fixture(autouse=True)
def no_page_left_started():
    yield
    finish.start(None)


def plain(stopped: pytest.ExceptionInfo[PluginError]) -> str:
    """What MkDocs says for a plugin's error: its message alone, with no error behind it to trace."""
    err = stopped.value
    assert err.__cause__ is None and (err.__context__ is None or err.__suppress_context__)
    return str(err)


def menu_pages(nav: Any) -> set[str]:
    if isinstance(nav, str):
        return {nav}
    items = nav.values() if isinstance(nav, dict) else nav
    return set().union(*(menu_pages(item) for item in items))


def figure_page(env: MacrosEnv) -> tuple[Figure, str]:
    figure = env.build_state.build.site.figures[0]
    return figure, FRONT + f'Some words.\n{{{{ figure("{figure.id}") }}}}\n'


# MkDocs, with mkdocs-macros ------------------------------------------------------------------------

def test_define_env_gives_mkdocs_every_macro_the_packages_extensions_once_and_the_themes_values(env):
    env.start()  # again, as on every rebuild while serving: nothing is added twice
    assert set(env.macros) == set(MACROS)
    for extension in hooks.MARKDOWN_EXTENSIONS:
        assert env.conf["markdown_extensions"].count(extension) == 1, extension
    assert env.conf["plugins"].events["serve"].count(hooks._on_serve) == 1  # the preview shows a failed rebuild
    site = env.build_state.build.site
    extra = env.conf["extra"]  # the footer's licence, the councils beside "Suggest a change to this page"
    assert extra["licence"] == {"name": opendata.LICENCE, "url": opendata.LICENCE_URL}
    assert extra["tell_us"] and {council["url"] for council in extra["tell_us"]} <= {s.url for s in site.services}
    made = {page.src_uri for page in env.build_state.made}
    assert made and made <= menu_pages(env.conf["nav"])  # each record's own page has its place in the menu


def test_a_macro_renders_for_the_page_being_built_with_its_note_and_finish(env):
    figure, page = figure_page(env)
    shown = env.render("trust/a-page.md", page)
    assert f'data-figure="{figure.id}"' in shown
    # the note opens the passage from this page's address (trust/a-page/), not from the home page
    assert f'href="../../reports/{figure.source}/text/#{figure.passage}"' in shown
    assert "Sources (1)" in shown and "Page owner: Children's Trust Board web team" in shown
    assert '<a href="../../data/figures.csv">spreadsheet (CSV)</a>' in shown  # "Download the data on this page"


def test_a_macro_given_a_value_the_check_could_not_see_stops_the_build_with_the_pages_line(env):
    page = FRONT + 'Some words.\n{% set which = "no-such-figure" %}\n{{ figure(which) }}\n'
    with pytest.raises(PluginError) as stopped:
        env.render("trust/a-page.md", page)
    line = page.split("\n").index("{{ figure(which) }}") + 1  # counted in the file, front matter and all
    assert plain(stopped) == (
        "The site was not built, because of a problem in a page:\n"
        f'docs/trust/a-page.md, line {line}: figure("no-such-figure") names a figure that does not exist. '
        "The ids are in data/figures.yml.")
    with pytest.raises(PluginError, match=r'docs/trust/a-page.md, line 10: there is no macro or value called "figur"'):
        env.render("trust/a-page.md", FRONT + '{{ figur("x") }}\n')  # the page's check, before it is rendered


def test_a_mistake_in_another_page_a_macro_reads_is_said_with_that_page(env, write):
    listed = env.build_state.build.site.changes[0].pages[0]  # "What's changed" names its pages by their titles
    text = (env.build_state.build.site.root / "docs" / listed).read_text(encoding="utf-8")
    write(f"docs/{listed}", text.replace("\n---\n", "\n\n", 1))  # the front matter's closing --- lost
    with pytest.raises(PluginError, match=rf"\ndocs/{re.escape(listed)}, line \d+: the front matter starts with ---"):
        env.render("trust/a-page.md", FRONT + "{{ changes() }}\n")


@pytest.mark.parametrize("path, change, heading, said", [
    ("docs/council/work/no-such-work.md", lambda text: FRONT + '{{ initiative_page("no-such-work") }}\n', hooks.WRITTEN,
     "docs/council/work/no-such-work.md: this page names no record in data/initiatives.yml."),
    ("docs/a-new-page.md", lambda text: FRONT + "{{ where_to_go_next() }}\n", hooks.SERVICES,
     "docs/a-new-page.md, line 10: {{ where_to_go_next() }} shows the links of data/services.yml"),
    ("docs/council/index.md", lambda text: text.replace("\n---\n", "\n\n", 1), PageError.heading,
     "docs/council/index.md, line "),
])
def test_each_mistake_found_before_the_pages_is_one_plain_message(copy, write, path, change, heading, said):
    file = copy / path
    write(path, change(file.read_text(encoding="utf-8") if file.exists() else ""))
    with pytest.raises(PluginError) as stopped:
        MacrosEnv(copy).start()
    first, _, rest = plain(stopped).partition("\n")
    assert first == heading and rest.startswith(said), str(stopped.value)


def test_a_menu_entry_to_a_missing_page_stops_define_env_with_the_menus_heading(copy):
    env = MacrosEnv(copy)
    env.conf["nav"].append({"Gone": "gone.md"})
    with pytest.raises(PluginError) as stopped:
        env.start()
    assert str(stopped.value).startswith(f"{hooks.SETTINGS}\nmkdocs.yml") and "gone.md" in str(stopped.value)


def test_mkdocs_is_given_each_records_own_page_and_the_open_data_files(env, copy):
    class Plugins(dict):
        _current_plugin = None
    config = SimpleNamespace(plugins=Plugins(macros=env), site_dir=str(copy / "site"), use_directory_urls=True)
    files = hooks.on_files(Files([]), config)
    state = env.build_state
    for page in state.made:
        file = files.get_file_from_path(page.src_uri)
        assert (file is None) == page.written, page.src_uri  # a page written in docs/ is MkDocs' own
        assert page.written or (file.content_string == page.markdown and file.url == address(page.src_uri) + "/")
    for path, body in state.open_data.files.items():
        assert files.get_file_from_path(path).content_bytes == (body.encode() if isinstance(body, str) else body)
    with pytest.raises(RuntimeError, match="before mkdocs-macros' define_env ran"):
        hooks.on_files(Files([]), SimpleNamespace(plugins=Plugins(macros=SimpleNamespace())))


def test_mkdocs_finds_on_files_in_the_file_mkdocs_yml_names_and_hides_mkdocs_macros_info(monkeypatch):
    monkeypatch.setattr(sys, "path", list(sys.path))  # the file puts the project's folder first
    chatter = logging.getLogger("mkdocs.plugins.mkdocs_macros")
    level = chatter.level
    try:
        for path in read_settings(ROOT / "mkdocs.yml")["hooks"]:
            spec = importlib.util.spec_from_file_location("mkdocs_hooks", ROOT / path)  # as MkDocs loads it
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            assert module.on_files is hooks.on_files
        assert chatter.level == logging.WARNING  # its notes would push an officer's message down
    finally:
        chatter.setLevel(level)


def test_after_the_build_a_link_to_a_missing_heading_is_named_with_its_line(env, tmp_path, monkeypatch):
    source = tmp_path / "a-page.md"
    source.write_text("# A page\n\nSee [the plan](plan/index.md#nowhere).\n", encoding="utf-8")
    class File(SimpleNamespace):  # MkDocs' files are told apart by who they are
        __hash__ = object.__hash__
    plan = File(src_uri="plan/index.md", page=SimpleNamespace(present_anchor_ids={"vision", "values"}))
    unbuilt = File(src_uri="data.md", page=None)  # a target not built: its headings are not known
    page = SimpleNamespace(links_to_anchors={plan: {"nowhere": "plan/index.md#nowhere"}, unbuilt: {"x": "data.md#x"}})
    files = SimpleNamespace(documentation_pages=lambda: [
        SimpleNamespace(src_uri="a-page.md", abs_src_path=str(source), page=page)])
    monkeypatch.setitem(env.variables, "files", files)
    with pytest.raises(PluginError) as stopped:
        hooks.on_post_build(env)
    assert plain(stopped).startswith(
        f'{PageError.heading}\ndocs/a-page.md, line 3: the link "plan/index.md#nowhere" goes to a heading that '
        "is not on docs/plan/index.md (there is no #nowhere).")


def test_after_the_build_the_search_index_learns_the_glossarys_words(env, tmp_path, monkeypatch):
    term = env.build_state.glossary[0]
    index = tmp_path / INDEX
    index.parent.mkdir()
    index.write_text(json.dumps({"config": {"lang": ["en"], "separator": r"[\s\-]+",
                                            "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
                                 "docs": [{"location": "a/", "title": f"About {term.term}", "text": ""}]}),
                     encoding="utf-8")
    monkeypatch.setitem(env.conf, "site_dir", str(tmp_path))
    hooks.on_post_build(env)  # no files: no links to check
    entry = json.loads(index.read_text(encoding="utf-8"))["docs"][0]
    assert set(term.expansion.split()) & set(entry["title_words"].split())  # found by its words in full


# Zensical ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def staged(copy, tmp_path_factory) -> dict[str, Any]:
    """The copy laid out for Zensical: zensical.yml, read."""
    hooks.stage_zensical(copy, str(tmp_path_factory.mktemp("zensical-site")))
    header, _, body = (copy / hooks.ZENSICAL_CONFIG).read_text(encoding="utf-8").partition("\n")
    assert header.startswith("# Made by `python -m macros zensical` from mkdocs.yml")
    return json.loads(body)


def test_zensical_is_given_the_menu_the_extensions_and_the_pages_with_the_records_and_open_data(copy, staged, env):
    assert staged["docs_dir"] == hooks.ZENSICAL_DOCS and Path(staged["site_dir"]).is_absolute()
    assert staged["markdown_extensions"][-3:] == list(hooks.MARKDOWN_EXTENSIONS)
    assert "hooks" not in staged and staged["extra"]["licence"]["name"] == opendata.LICENCE
    state, docs = env.build_state, copy / hooks.ZENSICAL_DOCS
    assert {page.src_uri for page in state.made} <= menu_pages(staged["nav"])
    for page in state.made:
        assert (docs / page.src_uri).read_text(encoding="utf-8") == (
            (copy / "docs" / page.src_uri).read_text(encoding="utf-8") if page.written else page.markdown)
    for path in state.open_data.files:
        assert (docs / path).is_file(), path
    for page in (copy / "docs").rglob("*.md"):
        assert (docs / page.relative_to(copy / "docs")).read_bytes() == page.read_bytes()
    theme = copy / staged["theme"]["custom_dir"]  # Material's own page and search box are left out
    assert (theme / "main.html").is_file() and not (theme / "base.html").exists()


class ZensicalEnv:
    """Zensical's env (zensical/extensions/macros.py, MacroEnv) as define_env sees it before each page."""
    __module__ = "zensical.extensions.macros"

    def __init__(self, copy: Path, staged: dict[str, Any], page: Any):
        self.conf = {**staged, "mdx_configs": settings(copy)["mdx_configs"], "root_dir": str(copy)}
        self.project_dir = str(copy)
        self.page = page
        self.variables: dict[str, Any] = {}
        self.macros: dict[str, Any] = {}

    def macro(self, function, name=None):
        self.macros[name or function.__name__] = function
        return function


@pytest.fixture
def zensical(monkeypatch, env):
    """Zensical's state of the build starts afresh."""
    monkeypatch.setattr(hooks.loaded(env.build_state.build.site.root), "zensical", None)


def test_zensical_starts_each_page_with_the_macros_and_links_from_the_pages_file(copy, staged, env, write, zensical):
    figure, page = figure_page(env)
    write(f"{hooks.ZENSICAL_DOCS}/trust/a-page.md", page)
    zenv = ZensicalEnv(copy, staged, SimpleNamespace(path="trust/a-page.md", meta=get_data(page)[1]))
    hooks.define_env(zenv)
    assert set(zenv.macros) == set(MACROS)
    jinja = jinja2.Environment()
    jinja.globals.update(zenv.macros)
    shown = to_html(jinja.from_string(get_data(page)[0]).render())
    # Zensical reads a link in raw HTML as it reads one in Markdown: from the page's file (trust/)
    assert f'href="../reports/{figure.source}/text/#{figure.passage}"' in shown
    assert "Sources (1)" in shown and "Page owner: Children's Trust Board web team" in shown


def test_zensical_without_a_page_is_given_the_macros_and_starts_none(copy, staged, zensical):
    zenv = ZensicalEnv(copy, staged, None)
    hooks.define_env(zenv)
    assert set(zenv.macros) == set(MACROS) and finish.Current.page is None


def test_a_mistake_in_a_page_zensical_builds_is_said_plainly_before_its_traceback(copy, staged, write, zensical,
                                                                                capsys):
    write(f"{hooks.ZENSICAL_DOCS}/trust/a-page.md", FRONT + '{{ figur("x") }}\n')
    with pytest.raises(PageError):
        hooks.define_env(ZensicalEnv(copy, staged, SimpleNamespace(path="trust/a-page.md", meta={})))
    said = capsys.readouterr().err
    assert said.startswith(f'{PageError.heading}\ndocs/trust/a-page.md, line 10: there is no macro or value called "figur"')


# The data read again (last: the tests above share one reading) --------------------------------------

def test_the_data_is_read_once_and_again_only_when_a_file_under_data_sources_or_macros_changes(copy, env, write):
    """Kept between pages (Zensical asks for it before every page) and between rebuilds while serving."""
    first = hooks.loaded(copy)
    assert first.build is env.build_state.build  # what define_env read is what every page and engine uses
    write("docs/about.md", (copy / "docs/about.md").read_text(encoding="utf-8") + "\nA new sentence.\n")
    assert hooks.loaded(copy) is first
    for changed in ["data/glossary.yml", "sources/city-2023-10.md", "macros/data/vocabulary.py"]:
        stamp = hooks._stamp(copy)  # what `loaded` compares: every file under data/, sources/ and macros/
        write(changed, (copy / changed).read_text(encoding="utf-8") + "\n")
        assert hooks._stamp(copy) != stamp, changed
    again = hooks.loaded(copy)
    assert again is not first and hooks.loaded(copy) is again



def test_a_mistake_in_the_data_stops_every_engine_with_one_plain_message(copy, staged, write, zensical, capsys):
    glossary = copy / "data/glossary.yml"
    write("data/glossary.yml", glossary.read_text(encoding="utf-8") + "\tterm: x\n")
    with pytest.raises(DataError) as stopped:  # python -m macros zensical, before Zensical builds
        hooks.stage_zensical(copy)
    said = str(stopped.value)
    assert said.startswith("data/glossary.yml, line ")
    with pytest.raises(PluginError) as mkdocs_stopped:
        MacrosEnv(copy).start()
    assert plain(mkdocs_stopped) == f"{DataError.heading}\n{said}"
    with pytest.raises(DataError):
        hooks.define_env(ZensicalEnv(copy, staged, None))
    assert capsys.readouterr().err == f"{DataError.heading}\n{said}\n"


# The internals of other packages that the package relies on ---------------------------------------

# What the package relies on in other packages' internals, with the version it was checked with.
RELIES_ON = {
    "mkdocs-macros-plugin": ("1.5.0", "mkdocs-macros rendering a page with env.from_string(markdown) "
                                      "(hooks._parse_once)"),
    "Jinja2": ("3.1.6", "a template's frames carrying __jinja_template__ and its get_corresponding_lineno "
                        "(hooks._template_line)"),
    "mkdocs": ("1.6.1", "a page's links_to_anchors and present_anchor_ids (hooks.check_anchors), and the "
                        "serve event's server.builder (hooks._on_serve)"),
    "Markdown": ("3.11.3", "the raw HTML stash's rawHtmlBlocks and the toc extension's toc_tokens "
                           "(extensions/contents.py)"),
}


@pytest.mark.parametrize("package", RELIES_ON)
def test_the_packages_whose_internals_the_package_relies_on_are_the_versions_checked(package):
    checked, what = RELIES_ON[package]
    pins = {(file.name, version) for file in ROOT.glob("requirements*.txt")
            for name, version in re.findall(r"^([\w.-]+)==(\S+)", file.read_text(encoding="utf-8"), re.M)
            if name.lower() == package.lower()}
    found = pins | {("installed", importlib.metadata.version(package))}
    assert pins and {version for _, version in found} == {checked}, (
        f"macros/ relies on {what}, checked with {package} {checked}, but {sorted(found)}: on upgrading, "
        "check it still holds and change the pin here (tests/unit/test_engine_seam.py, RELIES_ON)")


def test_mkdocs_macros_renders_the_checked_tree_and_jinja_gives_each_macro_its_line():
    jinja = jinja2.Environment()
    jinja.globals["line"] = lambda: hooks._template_line()  # called as a page's macro is (hooks._bound)
    markdown = "# A page\n\n{{ line() }}\n{% if true %}\n{{ line() }}{% endif %}"
    state = SimpleNamespace(jinja=None, parsed=(markdown, jinja.parse(markdown.replace("# A page", "# Checked"))))
    hooks._parse_once(jinja, state)
    plugin = SimpleNamespace(variables={"page": SimpleNamespace(meta={})}, config={"render_by_default": True, "on_error_fail": True},
                             env=jinja)
    # mkdocs-macros' own render compiles the tree the page check parsed, not the Markdown again,
    # and each macro learns the line that calls it
    assert MacrosPlugin.render(plugin, markdown) == "# Checked\n\n3\n\n5"
    assert state.parsed is None
    assert MacrosPlugin.render(plugin, "\n{{ line() }}") == "\n2"  # another Markdown is parsed as it is
    assert jinja.globals["line"]() is None  # called from Python, not from a page: no line to give
