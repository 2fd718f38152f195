"""The repository's own tooling: the code passes the linter (ruff.toml: pycodestyle, pyflakes
and import order), so an unused import or an undefined name fails here, not in review."""
import subprocess
import sys

from conftest import ROOT


def test_the_code_passes_the_linter():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise",
                             "cypp", "tests", "bench"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
