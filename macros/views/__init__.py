"""The views: plain functions that turn checked data into Markdown for the pages, one module a
topic. Each takes the page being rendered (page.py) first; those a page can call are declared with
@macro (registry.py). Nothing here needs MkDocs."""
from . import council, figures, furniture, glossary, performance, plan, reports, services, statements, timeline, trust  # noqa: F401  (they register)
from .page import Build, Page
from .registry import MACROS, Macro, choices

__all__ = ["MACROS", "Build", "Macro", "Page", "choices"]
