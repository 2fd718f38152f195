"""Every example in CONTRIBUTING.md works: each documented edit is applied to a copy of the
project and built; all of them together pass the checks CI runs; each documented mistake fails
with the documented message."""
import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, build_error, copy_project, run_build

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"```[a-z]*\n(.*?)```", re.S)


def sections():
    """Each '## ' section of the guide: its title and its text (a '## ' inside a code block is
    part of the example, not a new section)."""
    found, fenced = [], False
    for line in GUIDE.split("\n"):
        if line.startswith("```"):
            fenced = not fenced
        if line.startswith("## ") and not fenced:
            found.append([line[3:], ""])
        elif found:
            found[-1][1] += line + "\n"
    return [tuple(f) for f in found]


def steps(text: str, kind: str):
    """(action, path, code blocks) for each example of this kind in a piece of the guide."""
    parts = re.split(r"<!-- (example|example-error): (edit|add-to|new-file) (\S+) -->", text)
    found = []
    for i in range(1, len(parts), 4):
        body = re.split(r"<!-- ", parts[i + 3])[0]
        if parts[i] == kind:
            found.append((parts[i + 1], parts[i + 2], BLOCK.findall(body)))
    return found


def scenarios():
    """One scenario a section: the edits of the sections it needs (`<!-- needs: <section> -->`,
    as "Change a figure" needs the report "Add a report" adds), then its own edits in order, and
    what the built site must then show."""
    found, guide = [], dict(sections())
    for title, text in sections():
        edits = [e for needed in re.findall(r"<!-- needs: (.*?) -->", text)
                 for e in steps(guide[needed], "example")] + steps(text, "example")
        expects = re.findall(r'<!-- expect: (\S+) contains "(.*?)" -->', text)
        if steps(text, "example"):
            found.append(pytest.param(edits, expects, id=title))
    return found


def mistakes():
    found = []
    for title, text in sections():
        for action, path, blocks in steps(text, "example-error"):
            found.append(pytest.param(action, path, blocks, id=f"{title}: {path}"))
    return found


class Conflict(Exception):
    """The officer's own copy already holds something else where the guide's example goes (a real
    report of the same month, with the example's id): the example cannot be tried on this copy."""


def apply(project: Path, action: str, path: str, blocks: list[str], mistake: bool = False) -> None:
    """Apply one of the guide's examples, unless the project has it already: an officer who
    followed the guide word for word has, and CI must not add it a second time. A mistake is
    always made (its 'Before' text must be there). Raises Conflict where the officer's own work
    stands in the example's way."""
    target = project / path
    if action == "edit":
        before, after = blocks[0].rstrip("\n"), blocks[1].rstrip("\n")
        body = target.read_text(encoding="utf-8")
        if after in body and not mistake:
            return
        if body.count(before) != 1:
            raise Conflict(f"the guide's 'Before' text is not found once in {path}: {before[:60]!r}")
        target.write_text(body.replace(before, after), encoding="utf-8")
    elif action == "add-to":
        body = target.read_text(encoding="utf-8").rstrip("\n")
        if blocks[0].strip() in body:
            return
        ids = re.findall(r"^- id: (\S+)", blocks[0], re.M)
        taken = [i for i in ids if re.search(rf"^- id: {re.escape(i)}$", body, re.M)]
        if taken:
            raise Conflict(f"{path} already has its own record {taken[0]}")
        target.write_text(body + "\n" + blocks[0], encoding="utf-8")
    else:
        if target.exists() and target.read_text(encoding="utf-8") != blocks[0]:
            raise Conflict(f"{path} already exists with other words")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(blocks[0], encoding="utf-8")


def apply_or_skip(project: Path, edits: list, mistake: bool = False) -> None:
    """Apply the examples; where the officer's own work stands in the way, this example of the
    guide is not tried on their copy (it is on main's), and the test says so instead of failing."""
    try:
        for action, path, blocks in edits:
            apply(project, action, path, blocks, mistake)
    except Conflict as conflict:
        pytest.skip(f"the guide's example is not tried on this copy: {conflict}")


def test_an_officer_who_followed_the_guides_examples_still_passes_them(tmp_path):
    """The guide's examples are applied to the officer's own copy: where the officer has already
    made them, word for word, applying them again changes nothing (no id used twice)."""
    project = copy_project(tmp_path / "project")
    edits = [edit for scenario in scenarios() for edit in scenario.values[0]]
    apply_or_skip(project, edits)
    made = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    apply_or_skip(project, edits)
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == made


def test_the_guide_has_examples():
    assert len(scenarios()) >= 6 and len(mistakes()) >= 5


@pytest.mark.parametrize("edits, expects", scenarios())
def test_documented_edit_builds_and_shows(tmp_path, edits, expects):
    project = copy_project(tmp_path / "project")
    apply_or_skip(project, edits)
    out = project / "out"
    result = run_build(project, out)
    assert result.returncode == 0, result.stderr
    assert expects, "each example says what the built site then shows"
    for page, text in expects:
        assert text in (out / page).read_text(encoding="utf-8").replace("&#39;", "'")


# The checks CI runs (`make test`) that read the project's data, pages and built site, without the
# browser: the unit layer (every page's macros rendered), the data and its truth, the built HTML.
CI_CHECKS = ["tests/unit", "tests/data/test_data.py", "tests/data/test_truth.py", "tests/site/test_html.py",
             "tests/site/test_sources_html.py", "tests/site/test_search.py", "tests/site/test_opendata.py",
             "tests/site/test_services.py", "tests/site/test_readability.py"]


def test_the_guides_examples_together_pass_the_checks_ci_runs(tmp_path):
    """An officer who follows every example in the guide ends with a pull request that CI passes:
    every example applied once, in the guide's order, to one copy (so no two examples clash), then
    CI's checks of the data, the pages and the built HTML run on that copy."""
    project = copy_project(tmp_path / "project")
    for part in ("tests", ".github"):
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pytest.ini", project / "pytest.ini")
    apply_or_skip(project, [edit for _, text in sections() for edit in steps(text, "example")])
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not browser",
                             "-o", "addopts=", *CI_CHECKS], cwd=project, capture_output=True, text=True, timeout=600)
    failed = [line for line in result.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
    assert result.returncode == 0, "\n".join(failed) or result.stdout[-3000:] + result.stderr[-3000:]


def test_no_example_is_dated_after_today():
    """An officer copies an example's dates: a report, a review or a change dated in the future
    would be wrong the day it is published."""
    today = dt.date.today()
    for title, text in sections():
        for action, path, blocks in steps(text, "example"):
            for line in "\n".join(blocks).split("\n"):
                for found in re.findall(r"\b(\d{4}-\d{2}-\d{2})\b", line):
                    if not line.startswith("review_by:"):  # the one date that is ahead of us
                        assert dt.date.fromisoformat(found) <= today, f"{title}: {path} is dated {found}"


@pytest.mark.parametrize("action, path, blocks", mistakes())
def test_documented_mistake_gives_the_documented_message(tmp_path, action, path, blocks):
    project = copy_project(tmp_path / "project")
    apply_or_skip(project, [(action, path, blocks[:2])], mistake=True)
    said = build_error(project)
    assert blocks[2].strip() in said
    assert path in said


def test_the_guides_list_of_macros_is_the_registry():
    """The list of macros officers read is the one the build uses: a macro added, renamed or given
    another argument changes both (remake the list with `python -m macros macros`)."""
    from macros.views import MACROS
    from macros.views.registry import macro_list
    section = dict(sections())["The macros you can use"]
    assert macro_list(MACROS) in section, "run `python -m macros macros` and paste its list into CONTRIBUTING.md"
    listed = set(re.findall(r"^- `\{\{ (\w+)\(", section, re.M))
    assert listed == set(MACROS)


def test_every_make_command_the_guide_and_readme_give_exists():
    """An officer types what the guide says: each `make <name>` it or the README gives is a target
    of the Makefile (make quick, make check and make build before pushing)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][\w-]*):", makefile, re.M))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, text in (("CONTRIBUTING.md", GUIDE), ("README.md", readme)):
        used = set(re.findall(r"(?:^|`)make ([a-z][\w-]*)", text, re.M))  # in code, not "make a change"
        assert used and used <= targets, f"{name} gives make {sorted(used - targets)}, which the Makefile lacks"
    for command in ("make check", "make build", "make quick"):
        assert command in GUIDE


def test_the_guides_allowed_words_are_the_models():
    """The words an officer may use for a piece of work's ages, themes and places are listed in the
    guide as the models allow them (an officer's review: they were only in a Python file)."""
    from typing import get_args

    from macros.data import vocabulary as v
    for field, kind in [("age_groups", v.AgeGroup), ("themes", v.Theme), ("neighbourhoods", v.Neighbourhood)]:
        line = next(x for x in GUIDE.split("\n") if x.startswith(f"- `{field}`: "))
        assert re.findall(r"`([\w-]+)`", line.split(": ", 1)[1]) == list(get_args(kind)), field
