"""The JSON Schemas `make schemas` writes: made from the models, and the real data fits them."""
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
from macros.outputs.schema import schema_path, write_schemas


@pytest.fixture(scope="module")
def schemas(tmp_path_factory) -> Path:
    """The schemas as `make schemas` writes them."""
    root = tmp_path_factory.mktemp("schemas")
    write_schemas(root)
    return root


def load_data(path: Path):
    """As the site reads it: dates stay text."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (safe loader)


def validator(root: Path, name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((root / schema_path(name)).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_schema_is_a_list_of_records(schemas):
    for name in DATASETS:
        schema = json.loads((schemas / schema_path(name)).read_text(encoding="utf-8"))
        assert schema["type"] == "array"
        assert schema["items"]["type"] == "object"
        assert schema["items"]["additionalProperties"] is False
        assert "id" in schema["items"]["required"]


@pytest.mark.parametrize("name", list(DATASETS))
def test_real_data_fits_its_schema(schemas, name):
    data = load_data(ROOT / "data" / f"{name}.yml")
    errors = [f"record {e.path[0] if e.path else '?'} ({'/'.join(map(str, e.path))}): {e.message}"
              for e in validator(schemas, name).iter_errors(data)]
    assert not errors, "\n".join(errors[:20])


def test_schema_catches_mistakes_the_models_catch(schemas):
    indicators = load_data(ROOT / "data" / "indicators.yml")
    record = dict(indicators[0])
    check = validator(schemas, "indicators")
    assert check.is_valid([record])
    bad_rag = dict(record, ratings=[dict(record["ratings"][0], rag="Purple")])
    bad_passage = dict(record, ratings=[dict(record["ratings"][0], passage="Not An Id")])
    for broken in [bad_rag, bad_passage, dict(record, colour="red"),
                   {k: v for k, v in record.items() if k != "source"}, dict(record, id="Has Spaces")]:
        assert not check.is_valid([broken]), broken


def test_a_year_alone_may_be_a_number_but_a_full_date_may_not(schemas):
    roles = load_data(ROOT / "data" / "roles.yml")
    assert validator(schemas, "roles").is_valid([dict(roles[0], since=2020)])
    assert not validator(schemas, "meetings").is_valid([dict(load_data(ROOT / "data" / "meetings.yml")[0], date="14/07/2023")])
    notes = load_data(ROOT / "data" / "accessibility.yml")
    check = validator(schemas, "accessibility")
    assert check.is_valid([notes[0]])
    assert not check.is_valid([dict(notes[0], date="2023-07")])


def test_schema_command_writes_every_schema(tmp_path, schemas):
    result = subprocess.run([sys.executable, "-m", "macros", "schemas", str(tmp_path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    for name in DATASETS:
        written = (tmp_path / schema_path(name)).read_text(encoding="utf-8")
        assert written == (schemas / schema_path(name)).read_text(encoding="utf-8")
