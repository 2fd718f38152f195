"""Open data, tried as a resident and a programmer would.

Every CSV file opens in a spreadsheet with the right characters (UTF-8 with a byte-order mark) and
one value in each cell, holds the YAML's records, and is described, column by column, by the CSV on
the Web metadata, which a CSVW reader uses to read every file back to the YAML's values. The JSON
files match the YAML; the changes feed and the meetings calendar read in real feed and calendar
parsers; the data page gives each file's real size and last change, and fits a phone's screen.
"""
import codecs
import csv
import datetime as dt
import io
import json
import shutil
import subprocess
import warnings
import xml.etree.ElementTree as ET
import zipfile

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from csvw import CSVW, TableGroup

from macros.data.checked import load_checked
from macros.data.models import DATASETS, Source

LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
# The fields that are lists of records, each in a CSV file of its own: file → (dataset, field).
LIST_FILES = {
    "area-also-called.csv": ("areas", "also_called"),
    "priority-wording.csv": ("priorities", "wording"),
    "meeting-items.csv": ("meetings", "items"),
    "indicator-ratings.csv": ("indicators", "ratings"),
    "indicator-actions.csv": ("indicators", "actions"),
    "initiative-details.csv": ("initiatives", "details"),
    "initiative-reported.csv": ("initiatives", "reported"),
}
CSV_FILES = sorted([f"{name}.csv" for name in DATASETS] + list(LIST_FILES))


@pytest.fixture(scope="module")
def site():
    return load_checked(ROOT)


@pytest.fixture(scope="module")
def metadata(built):
    return json.loads((built / "data" / "csv-metadata.json").read_text(encoding="utf-8"))


def table_of(metadata: dict, file: str) -> dict:
    return next(t for t in metadata["tables"] if t["url"] == file)


def expected_rows(site, file: str) -> list:
    """What the file's rows stand for, from the YAML: records, or (record, item) pairs."""
    if file in LIST_FILES:
        name, field = LIST_FILES[file]
        return [(r, item) for r in site.sets[name].records for item in getattr(r, field)]
    return list(site.sets[file.removesuffix(".csv")].records)


def read_csv(built, file: str) -> tuple[bytes, list[str], list[list[str]]]:
    raw = (built / "data" / file).read_bytes()
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    return raw, rows[0], rows[1:]


def test_every_csv_file_is_there_and_described(built, metadata):
    assert sorted(p.name for p in (built / "data").glob("*.csv")) == CSV_FILES
    assert sorted(t["url"] for t in metadata["tables"]) == CSV_FILES


@pytest.mark.parametrize("file", CSV_FILES)
def test_csv_opens_in_a_spreadsheet_and_matches_the_yaml(built, site, metadata, file):
    raw, header, rows = read_csv(built, file)
    assert raw.startswith(codecs.BOM_UTF8), "Excel reads UTF-8 only after a byte-order mark"
    assert raw.count(codecs.BOM_UTF8) == 1 and raw.endswith(b"\r\n")  # RFC 4180 line ends
    assert header == [c["name"] for c in table_of(metadata, file)["tableSchema"]["columns"]]
    expected = expected_rows(site, file)
    assert len(rows) == len(expected)
    for row, record in zip(rows, expected):
        assert len(row) == len(header)
        for cell in row:
            assert not cell.startswith(("[", "{")), f"{file}: JSON in a cell: {cell[:60]}"
        cells = dict(zip(header, row))
        if file in LIST_FILES:
            parent, item = record
            key = header[0]
            assert key.endswith("_id") and cells[key] == parent.id
            assert int(cells["position"]) == getattr(parent, LIST_FILES[file][1]).index(item) + 1
        else:
            assert cells["id"] == record.id
    if file == "figures.csv":
        assert [float(r[header.index("value")]) for r in rows] == [f.value for f in site.figures]


def test_a_list_is_one_cell_that_splits_back_into_its_items(built, site, metadata):
    checked = 0
    for name in DATASETS:
        table = table_of(metadata, f"{name}.csv")
        _, header, rows = read_csv(built, f"{name}.csv")
        for column in table["tableSchema"]["columns"]:
            if "separator" not in column:
                continue
            assert column["separator"] == "; "
            for row, record in zip(rows, site.sets[name].records):
                cell = row[header.index(column["name"])]
                assert (cell.split("; ") if cell else []) == getattr(record, column["name"]), (
                    f'data/{name}.yml, record "{record.id}", field "{column["name"]}": an item has "; " '
                    "in it, so the CSV cell cannot be split back into the list. Write it with a full stop "
                    "or a comma instead.")
                checked += 1
    assert checked > 100


@pytest.mark.parametrize("file", CSV_FILES)
def test_every_value_is_in_quotes(built, file):
    """So a spreadsheet that also splits at semicolons (LibreOffice by default; Excel where the list
    separator is a semicolon) keeps each list ("a; b") in one cell."""
    raw, header, rows = read_csv(built, file)
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL).writerows([header] + rows)
    assert raw == codecs.BOM_UTF8 + out.getvalue().encode("utf-8")


def test_the_characters_a_resident_saw_broken_are_right(built):
    _, header, rows = read_csv(built, "initiatives.csv")
    names = [r[header.index("name")] for r in rows]
    assert "YouMove – Helping Families Stay Active Together" in names
    assert not any("â€" in cell for row in rows for cell in row)


def test_metadata_describes_every_column_of_every_csv(built, metadata):
    assert "http://www.w3.org/ns/csvw" in metadata["@context"]
    assert metadata["dc:title"] and metadata["dc:license"] == {"@id": LICENCE_URL}
    urls = {t["url"]: t for t in metadata["tables"]}
    for table in metadata["tables"]:
        assert table["dc:title"] and table["dc:description"].endswith("."), table["url"]
        assert table["dc:license"] == {"@id": LICENCE_URL}
        _, header, _ = read_csv(built, table["url"])
        columns = table["tableSchema"]["columns"]
        assert [c["name"] for c in columns] == header, table["url"]
        for column in columns:
            where = f'{table["url"]}, column {column["name"]}'
            assert column["name"] in column["titles"] and len(column["titles"]) == 2, where
            assert len(column["dc:description"]) > 10 and column["dc:description"].endswith("."), where
            assert column["datatype"]["base"] in {"string", "integer", "number", "boolean", "date"}, where
        keys = table["tableSchema"]["primaryKey"]
        assert set([keys] if isinstance(keys, str) else keys) <= set(header)
        for fk in table["tableSchema"].get("foreignKeys", []):
            target = urls[fk["reference"]["resource"]]
            assert fk["columnReference"] in header
            assert fk["reference"]["columnReference"] == "id" and target["tableSchema"]["primaryKey"] == ["id"]
    ratings = urls["indicator-ratings.csv"]["tableSchema"]
    assert ratings["primaryKey"] == ["indicator_id", "position"]
    assert {"columnReference": "indicator_id", "reference": {"resource": "indicators.csv",
                                                             "columnReference": "id"}} in ratings["foreignKeys"]
    rag = next(c for c in ratings["columns"] if c["name"] == "rag")
    assert rag["datatype"]["format"] == "^(Red|Amber|Green)$"
    assert 'It is one of: "Red", "Amber", "Green".' in rag["dc:description"]


def _csvw_errors(metadata_file) -> list[str]:
    """What csvw finds wrong with the files (strict=False: an optional key may be empty)."""
    try:
        reader = CSVW(str(metadata_file), validate=True, strict=False)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            valid = reader.is_valid
    except ValueError as err:  # a value it cannot read while it checks the keys between files
        return [str(err)]
    return [] if valid else [str(w.message) for w in reader.warnings] or ["not valid"]


def test_a_csv_on_the_web_reader_reads_every_file_back_to_the_yaml(built, site):
    """csvw checks each file against its metadata (types, formats, required cells, keys between
    files); the values it reads, typed and with lists split, are the YAML's."""
    assert _csvw_errors(built / "data" / "csv-metadata.json") == []
    group = TableGroup.from_file(built / "data" / "csv-metadata.json")
    for file, table in group.tabledict.items():
        rows = list(table.iterdicts())
        for row, record in zip(rows, expected_rows(site, file), strict=True):
            if file in LIST_FILES:
                parent, item = record
                expected = {table.tableSchema.columns[0].name: parent.id, **item.model_dump(mode="json")}
                row.pop("position")
            else:
                in_files = {f for n, f in LIST_FILES.values() if n == file.removesuffix(".csv")}
                expected = {}
                for key, value in record.model_dump(mode="json").items():
                    if isinstance(value, dict):  # a record inside the record: a column for each field
                        expected.update({f"{key}_{sub}": v for sub, v in value.items()})
                    elif value is None and f"{key}_source" in row:  # that record left out: checked below
                        continue
                    elif key not in in_files:
                        expected[key] = value
            read = {k: v.strftime("%Y-%m-%d") if isinstance(v, dt.date) else v for k, v in row.items()}
            assert {k: read.get(k, "missing") for k in expected} == expected, file
            assert all(read[k] is None for k in read.keys() - expected.keys()), file


def test_the_reader_finds_a_mistake_in_a_csv(built, tmp_path):
    """The check above can fail: a rating that is not Red, Amber or Green, an unknown indicator."""
    for i, (old, new) in enumerate(((',"Red"\r\n', ',"Purple"\r\n'),
                                    ('"send-attainment","1",', '"no-such-indicator","1",'))):
        copy = tmp_path / str(i)
        shutil.copytree(built / "data", copy)
        path = copy / "indicator-ratings.csv"
        body = path.read_bytes().decode("utf-8-sig")
        assert old in body
        path.write_bytes(("\ufeff" + body.replace(old, new, 1)).encode("utf-8"))
        assert _csvw_errors(copy / "csv-metadata.json"), new


@pytest.mark.parametrize("name", list(DATASETS))
def test_json_matches_the_yaml(built, site, name):
    doc = json.loads((built / "data" / f"{name}.json").read_text(encoding="utf-8"))
    assert doc["licence"] == "Open Government Licence v3.0"
    assert doc["records"] == [r.model_dump(mode="json") for r in site.sets[name].records]


def test_changes_feed_reads_in_a_feed_reader(built, site):
    feed = feedparser.parse((built / "changes.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10" and "what's changed" in feed.feed.title
    changes = sorted(site.changes, key=lambda c: c.date, reverse=True)
    assert len(feed.entries) == len(changes)
    home = "http://127.0.0.1:8000/"  # the address the test build has
    for entry, change in zip(feed.entries, changes):
        assert entry.id == f"{home}changes/#{change.id}"
        assert entry.title == change.title and entry.summary == change.text
        assert dt.date(*entry.updated_parsed[:3]) == change.date.first_day
        page = change.pages[0].removesuffix(".md").removesuffix("index") if change.pages else "changes/"
        assert entry.link == home + (page + "/" if page and not page.endswith("/") else page)


def test_meetings_calendar_reads_in_a_calendar(built, site):
    raw = (built / "data" / "meetings.ics").read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # RFC 5545 folds long lines
    calendar = icalendar.Calendar.from_ical(raw)
    assert calendar["VERSION"] == "2.0"
    events = calendar.walk("VEVENT")
    dated = [m for m in site.meetings if m.date.precision == "day"]
    assert len(events) == len(dated) and len(dated) > 5
    for event, meeting in zip(events, dated, strict=True):
        day = meeting.date.first_day
        assert str(event["UID"]) == f"{meeting.id}@127.0.0.1"
        assert event.decoded("DTSTART") == day and event.decoded("DTEND") == day + dt.timedelta(days=1)
        assert str(event["SUMMARY"]) == meeting.title
        description = str(event["DESCRIPTION"])
        assert all(item.text in description for item in meeting.items)
        assert f"Source: {site.get(Source, meeting.source).short_title}, " in description


def test_every_page_that_shows_data_offers_it_for_reuse(pages):
    council = BeautifulSoup(pages["council/index.html"], "html.parser")
    reuse = council.select_one(".reuse")
    assert reuse and "Download the data on this page" in reuse.get_text()
    link = reuse.find("a", href="../data/initiatives.csv", string="spreadsheet (CSV)")
    assert link and "Oxford City Council's work for children and young people" in link.parent.get_text()
    assert BeautifulSoup(pages["index.html"], "html.parser").find("a", href="data/statements.json")


def _last_change(path: str) -> str:
    out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path], cwd=ROOT,
                         capture_output=True, text=True).stdout.strip()
    if not out:
        return "not known"
    day = dt.date.fromisoformat(out)
    return f"{day.day} {day:%B} {day.year}"


def test_data_page_gives_every_file_its_real_size_and_last_change(built, pages, site):
    page = BeautifulSoup(pages["data/index.html"], "html.parser")
    assert page.find("a", href=LICENCE_URL, string="Open Government Licence v3.0")
    files = [p for p in sorted((built / "data").iterdir()) if p.suffix in {".csv", ".json", ".ics"}]
    files.append(built / "changes.xml")
    assert {p.suffix for p in files} == {".csv", ".json", ".ics", ".xml"}
    for path in files:
        href = "../" + path.relative_to(built).as_posix()
        link = page.find("a", href=href)
        assert link is not None and link.get_text() == path.name, href
        size = path.stat().st_size
        shown = f"{size} bytes" if size < 1024 else f"{size / 1024:,.1f} KB"
        assert f", {shown}" in link.parent.get_text(), f"{path.name}: expected {shown}"
    for name in DATASETS:
        section = page.find(id=f"dataset-{name.replace('_', '-')}")
        assert section is not None, name
        intro = section.find_next("p").get_text()
        assert f"{len(site.sets[name].records)} records." in intro
        assert f"Last changed: {_last_change(f'data/{name}.yml')}." in intro, name
        columns = section.find_next("details")
        assert f"What each column holds: {name.replace('_', ' ')}" in columns.summary.get_text()
        assert columns.find("dt", string="id") and columns.find("dd")


@pytest.mark.browser
def test_data_page_fits_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    tab = context.new_page()
    tab.goto(server + "data/")
    assert tab.evaluate("document.scrollingElement.scrollWidth") <= 375
    links = tab.locator("article a[href$='.csv'], article a[href$='.json'], article a[href$='.ics']")
    assert links.count() > 40
    for i in range(links.count()):
        box = links.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375, links.nth(i).inner_text()
    context.close()


XLSX = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def same_value(cell: str, value: str) -> bool:
    """A spreadsheet cell holds the CSV's value: the same text, or the number or true/false it reads."""
    if cell == value:
        return True
    if value in ("true", "false"):
        return cell == ("1" if value == "true" else "0")
    try:
        return float(cell) == float(value)
    except ValueError:
        return False


def xlsx_rows(path) -> list[list[str]]:
    """The first sheet's cells, as text, each in its own column (from its reference, e.g. "H7")."""
    with zipfile.ZipFile(path) as book:
        shared = ["".join(t.text or "" for t in si.iter(f"{XLSX}t"))
                  for si in ET.fromstring(book.read("xl/sharedStrings.xml"))]
        sheet = ET.fromstring(book.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iter(f"{XLSX}row"):
        cells: dict[int, str] = {}
        for cell in row.iter(f"{XLSX}c"):
            letters = "".join(ch for ch in cell.get("r") if ch.isalpha())
            column = sum((ord(ch) - 64) * 26 ** i for i, ch in enumerate(reversed(letters))) - 1
            value = cell.find(f"{XLSX}v")
            if value is not None:
                cells[column] = shared[int(value.text)] if cell.get("t") == "s" else value.text
        rows.append([cells.get(i, "") for i in range(max(cells) + 1)] if cells else [])
    return rows


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed (CI does not install it)")
@pytest.mark.parametrize("file", ["initiatives.csv", "statements.csv"])
def test_libreoffice_reads_a_csv_into_a_spreadsheet_one_value_a_cell(built, tmp_path, file):
    """LibreOffice Calc turns a CSV file into a spreadsheet holding the file's values, dashes and
    all, one value a cell, although it splits at semicolons as well as commas by default (Tab,
    Comma and Semicolon are ticked in its Text Import window): the lists stay in one cell.

    Without a window LibreOffice does not look for the byte-order mark, so the import is told the
    file is UTF-8 (76); it must then read the mark as a mark, not as text in the first cell."""
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--infilter=Text - txt - csv (StarCalc):9/44/59,34,76", "--convert-to", "xlsx",
                    "--outdir", str(tmp_path), str(built / "data" / file)],
                   check=True, capture_output=True, timeout=180)
    sheet = xlsx_rows(tmp_path / file.replace(".csv", ".xlsx"))
    _, header, rows = read_csv(built, file)
    assert len(sheet) == len(rows) + 1 and sheet[0] == header
    for got, row in zip(sheet[1:], rows):
        got = got + [""] * (len(row) - len(got))  # the empty cells at a row's end are left out
        assert len(got) == len(row) and all(map(same_value, got, row)), row[0]
    if file == "initiatives.csv":
        assert "YouMove – Helping Families Stay Active Together" in [r[header.index("name")] for r in sheet]
