"""Shared fixtures: the project's data, a copy of the project to break, one strict build, a server."""
from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The browser the tests drive: Debian's Chromium, or the one named by CHROMIUM (as in the Makefile).
CHROMIUM = os.environ.get("CHROMIUM") or "/usr/bin/chromium"
PROJECT_PARTS = ["docs", "data", "sources", "macros", "overrides", "mkdocs.yml", "Makefile", "CONTRIBUTING.md",
                 "requirements.txt", "requirements-dev.txt", "README.md"]
# An e-mail address, or a UK phone number (01865 252000, 07700 900123, +44 1865 252000): the site
# publishes no officer's contact details, and neither the data nor our copies of the documents hold any.
CONTACT_DETAILS = re.compile(r"[\w.+-]+@[\w-]+\.[a-z]{2,}\b|mailto:|(?<![\d.])(?:\+44\s?|0)\d{3,4}\s?\d{3}\s?\d{3,4}(?!\d)",
                             re.I)


def contact_details(text: str) -> list[str]:
    """The e-mail addresses and phone numbers in a text."""
    return CONTACT_DETAILS.findall(text)


CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]


def run_build(project: Path, out: Path) -> subprocess.CompletedProcess:
    """Run the real strict build, as `make build` does, in a separate process."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=project, capture_output=True, text=True, env=env, timeout=300,
    )


def build_error(project: Path) -> str:
    """What the strict build of a broken copy says: it must stop, plainly, with no traceback."""
    result = run_build(project, project / "out")
    assert result.returncode != 0, "the build should have stopped"
    assert "Traceback" not in result.stderr, result.stderr
    return result.stderr


def run_make_build(project: Path) -> subprocess.CompletedProcess:
    """Run `make build` in a copy of the project, with the virtual environment running the tests.
    That environment is used as it is: `-o` tells make not to install anything into it."""
    venv = Path(sys.executable).parent.parent
    return subprocess.run(["make", "--no-print-directory", "-o", f"{venv}/bin/.installed", "build", f"VENV={venv}"],
                          cwd=project, capture_output=True, text=True, timeout=300)


def copy_project(dest: Path) -> Path:
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the project that a test may break."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The real site, built once with --strict."""
    out = tmp_path_factory.mktemp("built") / "site"
    result = run_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def pages(built: Path) -> dict[str, str]:
    """Every built HTML page (except the 404 page), by its path in the site."""
    return {p.relative_to(built).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(built.rglob("*.html")) if p.name != "404.html"}


@pytest.fixture(scope="session")
def server(built: Path):
    """The built site served on 127.0.0.1 for the browser tests."""
    handler = functools.partial(_QuietHandler, directory=str(built))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def browser():
    from playwright import sync_api
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"The browser tests need Chromium at {CHROMIUM}, and it is not there. Install "
                    "Debian's (`apt-get install chromium`; `make test` does it for you), or set "
                    "CHROMIUM to the path of a Chromium you have.", pytrace=False)
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def tab(browser):
    """A desktop-sized browser tab, closed after the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def page_urls(pages: dict, server: str) -> list[str]:
    """The address of every built page on the test server."""
    return [server + path.removesuffix("index.html") for path in pages]
