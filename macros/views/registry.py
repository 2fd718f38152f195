"""How a view becomes a macro: it declares itself with @macro, naming the kind of record each of
its parameters names and the datasets it shows, and `collect` gathers the declarations
(macros/views/__init__.py: MACROS). The build registers every macro from there,
the page check validates every constant argument of every call against it before a page is
rendered, and the same check runs on the values when a macro is called, so a mistake in a macro's
arguments is a plain message, never a traceback. CONTRIBUTING.md's list of macros is tested
against it (tests/tooling/test_contributing.py)."""
from __future__ import annotations

import inspect
import re
import typing
from dataclasses import dataclass
from functools import cached_property
from types import ModuleType
from typing import Any, Callable, Literal, TypeVar, get_args, get_origin

from pydantic import BaseModel

from macros.checks.page_markdown import UNKNOWN
from macros.data.checked import CheckedData
from macros.data.fields import Record, types_in
from macros.data.models import (
    DATASET_OF,
    DATASETS,
    AccessibilityNote,
    Event,
    Figure,
    Indicator,
    Initiative,
    Member,
    RagRating,
    Role,
    Source,
    Statement,
)
from macros.errors import suggest


class MacroError(TypeError):
    """A view declared as a macro in a way that cannot work: a developer's mistake, raised when the
    package is imported, so no build or test runs with it."""


@dataclass(frozen=True)
class Kind:
    """A kind of record a macro's parameter can name."""
    called: str  # what a message calls one
    where: str  # where its ids are, for the message
    example: str  # what the officers' list of macros writes for it
    values: Callable[[CheckedData], Any]  # the ids it may be, in this build's data


def _records(model: type[Record], called: str, example: str,
             which: Callable[[Any], bool] = lambda record: True, which_words: str = "") -> Kind:
    """Records of one dataset, named by their ids (those `which` picks, said in `which_words`)."""
    name = DATASET_OF[model]
    return Kind(called + which_words, f"data/{name}.yml", example,
                lambda site: {r.id for r in site.sets[name].records if which(r)})


def _field(model: type[BaseModel], field: str) -> Any:
    """The type of a model's field; a field the model does not have stops the package loading."""
    if field not in model.model_fields:
        raise MacroError(f"registry.KINDS names the field {field}, which {model.__name__} does not have")
    return model.model_fields[field].annotation


def _values(model: type[Record], field: str, called: str, example: str,
            which: Callable[[Any], bool] = lambda value: value is not None, also: str = "") -> Kind:
    """The values one field of a dataset's records has (those `which` picks)."""
    name, _ = DATASET_OF[model], _field(model, field)
    return Kind(called, f"the {field}: fields in data/{name}.yml{also}", example,
                lambda site: {getattr(r, field) for r in site.sets[name].records if which(getattr(r, field))})


def _choices(model: type[BaseModel], field: str, called: str, example: str, dataset: type[Record],
             also: str = "") -> Kind:
    """The values a field may have: its closed list (a Literal in vocabulary.py), in `dataset`'s file."""
    values = {value for kind in types_in(_field(model, field)) if get_origin(kind) is Literal
              for value in get_args(kind)}
    return Kind(called, f"the {field}: fields in data/{DATASET_OF[dataset]}.yml{also}", example,
                lambda site: set(values))


KINDS = {
    "figures": _records(Figure, "figure", "figure-id"),
    "series": _values(Figure, "series", "series of figures", "series-id"),
    "quotations": _records(Statement, "quotation", "statement-id", lambda s: s.quoted,
                           " (a statement with quoted: true)"),
    "indicators": _records(Indicator, "indicator", "indicator-id"),
    "initiatives": _records(Initiative, "initiative", "initiative-id"),
    "sources": _records(Source, "source document", "source-id"),
    "passages": Kind("passage", "the source document", "passage-id",
                     lambda site: {d.id: {p.id for p in d.passages} for d in site.documents.values()}),
    "statement-groups": _values(Statement, "group", "statement group", "group"),
    "roles": _choices(Role, "role", "role", "chair", Role),
    "member-groups": _values(Member, "group", "member group", "trust-board"),
    "topics": _choices(Event, "topic", "timeline topic", "plan", Event),
    "datasets": Kind("data file", "the data/ folder", "initiatives", lambda site: set(site.sets)),
    "ratings": _choices(RagRating, "rag", "rating", "Amber", Indicator, " (Red, Amber or Green)"),
    "statement-dates": _values(AccessibilityNote, "kind", "kind of accessibility statement date", "prepared",
                               lambda kind: kind in ("prepared", "reviewed")),
}
_TYPES = {bool: "true or false", int: "a whole number", str: "text in quotes"}


def choices(site: CheckedData) -> dict[str, Any]:
    """What each kind of argument may be, for this build's data."""
    return {name: kind.values(site) for name, kind in KINDS.items()}


@dataclass(frozen=True)
class Macro:
    """A view a page can call: `function(page, *arguments)`."""
    name: str
    function: Callable[..., Any]
    kinds: dict[str, str]  # parameter → the kind of record it names
    shows: tuple[str, ...]  # the datasets it shows, offered for reuse on the page

    @cached_property
    def signature(self) -> inspect.Signature:
        sig = inspect.signature(self.function, eval_str=True)
        return sig.replace(parameters=list(sig.parameters.values())[1:])  # without the page

    def usage(self) -> str:
        """How a page writes it: 'figure_table("figure-id", ..., caption="Figures")'."""
        return _example(self)[3:-3]

    def problem(self, args: tuple[Any, ...], kwargs: dict[str, Any], known: dict[str, Any]) -> str | None:
        """What is wrong with a call's arguments, in plain words (None when nothing is)."""
        try:
            bound = self.signature.bind(*args, **kwargs)
        except TypeError as err:
            return (f"{self.name}() cannot be written like this ({err}). "
                    f"It is written {self.usage()}; see CONTRIBUTING.md.")
        for index, (param, value) in enumerate(bound.arguments.items()):
            spec = self.signature.parameters[param]
            values = value if spec.kind is spec.VAR_POSITIONAL else (value,)
            for position, item in enumerate(values, start=index):
                if item is UNKNOWN or (item is None and spec.default is None):
                    continue
                wrong = self._type_problem(param, spec.annotation, item)
                if wrong:
                    return wrong
                if param in self.kinds:
                    wrong = self._id_problem(param, position, item, bound.arguments, known)
                    if wrong:
                        return wrong
        return None

    def _type_problem(self, param: str, annotation: Any, value: Any) -> str | None:
        options = typing.get_args(annotation) or (annotation,)
        expected = next((t for t in _TYPES if t in options), None)
        if expected is None or (isinstance(value, expected) and not (expected is int and isinstance(value, bool))):
            return None
        return (f'{self.name}(): "{param}" should be {_TYPES[expected]}, but it is {value!r}. '
                f"It is written {self.usage()}.")

    def _id_problem(self, param: str, position: int, value: Any, arguments: dict[str, Any],
                    known: dict[str, Any]) -> str | None:
        kind = self.kinds[param]
        if kind == "passages":  # note("source", "passage", ...): each passage is in that source
            source = next(iter(arguments.values()))
            options = known["passages"].get(source, set())
            if source is UNKNOWN or value in options:
                return None
            return (f'{self.name}("{source}", "{value}") names a passage that is not in '
                    f"sources/{source}.md.{suggest(str(value), options)} "
                    'Run make find WORDS="..." with words from the document to get the passage.')
        if value in known[kind]:
            return None
        what, where = KINDS[kind].called, KINDS[kind].where
        article = "an" if what[0] in "aeiou" else "a"
        shown = f'"{value}"' if position == 0 else f'..., "{value}"'
        return (f"{self.name}({shown}) names {article} {what} that does not exist."
                f"{suggest(str(value), known[kind])} The ids are in {where}.")




View = TypeVar("View", bound=Callable[..., object])


def macro(*, shows: tuple[str, ...] = (), **kinds: str) -> Callable[[View], View]:
    """Declare a view as a macro: `@macro(shows=("figures",), figure_id="figures")`. The declaration
    is kept on the function (`function.macro`); `collect` gathers them."""
    def declare(function: View) -> View:
        name = function.__name__
        unknown = sorted(set(kinds) - set(inspect.signature(function).parameters))
        if unknown:
            raise MacroError(f"@macro on {name} names parameters it does not have: {', '.join(unknown)}")
        kinds_unknown = sorted(set(kinds.values()) - set(KINDS))
        if kinds_unknown:
            raise MacroError(f"@macro on {name} names kinds of record that registry.KINDS does not have: "
                             f"{', '.join(kinds_unknown)}")
        unshown = sorted(set(shows) - set(DATASETS))
        if unshown:
            raise MacroError(f"@macro on {name} shows datasets that do not exist: {', '.join(unshown)}")
        setattr(function, "macro", Macro(name, function, kinds, shows))
        return function
    return declare


def collect(*modules: ModuleType) -> dict[str, Macro]:
    """The macros the view modules declare, by name (macros/views/__init__.py lists the modules)."""
    found: dict[str, Macro] = {}
    for module in modules:
        for value in vars(module).values():
            declared = getattr(value, "macro", None)
            if not isinstance(declared, Macro) or declared.function is not value:
                continue
            if found.get(declared.name, declared) is not declared:
                raise MacroError(f"two macros are called {declared.name}: rename one of them")
            found[declared.name] = declared
    return found


def _example(macro: Macro) -> str:
    """How a page calls the macro, with the kind of id each parameter takes."""
    parts: list[str] = []
    for name, spec in macro.signature.parameters.items():
        shown = f'"{KINDS[macro.kinds[name]].example}"' if name in macro.kinds else ""
        if spec.kind is spec.VAR_POSITIONAL:
            shown = f"{shown}, ..."
        elif spec.default is not spec.empty:
            default = {True: "true", False: "false"}.get(spec.default, repr(spec.default).replace("'", '"'))
            shown = f"{name}={shown or default}"
        parts.append(shown)
    return f"{{{{ {macro.name}({', '.join(parts)}) }}}}"


def macro_list(macros: dict[str, Macro]) -> str:
    """The officers' list of macros (CONTRIBUTING.md, "The macros you can use"): `python -m macros
    macros` prints it."""
    rows = []
    for name in sorted(macros):
        macro = macros[name]
        what = re.split(r"(?<=\.)\s", " ".join((macro.function.__doc__ or "").split()), maxsplit=1)[0]
        rows.append(f"- `{_example(macro)}`: {what}")
    return "\n".join(rows) + "\n"
