"""`make lighthouse`: Lighthouse (mobile) on each kind of page, scores in bench/lighthouse.md.

Builds the site into build/lighthouse-site, serves it on 127.0.0.1 with gzip (as a real web server
would send it), and runs the Lighthouse pinned in bench/package.json with Debian's Chromium. The
full JSON reports are kept in build/lighthouse/. Not part of the test suite.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
SITE = ROOT / "build" / "lighthouse-site"
REPORTS = ROOT / "build" / "lighthouse"
PAGES = {  # one page of each kind (page template) the site has
    "Home": "",
    "A plan page": "plan/",
    "The priorities": "plan/priorities/",
    "The people": "trust/people/",
    "Meetings": "trust/meetings/",
    "A topic (SEND)": "send/",
    "Easy Read": "easy-read/",
    "How we're doing": "performance/",
    "The indicators": "performance/indicators/",
    "An indicator": "performance/indicators/camhs-first-appointment/",
    "Council's work": "council/",
    "A piece of the council's work": "council/work/youmove/",
    "Glossary": "glossary/",
    "A report page": "reports/city-2023-10/",
    "A report's full text": "reports/city-2023-10/text/",
    "Open data": "data/",
    "Page not found": "404.html",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
BUDGET = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}  # issue 10
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))  # runs a page; its median performance counts
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
COMPRESS = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".ics")


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site, gzipping text files when the browser asks for it."""

    def send_head(self):
        url = self.path.split("?")[0].split("#")[0]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not url.endswith("/"):
                return super().send_head()  # redirects /page to /page/
            path = path / "index.html"
        if not (path.is_file() and path.suffix in COMPRESS
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


def failing(report: dict, category: str) -> list[str]:
    """The audits of a category that lost points, as 'id (score)'."""
    out = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
            shown = f" {audit['displayValue']}" if audit.get("displayValue") else ""
            out.append(f"`{ref['id']}` ({audit['score']:.2f}{shown})")
    return out


def main() -> int:
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run `make lighthouse` (it runs npm ci --prefix bench).")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(SITE)],
                   cwd=ROOT, check=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    REPORTS.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    rows, problems, misses = [], [], []
    try:
        for name, path in PAGES.items():
            start = time.perf_counter()
            reports = []
            for run in range(RUNS):
                out = REPORTS / f"{(path.strip('/') or 'home').replace('/', '-')}-{run + 1}.json"
                subprocess.run([str(LIGHTHOUSE), base + path, "--quiet", "--output=json",
                                f"--output-path={out}", f"--only-categories={','.join(CATEGORIES)}",
                                f"--chrome-flags={CHROME_FLAGS}"], env=env, check=True, timeout=300)
                reports.append(json.loads(out.read_text()))
            # The run with the median performance score stands for the page (Lighthouse's own advice
            # on variability: run several times, take the median); the other runs are shown beside it.
            reports.sort(key=lambda r: r["categories"]["performance"]["score"])
            report = reports[len(reports) // 2]
            scores = [round(report["categories"][c]["score"] * 100) for c in CATEGORIES]
            runs = ", ".join(str(round(r["categories"]["performance"]["score"] * 100)) for r in reports)
            print(f"{name} (/{path}): " + ", ".join(f"{c} {s}" for c, s in zip(CATEGORIES, scores))
                  + f"  [performance runs: {runs}; {time.perf_counter() - start:.0f} s]", flush=True)
            rows.append(f"| {name} | /{path} | {scores[0]} ({runs}) | " + " | ".join(map(str, scores[1:])) + " |")
            misses += [f"{name}: {c} {s}, needs {BUDGET[c]}" for c, s in zip(CATEGORIES, scores) if s < BUDGET[c]]
            for c in CATEGORIES:
                lost = failing(report, c)
                if lost:
                    problems.append(f"- {name}, {c}: " + ", ".join(lost))
            version = report["lighthouseVersion"]
            agent = report["environment"]["hostUserAgent"]
    finally:
        server.shutdown()
    text = "\n".join([
        "# Lighthouse results", "",
        f"Made by `make lighthouse` (bench/lighthouse.py) on {time.strftime('%Y-%m-%d %H:%M')}: "
        f"Lighthouse {version}, mobile (its default: an emulated phone with simulated slow 4G and "
        f"CPU slowdown), Chromium ({agent.split('Chrome/')[-1].split()[0]}) headless, the site "
        f"served from 127.0.0.1 with gzip. Scores out of 100. Each page was run {RUNS} times: the "
        "table gives the run with the median performance score, and every run's performance score "
        "in brackets. The budget: performance at least 95, the rest 100.", "",
        "| Page | Address | Performance (runs) | Accessibility | Best practices | SEO |",
        "| --- | --- | --- | --- | --- | --- |", *rows, "",
        "## Audits that lost points", "",
        *(problems or ["None: every page scored 100 in every category."]), ""])
    (BENCH / "lighthouse.md").write_text(text)
    print(text)
    if misses:
        print("Under budget:\n" + "\n".join(misses), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
