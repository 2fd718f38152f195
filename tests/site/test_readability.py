"""Plain English, measured: the prose we write, and the Easy Read plan, against stated targets.

Targets (Flesch reading ease: higher is easier; Flesch-Kincaid grade + 5 is roughly a reading age):
- each page's own prose: reading ease at least 55 and grade at most 9.5;
- all pages' prose together: grade at most 7 (a reading age of about 12);
- the Easy Read plan: reading ease at least 90 and grade at most 3.
Quotations from council documents are not counted: they keep their original wording.
"""
import re

import textstat
from conftest import ROOT

EXCLUDED = {"accessibility.md"}  # its legal wording follows the GOV.UK model statement


def own_prose(markdown: str) -> str:
    md = re.sub(r"^---.*?---\n", "", markdown, flags=re.S)
    md = re.sub(r"\{\{.*?\}\}", " ", md, flags=re.S)
    md = re.sub(r"^(#|\||/{3}|!!!|    |>).*$", " ", md, flags=re.M)
    md = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", md)
    md = re.sub(r"“[^”]*”|\"[^\"]*\"", " ", md)
    return re.sub(r"[*_`]", "", md)


def prose_pages():
    for path in sorted((ROOT / "docs").rglob("*.md")):
        rel = path.relative_to(ROOT / "docs").as_posix()
        text = own_prose(path.read_text(encoding="utf-8"))
        if rel not in EXCLUDED and len(text.split()) >= 40:
            yield rel, text


def test_each_page_is_in_plain_english():
    hard = []
    for rel, text in prose_pages():
        ease, grade = textstat.flesch_reading_ease(text), textstat.flesch_kincaid_grade(text)
        if ease < 55 or grade > 9.5:
            hard.append(f"{rel}: reading ease {ease}, grade {grade}")
    assert not hard, "\n".join(hard)


def test_the_site_reads_at_about_age_twelve():
    everything = " ".join(text for _, text in prose_pages())
    assert textstat.flesch_kincaid_grade(everything) <= 7


def test_easy_read_is_easy(built):
    html = (built / "easy-read" / "index.html").read_text(encoding="utf-8")
    body = html.split("<article", 1)[1].split("</article>", 1)[0]
    # The "Contents" list and the source notes are for finding things, not prose to read.
    body = re.sub(r'<nav .*?</nav>|<div class="footnote".*?</div>', " ", body, flags=re.S)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))
    assert "Get a good start in life." in text
    assert textstat.flesch_reading_ease(text) >= 90
    assert textstat.flesch_kincaid_grade(text) <= 3
