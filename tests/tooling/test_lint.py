"""The repository's own tooling: the code passes the linter (ruff.toml: pycodestyle, pyflakes
and import order), so an unused import or an undefined name fails here, not in review; and the
package passes the type checker, strict (mypy.ini), so a value of the wrong type fails here too."""
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_the_code_passes_the_linter():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise",
                             "macros", "tests", "bench"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def mypy(cwd: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    """mypy as mypy.ini configures it (the package, strict), its cache kept out of the repository."""
    return subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(cache)], cwd=cwd,
                          capture_output=True, text=True)


def test_the_package_passes_the_type_checker(tmp_path):
    result = mypy(ROOT, tmp_path / "cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout, result.stdout


def test_the_type_checker_fails_a_value_of_the_wrong_type(tmp_path):
    """A copy of the package with one function that says it gives text but gives a number: mypy,
    as configured, names its file, its line and what is wrong."""
    shutil.copy(ROOT / "mypy.ini", tmp_path / "mypy.ini")
    shutil.copytree(ROOT / "macros", tmp_path / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    dates = tmp_path / "macros" / "data" / "dates.py"
    text = dates.read_text(encoding="utf-8")
    dates.write_text(text + "\n\ndef year_of(date: PartialDate) -> str:\n    return date.first_day.year\n",
                     encoding="utf-8")
    line = text.count("\n") + 4
    result = mypy(tmp_path, tmp_path / "cache")
    assert result.returncode == 1, result.stdout + result.stderr
    assert (f'macros/data/dates.py:{line}: error: Incompatible return value type (got "int", expected "str")'
            in result.stdout), result.stdout
    assert "Found 1 error in 1 file" in result.stdout, result.stdout


def test_the_type_checker_fails_a_function_without_annotations(tmp_path):
    """Strict: a function whose parameters say nothing of their types is refused."""
    shutil.copy(ROOT / "mypy.ini", tmp_path / "mypy.ini")
    shutil.copytree(ROOT / "macros", tmp_path / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    with (tmp_path / "macros" / "data" / "dates.py").open("a", encoding="utf-8") as file:
        file.write("\n\ndef shout(words):\n    return words.upper()\n")
    result = mypy(tmp_path, tmp_path / "cache")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Function is missing a type annotation  [no-untyped-def]" in result.stdout, result.stdout


def test_the_repository_tracks_no_links_to_this_machines_folders():
    """A symbolic link committed by mistake (a worktree's link to the shared .venv) points at a
    folder no other clone has, and replaces the real folder on the machine that merges it."""
    files = subprocess.run(["git", "ls-files", "--stage"], cwd=ROOT, capture_output=True, text=True).stdout
    links = [line.split("\t", 1)[1] for line in files.splitlines() if line.startswith("120000 ")]
    assert not links, f"symbolic links in the repository: {links}"


def test_git_ignores_no_file_of_the_code_or_its_tests():
    """A pattern in .gitignore that also matches a folder of the project ("site/" matched tests/site/)
    hides a new file there from `git add` and from the linter, which reads .gitignore too."""
    paths = [p.relative_to(ROOT).as_posix() for folder in ("macros", "tests", "bench", "data", "docs", "sources")
             for p in (ROOT / folder).rglob("*.*") if "__pycache__" not in p.parts and "node_modules" not in p.parts
             and p.suffix in (".py", ".md", ".yml", ".html", ".css", ".js")]
    result = subprocess.run(["git", "check-ignore", "--no-index", "--stdin"], cwd=ROOT, input="\n".join(paths),
                            capture_output=True, text=True)
    assert not result.stdout.split(), f"git ignores these files: {result.stdout.split()}"
