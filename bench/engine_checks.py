"""`make engine-checks`: the W3C Nu HTML checker, axe and Lighthouse on the site as MkDocs builds it and
as Zensical builds it, and what differs. Writes bench/engine_checks.md. Not part of the test suite.

Both builds are made in a snapshot of the work tree (bench/run.py), with the commands bench/engines.py
runs. Nu checks every page (errors only); axe (WCAG 2.2 AA and best practices, in Chromium at 375 and
1280 px) and Lighthouse (accessibility, best practices and SEO, mobile, once a page: the scores that do
not vary from run to run) check one page of each kind (bench/lighthouse.py's list). Lighthouse runs
only where `make lighthouse` has installed it (bench/node_modules).
"""
from __future__ import annotations

import collections
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from engines import build_site  # noqa: E402
from lighthouse import CHROME_FLAGS, LIGHTHOUSE, PAGES, Handler  # noqa: E402
from run import snapshot  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / ".venv" / "vnu" / "vnu.jar"
CHROMIUM = os.environ.get("CHROMIUM") or "/usr/bin/chromium"
ENGINES = ("mkdocs", "zensical")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
LIGHTHOUSE_CATEGORIES = ["accessibility", "best-practices", "seo"]


def nu(site: Path) -> collections.Counter:
    """Each error message of the Nu checker, with the number of pages that have it."""
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
                             str(site)], capture_output=True, text=True)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return collections.Counter({message: len(urls) for message, urls in _by_message(messages).items()})


def _by_message(messages: list[dict]) -> dict[str, set]:
    out: dict[str, set] = collections.defaultdict(set)
    for m in messages:
        out[m["message"]].add(m.get("url"))
    return out


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def axe(base: str) -> dict[str, list[str]]:
    """The axe rules each page breaks, at 375 and 1280 px."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright
    found: dict[str, list[str]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        for name, path in PAGES.items():
            rules = set()
            for width in (375, 1280):
                context = browser.new_context(viewport={"width": width, "height": 900})
                page = context.new_page()
                page.goto(base + path)
                result = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
                rules |= {f"{v['id']} ({width} px)" for v in result.response["violations"]}
                context.close()
            found[name] = sorted(rules)
        browser.close()
    return found


def lighthouse(base: str, where: Path) -> dict[str, dict[str, int]] | None:
    if not LIGHTHOUSE.exists():
        return None
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    scores = {}
    for name, path in PAGES.items():
        out = where / f"{(path.strip('/') or 'home').replace('/', '-')}.json"
        subprocess.run([str(LIGHTHOUSE), base + path, "--quiet", "--output=json", f"--output-path={out}",
                        f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
                       env=env, check=True, timeout=300)
        report = json.loads(out.read_text())
        scores[name] = {c: round(report["categories"][c]["score"] * 100) for c in LIGHTHOUSE_CATEGORIES}
    return scores


def main() -> None:
    if not VNU.exists():
        sys.exit("The Nu checker is missing: make test installs it (.venv/vnu/vnu.jar).")
    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="engine-checks-") as name:
        tmp = Path(name)
        project = snapshot(tmp / "project")
        for engine in ENGINES:
            print(f"{engine}: building", flush=True)
            site, _, _ = build_site(engine, project, tmp / f"{engine}.log")
            kept = tmp / f"site-{engine}"
            shutil.move(str(site), kept)
            print(f"{engine}: Nu, axe, Lighthouse", flush=True)
            server, base = serve(kept)
            try:
                results[engine] = {"nu": nu(kept), "axe": axe(base), "lighthouse": lighthouse(base, tmp)}
            finally:
                server.shutdown()
    (ROOT / "bench" / "engine_checks.md").write_text(report(results))
    print(report(results))


def report(results: dict) -> str:
    mk, zs = results["mkdocs"], results["zensical"]
    out = ["# The checks on MkDocs' build and on Zensical's", "",
           f"Made by `make engine-checks` (bench/engine_checks.py) on {time.strftime('%Y-%m-%d %H:%M')}. "
           "Nu: errors on every page; axe and Lighthouse: one page of each kind.", "",
           "## W3C Nu HTML checker", "", "| Error | Pages on MkDocs | Pages on Zensical |", "| --- | --- | --- |"]
    messages = sorted(set(mk["nu"]) | set(zs["nu"]))
    out += [f"| {m} | {mk['nu'].get(m, 0)} | {zs['nu'].get(m, 0)} |" for m in messages] or ["| none | 0 | 0 |"]
    out += ["", "## axe", "", "| Page | MkDocs | Zensical |", "| --- | --- | --- |"]
    out += [f"| {page} | {', '.join(mk['axe'][page]) or 'none'} | {', '.join(zs['axe'][page]) or 'none'} |"
            for page in PAGES]
    out += ["", "## Lighthouse (accessibility, best practices, SEO)", ""]
    if mk["lighthouse"] is None:
        out.append("Not run: Lighthouse is not installed (`make lighthouse` installs it).")
    else:
        out += ["| Page | MkDocs | Zensical |", "| --- | --- | --- |"]
        out += [f"| {page} | {', '.join(map(str, mk['lighthouse'][page].values()))} | "
                f"{', '.join(map(str, zs['lighthouse'][page].values()))} |" for page in PAGES]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()
