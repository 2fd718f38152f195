"""The pre-commit hooks pass on the project, and the spelling hook wants British English.

The hooks run in a copy of the working tree (its own git repository), so a hook that fixes a
file never changes the real one. Every hook is local (`language: system`), so nothing is
fetched: PRE_COMMIT_HOME points at an empty folder, and the tools come from the virtual
environment that runs the tests.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The project's files as they are now (tracked and new, not ignored), in a new repository."""
    dest = tmp_path / "repo"
    dest.mkdir()
    listed = _git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for name in filter(None, listed.split("\0")):
        src = ROOT / name
        if src.is_file():  # a file deleted but not yet committed is still listed
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    _git(dest, "init", "-q")
    _git(dest, "add", "-A")
    return dest


def pre_commit(repo: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    bin_dir = str(Path(sys.executable).parent)
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PATH=bin_dir + os.pathsep + os.environ["PATH"],
               PRE_COMMIT_COLOR="never", SKIP="")
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", *args], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=300)


def test_every_hook_passes_on_the_project(repo, tmp_path):
    result = pre_commit(repo, tmp_path / "pre-commit-home", "--all-files")
    assert result.returncode == 0, result.stdout + result.stderr
    for hook in ["YAML files can be read", "mkdocs.yml can be read", "exactly one newline",
                 "ends of lines", "British English spelling", "passes the linter", "passes the type checker"]:
        assert hook in result.stdout, f"hook not run: {hook}\n{result.stdout}"
    assert "Skipped" not in result.stdout, result.stdout


def test_spelling_hook_catches_american_spelling(repo, tmp_path):
    page = repo / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8")
                    + "\nThe organization will prioritize the program at the center.\n",
                    encoding="utf-8")
    result = pre_commit(repo, tmp_path / "pre-commit-home", "spelling-en-gb",
                        "--files", "docs/index.md")
    assert result.returncode != 0, result.stdout
    for found in ["organization ==> organisation", "prioritize ==> prioritise",
                  "center ==> centre", "program ==> programme"]:
        assert found in result.stdout, result.stdout


def test_spelling_dictionary_is_sorted_and_well_formed():
    lines = (ROOT / ".codespell-gb.txt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(set(lines)), "keep .codespell-gb.txt sorted, one entry a line"
    for line in lines:
        american, _, british = line.partition("->")
        assert american.isalpha() and american.islower() and british.isalpha(), line
