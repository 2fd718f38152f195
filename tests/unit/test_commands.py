"""The maintainers' and officers' commands (python -m macros ...), run in a made-up folder: what
each prints and the files it writes. Also the dates git gives each page ("Last updated")."""
import datetime as dt
import json
import os
import subprocess

import pytest

from macros.__main__ import main
from macros.data.gitdates import git_dates
from macros.data.models import DATASETS

PAGE = "---\ntitle: {title}\nowner: {owner}\nlast_reviewed: 2026-01-10\nreview_by: {due}\n---\n\n# {title}\n"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_no_command_or_an_unknown_one_shows_how_to_use_them(capsys):
    for argv in ([], ["publish"]):
        assert main(argv) == 2
        said = capsys.readouterr().err
        assert said.startswith("Usage: python -m macros check|config|review|schemas|find|macros")
        assert "list the pages past their review date" in said


def test_check_says_what_is_wrong_with_the_data(tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 1
    said = capsys.readouterr()
    assert said.err.startswith("The data has a problem:\ndata/sources.yml: the file is missing") and not said.out


def test_config_names_the_line_of_a_mistake_in_the_settings(tmp_path, capsys):
    settings = tmp_path / "mkdocs.yml"
    write(settings, "site_name: Test\nnav:\n  - Home: index.md\n   - About: about.md\n")
    assert main(["config", str(settings)]) == 1
    said = capsys.readouterr().err
    assert "mkdocs.yml, line 4" in said and "Traceback" not in said
    write(settings, "site_name: Test\nnav:\n  - Home: index.md\n  - About: about.md\n")
    assert main(["config", str(settings)]) == 0 and capsys.readouterr().err == ""


def test_review_lists_the_pages_past_their_review_date_oldest_first(tmp_path, monkeypatch, capsys):
    today = dt.date.today()
    write(tmp_path / "docs/index.md", PAGE.format(title="Home", owner="Web team", due=today + dt.timedelta(days=30)))
    write(tmp_path / "docs/trust/meetings.md", PAGE.format(title="Meetings", owner="Board clerk",
                                                            due=today - dt.timedelta(days=1)))
    write(tmp_path / "docs/about.md", PAGE.format(title="About", owner="Web team", due=today - dt.timedelta(days=90)))
    monkeypatch.chdir(tmp_path)
    assert main(["review"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"2 page(s) past their review date ({today}):",
                     f"  docs/about.md: due {today - dt.timedelta(days=90)}, owner Web team",
                     f"  docs/trust/meetings.md: due {today - dt.timedelta(days=1)}, owner Board clerk"]


def test_review_with_nothing_late_says_so_and_a_broken_page_is_named_but_never_fails(tmp_path, monkeypatch, capsys):
    write(tmp_path / "docs/index.md", PAGE.format(title="Home", owner="Web team", due="2999-01-01"))
    monkeypatch.chdir(tmp_path)
    assert main(["review"]) == 0
    assert capsys.readouterr().out == f"No page is past its review date ({dt.date.today()}).\n"
    write(tmp_path / "docs/about.md", "---\ntitle: About\nlast_reviewed: 2026-01-10\n---\n\n# About\n")
    assert main(["review"]) == 0  # a reminder, never a failure
    said = capsys.readouterr().out
    assert said.startswith("docs/about.md, front matter:") and "Missing: owner, review_by" in said


def test_schemas_are_written_for_every_data_file_and_kept_up_to_date(tmp_path, capsys):
    write(tmp_path / "build/schemas/gone.schema.json", "{}")  # a dataset since removed
    assert main(["schemas", str(tmp_path)]) == 0
    said = capsys.readouterr().out.splitlines()
    assert set(said[:-1]) == ({f"updated build/schemas/{name}.schema.json" for name in DATASETS}
                              | {"updated build/schemas/gone.schema.json"})
    assert said[-1] == f"The schemas of all {len(DATASETS)} data files are up to date in build/schemas/."
    assert not (tmp_path / "build/schemas/gone.schema.json").exists()
    for name in DATASETS:
        schema = json.loads((tmp_path / f"build/schemas/{name}.schema.json").read_text(encoding="utf-8"))
        assert schema["title"] == f"data/{name}.yml" and schema["type"] == "array"
    assert main(["schemas", str(tmp_path)]) == 0  # run again: nothing to change
    assert capsys.readouterr().out.startswith("The schemas of all")


def test_find_gives_the_passage_to_cite_and_says_when_a_document_could_not_be_searched(tmp_path, monkeypatch, capsys):
    write(tmp_path / "sources/report.md", "# A report {#title}\n\n## Play {#play}\n\n"
                                          "The city has 87 play areas, all of them free.\n")
    write(tmp_path / "sources/broken.md", "No heading at all.\n")
    monkeypatch.chdir(tmp_path)
    assert main(["find", "87", "PLAY", "areas"]) == 0
    said = capsys.readouterr()
    assert "source: report\npassage: play-1\n  (sources/report.md, line 5) The city has 87 play areas" in said.out
    assert said.out.endswith("1 passage found.\n")
    assert "sources/broken.md was not searched, because of a problem in it:" in said.err
    assert main(["find", "88", "play", "areas"]) == 1 and capsys.readouterr().out.endswith("0 passages found.\n")
    assert main(["find"]) == 2 and "Give some words to look for" in capsys.readouterr().err


def test_macros_prints_the_officers_list(capsys):
    assert main(["macros"]) == 0
    said = capsys.readouterr().out
    assert "figure" in said and said.endswith("\n")


def git(repo, *args, day=None):
    env = {**os.environ, "GIT_AUTHOR_NAME": "Officer", "GIT_AUTHOR_EMAIL": "officer@example.org",
           "GIT_COMMITTER_NAME": "Officer", "GIT_COMMITTER_EMAIL": "officer@example.org"}
    if day:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{day}T12:00:00+00:00"
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def test_each_page_and_data_file_was_last_updated_on_its_newest_change(tmp_path):
    git(tmp_path, "init", "-q")
    write(tmp_path / "docs/index.md", "# Home\n")
    write(tmp_path / "data/figures.yml", "[]\n")
    write(tmp_path / "README.md", "Not a page.\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first", day="2025-03-04")
    write(tmp_path / "docs/index.md", "# Home, again\n")
    git(tmp_path, "commit", "-qam", "second", day="2026-01-26")
    assert git_dates(tmp_path) == {"docs/index.md": dt.date(2026, 1, 26), "data/figures.yml": dt.date(2025, 3, 4)}


@pytest.mark.parametrize("where", ["not a repository", "no git"])
def test_without_git_no_page_has_a_date_and_the_build_goes_on(tmp_path, monkeypatch, where):
    if where == "no git":
        monkeypatch.setenv("PATH", str(tmp_path))
    assert git_dates(tmp_path) == {}
