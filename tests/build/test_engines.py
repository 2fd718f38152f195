"""The same site from each engine (issue 20): ProperDocs and Zensical build the project as `make build
ENGINE=...` does, and every page's main text is MkDocs' own: the same on ProperDocs, and on Zensical
the same apart from the theme's differences listed in ZENSICAL_DIFFERENCES. The open data files, the
feed and the calendar are the same bytes on every engine. One build each (make test makes the
engines' environments, .venv-properdocs and .venv-zensical)."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, copy_project, run_build

ENGINES = {"properdocs": ROOT / ".venv-properdocs" / "bin", "zensical": ROOT / ".venv-zensical" / "bin"}

# What Zensical's theme does differently to a page's main text (the <article>), each with its cause.
ZENSICAL_DIFFERENCES = {
    "skip target": "Zensical's theme puts the target of its 'Skip to content' link, an empty "
                   '<a id="__skip" tabindex="-1">, at the top of the article.',
    "search exclusion": "Zensical reads data-search-exclude when it makes its search index (those parts are "
                        "left out of it, as with Material) and then removes the attribute from the page.",
    "code": "Zensical colours code blocks with Pygments (<div class=\"highlight\"> and a <span> for each "
            "token); the code's text is the same.",
}


def build(engine: str, project: Path) -> Path:
    """The project built by one engine, with the commands the Makefile runs for it."""
    bin_ = ENGINES[engine]
    if not (bin_ / "python").exists():
        pytest.fail(f"No environment for {engine}: make test makes it (make .venv-{engine}/bin/.installed).")
    out = project / "build" / f"site-{engine}"  # Zensical writes only inside the project's folder
    env = dict(os.environ, PYTHONPATH=str(project), NO_MKDOCS_2_WARNING="1")
    if engine == "properdocs":
        steps = [[str(bin_ / "properdocs"), "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(out)]]
    else:
        steps = [[str(bin_ / "python"), "-m", "macros", "zensical", "--site-dir", str(out)],
                 [str(bin_ / "zensical"), "build", "--strict", "--clean", "-f", "zensical.yml"]]
    for step in steps:
        result = subprocess.run(step, cwd=project, capture_output=True, text=True, env=env, timeout=300)
        assert result.returncode == 0, f"{engine}: {' '.join(step)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return out


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    project = copy_project(tmp_path_factory.mktemp("engines") / "project")
    out = project / "build" / "site-mkdocs"
    result = run_build(project, out)
    assert result.returncode == 0, result.stderr
    return {"mkdocs": out, **{engine: build(engine, project) for engine in ENGINES}}


def main_text(path: Path, theme_differences: bool = False) -> str:
    """A page's <article>, as HTML; with theme_differences, less ZENSICAL_DIFFERENCES."""
    article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("article")
    assert article is not None, f"{path} has no <article>"
    if theme_differences:
        for skip in article.select("a#__skip"):
            skip.decompose()
        for tag in article.select("[data-search-exclude]"):
            del tag["data-search-exclude"]
        for block in article.select("div.highlight"):
            code = block.find("code")
            plain = BeautifulSoup("<pre><code></code></pre>", "html.parser")
            plain.code.string = code.get_text() if code else block.get_text()
            block.replace_with(plain.pre)
        for code in article.select("pre > code"):
            code.attrs = {}
            code.string = code.get_text()
    return article.prettify()


def pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


@pytest.mark.parametrize("engine", ENGINES)
def test_every_page_is_made_by_every_engine(sites, engine):
    assert pages(sites[engine]) == pages(sites["mkdocs"])


def test_properdocs_pages_are_mkdocs_pages(sites):
    different = [page for page in pages(sites["mkdocs"])
                 if main_text(sites["properdocs"] / page) != main_text(sites["mkdocs"] / page)]
    assert not different, f"ProperDocs' main text differs from MkDocs' on {different}"


def test_zensical_pages_are_mkdocs_pages_but_for_the_listed_theme_differences(sites):
    different = []
    for page in pages(sites["mkdocs"]):
        if main_text(sites["zensical"] / page, True) != main_text(sites["mkdocs"] / page, True):
            different.append(page)
    assert not different, f"Zensical's main text differs from MkDocs' beyond {list(ZENSICAL_DIFFERENCES)} on " \
                          f"{different}"


def test_every_listed_theme_difference_is_still_there(sites):
    """The list stays short and true: each difference it excuses is one Zensical still makes."""
    page = sites["zensical"] / "contributing" / "index.html"
    html = page.read_text(encoding="utf-8")
    seen = {"skip target": 'id="__skip"' in html,
            "search exclusion": "data-search-exclude" not in html
            and "data-search-exclude" in (sites["mkdocs"] / "contributing" / "index.html").read_text(encoding="utf-8"),
            "code": 'class="highlight"' in html}
    assert seen == dict.fromkeys(ZENSICAL_DIFFERENCES, True)


@pytest.mark.parametrize("engine", ENGINES)
def test_open_data_feed_and_calendar_are_the_same_on_every_engine(sites, engine):
    mkdocs = sites["mkdocs"]
    files = sorted(p.relative_to(mkdocs).as_posix() for p in [*(mkdocs / "data").glob("*.*"), mkdocs / "changes.xml"]
                   if p.suffix in (".csv", ".json", ".ics", ".xml"))
    assert "data/meetings.ics" in files and "changes.xml" in files
    different = [name for name in files
                 if not (sites[engine] / name).is_file() or (sites[engine] / name).read_bytes() != (mkdocs / name).read_bytes()]
    assert not different, f"{engine} writes these differently or not at all: {different}"


def test_a_mistake_in_a_page_stops_zensical_with_its_message(tmp_path):
    """The page check runs on Zensical too: a misspelt macro stops the build and is named plainly."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "send.md"
    page.write_text(page.read_text(encoding="utf-8").replace("{{ ", '{{ figur("x") }} {{ ', 1), encoding="utf-8")
    with pytest.raises(AssertionError) as failed:
        build("zensical", project)
    assert 'docs/send.md, line' in str(failed.value)
    assert 'there is no macro or value called "figur". Did you mean "figure"?' in str(failed.value)


def test_zensical_pages_have_zensicals_own_search_not_materials_search_box(sites):
    """Material's search box is driven by Material's scripts, which Zensical's theme does not have: on
    Zensical it showed as an unstyled stack of a box and three icons in the header."""
    for page in ["index.html", "performance/indicators/index.html"]:
        header = BeautifulSoup((sites["zensical"] / page).read_text(encoding="utf-8"), "html.parser").find("header")
        assert header.select("button.md-search__button"), page
        assert not header.select("form.md-search__form"), page
        assert not header.select("button.site-header__search"), page


# What macros/hooks.py and macros/extensions/finish.py rely on in Zensical's internals, and the
# version that was checked (the unit layer's RELIES_ON, tests/unit/test_engine_seam.py, for the others).
ZENSICAL_CHECKED = ("0.1.2", "define_env called before each page's macros, with an env whose class's module "
                             "is zensical's; its macros a Markdown preprocessor at priority 35 (finish.py runs at 33)")


def test_zensicals_internals_the_package_relies_on_are_those_of_the_version_checked():
    checked, what = ZENSICAL_CHECKED
    python = ENGINES["zensical"] / "python"
    if not python.exists():
        pytest.fail("No environment for zensical: make test makes it (make .venv-zensical/bin/.installed).")
    installed = subprocess.run([str(python), "-c", "import importlib.metadata as m; print(m.version('zensical'))"],
                               capture_output=True, text=True, timeout=60).stdout.strip()
    pinned = (ROOT / "requirements-zensical.txt").read_text(encoding="utf-8")
    assert installed == checked and f"zensical=={checked}\n" in pinned, (
        f"macros/ relies on Zensical's {what}, checked with zensical {checked}, but {installed} is installed: "
        "on upgrading, check it still holds and change ZENSICAL_CHECKED here")
