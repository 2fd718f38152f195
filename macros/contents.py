"""A Python-Markdown extension: the page's frame, GOV.UK style. After the page's head (its title
and how old its evidence is, which the page's finish ends with HEAD_END) and its opening
paragraph, a "Contents" list of the page's sections, when it has three or more. The answer comes
first; the list follows. Made here, once, so that any engine that runs Python-Markdown makes the
same page, and the theme's templates only place the content."""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

HEAD_END = "<!-- end of page head -->"  # written by the page's finish (views/page.py) under the head
NO_CONTENTS = "<!-- end of page head; no contents list -->"  # the same, on the home page
ANSWER = "answer"  # a paragraph after the opening one that is still the answer: `{: .answer }` under it
MIN_SECTIONS = 3  # fewer sections than this need no list
COMPACT = 15  # more than this (the glossary's short forms) are listed side by side
PLACEHOLDER = re.compile("^\x02wzxhzdk:(\\d+)\x03$")


class ContentsList(Treeprocessor):
    def _marker(self, element: etree.Element) -> str | None:
        """The page's end-of-head marker, if this paragraph is one (raw HTML waits in the stash)."""
        found = element.tag == "p" and not len(element) and PLACEHOLDER.match(element.text or "")
        if not found:
            return None
        html = str(self.md.htmlStash.rawHtmlBlocks[int(found.group(1))]).strip()
        return html if html in (HEAD_END, NO_CONTENTS) else None

    def run(self, root: etree.Element) -> None:
        children = list(root)
        marks = [(i, self._marker(child)) for i, child in enumerate(children)]
        marks = [(i, mark) for i, mark in marks if mark]
        if marks:
            at, mark = marks[0]
            root.remove(children[at])
            children.pop(at)
        else:  # a page with no head of its own (the officers' guide, drawn in from CONTRIBUTING.md)
            at, mark = (1 if children and children[0].tag == "h1" else 0), HEAD_END
        if at < len(children) and children[at].tag == "p":
            at += 1  # the opening paragraph: the answer comes before the list
        while at < len(children) and children[at].tag == "p" and ANSWER in children[at].get("class", "").split():
            at += 1  # and the paragraphs marked as the rest of the answer (a piece of work: who, where, what)
        tokens = getattr(self.md, "toc_tokens", [])
        sections = tokens[0]["children"] if tokens and tokens[0]["level"] == 1 else tokens
        if mark == NO_CONTENTS or len(sections) < MIN_SECTIONS:
            return
        kind = "contents-list" + (" contents-list--compact" if len(sections) > COMPACT else "")
        nav = etree.Element("nav", {"class": kind, "aria-label": "Contents", "data-search-exclude": ""})
        etree.SubElement(nav, "h2", {"class": "contents-list__title"}).text = "Contents"
        items = etree.SubElement(nav, "ol", {"class": "contents-list__list"})
        for section in sections:
            link = etree.SubElement(etree.SubElement(items, "li"), "a", {"href": f"#{section['id']}"})
            link.text = self.md.htmlStash.store(section["name"])  # the heading's text, already escaped
        root.insert(at, nav)


class ContentsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(ContentsList(md), "cypp_contents", 4)  # after toc (5) names the sections


def makeExtension(**kwargs) -> ContentsExtension:
    return ContentsExtension(**kwargs)
