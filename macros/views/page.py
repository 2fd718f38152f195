"""What the views work with: the build's data and indexes (`Build`, made once a build) and the page
being rendered (`Page`, made for each page): its links, its source notes, the datasets it shows,
and how it finishes (how old its evidence is, the notes, "Reuse this data", the page owner and the
glossary's abbreviations).

What is not the page's own text (the source notes and their markers, the "how old this is",
"reuse this data" and page owner lines) is marked `data-search-exclude`, so the site's search
neither finds it nor shows it under a result."""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable, Iterator

from macros.addresses import address, describe, locate
from macros.checks.verify import citations
from macros.data.checked import CheckedData
from macros.data.dates import PartialDate, in_words
from macros.data.fields import Citation, OwnPage, Point, Record
from macros.data.matching import normalise
from macros.data.models import DATASETS, Figure, Member, Source, Statement, Term
from macros.extensions import contents
from macros.outputs.opendata import OpenData
from macros.views.markup import attr, escape, mark_first_uses


def sources_of(record: Record) -> set[str]:
    """The documents a record cites, itself or in its parts."""
    return {source for _, _, source in citations(record)}


def gone_pattern(site: CheckedData, member: Member) -> re.Pattern[str]:
    """An organisation's name, or its short form in the glossary, as whole words."""
    names = [member.name] + ([site.get(Term, member.short_form).term] if member.short_form else [])
    return re.compile(r"(?<![\w&])(" + "|".join(re.escape(n) for n in names) + r")(?![\w&])")


def plural(words: str) -> str:
    """A short form's words in full, for its plural: "Early Help Assessments", and "General
    Certificates of Secondary Education" (the noun before "of" takes the s)."""
    head, of, tail = words.partition(" of ")
    return words if head.endswith("s") else f"{head}s{of}{tail}"


class Build:
    """The data of one build and the indexes the views share, each worked out once (the slower
    ones when first asked for); read-only once made. What depends on the engine (how it reads a
    link, the site's address) is the page's (`Page`)."""

    def __init__(self, site: CheckedData, changed: dict[str, dt.date] | None = None, today: dt.date | None = None):
        self.site = site
        self.today = today or dt.date.today()  # the evidence's age is worked out on the day of the build
        self.changed = changed or {}  # file path → date of its last change in git
        self.groups: dict[str, list[Statement]] = defaultdict(list)  # statements by group, in file order
        for st in site.statements:
            self.groups[st.group].append(st)
        self.series: dict[str, list[Figure]] = defaultdict(list)  # figures by series, in file order
        for fig in site.figures:
            if fig.series:
                self.series[fig.series].append(fig)
        self.abbreviation = re.compile(  # every glossary term, as a whole word, or its plural
            r"(?<![\w&])((?:" + "|".join(re.escape(t.term) for t in sorted(
                site.glossary, key=lambda t: -len(t.term))) + r")s?)(?![\w&+])") if site.glossary else None
        # each short form, and its plural ("EHAs": Early Help Assessments), spelt out
        self.meanings: dict[str, str] = {}
        for t in site.glossary:
            self.meanings.update({t.term: t.expansion, f"{t.term}s": plural(t.expansion)})

    @cached_property
    def records_by_source(self) -> dict[str, dict[str, list[Record]]]:
        """The records of each dataset that cite each document, themselves or in their parts: by
        the document's id, then the dataset's name."""
        by_source: dict[str, dict[str, list[Record]]] = defaultdict(lambda: defaultdict(list))
        for name, ds in self.site.sets.items():
            for rec in ds.records:
                for source in sources_of(rec):
                    by_source[source][name].append(rec)
        return by_source

    @cached_property
    def gone(self) -> list[tuple[Member, re.Pattern[str]]]:
        """Each member organisation that no longer exists, with its name, or its short form in the
        glossary, as whole words."""
        return [(m, gone_pattern(self.site, m)) for m in self.site.members if m.gone]

    def names_only(self, source_id: str, passage: str) -> bool:
        """Whether a passage is in a part of its document that only names things (the source's
        names_only: a passage, or a section with the sections under it; the document's title
        heading stands for its cover, not for the whole document)."""
        parts = self.site.get(Source, source_id).names_only
        if not parts:
            return False
        doc = self.site.documents[source_id]
        section = doc.get(passage).section
        while passage not in parts and section not in parts:
            parent = doc.parent(section)
            if parent == section or doc.get(parent).level == 1:
                return False
            section = parent
        return True

    @cached_property
    def passage_words(self) -> dict[str, list[str]]:
        """The words of every passage that uses each short form (or its plural), evened out, by the
        short form: the passages are searched once for all of them."""
        found_in: dict[str, list[str]] = defaultdict(list)
        terms = re.compile(r"(?<!\w)(" + "|".join(re.escape(t.term) for t in sorted(
            self.site.glossary, key=lambda t: -len(t.term))) + r")s?(?!\w)")
        for d in self.site.documents.values():
            for p in d.passages:
                if p.kind == "note":
                    continue
                words = normalise(p.text)
                for found in dict.fromkeys(self._terms_in(terms, words)):
                    found_in[found].append(words)
        return found_in

    def passages_using(self, term: str) -> list[str]:
        """The words of every passage that uses a short form (or its plural), evened out."""
        return self.passage_words.get(term, [])

    @staticmethod
    def _terms_in(terms: re.Pattern[str], words: str) -> Iterator[str]:
        """Each short form used in the words, at every place one could start (so "C&YPP" also
        counts as a use of "C&YP" wherever the old search would have found it)."""
        at = 0
        while (found := terms.search(words, at)) is not None:
            yield found.group(1)
            at = found.start() + 1


@dataclass(frozen=True)
class Note:
    """A source note: its words, which open the passage, and the short form a printed page shows
    ('Children and Young People's Plan 2018–2022, “Foreword”, paragraph 3.')."""

    text: str
    short: str


@dataclass
class Page:
    """The page being rendered: its path under docs/, what it cites and shows, and who owns it."""

    build: Build
    src_uri: str = "index.md"
    owner: str | None = None
    reviewed: dt.date | None = None
    due: dt.date | None = None
    updated: dt.date | None = None
    reviewed_with: str | None = None  # a page made from a record: the page listing it, reviewed with it
    open_data: OpenData | None = None  # the open data files the build writes, for the site's address
    # Whether the engine reads a link in raw HTML from the page's file, as a Markdown link (Zensical),
    # rather than from its web address (MkDocs)
    links_from_file: bool = False
    notes: OrderedDict[str, Note] = field(default_factory=OrderedDict)
    note_uses: dict[str, int] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)  # the datasets shown, offered for reuse
    sources_cited: set[str] = field(default_factory=set)  # the documents giving details: how old they are
    sources_named: set[str] = field(default_factory=set)  # documents cited only where they name things
    details: dict[str, str] = field(default_factory=dict)  # each note that gives details → its document

    @property
    def site(self) -> CheckedData:
        return self.build.site

    @property
    def name(self) -> str:
        """The page's file, as an officer knows it: docs/council/index.md."""
        return f"docs/{self.src_uri}"

    # ----- links -----

    def to_root(self) -> str:
        """Relative path to the site's root, for a link in raw HTML: from the page's web address
        (MkDocs leaves such links as they are), or from the page's file, where the engine reads
        them as it reads Markdown links (Zensical: links_from_file)."""
        where = posixpath.dirname(self.src_uri) if self.links_from_file else address(self.src_uri)
        return "../" * len([p for p in where.split("/") if p])

    def link(self, target: str, anchor: str = "") -> str:
        """Relative link from the page to another page of the site."""
        rel = posixpath.relpath(target, posixpath.dirname(self.src_uri) or ".")
        return rel + (f"#{anchor}" if anchor else "")

    def link_to_record(self, record: Record, own: OwnPage | None = None) -> str:
        """Relative link from the page to a record's own page: its first (models' own_pages), or the
        one given (`Source.text_page`)."""
        return self.link((own or type(record).own_pages[0]).of(record))

    # ----- source notes -----

    def cite(self, source_id: str, passage: str) -> str:
        """A note marker for one passage of one document; the note's link opens that passage.
        Notes are keyed on the whole (document, passage), so two passages never share a note, and
        numbered in the order they are first used on the page."""
        key = f"{source_id}--{passage}"
        if key not in self.notes:
            src = self.site.get(Source, source_id)
            doc = self.site.documents[source_id]
            href = f"{self.to_root()}{address(Source.text_page.of(src))}/#{passage}"
            self.notes[key] = Note(
                f'From <a href="{attr(href)}">{escape(src.short_title)}, '
                f"{escape(describe(doc, passage))}</a>.",
                f"{escape(src.short_title)}, {escape(locate(doc, passage))}.")
            if self.build.names_only(source_id, passage):
                self.sources_named.add(source_id)
            else:
                self.sources_cited.add(source_id)
                self.details[key] = source_id
            self.note_uses[key] = 0
        self.note_uses[key] += 1
        uses = self.note_uses[key]
        number = list(self.notes).index(key) + 1
        ref_id = f"fnref:{key}" if uses == 1 else f"fnref{uses}:{key}"
        return (f'<sup id="{ref_id}" data-search-exclude><a class="footnote-ref" href="#fn:{key}">'
                f"[{number}]</a></sup>")

    def shows_details(self, source_id: str, passage: str) -> None:
        """Details from a passage shown without a note marker (the Easy Read page names its
        documents in a list at its end): they count in how old the page's details are."""
        self.sources_cited.add(source_id)
        self.details.setdefault(f"{source_id}--{passage}", source_id)

    def cited(self, record: Citation, point: Point | None = None) -> str:
        """The note for a record, or for one point of it (a point is in its record's document)."""
        return self.cite(record.source, (point or record).passage)

    # ----- the end of the page -----

    def finish(self, markdown: str) -> str:
        """Add how old the page's evidence is (under its title), the datasets to reuse and the
        source notes, and mark up each short form where the page first uses it."""
        lines = markdown.rstrip().split("\n")
        title = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
        if title is not None:  # the page's head ends here (macros/extensions/contents.py adds "Contents" after it)
            head = [self.evidence_age()] if self.sources_cited or self.sources_named else []
            end = contents.NO_CONTENTS if self.src_uri == "index.md" else contents.HEAD_END
            lines[title + 1:title + 1] = ["", *head, "", end, ""]
        out = ["\n".join(lines), ""]
        if self.notes:
            out += [self.notes_list(), ""]
        if self.used:
            out += [self.reuse_links(sorted(self.used)), ""]
        if self.owner and self.reviewed and self.due:
            reviewed = f"Last reviewed: {in_words(self.reviewed)}"
            if self.reviewed_with:  # not this page on its own: a record added since has not been
                reviewed += f", with [the page that lists it]({self.link(self.reviewed_with)})"
            facts = [f"Page owner: {escape(self.owner)}", reviewed,
                     f"Next review due: {in_words(self.due)}"]
            if self.updated:
                facts.append(f"Last updated: {in_words(self.updated)}")
            out += ['<div class="page-info" data-search-exclude markdown>', " · ".join(facts), "</div>", ""]
        page = "\n".join(out) + "\n"
        if self.build.abbreviation is None:
            return page
        return mark_first_uses(page, self.build.abbreviation, self.build.meanings)

    def notes_list(self) -> str:
        """The page's source notes, folded into one "Sources" section (site.js opens it when a
        note marker is followed), each with one link back to where it is first used, and a short
        form that the printed page shows instead (site.css)."""
        items = [f'<li id="fn:{key}"><p>{note.text} <a class="footnote-backref" href="#fnref:{key}" '
                 f'aria-label="Back to where note {n} is first used">↩</a></p>'
                 f'<p class="footnote__print" hidden>{note.short}</p></li>'
                 for n, (key, note) in enumerate(self.notes.items(), start=1)]
        return ('<div class="footnote" data-search-exclude>\n<details class="footnote__details">\n'
                f'<summary><h2 class="footnote__title" id="sources">Sources ({len(items)})</h2></summary>\n'
                "<ol>\n" + "\n".join(items) + "\n</ol>\n</details>\n</div>")

    def evidence_age(self) -> str:
        """Under the title, one pattern on every page: the documents the page's details come from,
        with their dates, then how old the details are. A detail is a note that opens a passage
        giving details: a document cited only where it names something (Build.names_only) gives
        none. A detail is as old as its document (or our copy of it, where that is later). When
        most of the details are more than two years old, the line says so ("All of these details"
        when every one is, with the age of the newest) and is GOV.UK's warning text. A document's
        own full text is history, dated on its page, and never warned about."""
        def dated(ids: Iterable[str]) -> tuple[list[PartialDate], str]:
            dates = sorted(self.site.get(Source, s).date for s in ids)
            span = dates[0].words if dates[0].text == dates[-1].text else f"{dates[0].words} to {dates[-1].words}"
            return dates, span
        if not self.sources_cited:  # nothing but names: say so, and how new the naming is
            dates, span = dated(self.sources_named)
            which = "document it cites, dated" if len(dates) == 1 else "documents it cites, dated"
            names = "only names" if len(dates) == 1 else "only name"
            return (f'<p class="evidence-age" data-search-exclude>This page has no details of its own: the '
                    f"{which} {span}, {names} what it is about.</p>")
        dates, span = dated(self.sources_cited)
        newest = dates[-1]
        documents = "a document" if dates[0].text == newest.text else "documents"
        sources = [self.site.get(Source, s) for s in sorted(self.sources_cited)]
        updated = [(src, src.updated) for src in sources
                   if src.updated and src.updated.first_day > newest.first_day]
        for src, copy in updated:  # our copy is newer than any document's date here: say so, count from then
            span += f" (our copy of the {escape(src.short_title)} was updated in or after {copy.words})"
        first_day = max([newest.first_day] + [copy.first_day for _, copy in updated])
        said = f"The details on this page come from {documents} dated {span}."
        ages = sorted(self.months_old(s) for s in self.details.values())
        full_text = self.src_uri in {Source.text_page.of(s) for s in self.site.sources}  # the document itself
        old = 0 if full_text else sum(1 for m in ages if m > 24)
        if ages and old == len(ages):
            said += f" All of these details are more than {ages[0] // 12} years old, so things may have changed since."
        elif old * 2 > len(ages):
            said += " Most of these details are more than 2 years old, so things may have changed since."
        newer = sorted((self.site.get(Source, s) for s in self.sources_named - self.sources_cited
                        if self.site.get(Source, s).date.first_day > first_day), key=lambda s: s.date.first_day)
        for src in newer:
            said += f" The newer {escape(src.short_title)}, only names some of what this page is about."
        if old * 2 > len(ages):
            return ('<div class="evidence-age warning-text" data-search-exclude><span class="warning-text__icon" '
                    f'aria-hidden="true">!</span><strong class="warning-text__text">{said}</strong></div>')
        return f'<p class="evidence-age" data-search-exclude>{said}</p>'

    def months_old(self, source_id: str) -> int:
        """How many whole months before the build a document's details are from: its date, or our
        copy's where that is later."""
        src = self.site.get(Source, source_id)
        first_day = max(d.first_day for d in (src.date, src.updated) if d)
        today = self.build.today
        return (today.year - first_day.year) * 12 + today.month - first_day.month

    def file_link(self, path: str, words: str) -> str:
        """A link to a file the build writes itself (the open data, e.g. "data/initiatives.csv"):
        raw HTML, as MkDocs only checks links to the files in docs/."""
        return f'<a href="{self.to_root()}{path}">{words}</a>'

    def reuse_links(self, datasets: list[str]) -> str:
        """"Download the data on this page": for each dataset the page shows, what it holds in plain
        words, as a spreadsheet file (CSV) or as JSON."""
        items = [f'- {escape(DATASETS[name].described.rstrip("."))}: '
                 f'{self.file_link(f"data/{name}.csv", "spreadsheet (CSV)")}'
                 f' or {self.file_link(f"data/{name}.json", "JSON")}' for name in datasets]
        return "\n".join(['<div class="reuse" data-search-exclude markdown>', "",
                          "**Download the data on this page**", "", *items, "",
                          "Free to use under the Open Government Licence. "
                          f"[About the data]({self.link('data.md')}).", "", "</div>"])
