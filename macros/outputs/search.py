"""Search that understands residents' words: a short form finds what its words in full find, and
the other way round, and the everyday words residents type ("NEET", "special needs") find them too.

The glossary is the one place that declares them: each term's short form (`term`), what it stands
for (`expansion`) and the everyday words residents use for it (`also_searched_as`). A part of a
page that uses any of a term's forms is given the words of all its forms, as extra words that
search finds but never shows. Plain Python, with no search engine in it: the engine's seam
(macros/outputs/material_search.py) hands over its own way of splitting text into words."""
from __future__ import annotations

import html
import re
from collections import defaultdict
from typing import TYPE_CHECKING, Callable, Iterable

if TYPE_CHECKING:
    from macros.data.models import Term

Splitter = Callable[[str], list[str]]  # text → its words as the search engine splits them (case kept)


def forms(term: Term) -> list[str]:
    """Every way of writing a glossary term: its short form, its words in full, its everyday words."""
    return [term.term, term.expansion, *term.also_searched_as]


def plain(text: str) -> str:
    """Text as a reader sees it, from the HTML a search engine keeps: no tags, and "&amp;" as "&"."""
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


class Synonyms:
    """The glossary's terms, as the search engine splits their words."""

    def __init__(self, terms: Iterable[Term], split: Splitter) -> None:
        self.split = split
        # Each term: the words of all its forms as written, each with the engine's words for it
        # (written again, a word is split again: "Services" is "service", but "service" would be
        # "servic", as the engine takes a plural's "s" off).
        self.words_of: list[list[tuple[str, list[str]]]] = []
        # a form's first word: (term, its words, in capitals?)
        self.starts: dict[str, list[tuple[int, tuple[str, ...], bool]]] = defaultdict(list)
        for number, term in enumerate(terms):
            self.words_of.append([(w, [x.lower() for x in split(w)]) for f in forms(term) for w in f.split()])
            for form in forms(term):
                # A form written in capitals ("SEND", "MOX") is found in capitals only, so the verb
                # "send" is not the short form; any other form is found in any case.
                capitals = form.upper() == form
                words = tuple(w if capitals else w.lower() for w in split(form))
                if words:
                    self.starts[words[0].lower()].append((number, words, capitals))

    def words(self, text: list[str], leave_out: Iterable[str] = ()) -> list[str]:
        """The words, as written, of every form of each term whose form's words stand in a row in
        the text (given as the engine's words), except those that add nothing: words the engine
        finds already, among those left out or those before them."""
        lower = [w.lower() for w in text]
        used: set[int] = set()
        for i, word in enumerate(lower):
            for number, form, capitals in self.starts.get(word, ()):
                if number not in used and tuple((text if capitals else lower)[i:i + len(form)]) == form:
                    used.add(number)
        seen = {w.lower() for w in leave_out}
        out = []
        for number in sorted(used):
            for written, found in self.words_of[number]:
                if not seen.issuperset(found):
                    out.append(written)
                    seen.update(found)
        return out
