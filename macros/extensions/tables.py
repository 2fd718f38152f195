"""A Python-Markdown extension: each table with column headings can become a list of labelled
blocks on a narrow screen (site.css, `table[data-stack]`). Every cell carries its column's heading
as `data-label`, written when the page is built, so a phone shows "Date: 27 May 2020" without
waiting for a script, and every engine that runs Python-Markdown does the same."""
from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


class LabelCells(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            heads = ["".join(th.itertext()).strip() for th in table.findall("./thead/tr/th")]
            if not heads:
                continue
            table.set("data-stack", "")
            for row in table.findall("./tbody/tr"):
                for cell, head in zip(row, heads):
                    if head:
                        cell.set("data-label", head)


class TablesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(LabelCells(md), "cypp_table_labels", 0)  # after the inline text


def makeExtension(**kwargs: Any) -> TablesExtension:
    return TablesExtension(**kwargs)
