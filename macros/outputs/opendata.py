"""Open data: every dataset as CSV and JSON, the CSV files described by CSV on the Web metadata,
the Trust's meetings as an iCalendar file and the site's changes as an Atom feed (feeds.py), all made in
memory once a build (so the data page can give each file's real size) and written into the built
site after it. Nothing here needs MkDocs.

The CSV files are for spreadsheets: UTF-8 with a byte-order mark (so Excel and LibreOffice show
every character), a header row, one value in each cell. A list of values is one cell, its items
joined by "; ". A list of records (an indicator's ratings) is a file of its own, one row a
record, keyed by the parent's id (indicator-ratings.csv). A record inside a record (an
indicator's area_given) gives a column for each of its fields (area_given_source). What each
column holds comes from the models (macros/data/models.py), through their JSON Schema.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

from pydantic import BaseModel

from macros.data.checked import CheckedData
from macros.data.dates import FULL_DATE
from macros.data.fields import references, title, types_in
from macros.data.models import DATASETS
from macros.outputs.feeds import to_atom, to_ics
from macros.outputs.schema import dataset_schema

LICENCE = "Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
METADATA = "csv-metadata.json"  # where CSV on the Web readers look for it, beside the CSV files
SEPARATOR = "; "  # between the items of a list in one cell


@dataclass
class Table:
    """One CSV file: what it holds, its columns (as CSV on the Web describes them) and its rows."""
    url: str  # the file's name, in data/
    dataset: str  # the data file it comes from: data/<dataset>.yml
    title: str
    description: str
    columns: list[dict[str, Any]]
    rows: list[list[str]]
    primary_key: list[str]
    foreign_keys: list[dict[str, Any]] = field(default_factory=list)

    def csv(self) -> bytes:
        """RFC 4180 (a header row, commas, CRLF line ends), UTF-8 with a BOM. Every value is in
        quotes: LibreOffice also splits at semicolons unless told not to, and Excel does where the
        list separator is a semicolon, so a list ("a; b") would spread over several cells."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
        writer.writerow([c["name"] for c in self.columns])
        writer.writerows(self.rows)
        return ("\ufeff" + out.getvalue()).encode("utf-8")

    def metadata(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"columns": self.columns, "primaryKey": self.primary_key}
        if self.foreign_keys:
            schema["foreignKeys"] = self.foreign_keys
        return {"url": self.url, "dc:title": self.title, "dc:description": self.description,
                "dc:license": {"@id": LICENCE_URL}, "tableSchema": schema}


@dataclass(frozen=True)
class ExtraFile:
    """A file the build writes from a dataset besides its CSV and JSON: where, what kind of file,
    what it holds (the data page says both) and how it is made (from the data, the site's address
    and its domain)."""
    path: str
    kind: str
    what: str
    make: Callable[[CheckedData, str, str], str]


# The extra files, by the dataset they are made from.
EXTRA_FILES = {
    "meetings": ExtraFile("data/meetings.ics", "calendar (iCalendar)",
                          "The Trust's meetings and reports the documents give a day for.",
                          lambda site, url, domain: to_ics(site, domain)),
    "changes": ExtraFile("changes.xml", "news feed (Atom)", "The changes, newest first.",
                         lambda site, url, domain: to_atom(site, url or f"https://{domain}/")),
}


@dataclass
class OpenData:
    tables: list[Table]
    files: dict[str, bytes]  # every file's path in the built site → its content


def build(site: CheckedData, site_url: str) -> OpenData:
    """Every open data file, made once a build."""
    tables = [t for name in site.sets for t in dataset_tables(site, name)]
    files = {f"data/{t.url}": t.csv() for t in tables}
    files[f"data/{METADATA}"] = (json.dumps(metadata(tables), ensure_ascii=False, indent=2) + "\n").encode()
    files.update({f"data/{name}.json": to_json(site, name).encode() for name in site.sets})
    domain = urlsplit(site_url or "http://localhost/").hostname or "localhost"
    files.update({extra.path: extra.make(site, site_url, domain).encode() for extra in EXTRA_FILES.values()})
    return OpenData(tables, files)


def write_all(open_data: OpenData, site_dir: Path) -> None:
    for path, body in open_data.files.items():
        target = Path(site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)


def file_size(size: int) -> str:
    """A file's size as the data page gives it: "812 bytes", "35.6 KB" (1 KB is 1,024 bytes)."""
    return f"{size} bytes" if size < 1024 else f"{size / 1024:,.1f} KB"


def metadata(tables: list[Table]) -> dict[str, Any]:
    """CSV on the Web (W3C) metadata for every CSV file: a table group with its licence."""
    return {
        "@context": ["http://www.w3.org/ns/csvw", {"@language": "en"}],
        "dc:title": "Oxfordshire Children and Young People's Plan: open data",
        "dc:description": ("Every dataset behind the website of Oxfordshire's Children and Young "
                           "People's Plan, as CSV files. Each fact names the council document and "
                           "the passage it comes from (the source and passage columns)."),
        "dc:license": {"@id": LICENCE_URL},
        "tables": [t.metadata() for t in tables],
    }


def dataset_tables(site: CheckedData, name: str) -> list[Table]:
    """The CSV files of one dataset: its own, then one for each of its fields that is a list of records."""
    schema = dataset_schema(name)
    item, defs = schema["items"], schema.get("$defs", {})
    records = [r.model_dump(mode="json") for r in site.sets[name].records]
    columns: list[dict[str, Any]] = []
    cells: list[tuple[str, str]] = []  # for each column, where its value is in a record: (field, its field or "")
    keys: list[dict[str, Any]] = []  # the columns that hold the id of a record in another dataset
    lists: list[tuple[str, dict[str, Any], str]] = []
    for key, prop in item["properties"].items():
        inner, nullable = _plain(prop, defs)
        if inner.get("type") == "array":
            each, _ = _plain(inner["items"], defs)
            if each.get("type") == "object":
                lists.append((key, each, prop["description"]))
                continue
            columns.append(_column(key, title(key), prop["description"], each,
                                   required=inner.get("minItems", 0) > 0, separator=SEPARATOR))
            cells.append((key, ""))  # (ids in a list are not foreign keys in CSVW)
        elif inner.get("type") == "object":  # a record inside the record: a column for each field
            for sub, sub_prop in inner["properties"].items():
                sub_inner, sub_nullable = _plain(sub_prop, defs)
                columns.append(_column(f"{key}_{sub}", f"{title(key)}: {title(sub).lower()}",
                                       f"{prop['description']} {sub_prop['description']}", sub_inner,
                                       required=not (nullable or sub_nullable)))
                cells.append((key, sub))
                keys += _foreign_key(name, f"{key}_{sub}", sub)
        else:
            columns.append(_column(key, title(key), prop["description"], inner, required=not nullable))
            cells.append((key, ""))
            keys += _foreign_key(name, key, key)
    main = Table(f"{name}.csv", name, name.replace("_", " ").capitalize(), DATASETS[name].described, columns,
                 [[_cell((r[k] or {}).get(s) if s else r[k]) for k, s in cells] for r in records], ["id"], keys)
    return [main] + [_list_table(name, main, key, each, described, records)
                     for key, each, described in lists]


def _list_table(name: str, parent: Table, key: str, each: dict[str, Any], described: str,
                records: list[dict[str, Any]]) -> Table:
    """A field that is a list of records, as a file of its own: one row an item, keyed by its
    record's id and its place in the list (indicator-ratings.csv)."""
    one = re.sub(r"(?<!^)(?=[A-Z])", " ", DATASETS[name].__name__).lower()  # "indicator", "plan action"
    parent_key = one.replace(" ", "_") + "_id"
    columns = [
        _column(parent_key, title(parent_key), f"The {one} this row belongs to: its id in {parent.url}.",
                {"type": "string", "pattern": parent.columns[0]["datatype"]["format"]}, required=True),
        _column("position", "Position", f"Its place in the {one}'s list, 1 first.", {"type": "integer"},
                required=True),
    ]
    keys = [{"columnReference": parent_key, "reference": {"resource": parent.url, "columnReference": "id"}}]
    for sub, sub_prop in each["properties"].items():
        sub_inner, sub_nullable = _plain(sub_prop, {})
        columns.append(_column(sub, title(sub), sub_prop["description"], sub_inner, required=not sub_nullable))
        keys += _foreign_key(name, sub, sub)
    rows = [[r["id"], str(i)] + [_cell(x.get(sub)) for sub in each["properties"]]
            for r in records for i, x in enumerate(r[key], 1)]
    return Table(f"{one.replace(' ', '-')}-{key.replace('_', '-')}.csv", name,
                 f"{parent.title}: {title(key).lower()}", described, columns, rows,
                 [parent_key, "position"], keys)


def _referring(model: type[BaseModel]) -> dict[str, str]:
    """The fields of a model, and of the records inside it, that hold the id of a record in another
    dataset, with that dataset (their type says so: fields.Refers)."""
    found = references(model)
    for info in model.model_fields.values():
        for inner in types_in(info.annotation):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                found.update(_referring(inner))
    return found


def _foreign_key(name: str, column: str, field_name: str) -> list[dict[str, Any]]:
    """A column of dataset `name` holding the id of a record in another dataset (source, area)."""
    dataset = _referring(DATASETS[name]).get(field_name)
    if dataset is None:
        return []
    return [{"columnReference": column, "reference": {"resource": f"{dataset}.csv", "columnReference": "id"}}]


def _plain(prop: dict[str, Any], defs: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """A field's schema with its $ref followed and null taken out (and whether it may be null).
    A date that may also be written as a year number stays text, as in the CSV."""
    nullable = False
    while "$ref" in prop or "anyOf" in prop:
        if "$ref" in prop:
            prop = defs[prop["$ref"].rsplit("/", 1)[1]]
            continue
        options = [o for o in prop["anyOf"] if o.get("type") != "null"]
        nullable = nullable or len(options) < len(prop["anyOf"])
        prop = next((o for o in options if o.get("type") == "string"), options[0])
    return prop, nullable


def _column(name: str, heading: str, description: str, schema: dict[str, Any], required: bool,
            separator: str | None = None) -> dict[str, Any]:
    """One column, described for CSV on the Web: its name (the header cell), its titles, what it
    holds, its type, whether it is ever empty, and the separator between a list's items."""
    if "enum" in schema:
        choices = ", ".join(f'"{v}"' for v in schema["enum"])
        description += f" {'Each item is' if separator else 'It is'} one of: {choices}."
    if separator:
        description += f' A list: the items are separated by "{separator.strip()}" and a space.'
    column: dict[str, Any] = {"name": name, "titles": [name] if heading == name else [name, heading],
                              "dc:description": description, "datatype": _datatype(schema)}
    if required:
        column["required"] = True
    if separator:
        column["separator"] = separator
    return column


def _datatype(schema: dict[str, Any]) -> dict[str, Any]:
    """A CSV on the Web datatype from a JSON Schema type (formats are ECMAScript patterns)."""
    if "enum" in schema:
        return {"base": "string", "format": "^(" + "|".join(schema["enum"]) + ")$"}
    kind = schema["type"]
    if kind == "string":
        if schema.get("pattern") == FULL_DATE:
            return {"base": "date"}
        datatype: dict[str, Any] = {"base": "string"}
        if "pattern" in schema:
            datatype["format"] = schema["pattern"]
        if schema.get("minLength"):
            datatype["minLength"] = schema["minLength"]
        return datatype
    return {"integer": {"base": "integer"}, "number": {"base": "number"},
            "boolean": {"base": "boolean", "format": "true|false"}}[kind]


def _cell(value: Any) -> str:
    """One value as CSV text: a list's items joined by "; ", a whole number without ".0"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return SEPARATOR.join(_cell(v) for v in value)
    if isinstance(value, dict):
        raise TypeError("a record inside a record has a column for each field, never one cell")
    return str(value)


def to_json(site: CheckedData, name: str) -> str:
    return json.dumps({"dataset": name, "description": DATASETS[name].described,
                       "licence": LICENCE, "records": [r.model_dump(mode="json") for r in site.sets[name].records]},
                      ensure_ascii=False, indent=2) + "\n"
