"""An officer's mistake in a data file (macros/data/loader.py) is one plain message naming the file,
the line, the record and the field, and what was expected there."""
import pytest

from macros.data.loader import load_dataset
from macros.data.models import DATASETS
from macros.errors import DataError

Figure, Glossary = DATASETS["figures"], DATASETS["glossary"]

FIGURE = ("- id: play-areas\n  label: play areas\n  value: 87\n  unit: count\n"
          "  source: doc\n  passage: funding-1\n")


def said(tmp_path, text: str, model=Figure) -> str:
    path = tmp_path / "data/figures.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_dataset(path, model, tmp_path)
    return str(err.value)


def test_a_good_file_gives_its_records_and_their_lines(tmp_path):
    path = tmp_path / "data/figures.yml"
    path.parent.mkdir()
    path.write_text(FIGURE + FIGURE.replace("play-areas", "parks"), encoding="utf-8")
    ds = load_dataset(path, Figure, tmp_path)
    assert [r.id for r in ds.records] == ["play-areas", "parks"] and ds.display == "data/figures.yml"
    assert ds.line(1, "value") == 9


@pytest.mark.parametrize("old, new, message", [
    ("  unit: count\n", "  unit: count\n  value: 88\n",
     'data/figures.yml, line 5: the field "value" is given twice in the same record (first on line 3). Keep one of them.'),
    ("  unit: count\n", "  unit: dozens\n",
     "data/figures.yml, line 4: record \"play-areas\", field \"unit\": expected one of 'count', "),
    ("- id: play-areas\n", "- id: Play Areas\n",
     'data/figures.yml, line 1: record "Play Areas", field "id": expected an id made of lower-case letters, '
     'digits, dots and hyphens but found "Play Areas".'),
    ("  passage: funding-1\n", "  passage: funding.1\n",  # a passage's id has no dots, a record's may
     'data/figures.yml, line 6: record "play-areas", field "passage": expected an id made of lower-case letters, '
     'digits and hyphens but found "funding.1".'),
    ("  label: play areas\n", "  label: yes\n",
     'data/figures.yml, line 2: record "play-areas", field "label": expected text but found true '
     "(put words like yes, no, on or off in quotes)."),
    ("  label: play areas\n", "", 'data/figures.yml, line 1: record "play-areas", field "label": this field is '
                                  "missing, and every record needs it."),
    ("  label: play areas\n", "  label: play areas\n  lable: parks\n",
     'data/figures.yml, line 3: record "play-areas", field "lable": there is no such field (is it misspelt?). '
     "Allowed fields are: id, source, passage, label,"),
    ("  value: 87\n", "  value: many\n",
     'data/figures.yml, line 3: record "play-areas", field "value": expected a number but found "many".'),
])
def test_a_mistake_in_a_record_is_named_with_its_line_and_field(tmp_path, old, new, message):
    assert FIGURE.count(old) == 1
    assert said(tmp_path, FIGURE.replace(old, new)).startswith(message)


def test_an_id_used_twice_is_named_with_both_lines(tmp_path):
    assert said(tmp_path, FIGURE + FIGURE) == ('data/figures.yml, line 7: the id "play-areas" is used twice '
                                               "(also on line 1). Every record needs its own id.")


def test_a_file_that_is_not_a_list_of_records_says_how_one_starts(tmp_path):
    assert said(tmp_path, "id: play-areas\n") == ("data/figures.yml, line 1: expected a list of records, each "
                                                  "starting with '- id: ...'.")
    assert said(tmp_path, FIGURE + "- just words\n") == ("data/figures.yml, line 7: record 2 should be a set of "
                                                         "'name: value' lines.")


def test_a_line_out_of_step_with_its_record_is_named(tmp_path):
    message = said(tmp_path, FIGURE.replace("  unit: count\n", "   unit: count\n"))
    assert message.startswith("data/figures.yml, line 4") and "Traceback" not in message


def test_an_empty_list_where_one_is_needed_says_it_must_not_be_empty(tmp_path):
    text = ("- id: ctb\n  term: CTB\n  expansion: Children's Trust Board\n  explanation: The Trust.\n"
            "  also_searched_as: ['']\n  source: doc\n  passage: intro-1\n")
    message = said(tmp_path, text, Glossary)
    assert message.startswith('data/figures.yml, line 5: record "ctb", field "also_searched_as > item 1": '
                              "this must not be empty")
