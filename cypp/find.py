"""`python -m cypp find WORDS...` (or `make find WORDS="..."`): the passages of the source
documents that contain these words, together and in this order, with the ids to cite
(`source:` and `passage:`)."""
import re
import sys
from pathlib import Path

from .site import load_site
from .documents import plain
from .errors import DataError
from .verify import normalise


def main(argv: list[str]) -> int:
    words = normalise(" ".join(argv))
    if not words:
        print('Give some words to look for, for example: make find WORDS="play areas"', file=sys.stderr)
        return 2
    try:
        site = load_site(Path.cwd())
    except DataError as err:
        print(f"The data has a problem:\n{err}", file=sys.stderr)
        return 1
    found = 0
    phrase = re.compile(rf"(?<!\w){re.escape(words)}(?!\w)", re.I)
    for doc in site.documents.values():
        for p in doc.passages:
            if p.kind != "note" and phrase.search(normalise(p.text)):
                found += 1
                text = plain(p.text)
                print(f"source: {doc.id}\npassage: {p.id}\n  ({doc.display}, line {p.line}) "
                      f"{text[:150]}{'…' if len(text) > 150 else ''}\n")
    print(f"{found} passage{'s' if found != 1 else ''} found.")
    return 0 if found else 1
