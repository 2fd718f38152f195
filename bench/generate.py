"""Make a synthetic copy of the site with N pages, for the benchmark (bench/run.py).

`project(n, dest)` writes a project that uses the real mkdocs.yml (its nav replaced by the generated
pages), the real macros, overrides, assets, data and source documents, plus synthetic figures,
statements, indicators and initiatives in proportion to the pages, made and validated with
macros/data/models.py, and a synthetic report they cite, so the build checks them as it checks the real
data. Each content page is a piece of the council's work (one page a record, as the site requires).
`plain(project_dir, dest)` writes the same site with every page pre-rendered to plain Markdown by
the project's own macros, and no macros plugin.
"""
from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.checks.settings import read_settings  # noqa: E402
from macros.data.checked import load_checked  # noqa: E402
from macros.data.dates import in_words  # noqa: E402
from macros.data.loader import load_dataset, read_yaml  # noqa: E402
from macros.data.models import DATASETS  # noqa: E402
from macros.hooks import theme_extra  # noqa: E402
from macros.outputs import opendata  # noqa: E402
from macros.views.record_pages import add_to_menu, menu_entries  # noqa: E402

WORDS = ("children young people families school health council partnership plan support early "
         "help services city county safe healthy successful supported trust board report progress "
         "outcomes needs education play youth mental wellbeing work community local priority "
         "CAMHS SEND CYPP EHCP").split()
PAGES_PER_GROUP = 10
GROUPS_PER_SECTION = 10
FIGURES_PER_PAGE = 3
STATEMENTS_PER_PAGE = 6


def _prose(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    sentences = [s.strip()[0].upper() + s.strip()[1:] + "." for s in re.findall(r"(?:\S+\s*){1,14}", text)]
    return " ".join(sentences)


def _blocks(config: str) -> list[list]:
    """mkdocs.yml as [key, text] blocks, one for each top-level key (comments go with the one above)."""
    blocks: list[list] = [[None, ""]]
    for line in config.splitlines(keepends=True):
        m = re.match(r"([A-Za-z_]+):", line)
        if m:
            blocks.append([m.group(1), ""])
        blocks[-1][1] += line
    return blocks


def edit_config(config: str, nav: list | None = None, macros: bool = True) -> str:
    """The project's mkdocs.yml with its nav replaced, and optionally without the macros plugin."""
    out = []
    for key, text in _blocks(config):
        if key == "nav" and nav is not None:
            text = yaml.safe_dump({"nav": nav}, sort_keys=False, allow_unicode=True)
        elif key == "plugins" and not macros:
            text = re.sub(r"\n  - macros:\n(?:      .*\n)*", "\n", text)
        elif key in ("watch", "hooks") and not macros:  # hooks: the package's, which adds the records' pages
            continue
        out.append(text)
    return "".join(out)


BENCH_SOURCE = "bench-report"
UNIT_TEXT = {"percent": "{}%", "gbp": "£{}"}


def _records(n_content: int, areas: list[str]) -> tuple[dict[str, list], str]:
    """Synthetic records for n_content pages, validated by the project's models as they are made,
    and the text of the synthetic source document they all cite (sources/bench-report.md): a
    section a page, a paragraph a record, so the build's checks of every quotation, figure and
    rating against its passage pass as they do for the real data. Each record starts from the
    first real record of its file, so fields added to a model later are kept."""
    rng = random.Random(n_content)
    made: dict[str, list] = {"figures": [], "statements": [], "indicators": [], "initiatives": []}
    templates = {name: load_dataset(ROOT / "data" / f"{name}.yml", DATASETS[name], ROOT)
                 .records[0].model_dump(mode="json", exclude_defaults=True) for name in made}
    text = ["# Benchmark report {#title}", ""]
    # the month the records are reported in: the synthetic report's date, which is the first source's
    reported = in_words(yaml.safe_load((ROOT / "data/sources.yml").read_text())[0]["date"])

    def add(dataset: str, **fields) -> None:
        made[dataset].append(DATASETS[dataset].model_validate({**templates[dataset], **fields}))

    for p in range(1, n_content + 1):
        section = f"bench-{p:04d}"
        paragraphs: list[str] = []

        def cite(words: str) -> dict:  # a new paragraph of the section, saying these words
            paragraphs.append(words)
            return {"source": BENCH_SOURCE, "passage": f"{section}-{len(paragraphs)}"}

        fids = [f"bench-fig-{p:04d}-{k}" for k in range(1, FIGURES_PER_PAGE + 1)]
        name = f"Piece of work {p}"
        summary = f"In {reported} the Council reported that {_prose(rng, 30)}"  # dated first, as the site requires
        cited = cite(f"{name}. {summary}")
        add("initiatives", id=f"bench-ini-{p:04d}", name=name, summary=summary,
            details=[{"text": _prose(rng, 15), "passage": cited["passage"]} for _ in range(3)],
            figures=fids[2:], reported=[cited], age_groups=["not-stated"], themes=["not-stated"],
            neighbourhoods=["not-stated"], places=[], partners=[], **cited)
        for k, fid in enumerate(fids):
            label, value = _prose(rng, 6)[:-1].lower(), rng.randint(1, 5000)
            unit = rng.choice(["count", "percent", "gbp", "people"])
            add("figures", id=fid, label=label, value=value, unit=unit, period=str(2017 + k),
                series=f"bench-series-{p:04d}",
                **cite(f"In {2017 + k} the {label} was {UNIT_TEXT.get(unit, '{}').format(value)}."))
        for k in range(STATEMENTS_PER_PAGE):
            words, children = _prose(rng, 20), [_prose(rng, 8)] if k == 0 else []
            add("statements", id=f"bench-st-{p:04d}-{k}", group=section, text=words,
                children=children, quoted=bool(k % 2), **cite(" ".join([words, *children])))
        title = _prose(rng, 16)
        rags = ["Red", "Amber", "Green"][p % 3:]
        cited = cite(f"{title} Rated {', '.join(rags)}.")
        add("indicators", id=f"bench-ind-{p:04d}", name=f"Indicator {p}", number=f"{p % 9 + 1}.{p % 4 + 1}",
            title=title, plain=_prose(rng, 24), why=_prose(rng, 24), area=areas[p % len(areas)],
            ratings=[{"rag": rag, **cited} for rag in rags], target=_prose(rng, 8), figures=fids[:2],
            actions=[{"text": _prose(rng, 12), "passage": cited["passage"]} for _ in range(2)],
            **cited)
        text += [f"## {name} {{#{section}}}", ""] + [line for para in paragraphs for line in (para, "")]
    return made, "\n".join(text)


def _front(title: str) -> str:
    """Front matter: every page has a title, a description, an owner and its review dates."""
    return (f"---\ntitle: {json.dumps(title)}\ndescription: {json.dumps(title + ', a page of the benchmark site.')}\n"
            "owner: Benchmark\nlast_reviewed: 2026-11-24\nreview_by: 2027-05-24\n---\n\n")


def _content_page(p: int, n_content: int, uri: str, rng: random.Random) -> str:
    """A piece of the council's work, on its own page as the real site has them (the page shows it
    with initiative_page, titled with its name), with statements, figures and an indicator."""
    fids = [f"bench-fig-{p:04d}-{k}" for k in range(1, FIGURES_PER_PAGE + 1)]
    nxt = p % n_content + 1
    up = "../" * uri.count("/")
    return _front(f"Piece of work {p}") + f"""{{{{ initiative_page("bench-ini-{p:04d}") }}}}

## About this page

{_prose(rng, 70)} The figure for this page is {{{{ figure("{fids[0]}") }}}}. {_prose(rng, 50)}

## What the documents say

{{{{ statement_list("bench-{p:04d}") }}}}

## Figures

{{{{ figure_table({", ".join(f'"{f}"' for f in fids)}, caption="Figures for page {p}") }}}}

{_prose(rng, 60)}

## The indicator

{{{{ indicator_page("bench-ind-{p:04d}") }}}}

## See also

- [The next page]({up}{_content_uri(nxt)})
- [Home]({up}index.md)
"""


def _content_uri(p: int) -> str:
    """Each content page is a piece of the council's work: one page a record in council/work/
    (macros/checks/front_matter.py checks that pages and records match); the menu groups them in sections."""
    return f"council/work/bench-ini-{p:04d}.md"


def _section_group(p: int) -> tuple[int, int]:
    g = (p - 1) // PAGES_PER_GROUP + 1
    return (g - 1) // GROUPS_PER_SECTION + 1, g


def project(n: int, dest: Path) -> Path:
    """A synthetic project of n pages: home, the areas of focus, a page for each source, content pages."""
    for part in ["macros", "overrides", "sources"]:
        shutil.copytree(ROOT / part, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "data", dest / "data")
    for path in (dest / "data").glob("*.yml"):  # records naming real pages name the home page instead
        records, _ = read_yaml(path, path.name)
        if isinstance(records, list) and any(isinstance(r, dict) and "pages" in r for r in records):
            for r in records:
                r["pages"] = ["index.md"]
            path.write_text(yaml.safe_dump(records, sort_keys=False, allow_unicode=True))
    shutil.copytree(ROOT / "docs" / "assets", dest / "docs" / "assets")
    sources = [r["id"] for r in yaml.safe_load((ROOT / "data/sources.yml").read_text())]
    areas = [r["id"] for r in yaml.safe_load((ROOT / "data/areas.yml").read_text())]
    real_work = [r["id"] for r in yaml.safe_load((ROOT / "data/initiatives.yml").read_text())]
    real_indicators = yaml.safe_load((ROOT / "data/indicators.yml").read_text())
    # Written: home, areas, glossary, open data, and the pages that list reports, indicators and the council's work;
    # made from the records (macros/views/record_pages.py): two pages a report (the bench report's too),
    # one a piece of work and one an indicator. Each content page is a piece of work with an indicator.
    fixed = 7 + 2 * (len(sources) + 1) + len(real_work) + len(real_indicators)
    n_content = (n - fixed) // 2
    if n_content < 1:
        sys.exit(f"A synthetic site needs more than {fixed + 2} pages: the real site's reports and "
                 "pieces of work take that many.")
    made, document = _records(n_content, areas)
    (dest / "sources" / f"{BENCH_SOURCE}.md").write_text(document, encoding="utf-8")
    source = {**yaml.safe_load((ROOT / "data/sources.yml").read_text())[0], "id": BENCH_SOURCE,
              "title": "Benchmark report", "short_title": "Benchmark report", "updated": None}
    source = DATASETS["sources"].model_validate(source).model_dump(mode="json", exclude_defaults=True)
    with (dest / "data" / "sources.yml").open("a") as f:
        f.write("\n# The synthetic report the benchmark's records cite.\n"
                + yaml.safe_dump([source], sort_keys=False, allow_unicode=True, width=100))
    sources.append(BENCH_SOURCE)
    for name, records in made.items():
        dumped = [r.model_dump(mode="json", exclude_defaults=True) for r in records]
        with (dest / "data" / f"{name}.yml").open("a") as f:  # after the real records
            f.write("\n# Synthetic records for the benchmark.\n"
                    + yaml.safe_dump(dumped, sort_keys=False, allow_unicode=True, width=100))
    docs = dest / "docs"
    rng = random.Random(n)
    nav: list = [{"Home": "index.md"}]
    links = "\n".join(f"- [Section {s}]({_content_uri((s - 1) * GROUPS_PER_SECTION * PAGES_PER_GROUP + 1)})"
                      for s in range(1, (n_content - 1) // (PAGES_PER_GROUP * GROUPS_PER_SECTION) + 2))
    (docs / "index.md").write_text(
        _front("Home") + "# The benchmark site\n\n"
        f"{_prose(rng, 80)} The first figure is {{{{ figure(\"bench-fig-0001-1\") }}}}.\n\n"
        f"## Sections\n\n{links}\n\n## Sources\n\n{{{{ sources_list() }}}}\n\n"
        "{{ where_to_go_next() }}\n")  # the links to other websites the data lists on the home page
    for uri, title, listed in [("reports/index.md", "Reports", "Reports"),
                               ("performance/indicators/index.md", "The indicators", "Indicators"),
                               ("council/index.md", "Council's work", "Council's work")]:
        (docs / uri).parent.mkdir(parents=True, exist_ok=True)  # the pages the records' own pages are listed on
        (docs / uri).write_text(_front(title) + f"# {title}\n\n{_prose(rng, 60)}\n")
        nav.append({listed: [uri]})  # the records' menu entries follow it
    (docs / "plan").mkdir()
    (docs / "plan" / "priorities.md").write_text(  # indicators link to the areas of focus here
        _front("Areas of focus") + "# Areas of focus and priorities\n\n{{ areas_and_priorities() }}\n")
    nav.append({"Areas of focus": "plan/priorities.md"})
    (docs / "glossary.md").write_text(  # the page the benchmark's data edit (a glossary term's explanation) shows on
        _front("Glossary") + "# Glossary\n\n{{ glossary() }}\n")
    nav.append({"Glossary": "glossary.md"})
    (docs / "data.md").write_text(  # each page's "Reuse this data" links to it
        _front("Open data") + "# Open data\n\n{{ datasets() }}\n")
    nav.append({"Open data": "data.md"})
    (docs / "council" / "work").mkdir(parents=True)
    sections: dict = {}
    for p in range(1, n_content + 1):
        uri = _content_uri(p)
        (docs / uri).write_text(_content_page(p, n_content, uri, rng))
        s, g = _section_group(p)
        sections.setdefault(f"Section {s}", {}).setdefault(f"Group {g}", []).append(uri)
    nav += [{s: [{g: pages} for g, pages in groups.items()]} for s, groups in sections.items()]
    config = (ROOT / "mkdocs.yml").read_text()
    (dest / "mkdocs.yml").write_text(edit_config(config, nav=nav))
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost", "-c", "init.defaultBranch=main"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "Benchmark site"]):
        subprocess.run(git + args, cwd=dest, check=True)  # pages get their date from git, as in the real site
    return dest


CAPTURE_HOOK = """
import os
import sys
from pathlib import Path


def on_page_markdown(markdown, page, config, files):
    # the page's finish (macros/extensions/finish.py)
    started = getattr(sys.modules.get("macros.extensions.finish"), "Current", None)
    if started is not None and started.page is not None:
        markdown = started.page.finish(markdown)
    src = page.file.content_string  # a record's own page has no file in docs/
    head = src[: src.index("\\n---\\n", 4) + 5] if src.startswith("---\\n") else ""
    out = Path(os.environ["BENCH_CAPTURE"]) / page.file.src_uri
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(head + markdown, encoding="utf-8")


def on_env(env, config, files):
    raise SystemExit(0)  # every page's Markdown is written: no need to render the HTML
"""


def plain(project_dir: Path, dest: Path) -> Path:
    """The same site with every page's Markdown as the project's macros leave it, and no macros
    plugin. The Markdown is captured by a hook in a build of the project that stops before HTML."""
    shutil.copytree(project_dir / "overrides", dest / "overrides")
    shutil.copytree(project_dir / "docs" / "assets", dest / "docs" / "assets")
    if (project_dir / "CONTRIBUTING.md").exists():  # the real site includes it in a page (--8<--)
        shutil.copy2(project_dir / "CONTRIBUTING.md", dest / "CONTRIBUTING.md")
    hook = dest / "capture_hook.py"
    hook.write_text(CAPTURE_HOOK)
    config = (project_dir / "mkdocs.yml").read_text()
    capture = project_dir / "mkdocs-capture.yml"
    capture.write_text(config.replace("\nhooks:\n", f"\nhooks:\n  - {hook}\n", 1))  # with the package's own
    env = dict(os.environ, BENCH_CAPTURE=str(dest / "docs"), NO_MKDOCS_2_WARNING="1")
    try:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(capture),
                        "--site-dir", str(dest / "unused")], env=env, check=True)
    finally:
        capture.unlink()
        hook.unlink()
    # The menu with the records' own pages, and what the theme's templates read from the settings, as the
    # package gives them in a build
    site = load_checked(project_dir)
    nav = read_settings(project_dir / "mkdocs.yml")["nav"]
    add_to_menu(nav, menu_entries(site))
    extra = yaml.safe_dump({"extra": theme_extra(site)}, sort_keys=False, allow_unicode=True)
    opendata.write_all(opendata.build(site, "http://127.0.0.1:8000/"), dest / "docs")  # files pages link to
    (dest / "mkdocs.yml").write_text(edit_config(config, nav=nav, macros=False) + "\n" + extra)
    return dest


if __name__ == "__main__":  # python bench/generate.py N DEST: make one synthetic project to look at
    n, dest = int(sys.argv[1]), Path(sys.argv[2])
    project(n, dest / "project")
    plain(dest / "project", dest / "plain")
    print(f"Wrote {dest}/project and {dest}/plain")
