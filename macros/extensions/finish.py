"""A Python-Markdown extension: the page's finish, on every engine. Once the page's macros are
rendered (MkDocs' mkdocs-macros renders them before Markdown runs; Zensical's macros are a Markdown
preprocessor at priority 35, so this one, at 33, follows it), the page being built gets how old its
evidence is under its title, its source notes, "Reuse this data", its owner and the glossary's short
forms marked where first used (views/page.py, Page.finish).

The engine's module (macros/hooks.py) starts each page with `start(page)`; the finish takes it, so
it is done once a page, and a Markdown converted for anything else is left alone."""
from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from macros.errors import PageError


class Current:
    """The page being built, and a mistake in its macros' values, to be said once it is rendered."""
    page: Any = None
    problem: str | None = None


def start(page: Any) -> None:
    Current.page, Current.problem = page, None


def said(problem: str) -> None:
    """A mistake in a macro's values, kept until the page is rendered (raising it inside a macro
    would end in the engine's traceback): the first one is said."""
    Current.problem = Current.problem or problem


def take_problem() -> str | None:
    problem, Current.problem = Current.problem, None
    return problem


class Finish(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        page, Current.page = Current.page, None
        problem = take_problem()
        if problem:
            raise PageError(problem)
        if page is None:
            return lines
        finished: str = page.finish("\n".join(lines))
        return finished.split("\n")


class FinishExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After macros (Zensical: 35), before whitespace is normalised (30) and raw HTML stashed (20).
        md.preprocessors.register(Finish(md), "cypp_finish", 33)


def makeExtension(**kwargs: Any) -> FinishExtension:
    return FinishExtension(**kwargs)
