"""The JSON Schemas in schemas/: made from the models, up to date, and the real data fits them."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import ROOT

from macros.data.loader import _Loader
from macros.data.models import DATASETS
from macros.outputs.schema import dataset_schema, render, schema_path, vscode_schemas, write_schemas

REMAKE = "the committed schema differs from macros/data/models.py: run `make schemas` and commit it"


def load_data(path: Path):
    """As the site reads it: dates stay text."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (safe loader)


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((ROOT / schema_path(name)).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("name", list(DATASETS))
def test_committed_schema_equals_a_fresh_one(name):
    path = ROOT / schema_path(name)
    assert path.exists(), f"{path.relative_to(ROOT)} is missing: run `make schemas`"
    assert path.read_text(encoding="utf-8") == render(dataset_schema(name)), REMAKE


def test_no_schema_for_a_dataset_that_is_gone():
    names = {p.name for p in (ROOT / "schemas").glob("*.json")}
    assert names == {schema_path(n).name for n in DATASETS}, "run `make schemas`"


def test_vscode_links_every_schema_to_its_data_file():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == vscode_schemas()
    for schema, data in settings["yaml.schemas"].items():
        assert (ROOT / schema).is_file() and (ROOT / data).is_file(), (schema, data)


def test_schema_is_a_list_of_records():
    for name in DATASETS:
        schema = json.loads((ROOT / schema_path(name)).read_text(encoding="utf-8"))
        assert schema["type"] == "array"
        assert schema["items"]["type"] == "object"
        assert schema["items"]["additionalProperties"] is False
        assert "id" in schema["items"]["required"]


@pytest.mark.parametrize("name", list(DATASETS))
def test_real_data_fits_its_schema(name):
    data = load_data(ROOT / "data" / f"{name}.yml")
    errors = [f"record {e.path[0] if e.path else '?'} ({'/'.join(map(str, e.path))}): {e.message}"
              for e in validator(name).iter_errors(data)]
    assert not errors, "\n".join(errors[:20])


def test_schema_catches_mistakes_the_models_catch():
    indicators = load_data(ROOT / "data" / "indicators.yml")
    record = dict(indicators[0])
    check = validator("indicators")
    assert check.is_valid([record])
    bad_rag = dict(record, ratings=[dict(record["ratings"][0], rag="Purple")])
    bad_passage = dict(record, ratings=[dict(record["ratings"][0], passage="Not An Id")])
    for broken in [bad_rag, bad_passage, dict(record, colour="red"),
                   {k: v for k, v in record.items() if k != "source"}, dict(record, id="Has Spaces")]:
        assert not check.is_valid([broken]), broken


def test_a_year_alone_may_be_a_number_but_a_full_date_may_not():
    roles = load_data(ROOT / "data" / "roles.yml")
    assert validator("roles").is_valid([dict(roles[0], since=2020)])
    assert not validator("meetings").is_valid([dict(load_data(ROOT / "data" / "meetings.yml")[0], date="14/07/2023")])
    notes = load_data(ROOT / "data" / "accessibility.yml")
    check = validator("accessibility")
    assert check.is_valid([notes[0]])
    assert not check.is_valid([dict(notes[0], date="2023-07")])


def test_schema_command_writes_every_schema(tmp_path):
    result = subprocess.run([sys.executable, "-m", "macros", "schemas", str(tmp_path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    for name in DATASETS:
        written = (tmp_path / schema_path(name)).read_text(encoding="utf-8")
        assert written == (ROOT / schema_path(name)).read_text(encoding="utf-8")
    # Running it again changes nothing, and other VS Code settings are kept.
    settings = tmp_path / ".vscode" / "settings.json"
    settings.write_text(json.dumps({"editor.rulers": [100], "yaml.schemas": {}}), encoding="utf-8")
    write_schemas(tmp_path)
    assert write_schemas(tmp_path) == []
    assert json.loads(settings.read_text(encoding="utf-8"))["editor.rulers"] == [100]
