"""The views: plain functions that turn checked data into Markdown for the pages, one module a
topic. Each takes the page being rendered (page.py) first; those a page can call are declared with
@macro (registry.py). Nothing here needs MkDocs."""
from macros.views import (  # noqa: F401  (they register)
    council,
    figures,
    furniture,
    glossary,
    performance,
    plan,
    reports,
    services,
    statements,
    timeline,
    trust,
)
from macros.views.page import Build, Page
from macros.views.registry import MACROS, Macro, choices

__all__ = ["MACROS", "Build", "Macro", "Page", "choices"]
