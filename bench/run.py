"""`make bench`: how fast the site builds, how much memory it takes, how quickly `mkdocs serve`
shows an edit, and how much a reader downloads. Writes bench/results.md and bench/results.json.

Everything runs in a temporary folder, on a snapshot of the work tree (a local git clone with the
uncommitted files copied over), so the real project is never touched. `python bench/run.py quick`
runs the small sizes only, for trying the script out.
"""
from __future__ import annotations

import gzip
import json
import os
import platform
import pstats
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402

ROOT = generate.ROOT
BENCH = ROOT / "bench"
PY = sys.executable
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
QUICK = sys.argv[1:] == ["quick"]
# (pages, runs): the real site's size is measured on the real site itself (real_build); a synthetic
# site needs more pages than the real site's reports and pieces of work take.
SIZES = [(100, 2)] if QUICK else [(100, 5), (1000, 3)]
REAL_RUNS = 5
RELOAD_RUNS = 3
# Issue 13's budgets: the project's build against plain Material on the same pages; the real
# site's build in seconds, a base plus an allowance a page; live reload after a data edit; peak
# memory at 1000 pages against plain Material's; and what the home page downloads.
BUDGETS = {"ratio": 1.10, "real_base_s": 0.9, "real_per_page_s": 0.025, "reload": 1.5,
           "memory_over_plain_mb": 20, "home_gzip_kb": 150}


def stop(server: subprocess.Popen, log) -> None:
    """Stop a preview server (killed if it does not stop within 20 s) and close its log."""
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    log.close()

def build(project: Path, tmp: Path, profile: Path | None = None) -> tuple[float, float]:
    """One strict build in a child process: (wall seconds, peak memory in MB of that child)."""
    out = tmp / "out"
    cmd = [PY, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(out)]
    if profile:
        cmd[1:1] = ["-m", "cProfile", "-o", str(profile)]
    log = tmp / "build.log"
    with log.open("w") as f:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=project, stdout=f, stderr=subprocess.STDOUT, env=ENV)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own resource use
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.exit(f"The build of {project} failed:\n{log.read_text()[-3000:]}")
    shutil.rmtree(out)
    return seconds, usage.ru_maxrss / 1024


def summary(seconds: list[float], memory: list[float], pages: int) -> dict:
    median = statistics.median(seconds)
    return {"seconds": [round(s, 2) for s in seconds], "median_s": round(median, 2),
            "s_per_page": round(median / pages, 4), "peak_mb": round(max(memory), 1),
            "mb": [round(m, 1) for m in memory]}


def synthetic(tmp: Path, pages: int, runs: int) -> dict:
    """The project's pipeline against plain Material on the same synthetic pages."""
    where = tmp / f"pages-{pages}"
    project = generate.project(pages, where / "project")
    plain = generate.plain(project, where / "plain")
    result = compare(f"{pages} pages", {"project": project, "plain": plain}, runs, where)
    result["pages"] = pages
    result["records"] = {name: len(generate.load_dataset(project / "data" / f"{name}.yml",
                                                         generate.DATASETS[name], project).records)
                         for name in ("figures", "statements", "indicators", "initiatives")}
    if pages >= 1000:
        result["profile"] = profile(project, where)
    shutil.rmtree(where)
    return result


def compare(label: str, variants: dict[str, Path], runs: int, where: Path) -> dict:
    """Builds of each variant in turn, run by run (the order reversed every other run), and the
    ratio project/plain, run by run."""
    times: dict[str, list] = {name: [] for name in variants}
    memory: dict[str, list] = {name: [] for name in variants}
    for run in range(runs):
        order = list(variants) if run % 2 == 0 else list(reversed(variants))
        for name in order:
            seconds, mb = build(variants[name], where)
            times[name].append(seconds)
            memory[name].append(mb)
            print(f"  {label}, run {run + 1}/{runs}, {name}: {seconds:.2f} s, {mb:.0f} MB", flush=True)
    ratios = [a / b for a, b in zip(times["project"], times["plain"])]
    pages = len(list((variants["project"] / "docs").rglob("*.md")))
    return {"runs": runs, "pages": pages,
            "variants": {name: summary(times[name], memory[name], pages) for name in variants},
            "ratios": [round(r, 3) for r in ratios], "ratio_median": round(statistics.median(ratios), 3)}


# What the profile of the 1000-page build is summarised as: (label, file ends with, function).
PROFILE_PARTS = [
    ("Whole build (mkdocs.commands.build.build)", "mkdocs/commands/build.py", "build"),
    ("Macros: start-up, configuration and the data (mkdocs_macros on_config)", "mkdocs_macros/plugin.py", "on_config"),
    ("  of which: importing macros", "macros/__init__.py", "<module>"),
    ("  of which: load and validate the data (macros.data.checked.load_checked)", "macros/data/checked.py",
     "load_checked"),
    ("    of which: read YAML (macros.data.loader.read_yaml)", "macros/data/loader.py", "read_yaml"),
    ("    of which: read and check records (macros.data.loader.load_dataset, all)", "macros/data/loader.py",
     "load_dataset"),
    ("    of which: every quotation, figure and rating against its passage (macros.checks.verify.check_all)",
     "macros/checks/verify.py", "check_all"),
    ("  of which: the open data files (macros.outputs.opendata.build)", "macros/outputs/opendata.py", "build"),
    ("Macros: render the pages (mkdocs_macros on_page_markdown)", "mkdocs_macros/plugin.py", "on_page_markdown"),
    ("  of which: check each page (macros.hooks.on_pre_page_macros)", "macros/hooks.py", "on_pre_page_macros"),
    ("  of which: Jinja compiles each page (jinja2 from_string)", "macros/hooks.py", "compile_checked"),
    ("  of which: the macros themselves", "macros/hooks.py", "call"),
    ("  of which: each page's finish: notes, short forms (macros.hooks.on_post_page_macros)", "macros/hooks.py",
     "on_post_page_macros"),
    ("Macros: after the build (open data, feeds)", "mkdocs_macros/plugin.py", "on_post_build"),
    ("Markdown to HTML (markdown.core.convert)", "markdown/core.py", "convert"),
    ("  of which: raw HTML read by md_in_html (its preprocessor)", "markdown/extensions/md_in_html.py", "run"),
    ("  of which: inline patterns (markdown InlineProcessor)", "markdown/treeprocessors.py", "run"),
    ("Material templates, whole pages (mkdocs _build_page)", "mkdocs/commands/build.py", "_build_page"),
    ("  of which: the navigation (partials/nav.html, the project's override)", "partials/nav.html", "root"),
    ("Search: each page's HTML read again (search plugin on_page_context)", "material/plugins/search/plugin.py",
     "on_page_context"),
    ("Search index written (search plugin on_post_build)", "material/plugins/search/plugin.py", "on_post_build"),
]
SKIP = re.compile(r"runpy|click/|mkdocs/__main__|<string>|^~$|importlib")


def profile(project: Path, where: Path) -> dict:
    """Profile one build with cProfile; return the main costs and the top cumulative entries."""
    prof = where / "build.prof"
    seconds, _ = build(project, where, profile=prof)
    stats = pstats.Stats(str(prof)).stats  # (file, line, function) -> (cc, nc, tottime, cumtime, callers)
    total = max(v[3] for v in stats.values())

    def cumulative(path_end: str, func: str) -> float:
        return max([v[3] for (f, _, fn), v in stats.items() if f.endswith(path_end) and fn == func] or [0.0])

    parts = [{"what": label, "cum_s": round(cumulative(p, f), 1),
              "share": round(cumulative(p, f) / total, 3)} for label, p, f in PROFILE_PARTS]
    top = sorted(((k, v) for k, v in stats.items() if not SKIP.search(k[0])), key=lambda kv: -kv[1][3])
    rows = [{"function": f"{Path(f).parent.name}/{Path(f).name}:{line}({fn})" if f != "~" else fn,
             "calls": v[1], "tottime_s": round(v[2], 1), "cum_s": round(v[3], 1)}
            for (f, line, fn), v in top[:20]]
    return {"seconds_under_profiler": round(seconds, 1), "parts": parts, "top": rows}


def snapshot(dest: Path) -> Path:
    """The work tree as it is now, with its git history (pages take their dates from git)."""
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(dest)], check=True)
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.splitlines()
    for name in listed:
        src, dst = ROOT / name, dest / name
        if src.is_file():
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
        elif dst.exists():
            dst.unlink()  # deleted in the work tree
    return dest


def real_build(real: Path, tmp: Path) -> dict:
    """The real site's strict build, against the same pages (the Markdown its macros produce) as a
    plain Material site, interleaved."""
    where = tmp / "real-builds"
    plain = generate.plain(real, where / "plain")
    result = compare("real site", {"project": real, "plain": plain}, REAL_RUNS, where)
    shutil.rmtree(where)
    return result


# ----- live reload -----

def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            html = response.read().decode("utf-8")
    except OSError:
        return None
    # mkdocs serve adds a script that changes on every build: leave it out of the comparison
    return re.sub(r"<script>(?:(?!</script>).)*?livereload\(\d+, \d+\);\s*</script>", "", html, flags=re.S)


def wait_for(url: str, done, limit: float = 60.0) -> float | None:
    """Poll url until done(html) is true; seconds taken, or None after `limit` seconds."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        html = fetch(url)
        if html is not None and done(html):
            return time.perf_counter() - start
        time.sleep(0.05)
    return None


def data_edit(real: Path) -> tuple[Path, int, str, str]:
    """A one-line change to a data file that a page shows: a glossary term's explanation (the
    site's own words, so the build's checks against the documents still pass, as an officer's
    edit would), and the glossary page that shows it: (file, line, new line, page URL)."""
    ds = generate.load_dataset(real / "data" / "glossary.yml", generate.DATASETS["glossary"], real)
    lines = ds.path.read_text(encoding="utf-8").splitlines(keepends=True)
    for index in range(len(ds.records)):
        at = ds.line(index, "explanation") - 1
        if re.match(r"\s+explanation: [^>|'\"]", lines[at]):  # a plain one-line value
            return ds.path, at, lines[at].rstrip("\n") + " Edited by the benchmark.\n", "glossary/"
    sys.exit("No glossary term has a one-line explanation, so the data edit cannot be timed.")


def page_edit(real: Path) -> tuple[Path, int, str, str]:
    """A one-line change to a page: a sentence added after its first heading."""
    page = real / "docs" / "about.md"
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("# "))
    return page, at, lines[at] + "\nThis sentence was added by the benchmark.\n", "about/"


def live_reload(real: Path) -> dict:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    edits = {"data": data_edit(real), "page": page_edit(real)}
    originals = {kind: path.read_text(encoding="utf-8") for kind, (path, *_ ) in edits.items()}
    log = (real / "serve.log").open("w")
    server = subprocess.Popen([PY, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=real, stdout=log, stderr=subprocess.STDOUT, env=ENV)
    result: dict = {}
    try:
        if wait_for(base, lambda html: True, limit=120) is None:
            sys.exit("mkdocs serve did not answer within 120 s.")
        time.sleep(2)  # let the watcher settle after the first build
        for kind, (path, at, new, uri) in edits.items():
            url, original = base + uri, originals[kind]
            before = fetch(url)
            if before is None:
                sys.exit(f"mkdocs serve does not serve {url}.")
            times = []
            for _ in range(RELOAD_RUNS):
                lines = original.splitlines(keepends=True)
                lines[at] = new
                start = time.perf_counter()
                path.write_text("".join(lines), encoding="utf-8")
                seen = wait_for(url, lambda html: html != before)
                taken = time.perf_counter() - start
                path.write_text(original, encoding="utf-8")
                if seen is None:
                    sys.exit(f"The served page {url} did not change within 60 s of editing {path.name}.")
                times.append(taken)
                wait_for(url, lambda html: html == before)  # back to how it was before the next edit
                time.sleep(1)
            print(f"  live reload after a {kind} edit ({path.relative_to(real)} -> /{uri}): "
                  f"{', '.join(f'{t:.2f}' for t in times)} s", flush=True)
            result[kind] = {"file": path.relative_to(real).as_posix(), "page": "/" + uri,
                            "seconds": [round(t, 2) for t in times],
                            "median_s": round(statistics.median(times), 2)}
    finally:
        for kind, (path, *_ ) in edits.items():
            path.write_text(originals[kind], encoding="utf-8")
        stop(server, log)
    return result


# ----- transfer sizes -----

def sizes(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=6))


def assets_of(site: Path, page: Path) -> list[Path]:
    """What a browser fetches for a page: stylesheets, scripts, icons, images, the search worker."""
    html = page.read_text(encoding="utf-8")
    refs = re.findall(r'<link[^>]+rel="(?:stylesheet|icon)"[^>]*href="([^"]+)"', html)
    refs += re.findall(r'<(?:script|img)[^>]+src="([^"]+)"', html)
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
    config = json.loads(config.group(1)) if config else {}
    if config.get("search"):  # the search worker
        refs.append(config["search"])
    found = []
    for ref in refs:
        if ref.startswith(("http:", "https:", "data:", "//")):
            continue
        target = (page.parent / ref.split("?")[0].split("#")[0]).resolve()
        if target.is_file() and target not in found:
            found.append(target)
    return found


def transfer(real: Path, tmp: Path) -> dict:
    site = tmp / "real-site"
    subprocess.run([PY, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)],
                   cwd=real, env=ENV, check=True)
    rows = []

    def add(kind: str, path: Path) -> dict:
        raw, gz = sizes(path)
        row = {"what": kind, "file": path.relative_to(site).as_posix(), "raw_kb": round(raw / 1024, 1),
               "gzip_kb": round(gz / 1024, 1)}
        rows.append(row)
        return row

    home = site / "index.html"
    content = site / "performance" / "index.html"
    add("home page HTML", home)
    add("content page HTML", content)
    index = site / "search" / "search_index.json"
    add("search index", index)
    home_assets = assets_of(site, home)
    for asset in home_assets:
        kind = {".css": "CSS", ".js": "JavaScript", ".png": "image", ".svg": "image"}.get(asset.suffix, "other")
        add(kind, asset)
    fonts = [p for p in site.rglob("*") if p.suffix in (".woff", ".woff2", ".ttf", ".otf", ".eot")]
    for font in fonts:
        add("font", font)

    def total(files: list[Path]) -> dict:
        raw = sum(sizes(f)[0] for f in files)
        gz = sum(sizes(f)[1] for f in files)
        return {"files": len(files), "raw_kb": round(raw / 1024, 1), "gzip_kb": round(gz / 1024, 1)}

    return {"files": rows, "fonts": len(fonts),
            "home_total": total([home, index] + home_assets),
            "home_total_without_search_index": total([home] + home_assets),
            "content_total": total([content, index] + assets_of(site, content))}


# ----- report -----

def versions() -> dict:
    git = ["git", "-C", str(ROOT)]
    commit = subprocess.run(git + ["rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(git + ["status", "--porcelain"], capture_output=True, text=True).stdout.strip()
    out = {"python": platform.python_version(), "cores": os.cpu_count(),
           "commit": commit + (" plus uncommitted changes" if dirty else "")}
    for name in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin"):
        out[name] = subprocess.run([PY, "-m", "pip", "show", name], capture_output=True, text=True
                                   ).stdout.split("Version: ")[-1].split()[0]
    return out


def budgets(results: dict) -> list[dict]:
    """Each of issue 13's budgets: its limit, the median measured and the runs behind it."""
    by_pages = {r["pages"]: r for r in results["synthetic"]}
    rows = []

    def check(name: str, limit: str, measured: float, met: bool, unit: str, runs: list) -> None:
        rows.append({"budget": name, "limit": limit, "measured": measured, "unit": unit, "met": met,
                     "runs": runs})

    rb = results["real_build"]
    sizes = [(f"the real site ({rb['pages']} pages)", rb)] + [(f"{p} pages", by_pages[p]) for p in (100, 1000)
                                                              if p in by_pages]
    for label, r in sizes:
        check(f"The project's build against plain Material on the same pages, {label}",
              f"at most {BUDGETS['ratio']:.2f}x", r["ratio_median"], r["ratio_median"] <= BUDGETS["ratio"],
              "x", r["ratios"])
    limit = round(BUDGETS["real_base_s"] + BUDGETS["real_per_page_s"] * rb["pages"], 3)
    ours = rb["variants"]["project"]
    check(f"Real site, full strict build ({rb['pages']} pages), median",
          f"at most {BUDGETS['real_base_s']} s + {BUDGETS['real_per_page_s']} s a page = {limit} s",
          ours["median_s"], ours["median_s"] <= limit, "s", ours["seconds"])
    s = results["live_reload"]["data"]
    check("Live reload after a one-line data edit, median", f"at most {BUDGETS['reload']} s",
          s["median_s"], s["median_s"] <= BUDGETS["reload"], "s", s["seconds"])
    if 1000 in by_pages:
        v = by_pages[1000]["variants"]
        mb, plain = v["project"]["peak_mb"], v["plain"]["peak_mb"]
        check("Peak memory, 1000 pages", f"at most plain Material's {plain} MB + "
              f"{BUDGETS['memory_over_plain_mb']} MB", mb, mb <= plain + BUDGETS["memory_over_plain_mb"],
              "MB", v["project"]["mb"])
    kb = results["transfer"]["home_total"]["gzip_kb"]
    check("Home page, everything it downloads, gzip", f"under {BUDGETS['home_gzip_kb']} KB", kb,
          kb < BUDGETS["home_gzip_kb"], "KB", [kb])
    return rows


def budget_table(budgets: list[dict]) -> list[str]:
    """The budgets as Markdown: each with its limit, median, runs and whether it was met."""
    yes = {True: "met", False: "**missed**", None: "not measured"}
    out = ["## Budgets", "", "| Budget | Limit | Median | Runs | Result |", "| --- | --- | --- | --- | --- |"]
    for b in budgets:
        out.append(f"| {b['budget']} | {b['limit']} | {b['median']} | {', '.join(map(str, b['runs']))} | "
                   f"{yes[b['met']]} |")
    return out


def markdown(results: dict) -> str:
    out = ["# Benchmark results", "",
           f"Made by `make bench` (bench/run.py) on {results['date']}, at commit "
           f"{results['machine']['commit']}: {results['machine']['cores']} cores, "
           f"Python {results['machine']['python']}, MkDocs {results['machine']['mkdocs']}, "
           f"Material {results['machine']['mkdocs-material']}, mkdocs-macros "
           f"{results['machine']['mkdocs-macros-plugin']}. Times are wall-clock seconds of a whole "
           "`mkdocs build --strict` in its own process (start-up included); memory is the peak "
           "resident size of that process.", ""]
    out += budget_table([dict(b, median=f"{b['measured']}{'' if b['unit'] == 'x' else ' '}{b['unit']}")
                         for b in results["budgets"]])
    out += ["", "## The project's pipeline against plain Material", "",
            "Synthetic sites made by bench/generate.py: the project's own mkdocs.yml (nav replaced), "
            "macros, overrides, assets and data, plus synthetic figures, statements, indicators and "
            "initiatives for each page, made and validated with macros/data/models.py. *Plain* is the "
            "same site with each page's Markdown as the macros leave it (captured from the project's "
            "own build) and no macros plugin: its HTML is the same, so the difference is the cost of "
            "the macros, data validation and what they add after the build (open data, feeds). "
            "Builds of the variants alternate, run by run; the ratio is project/plain, run by run.", "",
            "| Pages | Records (figures, statements, indicators, initiatives) | Variant | Runs | Median s "
            "| s per page | Peak MB | Runs (s) |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in results["synthetic"]:
        recs = ", ".join(str(n) for n in r["records"].values())
        for name, v in r["variants"].items():
            out.append(f"| {r['pages']} | {recs} | {name} | {r['runs']} | {v['median_s']} | "
                       f"{v['s_per_page']} | {v['peak_mb']} | {', '.join(map(str, v['seconds']))} |")
    out += ["", "| Pages | Ratio project/plain, run by run | Median |", "| --- | --- | --- |"]
    for r in results["synthetic"]:
        out.append(f"| {r['pages']} | {', '.join(map(str, r['ratios']))} | {r['ratio_median']} |")
    for r in results["synthetic"]:
        if "profile" not in r:
            continue
        p = r["profile"]
        out += ["", f"## Profile of the {r['pages']}-page build", "",
                f"`python -m cProfile -m mkdocs build --strict` on the {r['pages']}-page project "
                f"({p['seconds_under_profiler']} s under the profiler, which slows Python code down "
                "about 2 to 3 times). Cumulative time of the main parts:", "",
                "| Part | Cumulative s | Share |", "| --- | --- | --- |"]
        out += [f"| {x['what']} | {x['cum_s']} | {x['share']:.0%} |" for x in p["parts"]]
        out += ["", "Top 20 functions by cumulative time:", "",
                "| Function | Calls | Own s | Cumulative s |", "| --- | --- | --- | --- |"]
        out += [f"| `{x['function']}` | {x['calls']} | {x['tottime_s']} | {x['cum_s']} |" for x in p["top"]]
    rb, lr = results["real_build"], results["live_reload"]
    out += ["", "## The real site", "",
            f"Full strict build of the {rb['pages']} pages, interleaved with the same pages as a plain "
            "Material site (the Markdown the macros produce, captured as for the synthetic sites):", "",
            "| Variant | Median s | Peak MB | Runs (s) |", "| --- | --- | --- | --- |"]
    out += [f"| {name} | {v['median_s']} | {v['peak_mb']} | {', '.join(map(str, v['seconds']))} |"
            for name, v in rb["variants"].items()]
    out += ["", f"Ratio project/plain, run by run: {', '.join(map(str, rb['ratios']))} "
            f"(median {rb['ratio_median']}).", "",
            "Live reload with `mkdocs serve` on 127.0.0.1: seconds from writing a one-line change "
            "until the served page's HTML changes (the file is restored after each try).", "",
            "| Edit | File | Page | Median s | Runs (s) |", "| --- | --- | --- | --- | --- |"]
    for kind, v in lr.items():
        out.append(f"| {kind} | {v['file']} | {v['page']} | {v['median_s']} | {', '.join(map(str, v['seconds']))} |")
    t = results["transfer"]
    out += ["", "## Transfer sizes", "",
            "From the real site's build. Gzip at level 6, as a web server would send it. "
            f"Font files in the site: {t['fonts']} (the theme uses the reader's own fonts).", "",
            "| What | File | Raw KB | Gzip KB |", "| --- | --- | --- | --- |"]
    out += [f"| {r['what']} | {r['file']} | {r['raw_kb']} | {r['gzip_kb']} |" for r in t["files"]]
    for label, key in [("Home page, everything it downloads (HTML, CSS, JavaScript, icon, search "
                        "worker and search index)", "home_total"),
                       ("Home page without the search index", "home_total_without_search_index"),
                       ("Content page (performance/), everything it downloads", "content_total")]:
        v = t[key]
        out.append(f"| **{label}** | {v['files']} files | {v['raw_kb']} | {v['gzip_kb']} |")
    return "\n".join(out) + "\n"


def main() -> None:
    results: dict = {"date": time.strftime("%Y-%m-%d %H:%M"), "machine": versions(), "synthetic": []}
    with tempfile.TemporaryDirectory(prefix="bench-") as name:
        tmp = Path(name)
        for pages, runs in SIZES:
            print(f"Synthetic site, {pages} pages, {runs} runs of each variant", flush=True)
            results["synthetic"].append(synthetic(tmp, pages, runs))
        print("The real site", flush=True)
        real = snapshot(tmp / "real")
        results["real_build"] = real_build(real, tmp)
        results["live_reload"] = live_reload(real)
        results["transfer"] = transfer(real, tmp)
    results["budgets"] = budgets(results)
    (BENCH / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    report = markdown(results)
    (BENCH / "results.md").write_text(report)
    print(report)


if __name__ == "__main__":
    main()
