"""Every example in CONTRIBUTING.md works: each documented edit is applied to a copy of the
project and built; each documented mistake fails with the documented message."""
import re
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, run_build

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
    """One scenario a section: all its edits in order, and what the built site must then show."""
    found = []
    for title, text in sections():
        edits = steps(text, "example")
        expects = re.findall(r'<!-- expect: (\S+) contains "(.*?)" -->', text)
        if edits:
            found.append(pytest.param(edits, expects, id=title))
    return found


def mistakes():
    found = []
    for title, text in sections():
        for action, path, blocks in steps(text, "example-error"):
            found.append(pytest.param(action, path, blocks, id=f"{title}: {path}"))
    return found


def apply(project: Path, action: str, path: str, blocks: list[str]) -> None:
    target = project / path
    if action == "edit":
        before, after = blocks[0].rstrip("\n"), blocks[1].rstrip("\n")
        body = target.read_text(encoding="utf-8")
        assert body.count(before) == 1, f"the guide's 'Before' text is not found once in {path}"
        target.write_text(body.replace(before, after), encoding="utf-8")
    elif action == "add-to":
        body = target.read_text(encoding="utf-8").rstrip("\n")
        target.write_text(body + "\n" + blocks[0], encoding="utf-8")
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(blocks[0], encoding="utf-8")


def test_the_guide_has_examples():
    assert len(scenarios()) >= 6 and len(mistakes()) >= 5


@pytest.mark.parametrize("edits, expects", scenarios())
def test_documented_edit_builds_and_shows(tmp_path, edits, expects):
    project = copy_project(tmp_path / "project")
    for action, path, blocks in edits:
        apply(project, action, path, blocks)
    out = project / "out"
    result = run_build(project, out)
    assert result.returncode == 0, result.stderr
    assert expects, "each example says what the built site then shows"
    for page, text in expects:
        assert text in (out / page).read_text(encoding="utf-8").replace("&#39;", "'")


@pytest.mark.parametrize("action, path, blocks", mistakes())
def test_documented_mistake_gives_the_documented_message(tmp_path, action, path, blocks):
    project = copy_project(tmp_path / "project")
    apply(project, action, path, blocks[:2])
    result = run_build(project, project / "out")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert blocks[2].strip() in result.stderr
    assert path in result.stderr


def test_the_guides_list_of_macros_is_the_registry():
    """The list of macros officers read is the one the build uses: a macro added, renamed or given
    another argument changes both (remake the list with `python -m cypp macros`)."""
    from cypp.views import MACROS
    from cypp.views.registry import macro_list
    section = dict(sections())["The macros you can use"]
    assert macro_list() in section, "run `python -m cypp macros` and paste its list into CONTRIBUTING.md"
    listed = set(re.findall(r"^- `\{\{ (\w+)\(", section, re.M))
    assert listed == set(MACROS)
