"""Layer 3, the build: the real site builds strictly, and a mistake stops it with a clear message."""
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, run_build, run_make_build
from edits import add_line, replace_in

from macros.data.checked import load_checked


def failed_build(project: Path) -> str:
    """Run `make build` on a broken copy: it must fail, plainly, and leave the last good site alone."""
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("last good site", encoding="utf-8")
    result = run_make_build(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "last good site", \
        "a failed build must not replace the published site"
    return result.stderr


def test_make_build_replaces_the_site_when_the_build_succeeds(project):
    result = run_make_build(project)
    assert result.returncode == 0, result.stderr
    assert "Oxfordshire" in (project / "site" / "index.html").read_text(encoding="utf-8")


def test_real_site_builds_strictly(built):
    assert (built / "index.html").exists()
    assert (built / "search" / "search_index.json").exists()


def test_bad_data_stops_the_build_with_file_and_line(project):
    path = project / "data" / "indicators.yml"
    body = path.read_text(encoding="utf-8")
    line = body[: body.index("rag: Amber")].count("\n") + 1
    path.write_text(body.replace("rag: Amber", "rag: Purple"), encoding="utf-8")
    err = failed_build(project)
    assert "The site was not built, because of a problem in the data:" in err
    assert f"data/indicators.yml, line {line}:" in err and "Purple" in err
    # the message comes first, not after mkdocs-macros' notes about finding the package (officer review)
    assert "[macros]" not in err and "problem in the data" in err.splitlines()[0], err[:300]


def _work_page(work, shows=None, title=None, words=""):
    """A page an officer writes for a piece of the council's work (docs/council/work/<id>.md)."""
    return (f'---\ntitle: "{title or work.name}"\nowner: The web team\nlast_reviewed: 2026-11-25\n'
            f'review_by: 2027-05-25\n---\n\n{{{{ initiative_page("{shows or work.id}") }}}}\n\n{words}\n')


def test_each_record_makes_its_own_page_and_menu_entry(project):
    """An indicator whose page nobody wrote still has one, made from its record, in the menu after
    the list of indicators; a page an officer writes for a record is used instead."""
    site = load_checked(ROOT)
    indicator = next(i for i in site.indicators
                     if (project / "docs" / "performance" / "indicators" / f"{i.id}.md").is_file())
    (project / "docs" / "performance" / "indicators" / f"{indicator.id}.md").unlink()
    work = site.initiatives[0]
    (project / "docs" / "council" / "work").mkdir(parents=True, exist_ok=True)
    (project / "docs" / "council" / "work" / f"{work.id}.md").write_text(
        _work_page(work, words="Words of our own about this work."), encoding="utf-8")
    result = run_make_build(project)
    assert result.returncode == 0, result.stderr
    made = (project / "site" / "performance" / "indicators" / indicator.id / "index.html").read_text(encoding="utf-8")
    title = f"{indicator.number}: {indicator.name}" if indicator.number else indicator.name
    assert BeautifulSoup(made, "html.parser").h1.get_text() == title
    menu = BeautifulSoup(made, "html.parser").select_one("nav.md-nav--primary").get_text(" ", strip=True)
    assert menu.index("The indicators") < menu.index(indicator.name)
    written = (project / "site" / "council" / "work" / work.id / "index.html").read_text(encoding="utf-8")
    assert "Words of our own about this work." in written


def test_a_page_written_for_no_known_record_stops_the_build(project):
    work = load_checked(ROOT).initiatives[0]
    folder = project / "docs" / "council" / "work"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{work.id}x.md").write_text(_work_page(work), encoding="utf-8")
    err = failed_build(project)
    assert (f"docs/council/work/{work.id}x.md: this page names no record in data/initiatives.yml. Pages here are "
            "named after a record's id") in err
    assert f'Did you mean "{work.id}"?' in err


def test_a_written_page_showing_another_record_or_titled_otherwise_stops_the_build(project):
    work, other = load_checked(ROOT).initiatives[:2]
    folder = project / "docs" / "council" / "work"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{work.id}.md").write_text(_work_page(work, shows=other.id, title=f"Not {work.name}"),
                                         encoding="utf-8")
    err = failed_build(project)
    assert (f'docs/council/work/{work.id}.md: this page is about "{work.id}" in data/initiatives.yml, so it should '
            f'show it, as the page the site would make does with {{{{ initiative_page("{work.id}") }}}}.') in err
    assert (f'docs/council/work/{work.id}.md, front matter: the title should be "{work.name}", from '
            f'data/initiatives.yml (the menu uses it too), but it is "Not {work.name}".') in err


def test_broken_anchor_stops_the_build(project):
    line = add_line(project / "docs" / "about.md", "# About this site", "See [this](glossary.md#no-such-term).")
    err = failed_build(project)
    assert (f'docs/about.md, line {line}: the link "glossary.md#no-such-term" goes to a heading that is not on '
            "docs/glossary.md (there is no #no-such-term).") in err


def test_a_link_to_a_misspelt_heading_made_by_a_macro_suggests_the_heading(project):
    # the areas' headings are made by a macro: only the built page knows them
    line = add_line(project / "docs" / "about.md", "# About this site",
                    "See [the plan's first area](plan/priorities.md#be-successfull).")
    err = failed_build(project)
    assert (f'docs/about.md, line {line}: the link "plan/priorities.md#be-successfull" goes to a heading that is '
            'not on docs/plan/priorities.md (there is no #be-successfull). Did you mean "#be-successful"?') in err


def test_html_typed_into_data_shows_as_text(project):
    path = project / "data" / "glossary.yml"
    body = path.read_text(encoding="utf-8")
    start = body.index("- id: camhs\n")
    line = body.index("  explanation: ", start)
    end = body.index("\n", line)
    path.write_text(body[:line] + "  explanation: \"<script>alert('x')</script> <b>bold</b>\"" + body[end:],
                    encoding="utf-8")
    out = project / "out"
    result = run_build(project, out)
    assert result.returncode == 0, result.stderr
    html = (out / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert('x')&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt;" in html
    assert "<script>alert" not in html and "<b>bold</b>" not in html


def test_a_misquote_stops_the_build_with_file_and_line(project):
    path = project / "data" / "statements.yml"
    body = path.read_text(encoding="utf-8")
    old = 'text: "Oxfordshire, a great place to grow up'
    line = body[: body.index(old)].count("\n") + 1
    path.write_text(body.replace(old, 'text: "Oxfordshire, the best place to grow up'), encoding="utf-8")
    err = failed_build(project)
    assert "The site was not built, because of a problem in the data:" in err
    assert f'data/statements.yml, line {line}: record "vision-2018", field "text": the quotation' in err
    assert "is not word for word in passage" in err


def test_a_figure_missing_from_its_passage_stops_the_build_with_file_and_line(project):
    path = project / "data" / "figures.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i in range(lines.index("- id: play-areas"), len(lines)) if lines[i] == "  value: 87")
    lines[index] = "  value: 78"
    path.write_text("\n".join(lines), encoding="utf-8")
    err = failed_build(project)
    assert f'data/figures.yml, line {index + 1}: record "play-areas", field "value": the figure 78 is not in' in err


def test_two_passages_sharing_a_note_stop_the_build_with_file_and_line(project):
    path = project / "sources" / "hwb-2017-10.md"
    body = path.read_text(encoding="utf-8")
    first = body[: body.index("{#early-years}")].count("\n") + 1
    line = body[: body.index("{#special-schools}")].count("\n") + 1
    path.write_text(body.replace("{#special-schools}", "{#early-years}"), encoding="utf-8")
    err = failed_build(project)
    assert (f'sources/hwb-2017-10.md, line {line}: the section id "early-years" is already used on line '
            f"{first}. Two passages would share one anchor and one source note") in err


# A mistake typed into a page: (the page, the line it goes after, the line, what the message says,
# with {line} for the line number). Each stops the build with the page and the line, no traceback.
PAGE_MISTAKES = {
    "a mistyped macro": (
        "trust/meetings.md", "# Meetings", '{{ figur("play-areas") }}',
        'docs/trust/meetings.md, line {line}: there is no macro or value called "figur". Did you mean "figure"?'),
    "an unknown id": (
        "council/index.md", "{{ initiative_finder() }}", '{{ initiative_page("youth-investment-fnd") }}',
        'docs/council/index.md, line {line}: initiative_page("youth-investment-fnd") names an initiative '
        'that does not exist. Did you mean "youth-investment-fund"?'),
    "broken macro syntax": (
        "glossary.md", "# Glossary", '{{ figure("play-areas" }}',
        "docs/glossary.md, line {line}: a macro is not written correctly"),
    "a broken link": (
        "about.md", "# About this site", "See [the missing page](missing.md).",
        'docs/about.md, line {line}: the link to "missing.md" goes nowhere: there is no docs/missing.md.'),
    "a note to a passage that does not exist": (
        "about.md", "# About this site", 'The plan has a vision.{{ note("cypp-2018", "vison-1") }}',
        'docs/about.md, line {line}: note("cypp-2018", "vison-1") names a passage that is not in '
        'sources/cypp-2018.md. Did you mean "vision-1"?'),
    "a wrong value given to a macro through a variable": (
        "trust/meetings.md", "# Meetings", '{% set chosen = "play-areaz" %}{{ figure(chosen) }}',
        'docs/trust/meetings.md, line {line}: figure("play-areaz") names a figure that does not exist. '
        'Did you mean "play-areas"?'),
    "a snippet outside the project": (
        "privacy.md", "# ", '--8<-- "../../etc/passwd"',
        'docs/privacy.md, line {line}: the page includes the file "../../etc/passwd" (--8<--), which is '
        "outside the project."),
}


@pytest.mark.parametrize("mistake", PAGE_MISTAKES)
def test_a_mistake_in_a_page_names_page_and_line(project, mistake):
    page, after, typed, message = PAGE_MISTAKES[mistake]
    line = add_line(project / "docs" / page, after, typed)
    assert message.format(line=line) in failed_build(project)


def test_the_theme_templates_call_no_python_string_methods():
    """Other engines' template languages (Zensical's) have Jinja's filters but not Python's string
    methods: the page's structure is made in Python (macros/extensions/contents.py), not cut from its HTML."""
    root = Path(__file__).resolve().parents[2] / "overrides"
    methods = "|".join(name for name in dir(str) if not name.startswith("_"))
    for template in sorted(root.rglob("*.html")):
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
            called = re.search(rf"\.({methods})\(", line)
            assert not called, f"{template.relative_to(root.parent)}:{number} calls .{called.group(1)}()"
def test_broken_front_matter_stops_the_build_with_the_yaml_mistake_and_its_line(project):
    # MkDocs drops front matter it cannot read, so the build used to say "Missing: owner, ...".
    page = project / "docs" / "privacy.md"
    body = page.read_text(encoding="utf-8")
    line = body[: body.index("last_reviewed:")].count("\n") + 1
    page.write_text(body.replace("last_reviewed: 20", "last_reviewed: 1999-02-30\n#", 1), encoding="utf-8")
    err = failed_build(project)
    assert f'docs/privacy.md, line {line}: "last_reviewed" should be a real date written as YYYY-MM-DD, but it is ' \
           '"1999-02-30", which is not a date in the calendar.' in err
    assert "Missing:" not in err


def test_a_mis_indented_menu_line_stops_make_build_with_its_line(project):
    # MkDocs reads mkdocs.yml before any of the site's code runs, and answered with PyYAML's words.
    line = replace_in(project / "mkdocs.yml", "      - Meetings: trust/meetings.md", "     - Meetings: trust/meetings.md")
    err = failed_build(project)
    assert err.startswith("The site was not built, because of a problem in its settings (mkdocs.yml):\n"
                          f"mkdocs.yml, line {line}: this line is not lined up with the lines around it."), err


def test_a_menu_entry_to_a_missing_page_stops_the_build_with_its_line(project):
    line = replace_in(project / "mkdocs.yml", "Meetings: trust/meetings.md", "Meetings: trust/meeting.md")
    err = failed_build(project)
    assert (f'mkdocs.yml, line {line}: the menu (nav) lists the page "trust/meeting.md", and there is no '
            'docs/trust/meeting.md. Did you mean "trust/meetings.md"?') in err


@pytest.mark.parametrize("page", ["council/index.md", "send.md"])
def test_front_matter_left_open_on_a_page_other_pages_read_is_named_without_a_traceback(project, page):
    """An officer's review: a list page whose review dates its records' pages take (council/index.md),
    and a page whose title "What's changed" reads (send.md), ended in a Python traceback, or in a
    message naming changes.md first."""
    path = project / "docs" / page
    body = path.read_text(encoding="utf-8")
    close = body.index("\n---\n", 3)
    path.write_text(body[:close] + body[close + 4:], encoding="utf-8")
    err = failed_build(project)
    assert f"docs/{page}, line " in err and "has no --- line to close it" in err, err[-800:]
    assert "Macro Rendering Error" not in err
    assert str(project) not in err[err.index("The site was not built"):], "the page named as in the project"
