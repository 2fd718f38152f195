"""Where a page's Markdown calls a macro, `{{ name(...) }}`, with its first argument when that is
words in quotes (`{{ indicator_page("smoking") }}`). Finding the pages a dataset's records are shown
on (checked.py), a page's "Where to go next" section (checks/front_matter.py) and the record a page
written in place of a made one shows (checks/written_pages.py) all read a page's calls this one way."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

_CALL = re.compile(r"\{\{-?\s*(?P<macro>\w+)\(\s*(?:[\"'](?P<first>[^\"'\n]*)[\"'])?")


@dataclass(frozen=True)
class Call:
    """One call of a macro on a page."""
    macro: str  # the macro's name
    first: str  # its first argument, when that is words in quotes; "" otherwise
    line: int  # the line of the page it is on, from 1
    written: str  # the call as written, as far as its first argument: {{ indicator_page("smoking"


def macro_calls(markdown: str, macro: str = "") -> Iterator[Call]:
    """Each call of a macro in a page's Markdown (of the one named `macro`, when given), in order."""
    for m in _CALL.finditer(markdown):
        if not macro or m["macro"] == macro:
            yield Call(m["macro"], m["first"] or "", markdown.count("\n", 0, m.start()) + 1, m.group())


def calls_macro(markdown: str, macro: str) -> bool:
    """Whether a page's Markdown calls the macro."""
    return any(macro_calls(markdown, macro))
