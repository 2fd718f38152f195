"""Where things are on the site, for a link or for a reader: a page's web address from its file,
and a passage of a document named so that a reader can find it, on screen or on paper. Every layer
uses them (the views' links and notes, the feeds' entries), so they sit beside the layers."""
from __future__ import annotations

import posixpath
import re

from macros.data.documents import Document, plain

_LABEL = re.compile(r"^\*\*[^*]+\*\*\s*")


def address(src_uri: str) -> str:
    """A page's web address under the site's root, from its path under docs/: "council/index.md"
    is "council", "trust/people.md" is "trust/people", "index.md" is ""."""
    folder, name = posixpath.split(src_uri)
    path = folder if name in ("index.md", "README.md") else posixpath.join(folder, name[:-3])
    return path.strip("/")


def describe(doc: Document, passage_id: str, words: int = 8) -> str:
    """How a note names a passage, so a reader can find it even on paper:
    'section “Foreword”, the paragraph starting “We welcome the initiative taken by…”'."""
    p = doc.get(passage_id)
    heading = doc.heading(p.section)
    if p.kind == "heading":
        return f"section “{heading}”"
    opening = plain(_LABEL.sub("", p.text)).split()  # "**Focus:** Domestic Abuse" starts "Domestic"
    if len(opening) < 3:  # "**RAG:** R" is clearer whole
        opening = plain(p.text).split()
    start = " ".join(opening[:words]) + ("…" if len(opening) > words else "")
    what = "the point" if p.kind == "item" else "the paragraph"
    return f"section “{heading}”, {what} starting “{start}”"


def locate(doc: Document, passage_id: str, words: int = 6) -> str:
    """Where a passage is, in a few words for a printed page: '“Foreword”, paragraph 3', counted as
    a reader counts on paper (the paragraphs, or the points, of its section; a numbered point by
    its own number); a long heading is cut short."""
    p = doc.get(passage_id)
    heading = doc.heading(p.section).split()
    where = "“" + " ".join(heading[:words]) + ("…”" if len(heading) > words else "”")
    if p.kind == "heading":
        return where
    if p.marker[:1].isdigit():
        return f"{where}, point {p.marker.rstrip('.')}"
    start = doc.by_id[p.section] + 1
    count = sum(1 for q in doc.passages[start:doc.by_id[passage_id] + 1]
                if q.kind == p.kind and q.section == p.section)
    return f"{where}, {'point' if p.kind == 'item' else 'paragraph'} {count}"
