"""Load every data file once per build, and check that records which point at each other match up."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel

from .dates import when
from .documents import Document, load_documents
from .errors import DataError
from .loader import Dataset, join_problems, load_dataset
from .models import DATASETS
from .verify import check_all

# A field with one of these names holds the id (or a list of ids) of a record in another dataset.
REFERENCES = {
    "source": "sources",
    "area": "areas",
    "see_also": "glossary",
    "short_form": "glossary",
    "figures": "figures",
}


@dataclass
class Site:
    """All the data, dataset by dataset, checked."""

    root: Path
    sets: dict[str, Dataset]
    documents: dict[str, Document]
    checked: dict[str, int]  # how many quotations, figures, ratings and dates were verified

    def __getattr__(self, name: str) -> list[Any]:
        sets = self.__dict__.get("sets", {})
        if name in sets:
            return sets[name].records
        raise AttributeError(name)

    def get(self, dataset: str, record_id: str) -> Any:
        return self.sets[dataset].by_id()[record_id]


def _references(value: Any, loc: tuple) -> Iterator[tuple[tuple, str, str]]:
    """Every (location, dataset, id) that a record points to."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            item = getattr(value, name)
            if name in REFERENCES:
                ids = item if isinstance(item, list) else [item]
                for i, ref in enumerate(ids):
                    if ref is not None:
                        where = loc + ((name, i) if isinstance(item, list) else (name,))
                        yield where, REFERENCES[name], ref
            else:
                yield from _references(item, loc + (name,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _references(item, loc + (i,))


def records_with_pages(sets: dict[str, Dataset]) -> Iterator[tuple[str, Any, list[str]]]:
    """Each record that makes pages for itself (macros/views/record_pages.py), in the order of the
    data files, with its dataset's name and its pages (the model's own_pages, its id filled in)."""
    for name, kind in DATASETS.items():
        if kind.own_pages and name in sets:
            for record in sets[name].records:
                yield name, record, [pattern.format(id=record.id) for pattern in kind.own_pages]


def own_pages(sets: dict[str, Dataset]) -> set[str]:
    """The pages the records make for themselves."""
    return {page for _, _, pages in records_with_pages(sets) for page in pages}
def check_needed(sets: dict[str, Dataset], docs: Path) -> None:
    """Every dataset has the records its model says the pages cannot do without (`needed`), so an
    empty file or a group taken out is a plain message naming what is missing, never a traceback."""
    problems = []
    for name, ds in sets.items():
        for need in DATASETS[name].needed:
            if any(need.met_by(record) for record in ds.records):
                continue
            calls = " and ".join(f"{{{{ {m}() }}}}" for m in need.shown_by)
            pages = sorted(p.relative_to(docs.parent).as_posix() for p in docs.rglob("*.md") if any(
                re.search(rf"\{{\{{-?\s*{m}\(", p.read_text(encoding="utf-8")) for m in need.shown_by))
            problems.append(
                f"{ds.display}: there is no {need.what[2:]}, and the site cannot be made without one: "
                f"{calls} show{'s' if len(need.shown_by) == 1 else ''} it"
                + (f" (on {', '.join(pages)})" if pages else "")
                + f". Add {need.what} (the file's first lines list the fields a record has), or put back "
                "the records taken out.")
    if problems:
        raise DataError(join_problems(problems))


def check_references(sets: dict[str, Dataset]) -> None:
    problems = []
    for name, ds in sets.items():
        for index, record in enumerate(ds.records):
            for loc, target, ref in _references(record, ()):
                if ref not in sets[target].by_id():
                    problems.append(
                        f'{ds.display}, line {ds.line(index, *loc)}: record "{record.id}", field '
                        f'"{loc[0]}": there is no record "{ref}" in {sets[target].display}. '
                        f"Check the spelling, or add it there first."
                    )
    made = own_pages(sets)
    for ds in sets.values():  # a field called "pages" lists pages, as paths under docs/
        for index, record in enumerate(ds.records):
            for i, page in enumerate(getattr(record, "pages", [])):
                if not (ds.path.parent.parent / "docs" / page).is_file() and page not in made:
                    problems.append(
                        f'{ds.display}, line {ds.line(index, "pages", i)}: record "{record.id}": '
                        f'there is no page docs/{page}. Write the path as it is under docs/, '
                        "for example council/index.md."
                    )
    services = sets["services"]
    addresses: dict[str, int] = {}
    for index, service in enumerate(services.records):
        line = services.line(index, "url")
        if service.url in addresses:
            problems.append(
                f'{services.display}, line {line}: record "{service.id}": the address {service.url} is '
                f"already given on line {addresses[service.url]}. Give each page of another website one "
                "record, and list there every page that shows it."
            )
        addresses.setdefault(service.url, line)
    if not any(s.tell_us for s in services.records):
        problems.append(
            f"{services.display}: no record has tell_us: true. At least one council website must be "
            'offered beside "Suggest a change to this page", for readers who have no GitHub account.'
        )
    initiatives, documents = sets["initiatives"], sets["sources"].by_id()
    for index, ini in enumerate(initiatives.records):  # a card in the list of the council's work is dated
        said = sorted({when(documents[s].date).month_year for s in (ini.source, *(r.source for r in ini.reported))
                       if s in documents})
        opening = re.split(r"[,;:]", ini.lead, maxsplit=1)[0]  # "…, which the October 2023 report calls…" is too late
        if said and not any(month_year in opening for month_year in said):
            example = when(documents[ini.source].date).month_year if ini.source in documents else said[0]
            problems.append(
                f'{initiatives.display}, line {initiatives.line(index, "summary")}: record "{ini.id}", field '
                f'"summary": its first sentence, which the list of the council\'s work shows, does not say '
                f"first when the report said it. Begin with the month and year of the report ({' or '.join(said)}), "
                f'for example "In {example} the Council reported that …".'
            )
    priorities = sets["priorities"]
    numbers: dict[int, str] = {}
    for index, p in enumerate(priorities.records):
        if p.number in numbers:
            problems.append(
                f'{priorities.display}, line {priorities.line(index, "number")}: record "{p.id}": '
                f'priority number {p.number} is already used by "{numbers[p.number]}".'
            )
        numbers[p.number] = p.id
    if problems:
        raise DataError(join_problems(problems))


def load_site(root: Path) -> Site:
    """Read, check and cross-check every file in data/. Raises DataError with a plain message."""
    root = Path(root)
    sets = {
        name: load_dataset(root / "data" / f"{name}.yml", model, root)
        for name, model in DATASETS.items()
    }
    extra = sorted(
        p.relative_to(root).as_posix()
        for p in (root / "data").glob("*.y*ml")
        if p.stem not in DATASETS
    )
    if extra:
        raise DataError(
            f"{extra[0]}: the site does not know this data file. The data files are: "
            + ", ".join(f"data/{n}.yml" for n in DATASETS)
            + ". Move its records into one of them, or ask the web team to add a new dataset."
        )
    check_needed(sets, root / "docs")
    check_references(sets)
    documents = load_documents(root, [s.id for s in sets["sources"].records])
    checked = check_all(sets, documents)
    return Site(root=root, sets=sets, documents=documents, checked=checked)
