"""Read the YAML files in data/, check them, and explain any mistake in plain English.

Nothing here needs MkDocs: tests and the `python -m macros check` command import it directly.
Every problem becomes a DataError whose message names the file, the line, the field and what was
expected, so an officer never has to read a Python traceback.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from macros.data.fields import ID_PATTERNS, Location, Record, field_name
from macros.errors import CyppError, DataError

Lines = dict[Location, int]  # the line each value starts on
R = TypeVar("R", bound=Record)


class _Loader(yaml.CSafeLoader):  # libyaml's fast parser (PyYAML's wheels include it)
    """YAML loader that leaves dates as text, so that our own checks can explain a bad date."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Dataset(Generic[R]):
    """The records of one data file, with the line each record and field starts on."""

    path: Path
    display: str
    records: list[R]
    # Each record's lines: read again from the file the first time a message needs one (a build
    # with many records would otherwise hold a line for every field of every record).
    lines: list[Lines] | None = None
    _by_id: dict[str, R] | None = field(default=None, init=False, repr=False, compare=False)

    def line(self, index: int, *path: str | int) -> int:
        """Line of a record (or of one of its fields, if given), counting from 1."""
        if self.lines is None:
            self.lines = _by_record(read_yaml(self.path, self.display)[1])
        where = self.lines[index]
        key = tuple(path)
        while key and key not in where:
            key = key[:-1]
        return where.get(key, where[()])

    def ids(self) -> set[str]:
        return set(self.by_id())

    def by_id(self) -> dict[str, R]:
        """Records by id (worked out once: the records do not change after loading)."""
        if self._by_id is None:
            self._by_id = {r.id: r for r in self.records}
        return self._by_id


def _walk(node: yaml.Node, path: Location, out: Lines, display: str, first: int = 1,
          error: type[CyppError] = DataError) -> None:
    """Note the line of every value under `node` (the text starting on line `first` of its file),
    and refuse a key given twice."""
    out[path] = node.start_mark.line + first
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + first
            if key in seen:
                raise error(
                    f'{display}, line {line}: the field "{key}" is given twice in the same record '
                    f"(first on line {seen[key]}). Keep one of them."
                )
            seen[key] = line
            out[path + (key,)] = line
            _walk(value_node, path + (key,), out, display, first, error)
            out[path + (key,)] = line
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), out, display, first, error)


def read_yaml(path: Path, display: str) -> tuple[Any, Lines]:
    """Parse one YAML file. Returns the data and a map from each value's path to its line."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise DataError(f"{display}, line {line}: the file is not saved as UTF-8 text (a character there, "
                        f"byte {raw[err.start]:#x}, is in another encoding). Save it again as UTF-8.") from None
    return parse_yaml(text, display)


def parse_yaml(text: str, display: str, first: int = 1,
               error: type[CyppError] = DataError) -> tuple[Any, Lines]:
    """Parse YAML text that starts on line `first` of the file `display` (a page's front matter
    starts on line 2), dates left as text. Returns the data and each value's line; a mistake
    raises `error` naming the line."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {(): first}
        lines: Lines = {}
        _walk(node, (), lines, display, first, error)
        return loader.construct_document(node), lines
    except yaml.MarkedYAMLError as err:
        raise error(yaml_problem(err, text, display, first)) from None
    finally:
        loader.dispose()


_QUOTED_START = re.compile(r"""^\s*(?:-\s+)?(?:[\w-]+:\s+)?(["'])(.*)$""")


def _unclosed_quote(lines: list[str], last: int) -> int | None:
    """The line, at or before `last` (counted from 0), whose text in quotes has no closing quote."""
    for i in range(min(last, len(lines) - 1), max(-1, last - 30), -1):
        m = _QUOTED_START.match(lines[i])
        if m:
            quote, rest = m.groups()
            rest = rest.replace("\\\\", "").replace('\\"', "") if quote == '"' else rest.replace("''", "")
            if quote not in rest:
                return i
    return None


def yaml_problem(err: yaml.MarkedYAMLError, text: str, display: str, first_line: int = 1) -> str:
    """What is wrong with a YAML text that cannot be read, for the person who wrote it: the file,
    the line (`first_line` is the file's line the text starts on) and what to do."""
    mark = err.problem_mark or err.context_mark
    line = (mark.line if mark else 0) + first_line
    lines = text.split("\n")
    here = lines[mark.line] if mark and mark.line < len(lines) else ""
    column = mark.column if mark else 0
    if "\t" in (err.problem or "") or "\t" in here[: column + 1]:
        return (f"{display}, line {line}: there is a tab character on this line. YAML needs spaces, not "
                "tabs, to line up its fields: replace the tab with spaces (two spaces for each level).")
    unclosed = err.context_mark.line if err.context == "while scanning a quoted scalar" and err.context_mark \
        else _unclosed_quote(lines, mark.line if mark else 0)
    if unclosed is not None:  # YAML reads on to the next quote mark, and stumbles lines later
        return (f"{display}, line {unclosed + first_line}: a text in quotes starts on this line, but "
                "its closing quote is missing. Put the same quote mark (\" or ') at the end of the text.")
    if "mapping values are not allowed" in (err.problem or "") and ":" in here[:column]:
        return (f"{display}, line {line}: this line has a second colon (:), after the one that ends the "
                "field's name. Put the text after the first colon in double quotes, for example "
                'title: "Meetings: dates and papers".')
    if "expected <block end>" in (err.problem or "") or "did not find expected '-' indicator" in (err.problem or ""):
        return (f"{display}, line {line}: this line is not lined up with the lines around it. Lines of the "
                "same list or record start with the same number of spaces (a list item with '- '); an item "
                "inside another is indented by more. Add or take away spaces at the start of the line.")
    problem = (err.problem or err.context or "the file could not be read").strip()
    return (f"{display}, line {line}: this is not valid YAML ({problem}). "
            "Check the indentation, that every field is written as 'name: value', and that text "
            "containing a colon or starting with a quote is wrapped in quotes.")


_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list (one item a line, each starting with '- ')",
    "dict_type": "a record of 'name: value' lines",
    "model_type": "a record of 'name: value' lines",
    "date_type": "a real date written as YYYY-MM-DD",
    "date_from_datetime_parsing": "a real date written as YYYY-MM-DD",
    "date_parsing": "a real date written as YYYY-MM-DD",
}


def _describe(err: ErrorDetails, value_shown: bool = True) -> str:
    kind = err["type"]
    got = err.get("input")
    got_text = f' but found "{got}"' if value_shown and isinstance(got, (str, int, float)) else ""
    if kind == "missing":
        return "this field is missing, and every record needs it"
    if kind == "extra_forbidden":
        return "there is no such field (is it misspelt?)"
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return f"expected one of {expected}{got_text}"
    if kind == "string_pattern_mismatch":
        pattern = err.get("ctx", {}).get("pattern", "")
        return f"expected an id made of {ID_PATTERNS.get(pattern, 'lower-case letters and digits')}{got_text}"
    if kind in ("string_too_short", "too_short"):
        return "this must not be empty"
    if kind in _TYPE_WORDS:
        if isinstance(got, bool):
            got_text = f" but found {str(got).lower()} (put words like yes, no, on or off in quotes)"
        return f"expected {_TYPE_WORDS[kind]}{got_text}"
    if kind == "value_error":
        return str(err.get("ctx", {}).get("error", err["msg"]))
    return err["msg"]


def load_dataset(path: Path, model: type[R], root: Path) -> Dataset[R]:
    """Read and check one data file: a list of records, each checked against `model`."""
    display = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    if not path.exists():
        raise DataError(f"{display}: the file is missing. The site needs it to be built.")
    data, lines = read_yaml(path, display)
    if not isinstance(data, list):
        raise DataError(
            f"{display}, line 1: expected a list of records, each starting with '- id: ...'."
        )
    problems: list[str] = []
    records: list[R] = []
    seen: dict[str, int] = {}
    by_record = _by_record(lines)
    for i, raw in enumerate(data):
        sub = by_record[i]
        label = f'record {i + 1}'
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            label = f'record "{raw["id"]}"'
        if not isinstance(raw, dict):
            problems.append(f"{display}, line {sub[()]}: {label} should be a set of 'name: value' lines.")
            continue
        try:
            rec = model.model_validate(raw)
        except ValidationError as err:
            for e in err.errors():
                loc = tuple(e["loc"])
                key = loc
                while key and key not in sub:
                    key = key[:-1]
                line = sub.get(key, sub[()])
                problems.append(
                    f'{display}, line {line}: {label}, field "{field_name(loc)}": {_describe(e)}.'
                    + (f" Allowed fields are: {', '.join(model.model_fields)}."
                       if e["type"] == "extra_forbidden" else "")
                )
            continue
        if rec.id in seen:
            problems.append(
                f'{display}, line {sub[()]}: the id "{rec.id}" is used twice (also on line '
                f"{seen[rec.id]}). Every record needs its own id."
            )
        seen[rec.id] = sub[()]
        records.append(rec)
    if problems:
        raise DataError(join_problems(problems))
    return Dataset(path=path, display=display, records=records)


def _by_record(lines: Lines) -> list[Lines]:
    """Each record's own lines, keyed from the record, in one pass."""
    by_record: dict[int, Lines] = {}
    for key, line in lines.items():
        if key and isinstance(key[0], int):  # a data file is a list: its records are numbered
            by_record.setdefault(key[0], {})[key[1:]] = line
    return [by_record[i] for i in range(len(by_record))]


def join_problems(problems: list[str]) -> str:
    """The first ten problems, one a line, and how many more there are."""
    shown = problems[:10]
    more = len(problems) - len(shown)
    text = "\n".join(shown)
    if more:
        text += f"\n(and {more} more problem{'s' if more > 1 else ''} of the same kind)"
    return text
