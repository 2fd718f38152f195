"""Check a page's macros before it is rendered, so a typo gets a plain message, not a traceback."""
from __future__ import annotations

import difflib

import jinja2
from jinja2 import meta, nodes

from .loader import DataError

WHAT = {
    "figures": ("figure", "data/figures.yml"),
    "statements": ("statement", "data/statements.yml"),
    "quotations": ("quotation (a statement with quoted: true)", "data/statements.yml"),
    "indicators": ("indicator", "data/indicators.yml"),
    "initiatives": ("initiative", "data/initiatives.yml"),
    "sources": ("source document", "data/sources.yml"),
    "statement-groups": ("statement group", "the group: fields in data/statements.yml"),
    "roles": ("role", "the role: fields in data/roles.yml"),
    "member-groups": ("member group", "the group: fields in data/members.yml"),
    "topics": ("timeline topic", "the topic: fields in data/timeline.yml"),
    "datasets": ("data file", "the data/ folder"),
}


def _suggest(name: str, choices: set[str]) -> str:
    close = difflib.get_close_matches(name, sorted(choices), n=1)
    return f' Did you mean "{close[0]}"?' if close else ""


def check_page(markdown: str, page: str, line_offset: int, env: jinja2.Environment,
               known: set[str], arguments: dict[str, str], choices: dict[str, set[str]]) -> None:
    """Raise DataError naming the page and line of the first mistake in its macros."""
    try:
        tree = env.parse(markdown)
    except jinja2.TemplateSyntaxError as err:
        raise DataError(
            f"{page}, line {(err.lineno or 1) + line_offset}: a macro is not written correctly "
            f"({err.message}). Macros look like {{{{ figure(\"some-id\") }}}}. To show curly "
            "brackets as text, put {% raw %} before them and {% endraw %} after."
        ) from None
    unknown = meta.find_undeclared_variables(tree) - known
    if unknown:
        first = min((n for n in tree.find_all(nodes.Name) if n.name in unknown),
                    key=lambda n: n.lineno)
        raise DataError(
            f'{page}, line {first.lineno + line_offset}: there is no macro or value called '
            f'"{first.name}".{_suggest(first.name, known)} The macros you can use are listed in '
            "CONTRIBUTING.md."
        )
    for call in tree.find_all(nodes.Call):
        if not isinstance(call.node, nodes.Name) or call.node.name not in arguments:
            continue
        kind = arguments[call.node.name]
        if call.node.name == "note":  # note("source", "passage", ...): each passage is in that source
            _check_passages(call, page, line_offset, choices)
        for arg in call.args[:1]:
            if isinstance(arg, nodes.Const) and arg.value not in choices[kind]:
                what, where = WHAT[kind]
                article = "an" if what[0] in "aeiou" else "a"
                raise DataError(
                    f'{page}, line {call.lineno + line_offset}: {call.node.name}("{arg.value}") '
                    f'names {article} {what} that does not exist.{_suggest(str(arg.value), choices[kind])} '
                    f"The ids are in {where}."
                )


def _check_passages(call: nodes.Call, page: str, line_offset: int, choices: dict[str, set[str]]) -> None:
    source, *passages = call.args
    if not isinstance(source, nodes.Const) or source.value not in choices["sources"]:
        return  # the source itself is checked with the other first arguments
    ids = {p.split("--", 1)[1] for p in choices["passages"] if p.startswith(f"{source.value}--")}
    for arg in passages:
        if isinstance(arg, nodes.Const) and arg.value not in ids:
            raise DataError(
                f'{page}, line {call.lineno + line_offset}: note("{source.value}", "{arg.value}") names a '
                f"passage that is not in sources/{source.value}.md.{_suggest(str(arg.value), ids)} "
                'Run make find WORDS="..." with words from the document to get the passage.'
            )
