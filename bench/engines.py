"""`make bench`, second part: the same site built by each engine (MkDocs, ProperDocs, Zensical), on
the real site and on synthetic sites of 100 and 1000 pages (bench/generate.py), against plain
Material on MkDocs for the same pages: full strict build, peak memory, and how long `serve` takes to
show a one-line data edit. Writes bench/engines.md and bench/engines.json.

Each engine runs from its own environment (make bench makes them: .venv, .venv-properdocs,
.venv-zensical). Builds of the variants alternate, run by run, so a busy machine slows them alike.
`python bench/engines.py quick` runs the real site and 100 pages, fewer times.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402
from run import ENV, budget_table, data_edit, fetch, snapshot, stop, wait_for  # noqa: E402

ROOT = generate.ROOT
BENCH = ROOT / "bench"
QUICK = sys.argv[1:] == ["quick"]
# `python bench/engines.py add PAGES RUNS`: one synthetic size more, added to bench/engines.json's sites
ADD = (int(sys.argv[2]), int(sys.argv[3])) if sys.argv[1:2] == ["add"] else None
SIZES = [ADD] if ADD else [(100, 2)] if QUICK else [(100, 5), (1000, 3)]
REAL_RUNS = 3 if QUICK else 5
RELOAD_RUNS = 3
BINS = {"mkdocs": ROOT / ".venv" / "bin", "properdocs": ROOT / ".venv-properdocs" / "bin",
        "zensical": ROOT / ".venv-zensical" / "bin"}
# The budgets: Zensical shows a data edit within 1.0 s on the real site and builds no slower than
# plain Material on MkDocs; MkDocs shows it within 1.5 s (issue 13).
RELOAD_BUDGET = {"zensical": 1.0, "mkdocs": 1.5}


def commands(engine: str, project: Path, out: Path, serve_at: str | None = None,
             strict: bool = True) -> list[list[str]]:
    """The commands that build (or serve) the project with the engine, as the Makefile runs them (not
    quietly: MkDocs' -q hides the warnings that --strict counts)."""
    bin_ = BINS["mkdocs" if engine == "plain" else engine]
    if engine == "zensical":
        stage = [str(bin_ / "python"), "-m", "macros", "zensical"] + ([] if serve_at else ["--site-dir", str(out)])
        run = ["serve", "-a", serve_at] if serve_at else ["build", *(["--strict"] if strict else []), "--clean"]
        return [stage, [str(bin_ / "zensical"), *run, "-f", "zensical.yml"]]
    tool = [str(bin_ / "properdocs"), ] if engine == "properdocs" else [str(bin_ / "python"), "-m", "mkdocs"]
    mode = ["--strict"] if strict else ["--no-strict"]
    run = ["serve", *mode, "--dev-addr", serve_at] if serve_at else ["build", *mode, "--site-dir", str(out)]
    return [[*tool, *run, "-f", "mkdocs.yml"]]


def environment(project: Path) -> dict[str, str]:
    return dict(ENV, PYTHONPATH=str(project))  # Zensical imports the package's Markdown extensions


def build_site(engine: str, project: Path, log: Path, strict: bool = True) -> tuple[Path, float, float]:
    """One strict build, in child processes: (the site, wall seconds, peak memory in MB of the largest child)."""
    out = project / "build" / f"out-{engine}"  # Zensical writes only inside the project's folder
    seconds, peak = 0.0, 0.0
    with log.open("w") as f:
        for cmd in commands(engine, project, out, strict=strict):
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, cwd=project, stdout=f, stderr=subprocess.STDOUT, env=environment(project))
            _, status, usage = os.wait4(proc.pid, 0)
            seconds += time.perf_counter() - start
            peak = max(peak, usage.ru_maxrss / 1024)
            if os.waitstatus_to_exitcode(status):
                sys.exit(f"The {engine} build of {project} failed:\n{log.read_text()[-3000:]}")
    return out, seconds, peak


def build(engine: str, project: Path, where: Path, strict: bool) -> tuple[float, float]:
    out, seconds, peak = build_site(engine, project, where / f"build-{engine}.log", strict)
    shutil.rmtree(out, ignore_errors=True)
    return seconds, peak


def builds(label: str, variants: dict[str, Path], runs: int, where: Path, strict: bool) -> dict:
    times: dict[str, list] = {name: [] for name in variants}
    memory: dict[str, list] = {name: [] for name in variants}
    for run in range(runs):
        order = list(variants) if run % 2 == 0 else list(reversed(variants))
        for name in order:
            seconds, mb = build(name, variants[name], where, strict)
            times[name].append(round(seconds, 2))
            memory[name].append(round(mb, 1))
            print(f"  {label}, run {run + 1}/{runs}, {name}: {seconds:.2f} s, {mb:.0f} MB", flush=True)
    return {name: {"seconds": times[name], "median_s": round(statistics.median(times[name]), 2),
                   "peak_mb": max(memory[name]),
                   "vs_plain": [round(a / b, 3) for a, b in zip(times[name], times["plain"])]}
            for name in variants}


def reload(engine: str, project: Path, strict: bool) -> dict:
    """Seconds from writing a one-line data edit until the served page shows it, RELOAD_RUNS times."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    path, at, new, uri = data_edit(project)
    original = path.read_text(encoding="utf-8")
    *first, serve = commands(engine, project, project / "site", serve_at=f"127.0.0.1:{port}", strict=strict)
    for cmd in first:
        subprocess.run(cmd, cwd=project, env=environment(project), check=True, capture_output=True)
    log = (project / f"serve-{engine}.log").open("w")
    server = subprocess.Popen(serve, cwd=project, stdout=log, stderr=subprocess.STDOUT, env=environment(project))
    times = []
    try:
        if wait_for(base + uri, lambda html: True, limit=600) is None:
            sys.exit(f"{engine} serve did not answer within 600 s.")
        time.sleep(3)  # let the watcher settle after the first build
        before = fetch(base + uri)
        for _ in range(RELOAD_RUNS):
            lines = original.splitlines(keepends=True)
            lines[at] = new
            start = time.perf_counter()
            path.write_text("".join(lines), encoding="utf-8")
            seen = wait_for(base + uri, lambda html: html != before, limit=300)
            taken = time.perf_counter() - start
            path.write_text(original, encoding="utf-8")
            if seen is None:
                sys.exit(f"{engine}: the served page /{uri} did not change within 300 s of editing {path.name}.")
            times.append(round(taken, 2))
            wait_for(base + uri, lambda html: html == before, limit=300)
            time.sleep(2)
    finally:
        path.write_text(original, encoding="utf-8")
        stop(server, log)
    print(f"  {engine}: served page shows a data edit after {', '.join(map(str, times))} s", flush=True)
    return {"seconds": times, "median_s": statistics.median(times)}


def site(label: str, project: Path, plain: Path, runs: int, where: Path, strict: bool = True) -> dict:
    """Builds of each variant, and each engine's reload. A synthetic site is not built strictly: the
    records' own pages it makes from the real data link to pages only the real site has."""
    variants = {"plain": plain, **{engine: project for engine in BINS}}
    result = {"label": label, "pages": len(list((plain / "docs").rglob("*.md"))), "runs": runs,
              "builds": builds(label, variants, runs, where, strict)}
    result["reload"] = {engine: reload(engine, project, strict) for engine in BINS}
    return result


def versions() -> dict[str, str]:
    out = {}
    for engine, package in (("mkdocs", "mkdocs"), ("properdocs", "properdocs"), ("zensical", "zensical")):
        shown = subprocess.run([str(BINS[engine] / "python"), "-m", "pip", "show", package],
                               capture_output=True, text=True).stdout
        out[engine] = shown.split("Version: ")[-1].split()[0] if "Version: " in shown else "not installed"
    return out


def markdown(results: dict) -> str:
    v = results["versions"]
    out = ["# The site on each engine", "",
           f"Made by `make bench` (bench/engines.py) on {results['date']}, at commit {results['commit']}: "
           f"MkDocs {v['mkdocs']}, ProperDocs {v['properdocs']}, Zensical {v['zensical']}, each from its own "
           "environment. A build is the whole of what `make build ENGINE=...` runs, in its own processes "
           "(Zensical's includes `python -m macros zensical`, which lays out its pages); *plain* is plain "
           "Material on MkDocs for the same pages (bench/generate.py). Peak memory is the largest process's. "
           "*Reload* is the time from writing a one-line change to a glossary term in data/glossary.yml "
           "until the served glossary page shows it.", ""]
    out += budget_table(results["budgets"])
    for r in results["sites"]:
        out += ["", f"## {r['label']} ({r['pages']} pages)", "",
                "| Engine | Build, median s | Against plain, run by run | Peak MB | Reload, median s | Runs (s) |",
                "| --- | --- | --- | --- | --- | --- |"]
        for name, b in r["builds"].items():
            rel = r["reload"].get(name)
            out.append(f"| {name} | {b['median_s']} | {', '.join(map(str, b['vs_plain']))} | {b['peak_mb']} | "
                       f"{rel['median_s'] if rel else '-'} | {', '.join(map(str, b['seconds']))} |")
    return "\n".join(out) + "\n"


def budgets(results: dict) -> list[dict]:
    rows = []
    real = results["sites"][0]
    for engine, limit in RELOAD_BUDGET.items():
        r = real["reload"][engine]
        rows.append({"budget": f"{engine}: reload after a one-line data edit, real site", "limit": f"at most {limit} s",
                     "median": f"{r['median_s']} s", "runs": r["seconds"], "met": r["median_s"] <= limit})
    for r in results["sites"]:
        ratio = statistics.median(r["builds"]["zensical"]["vs_plain"])
        rows.append({"budget": f"zensical: full build against plain Material on MkDocs, {r['label']}",
                     "limit": "at most 1.00x", "median": f"{ratio:.3f}x", "runs": r["builds"]["zensical"]["vs_plain"],
                     "met": ratio <= 1.0})
    return rows


def main() -> None:
    missing = [engine for engine, bin_ in BINS.items() if not (bin_ / "python").exists()]
    if missing:
        sys.exit(f"No environment for {', '.join(missing)}: make bench makes them.")
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    results: dict = {"date": time.strftime("%Y-%m-%d %H:%M"), "commit": commit, "versions": versions(), "sites": []}
    if ADD:
        results = json.loads((BENCH / "engines.json").read_text())
    with tempfile.TemporaryDirectory(prefix="bench-engines-") as name:
        tmp = Path(name)
        if not ADD:
            print("The real site", flush=True)
            real = snapshot(tmp / "real")
            plain = generate.plain(real, tmp / "real-plain")
            results["sites"].append(site("The real site", real, plain, REAL_RUNS, tmp))
            write(results)
        for pages, runs in SIZES:
            print(f"Synthetic site, {pages} pages", flush=True)
            project = generate.project(pages, tmp / f"pages-{pages}" / "project")
            plain = generate.plain(project, tmp / f"pages-{pages}" / "plain")
            results["sites"].append(site(f"Synthetic site of {pages} pages", project, plain, runs, tmp, strict=False))
            shutil.rmtree(tmp / f"pages-{pages}")
            write(results)
    print(markdown(results))


def write(results: dict) -> None:
    """The results so far (after each site, so a long run that is stopped still leaves them)."""
    results["budgets"] = budgets(results)
    (BENCH / "engines.json").write_text(json.dumps(results, indent=2) + "\n")
    (BENCH / "engines.md").write_text(markdown(results))


if __name__ == "__main__":
    main()
