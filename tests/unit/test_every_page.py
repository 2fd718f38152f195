"""Every page of the site, its macros rendered with the real data by the views alone (no MkDocs):
what each view gives a reader, page by page, in a second."""
import datetime as dt
import re
from pathlib import Path

import jinja2
import pytest
from bs4 import BeautifulSoup

from macros.checks.front_matter import front_matter
from macros.checks.page_markdown import check_links, check_page, check_snippets
from macros.data.checked import load_checked
from macros.data.models import Figure
from macros.extensions import finish
from macros.hooks import BuildState, _bound
from macros.outputs import opendata
from macros.views import MACROS, Build, Page, choices

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))


@pytest.fixture(scope="module")
def build():
    return Build(load_checked(ROOT), today=dt.date(2026, 12, 1))


def render(build: Build, src_uri: str) -> tuple[Page, str]:
    """The page's Markdown as the build leaves it: its macros rendered, then finished."""
    body = (DOCS / src_uri).read_text(encoding="utf-8")
    markdown = body.split("---\n", 2)[2] if body.startswith("---\n") else body
    page = Page(build, src_uri, owner="Web team", reviewed=dt.date(2026, 11, 1), due=dt.date(2027, 5, 1))
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    state = BuildState(build, build_choices(build), None, build.site.glossary, [])
    env.globals.update({name: _bound(state, macro) for name, macro in MACROS.items()})  # as every engine calls them
    finish.start(page)
    rendered = env.from_string(markdown).render()
    assert finish.take_problem() is None
    return page, page.finish(rendered)


def build_choices(build: Build) -> dict:
    if not hasattr(build, "_choices"):
        build._choices = choices(build.site)
    return build._choices


def build_files(build: Build) -> frozenset[str]:
    """The files every build writes besides the pages: the open data, the calendar and the feed."""
    if not hasattr(build, "_files"):
        build._files = frozenset(opendata.build(build.site, "http://127.0.0.1:8000/").files)
    return build._files


@pytest.mark.parametrize("src_uri", PAGES)
def test_every_page_passes_its_checks(build, src_uri):
    body = (DOCS / src_uri).read_text(encoding="utf-8")
    markdown = body.split("---\n", 2)[2] if body.startswith("---\n") else body
    env = jinja2.Environment()
    check_page(markdown, f"docs/{src_uri}", 0, env, set(MACROS), build_choices(build), MACROS)
    check_snippets(markdown, f"docs/{src_uri}", 0, ROOT, ["."])
    check_links(markdown, src_uri, 0, DOCS, build_files(build))  # a page may link to the files the build writes


def test_every_page_renders_with_notes_that_open_their_passages(build):
    for src_uri in PAGES:
        page, markdown = render(build, src_uri)
        for key in page.notes:
            source, passage = key.split("--", 1)
            assert passage in {p.id for p in build.site.documents[source].passages} or \
                passage in {p.section for p in build.site.documents[source].passages}, (src_uri, key)
        assert not re.search(r"\bNone\b(?! of)", markdown), src_uri  # a field left empty, shown as None
        title = front_matter(DOCS / src_uri).get("title")
        assert title, src_uri


def test_figures_are_found_by_their_data_figure_id_and_match_the_data(build):
    page, markdown = render(build, "education-commission.md")
    soup = BeautifulSoup(markdown, "html.parser")
    shown = {span["data-figure"]: span.get_text() for span in soup.select("span.figure[data-figure]")}
    assert shown, "the Education Commission's page shows figures"
    for figure_id, text in shown.items():
        fig = build.site.get(Figure, figure_id)
        assert text.replace(",", "").lstrip("£").split("%")[0].split(" ")[-1] in \
            (str(int(fig.value)) if float(fig.value).is_integer() else str(fig.value)), figure_id


def test_each_page_offers_the_data_it_shows_for_reuse(build):
    page, markdown = render(build, "trust/people.md")
    assert page.used >= {"roles", "members"}
    assert 'href="../../data/roles.csv"' in markdown


def test_an_indicator_page_answers_first_then_gives_its_ratings(build):
    for indicator in build.site.indicators:
        page, markdown = render(build, f"performance/indicators/{indicator.id}.md")
        assert markdown.index("**Latest rating:**") < markdown.index("## Ratings over time"), indicator.id
        assert f'<span class="rag rag--{indicator.ratings[-1].rag.lower()}">' in markdown
