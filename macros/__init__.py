"""The Children and Young People's Plan website's own code.

Reading and checking the data needs no MkDocs (`python -m macros check|review|schemas|find`); the
views (macros/views/) turn it into Markdown; macros/hooks.py is the one module MkDocs calls. The
names below are what mkdocs-macros looks for in the module named in mkdocs.yml."""
from macros.hooks import define_env, on_post_build, on_post_page_macros, on_pre_page_macros

__all__ = ["define_env", "on_post_build", "on_post_page_macros", "on_pre_page_macros"]
