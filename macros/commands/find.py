"""`python -m macros find WORDS...` (or `make find WORDS="..."`): the passages of the source
documents that contain these words, together and in this order, with the ids to cite
(`source:` and `passage:`). It reads the documents in sources/ alone, so it works while a data
file has a mistake (finding the passage is often how the mistake is put right)."""
import re
import sys
from pathlib import Path

from macros.data.documents import parse, plain
from macros.data.matching import normalise
from macros.errors import DataError


def main(argv: list[str]) -> int:
    words = normalise(" ".join(argv))
    if not words:
        print('Give some words to look for, for example: make find WORDS="play areas"', file=sys.stderr)
        return 2
    documents = []  # the documents alone: a mistake in data/ is no reason not to search them
    for path in sorted((Path.cwd() / "sources").glob("*.md")):
        try:
            documents.append(parse(path.read_text(encoding="utf-8"), path.stem, f"sources/{path.name}"))
        except (DataError, UnicodeDecodeError) as err:
            print(f"sources/{path.name} was not searched, because of a problem in it:\n{err}\n", file=sys.stderr)
    found = 0
    phrase = re.compile(rf"(?<!\w){re.escape(words)}(?!\w)", re.I)
    for doc in documents:
        for p in doc.passages:
            if p.kind != "note" and phrase.search(normalise(p.text)):
                found += 1
                text = plain(p.text)
                print(f"source: {doc.id}\npassage: {p.id}\n  ({doc.display}, line {p.line}) "
                      f"{text[:150]}{'…' if len(text) > 150 else ''}\n")
    print(f"{found} passage{'s' if found != 1 else ''} found.")
    return 0 if found else 1
