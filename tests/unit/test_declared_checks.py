"""Checks declared on the field's type, never guessed from a field's name: a field added to a model
with one of these types is checked wherever it is (a record, or a part of one), single, optional or
a list, with a plain message naming the file, line, record and field. Small made-up models stand for
the field an officer or developer would add next."""
import typing
from pathlib import Path
from typing import Optional

import pytest
from sample import MONEY, OLDER, SOURCE, make_site

from macros.checks.verify import check_all, check_record, document_dates
from macros.data import models
from macros.data.checked import check_references
from macros.data.dates import PartialDate
from macros.data.fields import PERSON, Cited, DocsPage, PassageId, PersonName, Point, Record, marked_values, models_in
from macros.data.loader import Dataset
from macros.data.matching import has_figure, has_qualifier
from macros.data.models import COUNTED, Figure
from macros.data.vocabulary import QUALIFIERS, UNITS, Qualifier, Unit
from macros.errors import DataError
from macros.views.markup import format_figure


class Leaflet(Record):
    """A made-up dataset whose pages are given one by one, left out, or as a list."""
    front: DocsPage
    back: Optional[DocsPage] = None
    inside: list[DocsPage] = []


def leaflet_problems(monkeypatch, tmp_path: Path, **fields) -> list[str]:
    (tmp_path / "docs").mkdir(parents=True)
    (tmp_path / "docs" / "send.md").write_text("# SEND\n", encoding="utf-8")
    site = make_site(sources=[SOURCE])
    record = Leaflet.model_validate(dict(id="leaflet", **fields))
    site.sets["leaflets"] = Dataset(tmp_path / "data" / "leaflets.yml", "data/leaflets.yml", [record],
                                    [{(): 1, ("front",): 2, ("back",): 3, ("inside", 0): 5, ("inside", 1): 6}])
    monkeypatch.setitem(models.DATASETS, "leaflets", Leaflet)
    with pytest.raises(DataError) as err:
        check_references(site)
    return [line for line in str(err.value).split("\n") if line.startswith("data/leaflets.yml")]


def test_a_page_field_single_optional_or_a_list_names_each_page_that_does_not_exist(monkeypatch, tmp_path):
    # An optional page left out was once a traceback, and one page given alone was read letter by letter.
    said = leaflet_problems(monkeypatch, tmp_path, front="send.md", back="trust.md", inside=["send.md", "plan.md"])
    assert said == [
        'data/leaflets.yml, line 3: record "leaflet", field "back": there is no page docs/trust.md. Write the '
        "path as it is under docs/, for example council/index.md.",
        'data/leaflets.yml, line 6: record "leaflet", field "inside > item 2": there is no page docs/plan.md. Write the '
        "path as it is under docs/, for example council/index.md."]
    assert leaflet_problems(monkeypatch, tmp_path / "2", front="tust.md")[0].startswith(
        'data/leaflets.yml, line 2: record "leaflet", field "front": there is no page docs/tust.md.')


class Minuted(Cited):
    """A made-up record that names other passages of the document it cites: the next PassageId field."""
    minutes: Optional[PassageId] = None
    also: list[PassageId] = []
    points: list[Point] = []


def test_every_passage_id_field_single_or_a_list_or_in_a_part_is_checked_with_the_nearest_passage():
    site = make_site(sources=[SOURCE, OLDER])
    record = Minuted(id="m", source="doc", passage="funding-1", minutes="fundin-2", also=["intro-1", "no-such-passage"],
                     points=[Point(text="Money.", passage="funding-1")])
    said = dict(check_record(record, site.documents, document_dates(site.sources)))
    assert list(said) == [("minutes",), ("also", 1)]
    assert said["minutes",].startswith('there is no passage "fundin-2" in sources/doc.md. The passage with the '
                                       'nearest id is passage "funding-2" (sources/doc.md, line 7): ')
    assert said["also", 1].startswith('there is no passage "no-such-passage" in sources/doc.md.')
    assert 'make find WORDS="..."' in said["also", 1]
    good = record.model_copy(update={"minutes": "funding-2", "also": ["intro-1"]})
    assert not list(check_record(good, site.documents, document_dates(site.sources)))


class Dated(Cited):
    """A made-up record with dates given one by one, left out, or as a list: the next date field."""
    when: Optional[PartialDate] = None
    also: list[PartialDate] = []


def test_every_date_field_single_or_a_list_is_checked_against_the_passage():
    # A list of dates was once a traceback (each field was read as one date).
    site = make_site(sources=[SOURCE, OLDER])
    record = Dated(id="d", source="old", passage="results-1", when="2016", also=["2016", "2019"])
    said = dict(check_record(record, site.documents, document_dates(site.sources)))
    assert list(said) == [("also", 1)] and said["also", 1].startswith('the date "2019" is not in')
    good = Dated.model_validate(dict(id="d", source="old", passage="results-1", when="2016", also=["2016"]))
    assert not list(check_record(good, site.documents, document_dates(site.sources)))


def test_a_role_named_in_a_passage_that_does_not_exist_gets_the_nearest_passage_with_its_line():
    site = make_site(sources=[SOURCE, OLDER], roles=[dict(id="chair", role="chair", person="Councillor A",
                                                          named_in="intro-9", source="doc", passage="intro-1")])
    with pytest.raises(DataError) as err:
        check_all(site)
    assert str(err.value).startswith('data/roles.yml, line 1: record "chair", field "named_in": there is no passage '
                                     '"intro-9" in sources/doc.md. The passage with the nearest id is passage "intro-2" '
                                     '(sources/doc.md, line 13)')


def test_what_the_build_counts_is_what_the_models_declare_they_are_counted_as():
    declared = {inner.counted_as for model in models.DATASETS.values() for inner in models_in(model)
                if getattr(inner, "counted_as", "")}
    assert declared and set(COUNTED) == declared
    counts = check_all(make_site(sources=[SOURCE, OLDER], figures=[MONEY]))
    assert list(counts) == ["quotations", *COUNTED, "dates", "citations"] and counts["figures"] == 1


class Signed(Cited):
    """A made-up record with a person's name inside one of its parts."""
    signatures: list["Signature"] = []


class Signature(Point):
    by: PersonName


Signed.model_rebuild()


def test_every_person_name_field_is_gathered_wherever_it_is():
    record = Signed(id="s", source="doc", passage="intro-1",
                    signatures=[Signature(text="Signed.", passage="intro-1", by="Dr Ann Smith")])
    assert [(loc, name) for loc, _, _, name in marked_values(record, PERSON)] == [(("signatures", 0, "by"), "Dr Ann Smith")]
    site = make_site(sources=[SOURCE], roles=[dict(id="chair", role="chair", person="Councillor A", source="doc",
                                                   passage="intro-1")])
    assert site.people() == {"Councillor A"}


@pytest.mark.parametrize("unit", typing.get_args(Unit))
@pytest.mark.parametrize("qualifier", typing.get_args(Qualifier))
def test_a_figure_as_the_site_writes_it_is_what_the_check_finds_in_a_passage(unit, qualifier):
    """Each unit and each qualifier has its words in one table (vocabulary.UNITS, QUALIFIERS): what the
    site shows is what the check of the passage accepts."""
    fig = Figure(id="f", label="things", value=600000, unit=unit, qualifier=qualifier, source="doc", passage="p")
    shown = format_figure(fig)
    assert shown.startswith(QUALIFIERS[qualifier].words) and "600,000" in shown
    assert has_figure(fig, f"There were {shown} last year.") and has_qualifier(fig, f"There were {shown} last year.")
    assert UNITS[unit].shown.format("1") in format_figure(fig.model_copy(update={"value": 1}))
