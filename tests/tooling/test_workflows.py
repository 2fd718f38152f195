"""The GitHub Actions workflows, and the build they publish.

Nothing here can reach GitHub, so the workflows are checked as files: against GitHub's workflow
schema (check-jsonschema's bundled copy), by zizmor's security audits (offline), and by the rules
below. The tests and builds run in the container this project's own CI uses (Debian bookworm with
Python 3.11, where Debian's Chromium is a real package, not a snap); pull requests are checked and
never publish; a push to main publishes only after the same checks pass, built for the site's real
address; permissions are the least each job needs; two publications never race; every action is
pinned to a full commit SHA, with the release it is in a comment.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import CHROMIUM, ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
PUBLISH = WORKFLOWS / "publish.yml"
LINK_CHECK = WORKFLOWS / "link-check.yml"
# Jobs that run none of the project's code, so need neither its checkout nor its container: the
# one that publishes what the build uploaded, and the one that files the link check's issue.
NO_CHECKOUT = {(PUBLISH, "deploy"), (LINK_CHECK, "report")}
CONTAINER = "python:3.11-bookworm"  # the machine .ci/run runs on: Debian bookworm, Python 3.11
PAGES_ACTIONS = ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages")
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
ADDRESS = "https://example.github.io/cypp-website/"


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as true.
    if True in data:
        data["on"] = data.pop(True)
    return data


def uses_of(workflow: dict) -> list[str]:
    found = []
    for job in workflow["jobs"].values():
        if "uses" in job:
            found.append(job["uses"])
        found.extend(step["uses"] for step in job.get("steps", []) if "uses" in step)
    return found


def runs_of(job: dict) -> list[str]:
    return [step["run"].strip() for step in job.get("steps", []) if "run" in step]


def step_using(job: dict, action: str) -> dict:
    steps = [s for s in job.get("steps", []) if s.get("uses", "").startswith(action + "@")]
    assert len(steps) == 1, f"expected one step using {action}"
    return steps[0]


def all_workflows() -> list[Path]:
    return sorted(WORKFLOWS.glob("*.y*ml"))


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found, f"{name} is not installed: run `make test` (requirements-dev.txt pins it)"
    return found


def schema_check(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                           *map(str, paths)], capture_output=True, text=True, timeout=120)


def zizmor(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([tool("zizmor"), "--offline", "--no-progress", *map(str, paths)],
                          capture_output=True, text=True, timeout=120)


def test_workflows_match_githubs_workflow_schema():
    result = schema_check(*all_workflows())
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_no_security_problem():
    result = zizmor(*all_workflows())
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_checks_find_mistakes(tmp_path):
    """The two checks above can fail: a misspelt key, and a pull request's title run as a command."""
    broken = tmp_path / "misspelt.yml"
    broken.write_text(PULL_REQUEST.read_text(encoding="utf-8").replace("runs-on:", "run-on:"), encoding="utf-8")
    assert schema_check(broken).returncode != 0
    unsafe = tmp_path / "injection.yml"
    unsafe.write_text(PULL_REQUEST.read_text(encoding="utf-8").replace(
        "run: make review", 'run: echo "${{ github.event.pull_request.title }}"'), encoding="utf-8")
    assert schema_check(unsafe).returncode == 0
    result = zizmor(unsafe)
    assert result.returncode != 0 and "template-injection" in result.stdout + result.stderr


def test_the_three_workflows_exist():
    assert {p.name for p in all_workflows()} == {"pull-request.yml", "publish.yml", "link-check.yml"}


def test_tests_and_builds_run_on_the_same_machine_as_the_projects_ci():
    for path in all_workflows():
        for name, job in load(path)["jobs"].items():
            if (path, name) in NO_CHECKOUT:
                assert "container" not in job and not any(s.get("uses", "").startswith("actions/checkout@")
                                                          for s in job["steps"]), (path.name, name)
                continue
            assert job["container"] == CONTAINER, (path.name, name)
            assert not any("sudo" in run for run in runs_of(job)), "the container runs as root"
            assert not any(u.startswith("actions/setup-python@") for u in uses_of({"jobs": {name: job}})), \
                "Python 3.11 comes with the container"
    for job in (load(PULL_REQUEST)["jobs"]["test"], load(PUBLISH)["jobs"]["test"]):
        runs = runs_of(job)
        chromium = next(i for i, run in enumerate(runs) if "apt-get install -y -qq chromium" in run)
        assert chromium < runs.index("make test")
    # Debian's chromium package puts the browser where the tests and the Makefile look for it.
    assert CHROMIUM == os.environ.get("CHROMIUM", "/usr/bin/chromium")
    assert "CHROMIUM ?= /usr/bin/chromium" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_every_checkout_has_the_history_and_keeps_no_credentials():
    """The whole history, for each page's "Last updated" and each dataset's "Last changed" (a
    shallow clone would date everything to the last commit); git told the checkout is safe."""
    for path in all_workflows():
        for name, job in load(path)["jobs"].items():
            if (path, name) in NO_CHECKOUT:
                continue
            checkout = step_using(job, "actions/checkout")
            assert checkout["with"] == {"persist-credentials": False, "fetch-depth": 0}, (path.name, name)
            assert runs_of(job)[0] == 'git config --global --add safe.directory "$GITHUB_WORKSPACE"'


def test_pull_requests_are_checked_and_never_publish():
    wf = load(PULL_REQUEST)
    assert set(wf["on"]) == {"pull_request"}
    assert set(wf["jobs"]) == {"test"}, "a pull request runs the checks only: no deploy job"
    assert not any(u.startswith(PAGES_ACTIONS) for u in uses_of(wf))
    for name, job in wf["jobs"].items():
        assert "environment" not in job, name
        assert job.get("permissions", {}) == {}, name
    job = wf["jobs"]["test"]
    runs = runs_of(job)
    assert runs.index("make test") < runs.index("make build")
    upload = step_using(job, "actions/upload-artifact")
    assert upload["with"]["path"].rstrip("/") == "site"
    # the guide tells officers where to find the preview by the name the workflow gives it
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert f"then `{upload['with']['name']}`)" in guide
    concurrency = wf["concurrency"]
    assert concurrency == {"group": "pull-request-${{ github.event.pull_request.number }}",
                           "cancel-in-progress": True}


def test_publishing_happens_only_on_main_after_the_checks():
    wf = load(PUBLISH)
    assert wf["on"] == {"push": {"branches": ["main"]}}
    jobs = wf["jobs"]
    assert "make test" in runs_of(jobs["test"])
    # The same machine, set-up and checks as a pull request (what passed review is what is published).
    pr_test = load(PULL_REQUEST)["jobs"]["test"]
    assert jobs["test"]["container"] == pr_test["container"]
    steps = jobs["test"]["steps"]
    assert steps[0]["uses"] == pr_test["steps"][0]["uses"]
    assert steps[1:] == pr_test["steps"][1:len(steps)]
    deploy_jobs = [n for n, j in jobs.items()
                   if any(s.get("uses", "").startswith("actions/deploy-pages@")
                          for s in j.get("steps", []))]
    assert deploy_jobs == ["deploy"]
    needs = jobs["deploy"]["needs"]
    assert "test" in ([needs] if isinstance(needs, str) else needs)
    assert "build" in jobs["deploy"]["needs"] and jobs["build"]["needs"] == "test"
    for job in jobs.values():
        assert "if" not in job, "no job may run when the one it needs has failed"


def test_the_build_for_pages_is_given_the_sites_address():
    build = load(PUBLISH)["jobs"]["build"]
    pages = step_using(build, "actions/configure-pages")
    make_build = next(s for s in build["steps"] if s.get("run", "").strip() == "make build-for-pages")
    assert make_build["env"]["SITE_URL"] == f"${{{{ steps.{pages['id']}.outputs.base_url }}}}/"
    assert build["steps"].index(pages) < build["steps"].index(make_build)
    upload = step_using(build, "actions/upload-pages-artifact")
    assert upload["with"]["path"].rstrip("/") == "site"
    assert not any(run.strip() == "make build" for run in runs_of(build))


def test_least_permissions():
    for path in all_workflows():
        assert load(path)["permissions"] == {"contents": "read"}, path.name
    jobs = load(PUBLISH)["jobs"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert "permissions" not in jobs["test"]
    # The link check's report job may only write issues; nothing else anywhere may write.
    assert load(LINK_CHECK)["jobs"]["report"]["permissions"] == {"issues": "write"}
    for path in all_workflows():
        for name, job in load(path)["jobs"].items():
            if (path, name) not in {(PUBLISH, "deploy"), (LINK_CHECK, "report")}:
                assert "write" not in job.get("permissions", {}).values(), (path.name, name)


def test_two_publications_never_race():
    concurrency = load(PUBLISH)["concurrency"]
    assert concurrency["group"] and "${{" not in concurrency["group"], "one fixed group"
    assert concurrency["cancel-in-progress"] is False, "never stop a publication half-way"


@pytest.mark.parametrize("path", all_workflows(), ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit(path):
    uses = uses_of(load(path))
    assert uses
    for ref in uses:
        assert PINNED.match(ref), f"{path.name}: {ref} is not pinned to a full 40-character SHA"
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"\s*(-\s+)?uses:", line):
            assert re.search(r"@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), (
                f"{path.name}: say which release the SHA is, e.g. '# v4.2.2': {line.strip()}")


def make_build_for_pages(project: Path, site_url: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    if site_url is not None:
        env["SITE_URL"] = site_url
    venv = Path(sys.executable).parent.parent
    return subprocess.run(["make", "--no-print-directory", "build-for-pages", f"VENV={venv}"],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("site_url", [None, "", "http://127.0.0.1:8000/"])
def test_the_build_for_pages_refuses_to_run_without_the_address(project, site_url):
    result = make_build_for_pages(project, site_url)
    assert result.returncode != 0
    assert "make build-for-pages needs the site's address in SITE_URL" in result.stderr
    assert "Nothing was built." in result.stderr and "Traceback" not in result.stderr
    assert not (project / "site").exists()


def test_the_published_site_never_points_at_127_0_0_1(project):
    """Canonical links, the sitemap, the feed and the calendar carry the site's real address."""
    result = make_build_for_pages(project, ADDRESS)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    local = re.compile(r"127\.0\.0\.1|localhost")
    for path in site.rglob("*"):
        where = path.relative_to(site).as_posix()
        if path.suffix == ".html":  # only the officers' guide links to their own preview (make serve)
            links = re.findall(r'(?:href|src|content)="([^"]*)"', path.read_text(encoding="utf-8"))
            assert not [link for link in links if local.search(link)
                        and (where, link) != ("contributing/index.html", "http://127.0.0.1:8000")], where
        elif path.suffix in {".xml", ".ics", ".csv"} or (path.suffix == ".json" and where != "search/search_index.json"):
            assert not local.search(path.read_text(encoding="utf-8-sig")), where
    index = (site / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{ADDRESS}">' in index
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert locs and all(loc.startswith(ADDRESS) for loc in locs)
    feed = (site / "changes.xml").read_text(encoding="utf-8")
    assert f'<link rel="self" href="{ADDRESS}changes.xml"/>' in feed
    assert re.findall(r"<link href=\"(.*?)\"/>", feed) and all(
        link.startswith(ADDRESS) for link in re.findall(r"<link href=\"(.*?)\"/>", feed))
    calendar = (site / "data" / "meetings.ics").read_text(encoding="utf-8")
    uids = [uid.strip() for uid in re.findall(r"^UID:(.*)$", calendar, flags=re.M)]
    assert uids and all(uid.endswith("@example.github.io") for uid in uids)


def test_the_links_to_other_websites_are_checked_every_week_and_on_demand():
    wf = load(LINK_CHECK)
    assert set(wf["on"]) == {"schedule", "workflow_dispatch"}
    crons = [entry["cron"] for entry in wf["on"]["schedule"]]
    assert len(crons) == 1
    minute, hour, day, month, weekday = crons[0].split()
    assert day == month == "*" and re.fullmatch(r"[0-6]", weekday), "once a week, on one weekday"
    assert minute.isdigit() and hour.isdigit()


def test_the_link_check_tries_every_link_of_the_built_site():
    job = load(LINK_CHECK)["jobs"]["check"]
    runs = runs_of(job)
    lychee = step_using(job, "lycheeverse/lychee-action")
    assert runs.index("make build") < job["steps"].index(lychee)
    args = lychee["with"]["args"].split()
    assert "'site/**/*.html'" in args and ["--scheme", "https"] == args[args.index("--scheme"):][:2]
    assert lychee["with"]["fail"] is False, "a broken link opens an issue, not a red run nobody reads"
    assert job["outputs"]["broken"] == f"${{{{ steps.{lychee['id']}.outputs.exit_code != '0' }}}}"


def test_a_broken_link_opens_an_issue_or_adds_to_the_open_one():
    wf = load(LINK_CHECK)
    report = wf["jobs"]["report"]
    assert report["needs"] == "check" and report["if"] == "needs.check.outputs.broken == 'true'"
    script = runs_of(report)[-1]
    assert "gh issue create" in script and "gh issue comment" in script and "gh issue list --state open" in script
    env = report["steps"][-1]["env"]
    assert env["GH_TOKEN"] == "${{ github.token }}" and env["GH_REPO"] == "${{ github.repository }}"
    upload = step_using(wf["jobs"]["check"], "actions/upload-artifact")
    download = step_using(report, "actions/download-artifact")
    assert upload["with"]["name"] == download["with"]["name"]
    assert upload["with"]["path"].endswith("/" + Path(script.split("cat ", 1)[1].split()[0]).name)
