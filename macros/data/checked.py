"""Load every data file once per build, and check that records which point at each other match up.

The data layer needs nothing from the checks layer for its own models. The one call the other way
is at the end of `load_checked`: once the data is read and cross-checked, every record is checked
against the passages it cites (macros/checks/verify.py, check_all), so that no caller can have the
data without those checks."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, TypeVar

from macros.checks.verify import check_all
from macros.data.documents import Document, load_documents
from macros.data.fields import (
    DOCS_PAGE,
    PERSON,
    Location,
    Record,
    field_name,
    marked_values,
    parts,
    references,
    values,
)
from macros.data.loader import Dataset, join_problems, load_dataset
from macros.data.macro_calls import calls_macro
from macros.data.models import DATASET_OF, DATASETS, Datasets
from macros.errors import DataError

R = TypeVar("R", bound=Record)
Sets = dict[str, Dataset[Record]]  # each data file's records, by the file's name

@dataclass
class CheckedData(Datasets):
    """All the data, checked: each dataset's records as a typed attribute (`site.figures`, the
    list of Figure records; models.Datasets lists them), and each data file in `sets`."""

    root: Path
    sets: Sets
    documents: dict[str, Document]
    checked: dict[str, int]  # how many quotations, figures, ratings and dates were verified

    def __post_init__(self) -> None:
        for name in DATASETS:
            setattr(self, name, self.sets[name].records)

    def dataset(self, kind: type[R]) -> Dataset[R]:
        """The data file of one kind of record, with its records typed."""
        ds = self.sets[DATASET_OF[kind]]
        return Dataset(ds.path, ds.display, [r for r in ds.records if isinstance(r, kind)], ds.lines)

    def people(self) -> set[str]:
        """Every person the data names: the values of each field of type PersonName."""
        return {name for ds in self.sets.values() for record in ds.records
                for _, _, _, name in marked_values(record, PERSON)}

    def get(self, kind: type[R], record_id: str) -> R:
        """The record of this kind with this id (`site.get(Figure, "play-areas")`)."""
        record = self.sets[DATASET_OF[kind]].by_id()[record_id]
        if not isinstance(record, kind):
            raise TypeError(f"{record_id} is not a {kind.__name__}")
        return record


def _references(record: Record) -> Iterator[tuple[Location, str, str]]:
    """Every (location, dataset, id) that a record points to, itself or in its parts."""
    for loc, part, _ in parts(record):
        for name, dataset in references(type(part)).items():
            yield from ((loc + at, dataset, ref) for at, ref in values(part, name))


def records_with_pages(sets: Sets) -> Iterator[tuple[str, Record, list[str]]]:
    """Each record that makes pages for itself (macros/views/record_pages.py), in the order of the
    data files, with its dataset's name and its pages (the model's own_pages, its id filled in)."""
    for name, kind in DATASETS.items():
        if kind.own_pages and name in sets:
            for record in sets[name].records:
                yield name, record, [own.of(record) for own in kind.own_pages]


def own_pages(sets: Sets) -> set[str]:
    """The pages the records make for themselves."""
    return {page for _, _, pages in records_with_pages(sets) for page in pages}


def check_needed(sets: Sets, docs: Path) -> None:
    """Every dataset has the records its model says the pages cannot do without (`needed`), so an
    empty file or a group taken out is a plain message naming what is missing, never a traceback."""
    problems = []
    for name, ds in sets.items():
        for need in DATASETS[name].needed:
            if any(need.met_by(record) for record in ds.records):
                continue
            calls = " and ".join(f"{{{{ {m}() }}}}" for m in need.shown_by)
            pages = sorted(p.relative_to(docs.parent).as_posix() for p in docs.rglob("*.md") if any(
                calls_macro(p.read_text(encoding="utf-8"), m) for m in need.shown_by))
            problems.append(
                f"{ds.display}: there is no {need.what[2:]}, and the site cannot be made without one: "
                f"{calls} show{'s' if len(need.shown_by) == 1 else ''} it"
                + (f" (on {', '.join(pages)})" if pages else "")
                + f". Add {need.what} (the file's first lines list the fields a record has), or put back "
                "the records taken out.")
    if problems:
        raise DataError(join_problems(problems))


def check_references(site: CheckedData) -> None:
    """Every record points at records that exist, and at pages that exist; then each dataset's own
    checks across its records (the model's check_dataset)."""
    sets = site.sets
    problems: list[str] = []
    for name, ds in sets.items():
        for index, record in enumerate(ds.records):
            for loc, target, ref in _references(record):
                if ref not in sets[target].by_id():
                    problems.append(
                        f'{ds.display}, line {ds.line(index, *loc)}: record "{record.id}", field '
                        f'"{field_name(loc)}": there is no record "{ref}" in {sets[target].display}. '
                        f"Check the spelling, or add it there first."
                    )
    made = own_pages(sets)
    for ds in sets.values():  # a field of pages gives each as its path under docs/
        for index, record in enumerate(ds.records):
            for loc, _, _, page in marked_values(record, DOCS_PAGE):
                if not (ds.path.parent.parent / "docs" / page).is_file() and page not in made:
                    problems.append(
                        f'{ds.display}, line {ds.line(index, *loc)}: record "{record.id}", field '
                        f'"{field_name(loc)}": there is no page docs/{page}. Write the path as it is under docs/, '
                        "for example council/index.md."
                    )
    for name, ds in site.sets.items():  # what each model checks across its records
        problems += DATASETS[name].check_dataset(ds, site)
    if problems:
        raise DataError(join_problems(problems))


def load_checked(root: Path) -> CheckedData:
    """Read, check and cross-check every file in data/. Raises DataError with a plain message."""
    root = Path(root)
    sets: Sets = {
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
    site = CheckedData(root=root, sets=sets, documents={}, checked={})
    check_references(site)  # before the documents are read: a record missing is named in its data file
    site.documents.update(load_documents(root, [s.id for s in site.sources]))
    site.checked.update(check_all(site))
    return site
