"""Open data: each dataset downloads as CSV and JSON that match the YAML, and meetings as iCalendar."""
import csv
import io
import json
import re

import pytest

from macros.data import load_site
from macros.models import DATASETS

from conftest import ROOT


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT)


@pytest.mark.parametrize("name", list(DATASETS))
def test_csv_matches_the_yaml(built, site, name):
    raw = (built / "data" / f"{name}.csv").read_bytes()
    body = raw.decode("utf-8")  # UTF-8, or this fails
    assert body.endswith("\r\n")  # RFC 4180 line ends
    rows = list(csv.reader(io.StringIO(body, newline="")))
    header, data = rows[0], rows[1:]
    records = site.sets[name].records
    assert header[0] == "id" and len(data) == len(records)
    for row, rec in zip(data, records):
        assert dict(zip(header, row))["id"] == rec.id
        assert len(row) == len(header)
        if name == "figures":
            assert float(dict(zip(header, row))["value"]) == rec.value


@pytest.mark.parametrize("name", list(DATASETS))
def test_json_matches_the_yaml(built, site, name):
    doc = json.loads((built / "data" / f"{name}.json").read_text(encoding="utf-8"))
    assert doc["licence"] == "Open Government Licence v3.0"
    assert doc["records"] == [r.model_dump(mode="json") for r in site.sets[name].records]


def test_every_page_that_shows_data_offers_it_for_reuse(pages):
    council = pages["council/index.html"]
    assert re.search(r'Reuse this data:.*?href="\.\./data/initiatives\.csv">CSV</a>', council, flags=re.S)
    home = pages["index.html"]
    assert 'href="data/statements.json"' in home


def test_data_index_lists_every_dataset(pages, site):
    html = pages["data/index.html"]
    for name in DATASETS:
        assert f'href="../data/{name}.csv"' in html
    assert "Open Government Licence v3.0" in html


def test_meetings_calendar(built, site):
    ics = (built / "data" / "meetings.ics").read_bytes().decode("utf-8")
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))
    dated = [m for m in site.meetings if len(m.date) == 10]
    assert ics.count("BEGIN:VEVENT") == len(dated)
    assert "DTSTART;VALUE=DATE:20200312" in ics
