"""The views: plain functions that turn checked data into Markdown for the pages, one module a
topic. Each takes the page being rendered (page.py) first; those a page can call are declared with
@macro (registry.py), and MACROS gathers them from every module here. Nothing here needs MkDocs."""
import importlib
import pkgutil

from macros.views.page import Build, Page
from macros.views.registry import Macro, choices, collect

# Every macro a page can call, by name: those the modules of this folder declare with @macro.
MACROS = collect(*(importlib.import_module(f"{__name__}.{module.name}") for module in pkgutil.iter_modules(__path__)))

__all__ = ["MACROS", "Build", "Macro", "Page", "choices"]
