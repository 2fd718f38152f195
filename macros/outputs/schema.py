"""JSON Schemas for the data files, made from the models in models.py (never written by hand).

`python -m macros schemas` (`make schemas`; `make serve` runs it) writes
build/schemas/<name>.schema.json for every dataset. Each data file's first line (`modeline`) points
VS Code's YAML extension (Red Hat) at its schema, so an officer editing data/<name>.yml sees
mistakes and field names as they type. The schemas are made, never committed: a model changed is
a schema changed.

Each data file is a YAML list of records, so its schema is an array of the model's records.
Dates are kept as text by our YAML loader, so a date is a string of the form YYYY-MM-DD (or
YYYY-MM, or YYYY where the model allows a partial date); a year on its own may also be a number.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from macros.data import fields
from macros.data.dates import FULL_DATE, PARTIAL_DATE
from macros.data.models import DATASETS
from macros.data.vocabulary import OFFICIAL_WEBSITES

SCHEMA_DIR = "build/schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
# A link to another website (data/services.yml): https, on a website whose name ends with one of
# vocabulary.OFFICIAL_WEBSITES.
WEB_ADDRESS = (r"^https://([^/?#\s]+\.)?(" + "|".join(re.escape(s[1:]) for s in OFFICIAL_WEBSITES)
               + r")(:[0-9]+)?([/?#]\S*)?$")


class _Generator(GenerateJsonSchema):
    """Pydantic's generator, told what our web address validator accepts (a date says it itself:
    dates.PartialDate)."""

    def function_after_schema(self, schema: core_schema.AfterValidatorFunctionSchema) -> JsonSchemaValue:
        inner = super().function_after_schema(schema)
        if schema["function"]["function"] is fields._check_address:
            return _with_pattern(inner, WEB_ADDRESS, "An address starting https:// on an official website.")
        return inner


def _with_pattern(schema: dict[str, Any], pattern: str, description: str) -> dict[str, Any]:
    """Add the pattern to the string part of a schema (which may be a choice of string or number)."""
    if "anyOf" in schema:
        choices = [{**s, "pattern": pattern} if s.get("type") == "string" else s
                   for s in schema["anyOf"]]
        return {**schema, "anyOf": choices, "description": description}
    return {**schema, "pattern": pattern, "description": description}


def _describe_fields(model_schema: dict[str, Any]) -> None:
    """Each field's description (its docstring in models.py) on one line, followed by how to write
    the field when it is a date (pydantic puts the field's own description in place of that)."""
    for prop in model_schema.get("properties", {}).values():
        if "description" not in prop:
            continue
        hint = _date_hint(prop)
        prop["description"] = " ".join(prop["description"].split()) + (f" {hint}" if hint else "")


def _date_hint(schema: dict[str, Any]) -> str:
    if schema.get("pattern") in (PARTIAL_DATE, FULL_DATE):
        return "A date: YYYY-MM-DD, or YYYY-MM, or YYYY." if schema["pattern"] == PARTIAL_DATE else \
            "A full date: YYYY-MM-DD."
    return next((h for s in schema.get("anyOf", []) if (h := _date_hint(s))), "")


def dataset_schema(name: str) -> dict[str, Any]:
    """The schema of data/<name>.yml: a list of the dataset's records."""
    item = DATASETS[name].model_json_schema(mode="validation", schema_generator=_Generator)
    defs = item.pop("$defs", None)
    for model_schema in [item, *(defs or {}).values()]:
        _describe_fields(model_schema)
    schema: dict[str, Any] = {
        "$schema": DIALECT,
        "title": f"data/{name}.yml",
        "description": (f"The records of data/{name}.yml. Made from macros/data/models.py by "
                        "`make schemas`: do not edit by hand."),
        "type": "array",
        "items": item,
    }
    if defs:
        schema["$defs"] = defs  # the items' "$ref"s point at "#/$defs/...", from the top
    return schema


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_path(name: str) -> Path:
    return Path(SCHEMA_DIR) / f"{name}.schema.json"


def modeline(name: str) -> str:
    """The first line of data/<name>.yml: where VS Code's YAML extension finds its schema."""
    return f"# yaml-language-server: $schema=../{schema_path(name).as_posix()}"


def write_schemas(root: Path) -> list[Path]:
    """Write every dataset's schema under `root`; remove those of datasets that are gone.

    Returns the files that changed.
    """
    root = Path(root)
    changed: list[Path] = []

    def write(path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)

    for name in DATASETS:
        write(root / schema_path(name), render(dataset_schema(name)))
    for old in sorted((root / SCHEMA_DIR).glob("*.schema.json")):
        if old.name[: -len(".schema.json")] not in DATASETS:
            old.unlink()
            changed.append(old)
    return changed
