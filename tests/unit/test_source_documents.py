"""A source document's text in sources/ (macros/data/documents.py): read into passages with their
anchors, and each mistake an officer can make in it named with its file and line."""
import pytest

from macros.data.documents import load_documents, parse
from macros.errors import DataError

GOOD = "# A report {#title}\n\n## Plans {#plans}\n\nWe will:\n\n1. build\n    more homes\n2. play\n\nNOTE: our words.\n"


def mistake(text: str) -> str:
    with pytest.raises(DataError) as err:
        parse(text, "doc", "sources/doc.md")
    return str(err.value)


def test_each_heading_paragraph_and_list_item_is_a_passage_with_its_anchor_and_notes_apart():
    doc = parse(GOOD, "doc", "sources/doc.md")
    assert [(p.id, p.kind) for p in doc.passages] == [
        ("title", "heading"), ("plans", "heading"), ("plans-1", "paragraph"), ("plans-2", "item"),
        ("plans-3", "item"), ("plans-note-1", "note")]
    assert doc.get("plans-2").text == "build more homes"  # a line indented under an item continues it
    assert doc.parent("plans") == "title" and doc.parent("title") == "title"


@pytest.mark.parametrize("text, said", [
    ("# A report\n\nWords.\n",
     "line 1: every heading needs an id at its end, for example '## Foreword {#foreword}'"),
    ("# A report {#title}\n\n## One {#one}\n\n## Again {#one}\n",
     'line 5: the section id "one" is already used on line 3. Two passages would share one anchor'),
    ("# A report {#title}\n## Straight on {#on}\nWords.\n",
     "line 1: a heading must be on a line of its own, with a blank line after it."),
    ("Words before any title.\n", "line 1: the text must start with the document's title as a heading"),
    ("# A report {#title}\n\n- one\n  - two\n", "line 4: a nested list item must be indented by 4 spaces"),
    ("\n\n", "line 1: the file is empty."),
    ("# A report {#title}\n\n## Annex {#annex}\n\nWords.\n\n## Annex 1 {#annex-1}\n",
     'line 7: the section id "annex-1" is also the anchor of a passage on line 5.'),
])
def test_a_mistake_in_a_document_is_named_with_its_line(text, said):
    assert mistake(text).startswith(f"sources/doc.md, {said}")


def test_every_document_listed_needs_its_text_and_every_text_its_record(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources/doc.md").write_text(GOOD, encoding="utf-8")
    assert list(load_documents(tmp_path, ["doc"])) == ["doc"]
    with pytest.raises(DataError, match=r'^sources/new\.md: the file is missing\. Every document in '
                                        r'data/sources\.yml needs its full text in sources/, so facts from "new"'):
        load_documents(tmp_path, ["doc", "new"])
    with pytest.raises(DataError, match=r'^sources/doc\.md: there is no record "doc" in data/sources\.yml'):
        load_documents(tmp_path, [])


def test_a_document_saved_in_another_encoding_is_named_with_its_line(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources/doc.md").write_bytes(b"# A report {#title}\n\nCaf\xe9 opened.\n")
    with pytest.raises(DataError, match=r"^sources/doc\.md, line 3: the file is not saved as UTF-8 text\.$"):
        load_documents(tmp_path, ["doc"])
