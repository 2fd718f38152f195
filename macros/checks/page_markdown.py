"""Check a page before it is rendered, so a mistake gets a plain message naming the line, not a
traceback: the page must be valid Jinja, name only macros and values that exist, and give every
macro arguments it takes (checked against the registry, macros/views/registry.py); the files it
includes (--8<--) must be files of the project, its links must go to pages that exist, and the
names, age ranges and dates in a sentence that carries a note must be in the passage the note
opens (check_notes)."""
from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping

import jinja2
from jinja2 import meta, nodes

from macros.checks.verify import document_dates, figures_in, unsupported
from macros.data.checked import CheckedData
from macros.data.documents import plain
from macros.errors import PageError, suggest

if TYPE_CHECKING:  # the registry is the views' (macros/views/registry.py): the build passes it in
    from macros.views.registry import Macro

UNKNOWN = object()  # an argument the page check cannot know (a variable): checked when the macro is called


def _value(node: nodes.Node) -> Any:
    return node.value if isinstance(node, nodes.Const) else UNKNOWN


def check_page(markdown: str, page: str, line_offset: int, env: jinja2.Environment, known: set[str],
               choices: dict[str, Any], registry: Mapping[str, Macro], macros: Iterable[str] = ()) -> nodes.Template:
    """Raise PageError naming the page and line of the first mistake in its macros (`registry`: the
    site's macros, by name; `macros`: the names of the engine's own). Returns the page parsed, for
    the render to compile without parsing it again."""
    try:
        tree = env.parse(markdown)
    except jinja2.TemplateSyntaxError as err:
        raise PageError(
            f"{page}, line {(err.lineno or 1) + line_offset}: a macro is not written correctly "
            f"({err.message}). Macros look like {{{{ figure(\"some-id\") }}}}. To show curly "
            "brackets as text, put {% raw %} before them and {% endraw %} after."
        ) from None
    # Every name the page reads is known (the usual case): then none can be undeclared, and
    # Jinja's own, slower, analysis is only needed to find the one that is not.
    names = {n.name for n in tree.find_all(nodes.Name) if n.ctx == "load"}
    unknown = meta.find_undeclared_variables(tree) - known if names - known else set()
    if unknown:
        first = min((n for n in tree.find_all(nodes.Name) if n.name in unknown),
                    key=lambda n: n.lineno)
        given_to = next((call.node.name for call in tree.find_all(nodes.Call)
                         if isinstance(call.node, nodes.Name) and call.node.name in registry
                         and any(a is first for a in [*call.args, *(k.value for k in call.kwargs)])), None)
        if given_to:  # {{ spreadsheet(initiatives) }}: an id or name without its quotes
            raise PageError(
                f'{page}, line {first.lineno + line_offset}: {first.name} is given to {given_to}() without '
                f'quotes. Ids and names are written in double quotes: {given_to}("{first.name}"). The '
                f"macros and what they are given are listed in CONTRIBUTING.md.")
        raise PageError(
            f'{page}, line {first.lineno + line_offset}: there is no macro or value called '
            f'"{first.name}".{suggest(first.name, known)} The macros you can use are listed in '
            "CONTRIBUTING.md."
        )
    called = {id(call.node) for call in tree.find_all(nodes.Call)}
    for name in tree.find_all(nodes.Name):  # {{ meetings }} would show "<function … at 0x7f…>"
        if name.ctx == "load" and (name.name in registry or name.name in macros) and id(name) not in called:
            written = registry[name.name].usage() if name.name in registry else f"{name.name}()"
            raise PageError(
                f'{page}, line {name.lineno + line_offset}: "{name.name}" is a macro, so it is written with '
                f"brackets, even when it is given nothing: {{{{ {written} }}}}. Without them the page would "
                "show a name from the site's program instead of what the macro makes.")
    for call in tree.find_all(nodes.Call):
        if not isinstance(call.node, nodes.Name) or call.node.name not in registry:
            continue
        if call.dyn_args or call.dyn_kwargs:  # *args or **kwargs: checked when the macro is called
            continue
        problem = registry[call.node.name].problem(
            tuple(_value(a) for a in call.args), {k.key: _value(k.value) for k in call.kwargs}, choices)
        if problem:
            raise PageError(f"{page}, line {call.lineno + line_offset}: {problem}")
    return tree


_SNIPPET = re.compile(r"""^[ \t]*(?P<escape>;*)-+8<-+[ \t]+(?P<quote>["'])(?P<path>.+?)(?P=quote)[ \t]*$""")
_SNIPPET_BLOCK = re.compile(r"^[ \t]*-+8<-+[ \t]*$")
_SNIPPET_PART = re.compile(r"(?i)(?:(?::-?[0-9]*){1,2}(?:,-?[0-9]*(?::-?[0-9]*)?)*|:[a-z][-_0-9a-z]*)$")
_LINK = re.compile(r"\]\((?P<target>[^()\s]+)(?:\s+\"[^\"]*\")?\)")
_CODE = re.compile(r"`[^`\n]*`")


def _lines(markdown: str) -> Iterator[tuple[int, str]]:
    """Each line outside fenced code blocks, with its number, inline code taken out."""
    fence: str | None = None
    for number, line in enumerate(markdown.split("\n"), start=1):
        mark = re.match(r"^\s*(`{3,}|~{3,})", line)
        if mark and (fence is None or mark.group(1)[0] == fence[0]):
            fence = None if fence else mark.group(1)
            continue
        if fence is None:
            yield number, _CODE.sub("", line)


def check_snippets(markdown: str, page: str, line_offset: int, root: Path, bases: list[str]) -> None:
    """Every file a page includes with --8<-- is a file of the project (pymdownx.snippets would
    stop with a traceback)."""
    block = False
    for number, line in enumerate(markdown.split("\n"), start=1):
        if _SNIPPET_BLOCK.match(line):
            block = not block
            continue
        found = _SNIPPET.match(line)
        if found and found["escape"]:
            continue
        path = found["path"] if found else (line.strip() if block and line.strip() else None)
        if path is None or "://" in path:
            continue
        path = _SNIPPET_PART.sub("", path)
        where = f"{page}, line {number + line_offset}: the page includes the file \"{path}\" (--8<--)"
        inside = [(root / b).resolve() for b in bases]
        targets = [(base / path).resolve() for base in inside]
        if not any(t.is_relative_to(base) for t, base in zip(targets, inside)):
            raise PageError(f"{where}, which is outside the project. A page can only include files "
                            "of the project, named from the project's folder, for example \"CONTRIBUTING.md\".")
        if not any(t.is_file() for t in targets):
            raise PageError(f"{where}, and there is no such file. Name it from the project's folder, "
                            "for example \"CONTRIBUTING.md\".")


def check_links(markdown: str, src_uri: str, line_offset: int, docs: Path,
                made: frozenset[str] = frozenset()) -> None:
    """Every link a page writes to another page or file of the site (in docs/, or `made` from the
    records: macros/views/record_pages.py) goes somewhere, named with its line (MkDocs names only the page)."""
    page = f"docs/{src_uri}"
    # Links made by macros are checked with the macros; the page's own links on the same line are not.
    for number, line in _lines(_OTHER_MACRO.sub(_blank, markdown)):
        for found in _LINK.finditer(line):
            target = found["target"].split("#", 1)[0]
            if not target or re.match(r"^[a-z][a-z0-9+.-]*:|^/", target, re.I):
                continue  # an anchor on the same page, another site, or an address (MkDocs checks those)
            path = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), target))
            if (docs / path).is_file() or (docs / path / "index.md").is_file() or path in made \
                    or f"{path}/index.md" in made:
                continue
            pages = sorted({p.relative_to(docs).as_posix() for p in docs.rglob("*.md")} | made)
            relative = [posixpath.relpath(p, posixpath.dirname(src_uri) or ".") for p in pages]
            raise PageError(
                f'{page}, line {number + line_offset}: the link to "{found["target"]}" goes nowhere: '
                f"there is no docs/{path}.{suggest(target, relative)} Links name the page's file, "
                "from this page's folder, for example [Meetings](trust/meetings.md) on the home page.")


def anchor_problem(markdown: str, src_uri: str, link: str, target: str, anchors: set[str]) -> str:
    """What to say about a link to a heading (an anchor, "#…") that the page it goes to does not
    have: the line of the page that writes the link (when the page writes it, not a macro), and
    the anchor meant. `target` is the page linked to, `anchors` the ones it has once built."""
    anchor = link.split("#", 1)[1]
    line = next((n for n, text in _lines(markdown) if f"({link}" in text or f'"{link}"' in text), None)
    where = f"docs/{src_uri}" + (f", line {line}" if line else "")
    page = "this page" if target == src_uri else f"docs/{target}"
    return (f'{where}: the link "{link}" goes to a heading that is not on {page} (there is no #{anchor}).'
            f"{suggest('#' + anchor, {'#' + a for a in anchors})} A heading's anchor is its words in lower case, "
            "with hyphens for spaces (## Where to go next is #where-to-go-next), or the id written after it "
            "({#its-id}).")


_NOTE = re.compile(r"\{\{-?\s*note\((?P<args>[^)]*)\)\s*-?\}\}")
_OTHER_MACRO = re.compile(r"\{\{.*?\}\}", re.S)
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}|\{%.*?%\}|\{#.*?#\}", re.S)
# Where the words a note stands for begin: a new paragraph, list item, heading, table row or note
# box, the end of the sentence before, or the note before it in the same sentence.
_START = re.compile(r"\n[ \t]*\n|\n[ \t]*(?:[-*+] |\d+\. |#{1,6} |!!! |\||///)|[.!?][\"”’)]*\s|<br>|"
                    + _NOTE.pattern)


def _blank(match: re.Match[str]) -> str:
    """Text taken out of the check, its lines kept so that line numbers stay right."""
    return re.sub(r"[^\n]", " ", match.group())


def noted_sentences(markdown: str) -> Iterator[tuple[int, str, list[tuple[str, str]], tuple[int, int]]]:
    """Each group of notes in a page and the words it stands for: (line of the first note, the
    words, [(document, passage), ...], where the words start and end in the page). The words run
    from the start of the sentence (or from the note before, in the same sentence) to the note;
    notes written one after another share them."""
    text = _RAW.sub(_blank, "\n".join(line if fence is None else " " * len(line)
                                      for line, fence in _fenced(markdown)))
    notes = list(_NOTE.finditer(text))
    groups: list[list[re.Match[str]]] = []
    for note in notes:
        if groups and not text[groups[-1][-1].end():note.start()].strip():
            groups[-1].append(note)
        else:
            groups.append([note])
    for group in groups:
        end = group[0].start()
        before = text[:end].rstrip()
        if before.endswith((".", ".)", ".”", '."')):  # "…the OSCB.{{ note() }}": the sentence before it
            before = before[:before.rindex(".")]
        starts = [m.end() for m in _START.finditer(before)]
        words = before[starts[-1] if starts else 0:]
        words = _OTHER_MACRO.sub("…", words)
        words = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", words)  # a link's words
        words = re.sub(r"<[^>]+>|\*\*|(?<!\w)_|_(?!\w)", "", words)
        cited: list[tuple[str, str]] = []
        for note in group:
            args = re.findall(r'"([^"]*)"|\'([^\']*)\'', note["args"])
            values = [a or b for a, b in args]
            cited += [(values[0], passage) for passage in values[1:]]
        yield text[:end].count("\n") + 1, " ".join(plain(words).split()), cited, (starts[-1] if starts else 0, end)


def _fenced(markdown: str) -> Iterator[tuple[str, str | None]]:
    """Each line with the fence it is inside (None outside fenced code)."""
    fence: str | None = None
    for line in markdown.split("\n"):
        mark = re.match(r"^\s*(`{3,}|~{3,})", line)
        if mark and (fence is None or mark.group(1)[0] == fence[0]):
            yield line, fence or mark.group(1)
            fence = None if fence else mark.group(1)
            continue
        yield line, fence


def check_notes(markdown: str, page: str, line_offset: int, site: CheckedData) -> None:
    """The names of people, age ranges and dates in a sentence of the page's own words that carries
    a note are in a passage the note opens (macros/checks/verify.py, unsupported)."""
    dates = document_dates(site.sources)
    people = site.people()
    for line, words, cited, _ in noted_sentences(markdown):
        passages = [(site.documents[s], p) for s, p in cited
                    if s in site.documents and p in site.documents[s].by_id]
        if not passages:
            continue  # an unknown document or passage has its own message
        missing = unsupported(words, passages, dates, people, figures=True)
        if missing:
            doc, passage = passages[0]
            where = "; ".join(f'passage "{p}" of {d.display}' for d, p in passages)
            shown = " ".join(plain(doc.text(passage)).split())
            raise PageError(
                f"{page}, line {line + line_offset}: the words “{'”, “'.join(missing)}” in the sentence "
                f"“{words}” are not in the passage its note opens ({where}: “{shown[:160]}"
                f"{'…' if len(shown) > 160 else ''}”). Give the note of the passage that says them, "
                "or leave them out.")


# What is not the page's own words, for the figures check: macros, comments, code, a link's address,
# HTML tags, attribute lists ({: .answer }, {#its-id}), snippet lines and the page's own headings'
# numbers ("# 2.4: Missing school").
_NOT_WORDS = re.compile(r"\{\{.*?\}\}|<!--.*?-->|`[^`\n]*`|\]\([^)\n]*\)|<[^>\n]+>|\{[:#][^}\n]*\}|"
                        r"^[ \t]*-+8<-+.*$|^#{1,6} [\d.\\]+[a-z]?:", re.S | re.M)


def check_figures(markdown: str, page: str, line_offset: int) -> None:
    """A figure typed into a page's own words is in a sentence whose note opens the passage that
    gives it (check_notes checks that it does); a figure with no note is refused: figures come from
    data/figures.yml through {{ figure("id") }}."""
    text = _RAW.sub(_blank, "\n".join(line if fence is None else " " * len(line)
                                      for line, fence in _fenced(markdown)))
    noted = [span for *_, span in noted_sentences(markdown)]
    words = _NOT_WORDS.sub(_blank, text)
    for line_no, line in enumerate(words.split("\n"), 1):
        at = sum(len(x) + 1 for x in words.split("\n")[:line_no - 1])
        for m in figures_in(line):
            if not any(a <= at + m.start() < b for a, b in noted):
                raise PageError(
                    f"{page}, line {line_no + line_offset}: the figure “{m.group()}” is typed into the page "
                    "with no note. Figures come from the documents: use {{ figure(\"its-id\") }} for a figure "
                    "in data/figures.yml (see \"Change a figure\" in CONTRIBUTING.md), {{ count(\"initiatives\") }} "
                    "for how many records a data file holds, or end the sentence with the note of the passage "
                    "that gives it.")
