"""The package itself: importable without MkDocs, each closed list of values written once, and
dates that know how exact they are."""
import ast
import datetime as dt
import re
import subprocess
import sys
import typing
from pathlib import Path
from types import SimpleNamespace

import pytest

from macros.data import models, vocabulary
from macros.data.dates import PartialDate, in_words
from macros.views import MACROS, figures, performance, registry
from macros.views.registry import MacroError, collect, macro

ROOT = Path(__file__).resolve().parents[2]


def test_the_package_and_its_commands_work_without_mkdocs():
    code = ("import sys; sys.modules['mkdocs'] = None\n"
            "import macros, macros.data.checked, macros.views\n"
            "from macros.__main__ import main\n"
            "sys.exit(main(['check']))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "data files are fine" in result.stdout


def test_one_entry_point_names_its_commands():
    result = subprocess.run([sys.executable, "-m", "macros"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2 and "check|config|review|schemas|find|macros|zensical" in result.stderr


@pytest.mark.parametrize("model, field, labels", [
    (models.Role, "role", vocabulary.ROLES),
    (models.Event, "topic", vocabulary.TOPICS),
    (models.RagRating, "rag", performance.RAG_ICONS),  # each rating has its icon
    (models.Initiative, "age_groups", vocabulary.AGE_GROUPS),
    (models.Initiative, "themes", vocabulary.THEMES),
    (models.Initiative, "neighbourhoods", vocabulary.NEIGHBOURHOODS),
])
def test_each_closed_list_the_models_allow_has_its_labels(model, field, labels):
    annotation = model.model_fields[field].annotation
    allowed = typing.get_args(typing.get_args(annotation)[0] if typing.get_origin(annotation) is list else annotation)
    assert list(allowed) == list(labels)


def test_the_finder_lists_places_first_then_the_whole_city_and_county():
    assert list(vocabulary.PLACES_FIRST)[-3:] == ["citywide", "countywide", "not-stated"]
    assert set(vocabulary.PLACES_FIRST) == set(vocabulary.NEIGHBOURHOODS)


def test_a_partial_date_knows_its_precision_order_and_words():
    year, month, day = (PartialDate.parse(t) for t in ("2023", "2023-07", "2023-07-14"))
    assert [d.precision for d in (year, month, day)] == ["year", "month", "day"]
    assert sorted([day, month, year]) == [year, month, day]  # by first day, the vaguer first
    assert [d.words for d in (year, month, day)] == ["2023", "July 2023", "14 July 2023"]
    assert str(month) == "2023-07" and month.month_year == "July 2023" and day.month_year == "July 2023"
    assert PartialDate.parse(2018) == PartialDate.parse("2018") and in_words(None) == "Date not given"
    assert in_words(dt.date(2026, 1, 6)) == "6 January 2026"  # a page's review date, a file's last change
    for wrong in ("2023-13", "23-07", "2023-7", "July 2023"):
        with pytest.raises(ValueError, match="expected a real date written as YYYY-MM-DD"):
            PartialDate.parse(wrong)


def test_labels_that_do_not_follow_their_values_stop_the_package_loading():
    Size = typing.Literal["small", "large"]
    assert vocabulary.labelled(Size, {"small": "Small", "large": "Large"}) == {"small": "Small", "large": "Large"}
    for wrong in ({"small": "Small"}, {"large": "Large", "small": "Small"}, {"small": "S", "large": "L", "huge": "H"}):
        with pytest.raises(TypeError, match=r"^the labels \(.*\) do not follow the values \('small', 'large'\)"):
            vocabulary.labelled(Size, wrong)


def test_a_macro_declared_wrongly_is_a_plain_error_not_an_assertion():
    """Declaring a view as a macro checks the declaration with real exceptions, which `python -O`
    does not skip as it skips assert."""
    def figure(page: object, figure_id: str) -> str:  # a second macro called figure
        return ""

    def new_view(page: object, record: str) -> str:
        return ""
    with pytest.raises(MacroError, match="^two macros are called figure: rename one of them$"):
        collect(figures, SimpleNamespace(figure=macro()(figure)))
    with pytest.raises(MacroError, match="^@macro on new_view names parameters it does not have: recrod$"):
        macro(recrod="figures")(new_view)
    with pytest.raises(MacroError, match="^@macro on new_view names kinds of record that registry.KINDS does "
                                         "not have: figuers$"):
        macro(record="figuers")(new_view)
    with pytest.raises(MacroError, match="^@macro on new_view shows datasets that do not exist: figuers$"):
        macro(shows=("figuers",))(new_view)
    assert "new_view" not in MACROS
    with pytest.raises(MacroError, match="^registry.KINDS names the field serie, which Figure does not have$"):
        registry._values(models.Figure, "serie", "series of figures", "series-id")


def test_readmes_map_of_the_code_names_every_module_in_its_folder():
    """README's map of the code matches the folders: every module is named under its folder's
    heading (a folder's part starts with its name in bold), and every module named exists there."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `macros/` |"))
    parts = re.split(r"\*\*`(\w+)/`\*\*", row)  # text before the first folder, then folder, text, ...
    named = {"": set(re.findall(r"`(\w+\.py)`", parts[0]))}
    for folder, text in zip(parts[1::2], parts[2::2]):
        named[folder] = set(re.findall(r"`(\w+\.py)`", text.split("At the top:")[0]))
    top = named.pop("") | set(re.findall(r"`(\w+\.py)`", parts[-1].split("At the top:")[-1]))
    modules = {p.relative_to(ROOT / "macros") for p in (ROOT / "macros").rglob("*.py") if p.name != "__init__.py"}
    for module in modules:
        folder = module.parts[0] if len(module.parts) > 1 else ""
        assert module.name in (named.get(folder, set()) if folder else top), f"README does not name macros/{module}"
    for folder, names in named.items():
        for name in names:
            assert (ROOT / "macros" / folder / name).is_file(), f"README names macros/{folder}/{name}"


# The package's layers, lowest first: each imports only those before it (macros/hooks.py and
# __main__.py, at the top, import any). The one exception: loading the data runs the checks.
LAYERS = ["errors", "data", "addresses", "checks", "outputs", "extensions", "views", "commands"]
EXCEPTIONS = {("macros/data/checked.py", "macros.checks.verify")}  # load_checked runs check_all


def _imports(path: Path) -> set[str]:
    """The package's modules a module imports when it runs (not those imported for the type checker)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
                   and getattr(block.test, "id", "") == "TYPE_CHECKING" for node in ast.walk(block)}
    return {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
            and node.module.startswith("macros.") and id(node) not in typing_only}


def test_each_layer_imports_only_the_layers_below_it():
    """No loops between layers: a newcomer can read the package from the bottom up."""
    wrong = []
    for path in sorted((ROOT / "macros").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        layer = path.relative_to(ROOT / "macros").parts[0].removesuffix(".py")
        if layer not in LAYERS:
            continue
        allowed = LAYERS[: LAYERS.index(layer) + 1]
        wrong += [f"{name} imports {module}" for module in sorted(_imports(path))
                  if module.split(".")[1] not in allowed and (name, module) not in EXCEPTIONS]
    assert not wrong, "\n".join(wrong)
