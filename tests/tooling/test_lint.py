"""The repository's own tooling: the code passes the linter (ruff.toml: pycodestyle, pyflakes
and import order), so an unused import or an undefined name fails here, not in review."""
import subprocess
import sys

from conftest import ROOT


def test_the_code_passes_the_linter():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise",
                             "macros", "tests", "bench"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_repository_tracks_no_links_to_this_machines_folders():
    """A symbolic link committed by mistake (a worktree's link to the shared .venv) points at a
    folder no other clone has, and replaces the real folder on the machine that merges it."""
    files = subprocess.run(["git", "ls-files", "--stage"], cwd=ROOT, capture_output=True, text=True).stdout
    links = [line.split("\t", 1)[1] for line in files.splitlines() if line.startswith("120000 ")]
    assert not links, f"symbolic links in the repository: {links}"
