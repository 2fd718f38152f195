"""The package's own Markdown extensions, as any engine that runs Python-Markdown runs them: a
page's Contents list after its answer (macros/extensions/contents.py), and each table cell labelled with its
column's heading for phones (macros/extensions/tables.py)."""
import re

import markdown

from macros.extensions.contents import HEAD_END, NO_CONTENTS

EXTENSIONS = ["md_in_html", "attr_list", "tables", "toc", "macros.extensions.contents", "macros.extensions.tables"]


def html(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


def page(sections: int, end: str = HEAD_END, title: str = "# A page", answer: str = "The answer first.") -> str:
    """A page as the page's finish leaves it: the title, its head, the marker, the opening paragraph."""
    head = f"{title}\n\nEvidence from 2023.\n\n{end}\n\n" if title else ""
    body = "".join(f"## Section {n}\n\nWords {n}.\n\n" for n in range(1, sections + 1))
    return f"{head}{answer}\n\n{body}"


def contents(out: str) -> list[str]:
    """The links of the page's Contents list, in order."""
    nav = re.search(r'<nav aria-label="Contents" class="([^"]+)"[^>]*>(.*?)</nav>', out, re.S)
    return re.findall(r'<a href="#([^"]+)">', nav.group(2)) if nav else []


def test_a_page_with_three_sections_lists_them_after_its_answer():
    out = html(page(3))
    assert contents(out) == ["section-1", "section-2", "section-3"]
    assert '<h2 class="contents-list__title">Contents</h2>' in out
    # the order a resident reads: title, how old the evidence is, the answer, then the list
    assert out.index("<h1") < out.index("Evidence from 2023") < out.index("The answer first.") < out.index("<nav")
    assert out.index("<nav") < out.index('<h2 id="section-1"')
    assert HEAD_END not in out  # the marker is gone from the page


def test_fewer_than_three_sections_need_no_list_and_the_home_page_has_none():
    assert contents(html(page(2))) == []
    assert contents(html(page(5, end=NO_CONTENTS))) == []
    assert NO_CONTENTS not in html(page(5, end=NO_CONTENTS))


def test_paragraphs_marked_as_the_answer_come_before_the_list():
    out = html(page(3, answer="Who runs it.\n\nWhere it is.\n{: .answer }\n\nWhat it does.\n{: .answer }"))
    assert out.index("What it does.") < out.index("<nav")


def test_a_long_list_of_sections_is_shown_side_by_side():
    out = html(page(16))
    assert 'class="contents-list contents-list--compact"' in out and len(contents(out)) == 16
    assert 'class="contents-list"' in html(page(15))


def test_a_page_without_a_head_of_its_own_gets_its_list_after_its_title_and_first_paragraph():
    # the officers' guide, drawn in from CONTRIBUTING.md, has no head written by the page's finish
    out = html("# The guide\n\nRead this first.\n\n## One\n\nx\n\n## Two\n\ny\n\n## Three\n\nz\n")
    assert contents(out) == ["one", "two", "three"]
    assert out.index("Read this first.") < out.index("<nav") < out.index('<h2 id="one"')
    out = html("Read this first.\n\n## One\n\nx\n\n## Two\n\ny\n\n## Three\n\nz\n")  # not even a title
    assert contents(out) == ["one", "two", "three"] and out.index("Read this first.") < out.index("<nav")


def test_a_heading_with_markup_is_listed_as_text_once_escaped():
    out = html(page(2) + "## Under 5s & *their* families\n\nz\n")
    link = re.search(r'<a href="#under-5s-their-families">(.*?)</a>', out).group(1)
    assert link == "Under 5s &amp; their families"


def test_other_raw_html_before_the_head_marker_is_left_alone():
    out = html("# A page\n\n<div>kept</div>\n\n" + HEAD_END + "\n\nAnswer.\n\n## A\n\n## B\n\n## C\n")
    assert "<div>kept</div>" in out and out.index("Answer.") < out.index("<nav")


def test_each_table_cell_carries_its_column_heading_for_phones():
    out = html("| Date | Meeting |\n| --- | --- |\n| 27 May 2020 | Board |\n| 1 June 2021 | Panel |\n")
    assert "<table data-stack" in out
    assert re.findall(r'<td data-label="([^"]+)">([^<]+)</td>', out) == [
        ("Date", "27 May 2020"), ("Meeting", "Board"), ("Date", "1 June 2021"), ("Meeting", "Panel")]


def test_a_column_without_a_heading_labels_nothing_and_its_text_is_whole():
    out = html("| | **Rating** |\n| --- | --- |\n| Reading | Green |\n")
    assert '<td>Reading</td>' in out and '<td data-label="Rating">Green</td>' in out


def test_a_table_without_headings_is_not_stacked():
    out = html('<table markdown="1">\n<tbody>\n<tr>\n<td>a</td>\n</tr>\n</tbody>\n</table>\n')
    assert "data-stack" not in out and "data-label" not in out
