"""Material for MkDocs' search, taught residents' words. The one module that knows the shape of
the index Material's search plugin writes (search/search_index.json: its lunr settings, and one
entry for each part of a page, with its title and text); hooks.py calls it once the site is written.

What it changes in the index:

- Each entry gets the words of the glossary's terms it uses (macros/outputs/search.py) in two fields the
  search finds but never shows: `title_words`, for the terms its title uses, weighed as a title
  is; and `words`, for the rest, weighed as text is, and only those its text lacks (the index
  stays small).
- The words the index leaves out (lunr's English stop words: "in", "not", "who"…) are also left
  out of what a resident types. Material searches every word typed as the start of a longer one,
  so "not in education" looked for words starting "not" and "in" and put the privacy "notice"
  first; made separators, like spaces, they are not searched for at all."""
from __future__ import annotations

import json
import re
from pathlib import Path

from macros.data.models import Term
from macros.outputs.search import Synonyms, plain

INDEX = "search/search_index.json"
WORDS, TITLE_WORDS = "words", "title_words"

# lunr.stopWordFilter's list (lunr 2.3.9, in Material's search worker).
STOP_WORDS = """a able about across after all almost also am among an and any are as at be because
been but by can cannot could dear did do does either else ever every for from get got had has have
he her hers him his how however i if in into is it its just least let like likely may me might most
must my neither no nor not of off often on only or other our own rather said say says she should
since so some than that the their them then there these they this tis to too twas us wants was we
were what when where which while who whom why will with would yet you your""".split()


def separator(words: list[str]) -> str:
    """The words as a separator: whole words, in any case (lunr's separator has no flags)."""
    spelt = ("".join(f"[{c.upper()}{c}]" for c in w) for w in sorted(words, key=len, reverse=True))
    return r"\b(?:" + "|".join(spelt) + r")\b"


def teach(site_dir: Path, glossary: list[Term]) -> None:
    """Rewrite the index the search plugin wrote (none when search is off: nothing to do)."""
    path = site_dir / INDEX
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    config = index["config"]
    config["separator"] += "|" + separator(STOP_WORDS)
    splitter = re.compile(config["separator"])

    def split(text: str) -> list[str]:
        return [w for w in splitter.split(text) if w]

    synonyms = Synonyms(glossary, split)
    fields = config["fields"]
    fields[TITLE_WORDS] = {"boost": fields["title"]["boost"]}
    fields[WORDS] = {"boost": fields["text"]["boost"]}
    for doc in index["docs"]:
        title, text, both = split(plain(doc["title"])), split(plain(doc["text"])), doc["title"] + " " + doc["text"]
        # lunr reads the text as the search plugin escaped it: "C&amp;YP" is not the word "C&YP".
        as_kept = split(re.sub("<[^>]+>", " ", both)) if "&" in both else title + text
        in_title = synonyms.words(title)
        in_text = synonyms.words(title + text, leave_out=[*split(" ".join(in_title)), *as_kept])
        for field, words in ((TITLE_WORDS, in_title), (WORDS, in_text)):
            if words:
                doc[field] = re.sub("[<>]", "", " ".join(words))
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
