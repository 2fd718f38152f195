"""Every built page is valid HTML, and the page structure residents rely on holds: captions hold
only their words, and no stray Markdown ("///") is left on any page."""
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

VNU = ROOT / ".venv" / "vnu" / "vnu.jar"  # put there by `make test` (see the Makefile)


def test_every_page_is_valid_html_by_the_w3c_nu_checker(built):
    java = shutil.which("java")
    assert java and VNU.exists(), (
        "The HTML checker is missing: run `make test`, which installs Java and the W3C Nu checker.")
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json",
                             "--skip-non-html", str(built)], capture_output=True, text=True)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    found = [f"{Path(m['url'].removeprefix('file:')).relative_to(built)}:{m.get('lastLine')}: {m['message']}"
             for m in messages]
    assert not found, f"{len(found)} HTML errors, for example:\n" + "\n".join(found[:10])


# Material's templates copied into overrides/ to mend them, and what each copy changes.
MENDED = {
    "base.html": [(' id="__drawer">', ' id="__drawer" autocomplete="off">'),
                  (' id="__search">', ' id="__search" autocomplete="off">')],
    "partials/nav.html": [(' id="site-menu" aria-label=', ' aria-label='),
                          ("""  <div class="md-nav__title site-menu__title">
    <span>Menu</span>
    <button type="button" class="site-menu__close">Close<span class="site-visually-hidden"> menu</span></button>
  </div>
""", """  <label class="md-nav__title" for="__drawer">
    <a href="{{ config.extra.homepage | d(nav.homepage.url, true) | url }}" title="{{ config.site_name | e }}" class="md-nav__button md-logo" aria-label="{{ config.site_name }}" data-md-component="logo">
      {% include "partials/logo.html" %}
    </a>
    {{ config.site_name }}
  </label>
""")],
    "partials/nav-item.html": [('aria-label="{{ nav_item.title | e }}"', 'aria-labelledby="{{ path }}_label"'),
                               (' id="{{ path }}_label">', ' id="{{ path }}_label" tabindex="{{ tabindex }}">')],
}


@pytest.mark.parametrize("name", sorted(MENDED))
def test_materials_templates_are_copied_with_only_the_marked_changes(name):
    """Each copy is Material's own but for its listed changes: an upgrade of Material that changes
    the template makes this fail, so the copy is refreshed rather than left behind."""
    import material
    theirs = (Path(material.__file__).parent / "templates" / name).read_text(encoding="utf-8")
    ours = (ROOT / "overrides" / name).read_text(encoding="utf-8")
    ours = re.sub(r"\A\{#-.*?-#\}\n", "", ours, count=1, flags=re.S)  # our note on what we changed
    for mended, original in MENDED[name]:
        assert mended in ours, name
        ours = ours.replace(mended, original)
    assert ours == theirs


def test_captions_hold_only_their_words_and_no_markdown_is_left_over(pages):
    for path, html in pages.items():
        article = BeautifulSoup(html, "html.parser").find("article")
        for caption in article.find_all(["figcaption", "caption"]):
            assert not caption.find(["table", "h1", "h2", "h3", "h4", "figure"]), \
                f"{path}: a caption contains a table or heading: {caption.get_text()[:80]}"
        assert "///" not in article.get_text(), f"{path}: stray '///' on the page"
        figures = article.find_all("figure")
        assert all(not f.find_parent("figcaption") for f in figures), path
