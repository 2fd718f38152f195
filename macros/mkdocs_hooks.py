"""MkDocs loads this file by its path (mkdocs.yml: hooks), outside the package: it hands MkDocs'
own events to macros/hooks.py, the one module that meets MkDocs."""
import logging
import sys
from pathlib import Path

# mkdocs-macros' notes on finding this package and its macros (five INFO lines a build) came before
# an officer's message and pushed it down: only its warnings and errors are shown.
logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project's folder, for `macros`

from macros.hooks import on_files  # noqa: E402  (MkDocs looks for the events by name)

__all__ = ["on_files"]
