"""The glossary's words for the site's search (macros/outputs/search.py), on small data and a small search
engine's way of splitting words: spaces and punctuation, and a plural's last "s" taken off a word
in small letters, as the site's search does."""
import re

from sample import term

from macros.outputs.search import Synonyms, plain


def split(text: str) -> list[str]:
    return [w for w in re.split(r"[\s,().]+|\Bs\b|\b(?:[Aa]nd|[Ii]n|[Nn]ot|[Oo]r)\b", text) if w]


SEND = term("SEND", "special educational needs and disabilities", "special needs")
EET = term("EET", "Employment, Education and Training", "NEET", "not in education, employment or training")
SYNONYMS = Synonyms([SEND, EET], split)


def words_for(text, leave_out=()):
    return SYNONYMS.words(split(text), leave_out)


def test_a_text_using_any_form_of_a_term_gets_the_words_of_all_its_forms():
    everything = ["EET", "Employment,", "Education", "Training", "NEET"]
    assert words_for("Help for NEET young people") == everything
    assert words_for("The Youth Employment, Education and Training Hub") == everything
    assert words_for("young people not in education, employment or training") == everything
    assert words_for("special needs") == ["SEND", "special", "educational", "needs", "disabilities"]
    assert words_for("Education and employment") == []  # the words of a form, but not in a row


def test_a_form_in_capitals_is_found_in_capitals_only():
    assert words_for("Please send us the form") == []
    assert words_for("Help with SEND.")[:2] == ["SEND", "special"]
    assert words_for("a neet idea") == []
    assert words_for("Special Needs") == words_for("special needs")  # any other form, in any case


def test_only_the_words_search_would_not_find_anyway_are_given():
    assert words_for("EET", leave_out=["eet", "education"]) == ["Employment,", "Training", "NEET"]
    # "and", "or", "not", "in": words the engine leaves out are not worth giving either.
    assert not {"and", "or", "not", "in"} & {w.lower() for w in words_for("NEET")}


def test_words_are_given_as_written_so_the_engine_splits_them_as_it_splits_the_page():
    # Written again as "need", the engine would take its "s" off once more.
    assert "needs" in words_for("SEND")
    assert split("needs") == split("needs")[:1] == ["need"]


def test_html_reads_as_a_reader_sees_it():
    assert plain("<p>C&amp;YP and <b>SEND</b></p>").split() == ["C&YP", "and", "SEND"]
