"""Check a page's macros before it is rendered, so a typo gets a plain message, not a traceback:
the page must be valid Jinja, name only macros and values that exist, and give every macro
arguments it takes (checked against the registry, cypp/views/registry.py)."""
from __future__ import annotations

from typing import Any

import jinja2
from jinja2 import meta, nodes

from ..errors import PageError
from .registry import MACROS, UNKNOWN, suggest


def _value(node: nodes.Node) -> Any:
    return node.value if isinstance(node, nodes.Const) else UNKNOWN


def check_page(markdown: str, page: str, line_offset: int, env: jinja2.Environment,
               known: set[str], choices: dict[str, Any]) -> None:
    """Raise PageError naming the page and line of the first mistake in its macros."""
    try:
        tree = env.parse(markdown)
    except jinja2.TemplateSyntaxError as err:
        raise PageError(
            f"{page}, line {(err.lineno or 1) + line_offset}: a macro is not written correctly "
            f"({err.message}). Macros look like {{{{ figure(\"some-id\") }}}}. To show curly "
            "brackets as text, put {% raw %} before them and {% endraw %} after."
        ) from None
    unknown = meta.find_undeclared_variables(tree) - known
    if unknown:
        first = min((n for n in tree.find_all(nodes.Name) if n.name in unknown),
                    key=lambda n: n.lineno)
        raise PageError(
            f'{page}, line {first.lineno + line_offset}: there is no macro or value called '
            f'"{first.name}".{suggest(first.name, known)} The macros you can use are listed in '
            "CONTRIBUTING.md."
        )
    for call in tree.find_all(nodes.Call):
        if not isinstance(call.node, nodes.Name) or call.node.name not in MACROS:
            continue
        if call.dyn_args or call.dyn_kwargs:  # *args or **kwargs: checked when the macro is called
            continue
        problem = MACROS[call.node.name].problem(
            tuple(_value(a) for a in call.args), {k.key: _value(k.value) for k in call.kwargs}, choices)
        if problem:
            raise PageError(f"{page}, line {call.lineno + line_offset}: {problem}")
