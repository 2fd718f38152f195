"""Material's search index, taught the glossary's words once the site is written
(macros/outputs/material_search.py), on a small index of the shape Material's search plugin writes."""
import json
import re
from pathlib import Path

from sample import term

from macros.outputs.material_search import INDEX, STOP_WORDS, teach

SEPARATOR = r"""['’]s\b|\Bs\b|\B['’]|['’]\B|[\s\-–—,:;!?()\[\]"“”‘/…]+|\.(?!\d)"""  # as in mkdocs.yml


GLOSSARY = [term("SEND", "special educational needs and disabilities", "special needs"),
            term("C&YP", "children and young people")]


def taught(tmp_path, *docs):
    """The index after teaching: its settings, and each entry by its location."""
    path = tmp_path / INDEX
    path.parent.mkdir()
    index = {"config": {"lang": ["en"], "separator": SEPARATOR,
                        "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
             "docs": [dict(location=f"#{n}", title=title, text=text) for n, (title, text) in enumerate(docs)]}
    path.write_text(json.dumps(index), encoding="utf-8")
    teach(tmp_path, GLOSSARY)
    out = json.loads(path.read_text(encoding="utf-8"))
    return out["config"], [d for d in out["docs"]]


def test_a_page_part_using_a_short_form_is_found_by_its_words_in_full(tmp_path):
    _, docs = taught(tmp_path, ("Help with SEND", "<p>Ask the school.</p>"),
                     ("Support", "<p>Help for children with special needs at school.</p>"))
    assert docs[0]["title_words"] == "SEND special educational needs disabilities"  # "and" is never searched
    assert "words" not in docs[0]  # the title's words (here "needs", which search reads as "need") not again
    # found by "SEND" too; the words the text has already are not added again
    assert docs[1]["words"] == "SEND educational disabilities" and "title_words" not in docs[1]


def test_the_words_searched_but_not_shown_are_weighed_as_their_field(tmp_path):
    config, _ = taught(tmp_path, ("Home", "<p>Welcome.</p>"))
    assert config["fields"]["title_words"] == config["fields"]["title"]
    assert config["fields"]["words"] == config["fields"]["text"]


def test_a_page_part_using_no_term_is_left_as_it_was(tmp_path):
    _, docs = taught(tmp_path, ("Meetings", "<p>The Board met in July 2023.</p>"))
    assert docs == [dict(location="#0", title="Meetings", text="<p>The Board met in July 2023.</p>")]


def test_the_small_words_the_index_leaves_out_are_not_searched_for(tmp_path):
    config, _ = taught(tmp_path, ("Home", "<p>Welcome.</p>"))
    split = re.compile(config["separator"])
    typed = [w for w in split.split("Not in education, employment or training") if w]
    assert typed == ["education", "employment", "training"]
    # a longer word that starts with one of them is a word still
    assert [w for w in split.split("privacy notice into the Board") if w] == ["privacy", "notice", "Board"]


def test_a_short_form_with_an_ampersand_is_added_as_the_search_reads_it(tmp_path):
    # the search plugin keeps "C&amp;YP", which is not the word "C&YP" that a resident types
    _, docs = taught(tmp_path, ("Our plan", "<p>The C&amp;YP plan for Oxfordshire.</p>"))
    assert docs[0]["words"].split()[:1] == ["C&YP"]
    assert {"children", "young", "people"} <= set(docs[0]["words"].split())


def test_no_index_when_search_is_off_is_no_error(tmp_path):
    teach(tmp_path, GLOSSARY)
    assert not (tmp_path / INDEX).exists()


def test_the_stop_words_left_out_are_those_of_materials_search():
    """The words Material's search drops (its copy of lunr's stop word filter) are the ones the
    glossary's words are taught without: an upgrade of Material that changes them fails here."""
    import material
    workers = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
    worker = next(workers.glob("search.*.min.js")).read_text(encoding="utf-8")
    listed = re.search(r"generateStopWordFilter\((\[[^\]]*\])\)", worker)
    assert listed and json.loads(listed.group(1)) == STOP_WORDS
