"""A source document's full text as a page: every heading, paragraph and list item with its anchor.

The text is written as HTML (escaped), so Markdown never changes a document's words; headings are
Markdown, so they appear in the page's contents. The block a note's link opens is highlighted.
"""
from __future__ import annotations

import html
import re

from macros.data.documents import Document

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def inline(text: str) -> str:
    """A passage's text as HTML: escaped, with the file's **bold** labels kept."""
    return _BOLD.sub(r"<strong>\1</strong>", html.escape(text, quote=False))


def render(doc: Document) -> str:
    """The whole document as Markdown with HTML blocks."""
    out: list[str] = []
    open_lists: list[str] = []  # the tags of the lists we are inside, outermost first

    def close_lists(depth: int = 0) -> None:
        while len(open_lists) > depth:
            out.append(f"</li></{open_lists.pop()}>")

    for p in doc.passages:
        if p.kind != "item":
            close_lists()
        if p.kind == "heading":
            level = min(p.level + 1, 6)  # the page's own title is the only h1
            out += ["", f"{'#' * level} {_heading_text(p.text)} {{#{p.id}}}", ""]
        elif p.kind == "note":
            out.append(f'<p class="source-note" id="{p.id}"><strong>Note from this website:</strong> '
                       f"{inline(p.text)}</p>")
        elif p.kind == "paragraph":
            leads = " passage--leads-list" if p.leads_a_list else ""  # its note highlights the list too
            out.append(f'<p class="passage{leads}" id="{p.id}">{inline(p.text)}</p>')
        else:
            tag = "ol" if p.marker != "-" else "ul"
            depth = p.level + 1
            if len(open_lists) > depth:
                close_lists(depth)
                out.append("</li>")
            elif len(open_lists) == depth:
                out.append("</li>")
            while len(open_lists) < depth:
                out.append(f'<{tag} class="passage-list">')
                open_lists.append(tag)
            value = f' value="{p.marker[:-1]}"' if tag == "ol" else ""
            out.append(f'<li class="passage" id="{p.id}"{value}>{inline(p.text)}')
    close_lists()
    return "\n".join(_join_html(out)) + "\n"


def _heading_text(text: str) -> str:
    """A heading's words for Markdown: escaped so that nothing in them becomes markup."""
    return re.sub(r"([\\`*_\[\]<>#|{}])", r"\\\1", text.replace("**", ""))


def _join_html(lines: list[str]) -> list[str]:
    """Runs of HTML lines become one block, so Markdown leaves them alone."""
    out: list[str] = []
    for line in lines:
        if line.startswith("<") and out and out[-1].startswith("<"):
            out[-1] += line
        else:
            out.append(line)
    return out
