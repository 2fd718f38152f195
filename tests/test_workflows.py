"""The GitHub Actions workflows: actionlint passes, and the publishing rules hold.

Pull requests are checked and never publish; a push to main publishes only after the same
checks pass; permissions are the least each job needs; two publications never race; every
action is pinned to a full commit SHA, with the release it is in a comment.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
PUBLISH = WORKFLOWS / "publish.yml"
PAGES_ACTIONS = ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages")
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


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


def test_actionlint_passes():
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which(
        "actionlint")
    assert actionlint, "actionlint is not installed: run `make test` (requirements-dev.txt pins it)"
    result = subprocess.run([actionlint, "-color=false", *map(str, all_workflows())],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_two_workflows_exist():
    assert {p.name for p in all_workflows()} == {"pull-request.yml", "publish.yml"}


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
    assert "sudo apt-get install -y chromium" in "\n".join(runs)
    assert runs.index("make test") < runs.index("make build")
    upload = step_using(job, "actions/upload-artifact")
    assert upload["with"]["path"].rstrip("/") == "site"
    assert step_using(job, "actions/setup-python")["with"]["python-version"] == "3.11"


def test_publishing_happens_only_on_main_after_the_checks():
    wf = load(PUBLISH)
    assert wf["on"] == {"push": {"branches": ["main"]}}
    jobs = wf["jobs"]
    assert "make test" in runs_of(jobs["test"])
    # The same set-up and checks as a pull request (so what passed review is what is published).
    pr_steps = load(PULL_REQUEST)["jobs"]["test"]["steps"]
    steps = jobs["test"]["steps"]
    assert steps[0]["uses"] == pr_steps[0]["uses"]
    assert steps[1:] == pr_steps[1:len(steps)]
    deploy_jobs = [n for n, j in jobs.items()
                   if any(s.get("uses", "").startswith("actions/deploy-pages@")
                          for s in j.get("steps", []))]
    assert deploy_jobs == ["deploy"]
    needs = jobs["deploy"]["needs"]
    assert "test" in ([needs] if isinstance(needs, str) else needs)
    assert "build" in jobs["deploy"]["needs"] and jobs["build"]["needs"] == "test"
    for job in jobs.values():
        assert "if" not in job, "no job may run when the one it needs has failed"


def test_site_url_comes_from_configure_pages():
    build = load(PUBLISH)["jobs"]["build"]
    pages = step_using(build, "actions/configure-pages")
    make_build = next(s for s in build["steps"] if s.get("run", "").strip() == "make build")
    assert f"steps.{pages['id']}.outputs.base_url" in make_build["env"]["SITE_URL"]
    assert build["steps"].index(pages) < build["steps"].index(make_build)
    upload = step_using(build, "actions/upload-pages-artifact")
    assert upload["with"]["path"].rstrip("/") == "site"


def test_least_permissions():
    for path in all_workflows():
        assert load(path)["permissions"] == {"contents": "read"}, path.name
    jobs = load(PUBLISH)["jobs"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert "permissions" not in jobs["test"]
    # Nothing else anywhere may write.
    for path in all_workflows():
        for name, job in load(path)["jobs"].items():
            if (path, name) != (PUBLISH, "deploy"):
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
