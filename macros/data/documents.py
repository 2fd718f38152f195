"""The source documents' own text (sources/<id>.md), cut into passages a fact can cite.

Each file in sources/ is the full text of one document in data/sources.yml, in a small format:
headings (`## Foreword {#foreword}`), paragraphs, list items (`- ` or `13. `, nested by four
spaces), `**bold**` labels, and `NOTE: ` blocks that are the website team's words, not the
document's. Every heading starts a section; every paragraph and list item in it is a passage
with a stable anchor `<section>-<n>`. A record cites a passage (or a whole section) by that id.

Nothing here needs MkDocs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from macros.errors import DataError

_HEADING = re.compile(r"^(#{1,4}) +(.+?)(?: +\{#([a-z0-9][a-z0-9-]*)\})? *$")
_ITEM = re.compile(r"^( *)(- |\d+\. )(.*)$")
_BAD_ID = re.compile(r"\{#[^}]*\}\s*$")


@dataclass(frozen=True)
class Passage:
    """One heading, paragraph, list item or note of a document."""

    id: str  # the anchor: a section id for a heading, "<section>-<n>" for the rest
    section: str  # the id of the section it belongs to
    kind: str  # "heading", "paragraph", "item" or "note"
    text: str  # as written in the file, joined onto one line (may hold **bold**)
    line: int  # where it starts in the file
    level: int = 0  # a heading's level (1 to 4), or a list item's depth (0 = not nested)
    marker: str = ""  # a list item's marker: "-" or the document's own number, e.g. "13."

    @property
    def leads_a_list(self) -> bool:
        """A paragraph ending in a colon ("…and is made up from the:") is finished by the list
        after it: a citation of the paragraph covers that list too."""
        return self.kind == "paragraph" and plain(self.text).rstrip().endswith(":")


@dataclass
class Document:
    """The passages of one source document, in order."""

    id: str
    display: str  # the file, as an officer would name it: sources/<id>.md
    passages: list[Passage]
    by_id: dict[str, int] = field(default_factory=dict)  # passage id -> position

    texts: dict[str, str] = field(default_factory=dict, repr=False, compare=False)  # text(), once an id

    def __post_init__(self) -> None:
        self.by_id = {p.id: i for i, p in enumerate(self.passages)}

    def get(self, passage_id: str) -> Passage:
        return self.passages[self.by_id[passage_id]]

    def heading(self, section_id: str) -> str:
        return plain(self.get(section_id).text)

    def parent(self, section_id: str) -> str:
        """The section a section is part of (itself if it is at the top)."""
        start = self.by_id[section_id]
        level = self.passages[start].level
        for p in reversed(self.passages[:start]):
            if p.kind == "heading" and p.level < level:
                return p.id
        return section_id

    def text(self, passage_id: str) -> str:
        """The words a citation of this id covers, with the document's own numbers of its
        numbered list items ("13. Be empowered to know…"). Worked out once for each id: many
        records cite the same passage."""
        if passage_id not in self.texts:
            self.texts[passage_id] = " ".join(f"{p.marker} {p.text}" if p.marker[:1].isdigit() else p.text
                                              for p in self.scope(passage_id))
        return self.texts[passage_id]

    def scope(self, passage_id: str) -> list[Passage]:
        """What a citation of this id covers: a heading covers its section and the sections under
        it; a list item covers the items nested under it; a paragraph covers itself, and the list
        right after it when it ends in a colon."""
        start = self.by_id[passage_id]
        first = self.passages[start]
        out = [first]
        for p in islice(self.passages, start + 1, None):  # no copy of the rest of the document
            if first.kind == "heading":
                if p.kind == "heading" and p.level <= first.level:
                    break
            elif first.kind == "item":
                if p.kind != "item" or p.level <= first.level:
                    break
            elif not (first.leads_a_list and p.kind in ("item", "note")):
                break
            out.append(p)
        return [p for p in out if p.kind != "note"]



def plain(text: str) -> str:
    """A passage's words without the file's markup."""
    return text.replace("**", "")


def parse(text: str, source_id: str, display: str) -> Document:
    """Read one source file. A mistake raises DataError naming the file and line."""
    passages: list[Passage] = []
    sections: dict[str, int] = {}  # section id -> line it was declared on
    section: str | None = None
    count, notes = 0, 0
    lines = text.split("\n")
    blocks: list[tuple[int, list[str]]] = []  # (first line number, lines) for each block
    for number, line in enumerate(lines, start=1):
        if line.strip():
            if blocks and blocks[-1][0] + len(blocks[-1][1]) == number:
                blocks[-1][1].append(line)
            else:
                blocks.append((number, [line]))

    def fail(line: int, problem: str) -> DataError:
        return DataError(f"{display}, line {line}: {problem}")

    def add(kind: str, body: str, line: int, level: int = 0, marker: str = "") -> None:
        nonlocal count, notes
        if section is None:
            raise fail(line, "the text must start with the document's title as a heading, for "
                             "example '# The title {#title}'.")
        if kind == "note":  # our notes are numbered apart, so adding one moves no anchor
            notes += 1
            pid = f"{section}-note-{notes}"
        else:
            count += 1
            pid = f"{section}-{count}"
        passages.append(Passage(pid, section, kind, body, line, level, marker))

    for first, block in blocks:
        heading = _HEADING.match(block[0])
        if heading and len(block) == 1:
            hashes, title, sid = heading.groups()
            if not sid:
                raise fail(first, "every heading needs an id at its end, for example "
                                  "'## Foreword {#foreword}' (lower-case letters, digits and hyphens).")
            if sid in sections:
                raise fail(first, f'the section id "{sid}" is already used on line {sections[sid]}. '
                                  "Two passages would share one anchor and one source note: give "
                                  "this section its own id.")
            sections[sid] = first
            section, count, notes = sid, 0, 0
            passages.append(Passage(sid, sid, "heading", title.strip(), first, level=len(hashes)))
            continue
        if heading or _BAD_ID.search(block[0]) and block[0].startswith("#"):
            raise fail(first, "a heading must be on a line of its own, with a blank line after it.")
        if block[0].startswith("NOTE:"):
            add("note", " ".join(s.strip() for s in block)[5:].strip(), first)
            continue
        if _ITEM.match(block[0]):
            # a list: each item is its own passage; lines indented under an item continue it
            for offset, line in enumerate(block):
                item = _ITEM.match(line)
                if item:
                    indent = len(item.group(1))
                    if indent % 4:
                        raise fail(first + offset, "a nested list item must be indented by 4 spaces "
                                                   "for each level.")
                    add("item", item.group(3).strip(), first + offset, level=indent // 4,
                        marker=item.group(2).strip())
                else:
                    last = passages[-1]
                    passages[-1] = Passage(last.id, last.section, last.kind,
                                           f"{last.text} {line.strip()}", last.line, last.level,
                                           last.marker)
            continue
        add("paragraph", " ".join(s.strip() for s in block), first)
    if not passages:
        raise fail(1, "the file is empty.")
    seen: dict[str, Passage] = {}
    for p in passages:  # a section id like "annex-2" must not be a paragraph's anchor too
        if p.id in seen:
            twin = p if p.kind == "heading" else seen[p.id]
            raise fail(twin.line, f'the section id "{twin.id}" is also the anchor of a passage on '
                                  f'line {(seen[p.id] if twin is p else p).line}. Two passages would '
                                  "share one anchor and one source note: give this section another id.")
        seen[p.id] = p
    return Document(source_id, display, passages)


def load_documents(root: Path, source_ids: list[str]) -> dict[str, Document]:
    """Every source document's text: one file in sources/ for each record in data/sources.yml."""
    folder = Path(root) / "sources"
    documents = {}
    for sid in source_ids:
        path = folder / f"{sid}.md"
        display = f"sources/{sid}.md"
        if not path.is_file():
            raise DataError(f'{display}: the file is missing. Every document in data/sources.yml '
                            f'needs its full text in sources/, so facts from "{sid}" can be checked.')
        try:
            body = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as err:
            line = path.read_bytes()[: err.start].count(b"\n") + 1
            raise DataError(f"{display}, line {line}: the file is not saved as UTF-8 text.") from None
        documents[sid] = parse(body, sid, display)
    extra = sorted(p.name for p in folder.glob("*.md") if p.stem not in source_ids) if folder.is_dir() else []
    if extra:
        raise DataError(f"sources/{extra[0]}: there is no record \"{Path(extra[0]).stem}\" in "
                        "data/sources.yml for this document. Add one there first.")
    return documents
