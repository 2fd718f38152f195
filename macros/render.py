"""Turn checked data into Markdown for the pages.

Every macro a page can call is a method of Renderer listed in MACROS. Text from data is escaped
before it reaches the page, so `<script>` typed into YAML shows as text. Each fact carries a
numbered note marker; `finish_page` adds the notes themselves (each naming its source and linking to
the passage) and the glossary's abbreviations to the end of each page. Nothing here needs MkDocs.

What is not the page's own text (charts' drawing, the finders' check boxes, the source notes and their markers,
the "how old this is", "reuse this data" and page owner lines) is marked `data-search-exclude`,
so the site's search neither finds it nor shows it under a result.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections import OrderedDict, defaultdict
from dataclasses import dataclass
from typing import Any, Iterable

from . import charts, document_page, opendata
from .data import Site
from .loader import MONTHS, parse_partial_date
from .verify import normalise

RAG_ICONS = {"Red": "material-close-octagon", "Amber": "material-alert", "Green": "material-check-circle"}
RAGS = ("Red", "Amber", "Green")
ROLE_NAMES = {
    "chair": "Chair",
    "vice-chair": "Vice-chair",
    "city-seat": "Oxford City Council's seat",
    "district-seat": "Rotating district council seat",
}
AGE_GROUPS = {"under-5": "Under 5s", "children": "Children", "young-people": "Young people",
              "families": "Families", "all": "All ages", "not-stated": "Not stated in the report"}
THEMES = {"health": "Health and wellbeing", "sport": "Sport, play and being active",
          "culture": "Arts, culture and museums", "learning": "School and learning",
          "safety": "Keeping safe", "community": "Communities", "work": "Jobs and skills",
          "partnerships": "Working together", "not-stated": "Not stated in the report"}
NEIGHBOURHOODS = {"leys-littlemore-rose-hill": "Blackbird Leys, Greater Leys, Littlemore and Rose Hill",
                  "barton": "Barton", "city-centre": "City centre", "wood-farm": "Wood Farm",
                  "citywide": "Across Oxford", "countywide": "Across Oxfordshire",
                  "not-stated": "Not stated in the report"}
# Work across the whole city or county is for every part of Oxford: choosing a place in the
# finder shows it too, marked as work for the whole city or county.
WHOLE_CITY = ("citywide", "countywide")
# The council's work finder: the question in the page's address (?where=barton), the field of
# data/initiatives.yml it asks about, the question as shown, and the answers' labels.
INITIATIVE_FACETS = [("for", "age_groups", "Who it is for", AGE_GROUPS),
                     ("where", "neighbourhoods", "Where in Oxford", NEIGHBOURHOODS),
                     ("about", "themes", "What it is about", THEMES)]
TOPIC_NAMES = {"send": "SEND", "commission": "the Education Commission", "plan": "the plan",
               "trust": "the Trust", "council": "the City Council"}
TOPIC_PAGES = {
    "send": "send.md",
    "commission": "education-commission.md",
    "plan": "plan/index.md",
    "trust": "trust/index.md",
    "council": "council/index.md",
}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#])")
_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")


def text(value: Any) -> str:
    """Data text made safe for a Markdown page: no HTML, no accidental Markdown."""
    s = str(value)
    s = _ENTITY_LIKE.sub("&amp;", s)
    s = s.replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    s = re.sub(r"^(\d+)\.", r"\1\\.", s)
    return " ".join(s.split())


def attr(value: Any) -> str:
    """Data text made safe inside an HTML attribute."""
    return (str(value).replace("&", "&amp;").replace('"', "&quot;")
            .replace("<", "&lt;").replace(">", "&gt;"))


def first_capital(value: str) -> str:
    """A label starting a sentence or a cell: its first letter a capital, the rest as written
    ("EHCP plans", not "Ehcp plans")."""
    return value[:1].upper() + value[1:]


def nice_date(value: str | None) -> str:
    """'2023-07' → 'July 2023'; '2023-10-02' → '2 October 2023'; '2018' → '2018'."""
    if not value:
        return "Date not given"
    day, precision = parse_partial_date(value)
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def format_figure(fig: Any) -> str:
    """A figure's value as a reader would say it: '£1,120,199', 'about £600,000', '42%'."""
    n = number(fig.value)
    shown = {"gbp": f"£{n}", "percent": f"{n}%", "weeks": f"{n} weeks"}.get(fig.unit, n)
    words = {"exactly": "", "about": "about ", "over": "over ", "up-to": "up to ", "almost": "almost "}
    return words[fig.qualifier] + shown


def uses(*datasets: str):
    """Mark a macro as showing these datasets, so the page offers them for reuse."""
    def mark(method):
        def wrapper(self, *args, **kwargs):
            self.used.update(datasets)
            return method(self, *args, **kwargs)
        wrapper.__name__, wrapper.__doc__ = method.__name__, method.__doc__
        return wrapper
    return mark


def slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


@dataclass
class Facet:
    """One question of a finder: its key in the page's address (?key=value), the question, and
    its answers: (value, label, the values an answer also matches). The count can say how many
    results an answer matched only through those values (also_text, with {direct} and {also}),
    and how many the answer `unknown` would add (unknown_text, with {n})."""
    key: str
    legend: str
    options: list[tuple[str, str, tuple[str, ...]]]
    hint: str = ""
    also_text: str = ""
    unknown: str = ""
    unknown_text: str = ""


class Renderer:
    """Holds the data for one build and the notes collected for the page being rendered."""

    MACROS = [
        "figure", "figure_table", "series_table", "statement_list", "quote", "vision",
        "areas_and_priorities", "areas_summary", "area_count", "priority_count", "implementation_plan",
        "rag", "ratings_summary", "checks_summary", "people", "members", "meetings",
        "trust_priorities", "timeline", "latest_changes", "initiative_page", "who_leads",
        "glossary", "source_page", "sources_list", "count",
        "accessibility_tests", "known_issues", "statement_date", "easy_read", "plan_on_a_page",
        "datasets", "calendar_link", "chart", "indicator_rating", "indicator_page", "indicator_overview",
        "initiative_finder", "changes", "document_text", "note",
    ]
    # For each macro whose first argument names a record, the dataset (or statement group)
    # it must name. Pages are checked against this before they are rendered.
    ARGUMENTS = {
        "figure": "figures",
        "quote": "quotations",
        "document_text": "sources",
        "note": "sources",
        "indicator_page": "indicators",
        "indicator_rating": "indicators",
        "initiative_page": "initiatives",
        "source_page": "sources",
        "statement_list": "statement-groups",
        "people": "roles",
        "who_leads": "roles",
        "members": "member-groups",
        "timeline": "topics",
        "count": "datasets",
    }

    def __init__(self, site: Site, changed: dict | None = None, today: dt.date | None = None,
                 open_data: opendata.OpenData | None = None):
        self.site = site
        self.open_data = open_data  # the open data files this build writes (the data page lists them)
        self.today = today or dt.date.today()  # the evidence's age is worked out on the day of the build
        self.changed = changed or {}  # file path → date of its last change in git
        self.groups: dict[str, list] = defaultdict(list)  # statements by group, in file order
        for st in site.statements:
            self.groups[st.group].append(st)
        self.series: dict[str, list] = defaultdict(list)  # figures by series, in file order
        for fig in site.figures:
            if fig.series:
                self.series[fig.series].append(fig)
        self.abbreviation = re.compile(  # every glossary term, as a whole word, or its plural
            r"(?<![\w&])((?:" + "|".join(re.escape(t.term) for t in sorted(
                site.glossary, key=lambda t: -len(t.term))) + r")s?)(?![\w&+])") if site.glossary else None
        self.page = "index.md"
        self.notes: OrderedDict[str, str] = OrderedDict()
        self.note_uses: dict[str, int] = {}
        self.used: set[str] = set()
        self.sources_cited: set[str] = set()

    # ----- the page being rendered -----

    def start_page(self, src_uri: str, owner: str | None = None, reviewed: Any = None,
                   due: Any = None, updated: Any = None) -> None:
        self.page = src_uri
        self.notes = OrderedDict()
        self.note_uses = {}
        self.used = set()
        self.sources_cited = set()
        self.page_info = (owner, reviewed, due, updated)

    def finish_page(self, markdown: str) -> str:
        """Add how old the page's evidence is (under its title), the datasets to reuse, the source
        notes and the abbreviations used on the page."""
        lines = markdown.rstrip().split("\n")
        title = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
        if title is not None:  # the page's head ends here (overrides/main.html adds "Contents" after it)
            head = [self.evidence_age()] if self.sources_cited else []
            lines[title + 1:title + 1] = ["", *head, "", "<!-- end of page head -->", ""]
        out = ["\n".join(lines), ""]
        if self.notes:
            out += [self.notes_list(), ""]
        if self.used:
            out += [self.reuse_links(sorted(self.used)), ""]
        owner, reviewed, due, updated = getattr(self, "page_info", (None,) * 4)
        if owner:
            facts = [f"Page owner: {text(owner)}", f"Last reviewed: {nice_date(reviewed.isoformat())}",
                     f"Next review due: {nice_date(due.isoformat())}"]
            if updated:
                facts.append(f"Last updated: {nice_date(updated.isoformat())}")
            out += ['<div class="page-info" data-search-exclude markdown>', " · ".join(facts), "</div>", ""]
        body = markdown + "\n".join(self.notes.values())
        found = set(self.abbreviation.findall(body)) if self.abbreviation else set()
        for term in self.site.glossary:
            if term.term in found:
                out.append(f"*[{term.term}]: {text(term.expansion)}")
            if f"{term.term}s" in found:  # "EHAs": Early Help Assessments
                out.append(f"*[{term.term}s]: {text(term.expansion)}s")
        return "\n".join(out) + "\n"

    def notes_list(self) -> str:
        """The page's source notes, each with one link back to where it is first used."""
        items = [f'<li id="fn:{key}"><p>{note} <a class="footnote-backref" href="#fnref:{key}" '
                 f'aria-label="Back to where note {n} is first used">↩</a></p></li>'
                 for n, (key, note) in enumerate(self.notes.items(), start=1)]
        return ('<div class="footnote" data-search-exclude>\n'
                '<h2 class="footnote__title" id="where-the-facts-come-from">Where the facts come from</h2>\n'
                "<ol>\n" + "\n".join(items) + "\n</ol>\n</div>")

    def evidence_age(self) -> str:
        """A line saying how old the evidence on this page is, as a warning when the newest of it
        is more than two years old (GOV.UK's warning text pattern)."""
        dates = sorted(parse_partial_date(self.source_date(s)) + (self.source_date(s),)
                       for s in self.sources_cited)
        oldest, newest = dates[0][2], dates[-1][2]
        span = nice_date(newest) if oldest == newest else f"{nice_date(oldest)} to {nice_date(newest)}"
        documents = "a document" if oldest == newest else "documents"
        updated = [self.site.get("sources", s) for s in sorted(self.sources_cited)
                   if self.site.get("sources", s).updated
                   and parse_partial_date(self.site.get("sources", s).updated)[0] > dates[-1][0]]
        for src in updated:  # our copy is newer than any document's date here: say so, count from then
            span += f" (our copy of the {text(src.short_title)} was updated in or after {nice_date(src.updated)})"
        first_day = max([dates[-1][0]] + [parse_partial_date(s.updated)[0] for s in updated])
        today = self.today
        months = (today.year - first_day.year) * 12 + today.month - first_day.month
        if months > 24 and not self.page.endswith("/text.md"):  # a document's own text is history
            return ('<div class="warning-text" data-search-exclude><span class="warning-text__icon" aria-hidden="true">!</span>'
                    '<strong class="warning-text__text">'
                    f"The evidence on this page comes from {documents} dated {span}. The newest of it is "
                    f"more than {months // 12} years old, so things may have changed since.</strong></div>")
        return (f'<p class="evidence-age" data-search-exclude><strong>How old this is:</strong> the evidence on this page '
                f"comes from {documents} dated {span}.</p>")

    def to_root(self) -> str:
        """Relative path from the current page's web address to the site's root."""
        folder, name = posixpath.split(self.page)
        url = folder if name in ("index.md", "README.md") else posixpath.join(folder, name[:-3])
        return "../" * len([p for p in url.split("/") if p])

    def reuse_links(self, datasets: list[str]) -> str:
        """'Reuse this data' links to the CSV and JSON of each dataset shown on the page."""
        root = self.to_root()
        items = [f'{name.replace("_", " ")} (<a href="{root}data/{name}.csv">CSV</a>, '
                 f'<a href="{root}data/{name}.json">JSON</a>)' for name in datasets]
        return (f'<div class="reuse" data-search-exclude markdown>\n**Reuse this data:** {"; ".join(items)}. '
                f"Free to use under the Open Government Licence. "
                f"[About the data]({self.link('data.md')}).\n</div>")

    def link(self, target: str, anchor: str = "") -> str:
        """Relative link from the current page to another page of the site."""
        rel = posixpath.relpath(target, posixpath.dirname(self.page) or ".")
        return rel + (f"#{anchor}" if anchor else "")

    def cite(self, source_id: str, passage: str) -> str:
        """A note marker for one passage of one document; the note's link opens that passage.
        Notes are keyed on the whole (document, passage), so two passages never share a note, and
        numbered in the order they are first used on the page."""
        key = f"{source_id}--{passage}"
        if key not in self.notes:
            src = self.site.get("sources", source_id)
            doc = self.site.documents[source_id]
            href = f"{self.to_root()}reports/{src.id}/text/#{passage}"
            self.notes[key] = (f'From <a href="{attr(href)}">{text(src.short_title)}, '
                               f"{text(document_page.describe(doc, passage))}</a>.")
            self.sources_cited.add(source_id)
            self.note_uses[key] = 0
        self.note_uses[key] += 1
        uses = self.note_uses[key]
        number = list(self.notes).index(key) + 1
        ref_id = f"fnref:{key}" if uses == 1 else f"fnref{uses}:{key}"
        return (f'<sup id="{ref_id}" data-search-exclude><a class="footnote-ref" href="#fn:{key}">'
                f"[{number}]</a></sup>")


    def note(self, source_id: str, *passages: str) -> str:
        """For a fact in a page's own words: the notes that open the passages saying it."""
        return "".join(self.cite(source_id, p) for p in passages)

    def cited(self, record: Any, point: Any = None) -> str:
        """The note for a record, or for one point of it (a point is in its record's document)."""
        return self.cite(record.source, (point or record).passage)

    def source_date(self, source_id: str) -> str:
        return self.site.get("sources", source_id).date

    # ----- figures -----

    @uses("figures")
    def figure(self, figure_id: str) -> str:
        """One figure, inline in a sentence, with its source."""
        return self._figure(self.site.get("figures", figure_id))

    def _figure(self, fig: Any) -> str:
        """A figure's value, marked so tests can check it, followed by the note naming its source."""
        self.used.add("figures")
        return (f'<span class="figure" data-figure="{attr(fig.id)}">{attr(format_figure(fig))}</span>'
                f"{self.cited(fig)}")

    @uses("figures")
    def figure_table(self, *figure_ids: str, caption: str = "Figures") -> str:
        """A table of figures: what is counted, when, and the number."""
        rows = ["| What is counted | When | Figure |", "| --- | --- | --- |"]
        for fid in figure_ids:
            fig = self.site.get("figures", fid)
            rows.append(f"| {first_capital(text(fig.label))} | {text(fig.period or 'Not given')} "
                        f"| {self._figure(fig)} |")
        return self._table(rows, caption)

    @uses("figures")
    def series_table(self, *series_ids: str, caption: str = "Figures over time") -> str:
        """Figures that track the same thing over time, one row a series, one column a period."""
        series = {sid: self.series[sid] for sid in series_ids}
        periods = list(dict.fromkeys(f.period or "" for sid in series_ids for f in series[sid]))
        rows = ["| What is counted | " + " | ".join(text(p) for p in periods) + " |",
                "| --- |" + " --- |" * len(periods)]
        for sid in series_ids:
            figs = {f.period or "": f for f in series[sid]}
            label = series[sid][0].short or min((f.label for f in series[sid]), key=len)
            cells = [self._figure(figs[p]) if p in figs else "–"
                     for p in periods]
            rows.append(f"| {first_capital(text(label))} | " + " | ".join(cells) + " |")
        return self._table(rows, caption)

    @uses("figures")
    def chart(self, *series_ids: str, caption: str = "Figures over time") -> str:
        """A bar chart of figures over time, with the same numbers in a table beside it.
        A series with only one figure cannot be charted: it is given as a sentence instead."""
        charted, out = [], []
        for sid in series_ids:
            figs = self.series[sid]
            if len(figs) > 1:
                charted.append((sid, figs))
            else:
                out.append(f"{text(figs[0].short or figs[0].label)}: {self._figure(figs[0])} "
                           f"({text(figs[0].period or 'date not given')}). There is only one "
                           "figure in the documents, so there is no chart.\n")
        if charted:
            groups = [(figs[0].short or figs[0].label,
                       [(f.period or "", f.value, format_figure(f)) for f in figs]) for _, figs in charted]
            chart_id = "chart-" + slug("-".join(sid for sid, _ in charted))[:40]
            out.insert(0, f'<figure class="chart" data-search-exclude>{charts.bar_chart(chart_id, caption, groups)}'
                          f"<figcaption>Chart: {attr(caption)}. The same numbers are in the table "
                          "below.</figcaption></figure>\n")
            out.insert(1, self.series_table(*(sid for sid, _ in charted), caption=caption))
        return "\n".join(out)

    def _table(self, rows: list[str], caption: str, note: str = "") -> str:
        """A table with its caption (and the caption's source note, if the whole table has one)."""
        return "\n".join(rows) + f"\n\n/// table-caption\n{text(caption)}{note}\n///\n"

    # ----- statements -----

    def _statement(self, st: Any) -> str:
        body = self.q(st.text) if st.quoted else text(st.text)
        return body + self.cited(st)

    @uses("statements")
    def statement_list(self, group: str, numbered: bool = False) -> str:
        """A group of statements as a list, each with its source; sub-points indented."""
        lines = []
        for i, st in enumerate(self.groups[group]):
            lines.append(f"{i + 1}. " if numbered else "- ")
            lines[-1] += self._statement(st)
            for child in st.children:
                lines.append(f"    - {text(child)}")
        return "\n".join(lines) + "\n"

    @uses("statements")
    def quote(self, statement_id: str) -> str:
        """One statement as a block quotation with its source."""
        st = self.site.get("statements", statement_id)
        src = self.site.get("sources", st.source)
        return f"> {text(st.text)}\n>\n> — {self.source_name(src)}{self.cited(st)}\n"

    @staticmethod
    def dated(src: Any) -> str:
        """A document's date, and when our copy was updated if that is later."""
        return nice_date(src.date) + (f" (our copy was updated in or after {nice_date(src.updated)})"
                                      if src.updated else "")

    @staticmethod
    def source_name(src: Any) -> str:
        """A document's short title with its date, said once: 'Children's Trust report, May 2020'."""
        day, precision = parse_partial_date(src.date)
        month_year = f"{MONTHS[day.month - 1]} {day.year}" if precision != "year" else str(day.year)
        return text(src.short_title) + ("" if month_year in src.short_title else f", {nice_date(src.date)}")

    def _official(self, items: list, source_of=lambda x: x.source) -> tuple[Any, list]:
        """The plan's own wording (from the newest document that is a plan) and the others,
        oldest first. A later report that rewords the plan does not amend it."""
        def date(x):
            return parse_partial_date(self.source_date(source_of(x)))[0]
        plans = [x for x in items if self.site.get("sources", source_of(x)).kind == "plan"]
        official = max(plans, key=date)
        return official, sorted((x for x in items if x is not official), key=date)

    @uses("statements")
    def vision(self, history: bool = True) -> str:
        """The vision in the plan's own words; then, dated, how other documents have put it."""
        official, others = self._official(self.groups["vision"])
        if not history:
            return self.quote(official.id)
        out = [self.quote(official.id), "", "Other documents put the vision in their own words. "
               "These are how those documents word it, not changes to the plan:", ""]
        for st in others:
            src = self.site.get("sources", st.source)
            out.append(f"- {self.source_name(src)}: "
                       f"{self.q(st.text)}{self.cited(st)}")
        return "\n".join(out) + "\n"

    @staticmethod
    def q(words: str) -> str:
        """A document's own words, inline, marked as a quotation (the browser adds the marks)."""
        return f"<q>{text(words)}</q>"

    # ----- the plan -----

    def area_count(self) -> int:
        return len(self.site.areas)

    def priority_count(self) -> int:
        return len(self.site.priorities)

    def count(self, dataset: str) -> int:
        """How many records a dataset holds, for sentences like 'the 19 initiatives'."""
        return len(self.site.sets[dataset].records)

    def _areas(self) -> list:
        return sorted(self.site.areas, key=lambda a: a.order)

    def _priorities(self, area_id: str) -> list:
        return sorted((p for p in self.site.priorities if p.area == area_id), key=lambda p: p.number)

    @uses("areas", "priorities")
    def areas_and_priorities(self) -> str:
        """Each area of focus with its numbered priorities, quoted as the plan words them."""
        out = []
        for area in self._areas():
            out += [f"## {text(area.name)} {{#{area.id}}}", "", text(area.intro), ""]
            for source in dict.fromkeys(o.source for o in area.also_called):
                names = [f"{self.q(o.name)}{self.cite(o.source, o.passage)}"
                         for o in area.also_called if o.source == source]
                out += [f"{self.source_name(self.site.get('sources', source))} calls this area "
                        f"{' and '.join(names)}.", ""]
            for p in self._priorities(area.id):
                official, others = self._official(p.wording)
                out.append(f"{p.number}. {self.q(official.text)}{self.cite(official.source, official.passage)}")
                for other in others:
                    src = self.site.get("sources", other.source)
                    out.append(f"    - How {text(src.short_title)} ({nice_date(src.date)}) words it: "
                               f"{self.q(other.text)}{self.cite(other.source, other.passage)}")
            out.append("")
        return "\n".join(out)

    @uses("areas")
    def areas_summary(self) -> str:
        """The areas of focus as a short list linking to their priorities."""
        return "\n".join(
            f"- **[{text(a.name)}]({self.link('plan/priorities.md', a.id)})**: {text(a.intro)}"
            for a in self._areas()) + "\n"

    @uses("implementation")
    def implementation_plan(self) -> str:
        """The implementation plan: one table for each area of focus."""
        out = []
        names = {a.id: a.name for a in self.site.areas}
        for act in sorted(self.site.implementation,
                          key=lambda a: self.site.get("areas", a.area).order):
            rows = ["| Part of the plan | What it says |", "| --- | --- |"]
            rows.append(f"| **Focus** | {text(act.focus) if act.focus else 'The plan gives no focus for this area.'} |")
            for label, items in [
                ("Actions", act.actions),
                ("Responsible agencies", act.agencies),
                ("How we will know this area of focus has improved", act.measures),  # with the plan's numbers
                ("Children's Trust Board leads", act.leads),
                ("Reporting timetable", act.reporting),
            ]:
                cells = "<br>".join(("" if item[:1].isdigit() else "• ") + text(item) for item in items)
                rows.append(f"| **{label}** | {cells} |")
            out += [f"## {text(names[act.area])} {{#plan-{act.area}}}", "",
                    self._table(rows, f"Implementation plan 2020–21: {names[act.area]}", self.cited(act)), ""]
        return "\n".join(out)

    # ----- performance -----

    def rag(self, rating: str) -> str:
        """A RAG rating as a word with an icon, never colour alone."""
        icon = RAG_ICONS[rating]
        return (f'<span class="rag rag--{rating.lower()}">:{icon}:{{ aria-hidden="true" }} '
                f"{rating}</span>")

    def _indicators(self) -> list:
        order = {a.id: a.order for a in self.site.areas}
        return sorted(self.site.indicators, key=lambda i: (order[i.area], i.number or "9"))

    def _finder(self, list_id: str, noun: str, total: int, facets: list[Facet]) -> str:
        """The count of results, a "Filter" button and the filter boxes for the list `list_id`.
        The count comes first; on a phone the boxes sit behind the button, on a wide screen they
        show. site.js keeps the boxes chosen in the page's address (?key=value), so a filtered
        list can be shared. Without JavaScript the button and boxes are hidden (see site.css), the
        count says everything is shown and the whole list is the page."""
        parts = [f'<div class="finder" data-list="{list_id}">',
                 f'<p class="finder-count" role="status" aria-live="polite" data-noun="{attr(noun)}">'
                 f"Showing all {total} {attr(noun)}.</p>",
                 f'<button type="button" class="finder-toggle md-button" aria-expanded="false" '
                 f'aria-controls="{list_id}-filters">Filter</button>',
                 f'<form class="finder-form" id="{list_id}-filters" aria-label="Filter the list" data-search-exclude>']
        for f in facets:
            texts = "".join(f' data-{name}="{attr(value)}"' for name, value in
                            (("also-text", f.also_text), ("unknown", f.unknown), ("unknown-text", f.unknown_text))
                            if value)
            hint = f"{list_id}-{f.key}-hint"
            described = f' aria-describedby="{hint}"' if f.hint else ""
            parts.append(f'<fieldset data-facet="{f.key}"{texts}{described}><legend>{attr(f.legend)}</legend>')
            if f.hint:
                parts.append(f'<p class="finder-hint" id="{hint}">{attr(f.hint)}</p>')
            for value, label, also in f.options:
                also_attr = f' data-also="{" ".join(also)}"' if also else ""
                parts.append(f'<label><input type="checkbox" name="{f.key}" value="{attr(value)}"{also_attr}> '
                             f"{attr(label)}</label>")
            parts.append("</fieldset>")
        parts.append('<div class="finder-actions">'
                     '<button type="button" class="finder-done md-button md-button--primary">Show the results</button>'
                     '<button type="reset" class="md-button">Show everything</button></div></form></div>')
        return "".join(parts) + "\n"

    @uses("indicators")
    def indicator_overview(self) -> str:
        """Every indicator with its latest rating, filterable by area of focus."""
        areas = [(a.id, a.name, ()) for a in self._areas()]
        out = [self._finder("indicator-list", "indicators", len(self.site.indicators),
                            [Facet("area", "Show the indicators for", areas)]),
               '<div class="finder-list" id="indicator-list" markdown>', ""]
        for ind in self._indicators():
            last = ind.ratings[-1]
            number = f"{text(ind.number)}: " if ind.number else ""
            area = self.site.get("areas", ind.area).name
            out += [f'<section class="finder-item" data-area="{ind.area}" markdown>', "",
                    f"### [{number}{text(ind.name)}]({self.link(f'performance/indicators/{ind.id}.md')}) "
                    f"{{#{ind.id}}}", "",
                    f"{self.rag(last.rag)} Rated {nice_date(self.source_date(last.source))}"
                    f"{self.cite(last.source, last.passage)}. Area of focus: {text(area)}.", "",
                    "</section>", ""]
        out += ["</div>", ""]
        return "\n".join(out)

    @uses("indicators")
    def ratings_summary(self) -> str:
        """How many indicators had each rating, from the newest ratings, dated."""
        latest = [i.ratings[-1] for i in self.site.indicators]
        dates = sorted({self.source_date(r.source) for r in latest}, key=lambda d: parse_partial_date(d)[0])
        counts = [(rag, sum(r.rag == rag for r in latest)) for rag in RAGS]
        parts = [f"{n} {'was' if n == 1 else 'were'} rated {self.rag(rag)}" for rag, n in counts if n]
        parts = [", ".join(parts[:-1]) + " and " + parts[-1]] if len(parts) > 1 else parts
        when = " and ".join(nice_date(d) for d in dates)
        first = latest[0]
        doc = self.site.documents[first.source]
        section = doc.parent(doc.get(first.passage).section)  # the part of the report with every rating
        listed = " or ".join(rag for rag in RAGS if any(r.rag == rag for r in latest))
        out = [f"The newest ratings are from {when}. The report lists only the indicators rated "
               f"{listed}: {len(latest)} of them. Of these, {parts[0]}{self.cite(first.source, section)}. "
               "It does not say how many indicators were rated otherwise.", self._no_newer_ratings(dates[-1])]
        return " ".join(out) + "\n"

    def _no_newer_ratings(self, date: str) -> str:
        """Says which later documents give no ratings for the indicators."""
        newer = [s for s in self.site.sources if parse_partial_date(s.date)[0] > parse_partial_date(date)[0]]
        if not newer:
            return ""
        return (f"The later documents this site uses ({', '.join(nice_date(s.date) for s in newer)}) "
                "give no ratings for these indicators.")

    @uses("indicators", "figures")
    @uses("indicators")
    def indicator_rating(self, indicator_id: str) -> str:
        """The answer first, at the top of an indicator's page: its newest rating, dated, and the
        indicator in the report's words."""
        ind = self.site.get("indicators", indicator_id)
        last = ind.ratings[-1]
        return "\n".join([
            f"**Latest rating:** {self.rag(last.rag)} on {nice_date(self.source_date(last.source))}"
            f"{self.cite(last.source, last.passage)}. {self._no_newer_ratings(self.source_date(last.source))}", "",
            f"The indicator, as the report words it: {self.q(ind.title)}{self.cited(ind)}", ""])

    def indicator_page(self, indicator_id: str) -> str:
        """One indicator: what it measures and why, its ratings and figures over time, and what is
        being done."""
        ind = self.site.get("indicators", indicator_id)
        area = self.site.get("areas", ind.area)
        out = ["## What it measures", "", text(ind.plain), "",
               "## Why it matters", "", text(ind.why), "",
               "## Ratings over time", ""]
        rows = ["| Date | Rating | Source |", "| --- | --- | --- |"]
        for r in ind.ratings:
            src = self.site.get("sources", r.source)
            rows.append(f"| {nice_date(src.date)} | {self.rag(r.rag)} | {text(src.short_title)}"
                        f"{self.cite(r.source, r.passage)} |")
        if len(ind.ratings) > 1:
            chart_id = f"chart-{ind.id}-ratings"
            out.append(f'<figure class="chart" data-search-exclude>{charts.rating_chart(chart_id, f"Ratings of {ind.name}", [(nice_date(self.source_date(r.source)), r.rag) for r in ind.ratings])}'
                       f"<figcaption>Chart: ratings over time. The same ratings are in the table below.</figcaption></figure>")
            out.append("")
        else:
            out += ["The documents give one rating, so there is no chart of ratings over time.", ""]
        out += [self._table(rows, f"Ratings of: {ind.name}"), ""]
        if ind.target:
            out += ["## The target", "", text(ind.target), ""]
        if ind.figures:
            out += ["## Figures", ""]
            figs = [self.site.get("figures", f) for f in ind.figures]
            series = list(dict.fromkeys(f.series for f in figs if f.series))
            charted = [s for s in series if len(self.series[s]) > 1]
            if charted:
                out += [self.chart(*charted, caption=f"{ind.name}: figures over time"), ""]
            for fig in figs:
                if fig.series not in charted:
                    when = f" ({text(fig.period)})" if fig.period else ""
                    out.append(f"- {first_capital(text(fig.label))}{when}: {self._figure(fig)}")
            out.append("")
        if ind.actions:
            out += [f"## What was being done, as the report of {nice_date(self.source_date(ind.source))} says", ""]
            out += [f"- {text(a.text)}{self.cited(ind, a)}" for a in ind.actions]
            out.append("")
        linked = f"[{text(area.name)}]({self.link('plan/priorities.md', area.id)})"
        if ind.area_given:
            how = (f"The report links it to the area of focus {linked}"
                   f"{self.cite(ind.area_given.source, ind.area_given.passage)}.")
        else:
            how = (f"This indicator is about the area of focus {linked}. The report does not say "
                   "which area it belongs to: we have placed it by what it measures.")
        out += ["## Area of focus", "", how, ""]
        return "\n".join(out)

    # ----- the Trust -----

    @uses("roles")
    def people(self, role: str | None = None) -> str:
        """Who has held the Trust's leading roles, as each document says, oldest first."""
        rows = ["| Role | Person | Office they held | When |", "| --- | --- | --- | --- |"]
        records = [r for r in self.site.roles if role is None or r.role == role]
        order = list(ROLE_NAMES)
        def noted(r):
            return parse_partial_date(self.source_date(r.source))[0]
        for r in sorted(records, key=lambda r: (order.index(r.role), noted(r))):
            when = [f"From {nice_date(r.since)}." if r.since else "",
                    f"Until {nice_date(r.until)}." if r.until else "",
                    f"Named in the document of {nice_date(self.source_date(r.source))}.",
                    text(r.note) if r.note else ""]
            person, position = text(r.person), "Not given"
            if r.position:
                position = self.q(r.position) + self.cited(r)
            else:
                person += self.cited(r)
            rows.append(f"| {ROLE_NAMES[r.role]} | {person} | {position} | {' '.join(w for w in when if w)} |")
        return self._table(rows, "Who has held the Trust's leading roles")

    @uses("roles")
    def who_leads(self, role: str) -> str:
        """The answer first: who the newest document naming someone in a role names, dated, then
        who earlier documents named, then whether any newer document names anyone."""
        def noted(r):
            return parse_partial_date(self.source_date(r.source))[0]
        records = sorted((r for r in self.site.roles if r.role == role), key=noted)
        name = ROLE_NAMES[role].lower()
        if not records:
            return f"None of the documents names the Trust's {name}.\n"
        newest = records[-1]
        out = [f"The newest document to name the Trust's {name} is from "
               f"{nice_date(self.source_date(newest.source))}. It names "
               f"**{text(newest.person)}**{self.cited(newest)}."]
        earlier: dict[str, list] = {}
        for r in records[:-1]:
            if r.person != newest.person:
                earlier.setdefault(r.person, []).append(r)
        for person, named in earlier.items():
            dates = " and ".join(nice_date(self.source_date(r.source)) for r in named)
            out.append(f"Before that, documents of {dates} named {text(person)}"
                       + "".join(self.cited(r) for r in named) + ".")
        newer = [s for s in self.site.sources if parse_partial_date(s.date)[0] > noted(newest)]
        if newer:
            latest = max(newer, key=lambda s: parse_partial_date(s.date)[0])
            out.append(f"The newest document of all, from {nice_date(latest.date)}, does not say "
                       f"who the {name} is.")
        return " ".join(out) + "\n"

    @uses("members")
    def members(self, group: str) -> str:
        return "\n".join(f"- {text(m.name)}{self.cited(m)}"
                         for m in self.site.members if m.group == group) + "\n"

    @uses("meetings")
    def meetings(self) -> str:
        rows = ["| Date | Meeting | What it covered |", "| --- | --- | --- |"]
        for m in sorted(self.site.meetings, key=lambda m: parse_partial_date(m.date)[0]):
            title = text(m.title) + (" (planned at the time of the report)" if m.planned else "")
            items = "<br>".join("• " + text(i.text) + self.cited(m, i) for i in m.items) or "The report does not say."
            rows.append(f"| {nice_date(m.date)} | {title}{self.cited(m)} | {items} |")
        return self._table(rows, "Meetings the documents mention")

    @uses("trust_priorities")
    def trust_priorities(self, latest: bool = False) -> str:
        """The Trust's priorities, period by period as the documents give them (or just the latest)."""
        out = []
        periods = OrderedDict()
        for p in self.site.trust_priorities:
            periods.setdefault(p.period, []).append(p)
        if latest:  # everything the newest document says about the Trust's priorities, dated
            newest = max((p.source for p in self.site.trust_priorities),
                         key=lambda s: parse_partial_date(self.source_date(s))[0])
            periods = OrderedDict((k, [p for p in v if p.source == newest])
                                  for k, v in periods.items())
            src = self.site.get("sources", newest)
            out += [f"The newest document that gives the Trust's priorities is the {text(src.short_title)} "
                    f"({nice_date(src.date)}). It says:", ""]
        for period, items in periods.items():
            if not items:
                continue
            out += [f"**{text(period)}:**" if latest else f"## {text(period)}", ""]
            for p in items:
                detail = f" {text(p.detail)}" if p.detail else ""
                title = self.q(p.title) if p.quoted else text(p.title)
                out.append(f"- **{title}**{self.cited(p)}.{detail}")
            out.append("")
        return "\n".join(out)

    # ----- dates -----

    def _events(self, topic: str | None = None) -> list:
        dated = [e for e in self.site.timeline if e.date and (topic is None or e.topic == topic)]
        return sorted(dated, key=lambda e: parse_partial_date(e.date)[0])

    @uses("timeline")
    def timeline(self, topic: str, newest_first: bool = False) -> str:
        """Dated events on one topic, oldest first (or newest first); events with no date come last."""
        out = []
        events = self._events(topic)
        for e in reversed(events) if newest_first else events:
            out.append(f"- **{nice_date(e.date)}: {text(e.title)}.** {text(e.text)}{self.cited(e)}")
        for e in (e for e in self.site.timeline if e.topic == topic and not e.date):
            out.append(f"- **Date not given: {text(e.title)}.** {text(e.text)}{self.cited(e)}")
        return "\n".join(out) + "\n"

    @uses("timeline")
    def latest_changes(self, how_many: int = 5) -> str:
        """The newest dated events across the site, newest first, each linking to its topic."""
        out = []
        for e in list(reversed(self._events()))[:how_many]:
            out.append(f"- **{nice_date(e.date)}**: [{text(e.title)}]({self.link(TOPIC_PAGES[e.topic])})."
                       f" {text(e.text)}{self.cited(e)}")
        return "\n".join(out) + "\n"

    # ----- the council's work -----

    @staticmethod
    def _where(ini: Any) -> str:
        """Where a piece of work is, in the finder's words; work for the whole city or county is
        marked as such."""
        return "; ".join(f'<span class="finder-tag">{NEIGHBOURHOODS[v]}</span>' if v in WHOLE_CITY
                         else NEIGHBOURHOODS[v] for v in ini.neighbourhoods)

    @uses("initiatives")
    def initiative_finder(self) -> str:
        """The council's work as a list of short cards, each linking to its own page, that can be
        filtered by who it is for, where it is and what it is about. Choosing a place also shows
        the work for the whole city or county. Without JavaScript the whole list shows."""
        facets = []
        for key, field, legend, labels in INITIATIVE_FACETS:
            present = {v for i in self.site.initiatives for v in getattr(i, field)}
            local = field == "neighbourhoods"  # a place in Oxford: it also shows the city-wide work
            facets.append(Facet(key, legend, [(k, v, WHOLE_CITY if local and k not in WHOLE_CITY + ("not-stated",)
                                               else ()) for k, v in labels.items() if k in present]))
        where = next(f for f in facets if f.key == "where")
        where.hint = ("Work across Oxford or Oxfordshire is for every part of the city, so it shows "
                      "with any place you choose.")
        where.also_text = "{direct} in the places you chose, and {also} across Oxford or Oxfordshire"
        where.unknown, where.unknown_text = "not-stated", "For {n} more, the reports do not say where."
        out = [self._finder("initiative-list", "pieces of work", len(self.site.initiatives), facets),
               '<div class="finder-list" id="initiative-list" markdown>', ""]
        for ini in self.site.initiatives:
            data = " ".join(f'data-{key}="{" ".join(getattr(ini, field))}"'
                            for key, field, _, _ in INITIATIVE_FACETS)
            what = re.split(r"(?<=\.)\s+(?=[A-Z])", ini.summary, maxsplit=1)[0]
            out += [f'<section class="finder-item" {data} markdown>', "",
                    f"### [{text(ini.name)}]({self.link(f'council/work/{ini.id}.md')}) {{#{ini.id}}}", "",
                    text(what), "",
                    f"**Who it is for:** {', '.join(AGE_GROUPS[v] for v in ini.age_groups)}  ",
                    f"**Where:** {self._where(ini)}  ",
                    f"**What it is about:** {', '.join(THEMES[v] for v in ini.themes)}", "",
                    "</section>", ""]
        out += ["</div>", ""]
        return "\n".join(out)

    @uses("initiatives", "figures")
    def initiative_page(self, initiative_id: str) -> str:
        """One piece of the council's work: what it is, who it is for and where first, then the
        details dated by the report they come from, and which reports name it."""
        ini = self.site.get("initiatives", initiative_id)
        details = self.site.get("sources", ini.source)
        where = ", ".join(text(p) for p in ini.places) or self._where(ini)
        out = [f"# {text(ini.name)}", "", f"{text(ini.summary)}{self.cited(ini)}", "",
               f"**Who it is for:** {text(ini.ages) if ini.ages else ', '.join(AGE_GROUPS[v] for v in ini.age_groups)}  ",
               f"**Where:** {where}  ",
               f"**What it is about:** {', '.join(THEMES[v] for v in ini.themes)}", "",
               f"## From the {text(details.short_title)}", ""]
        reported = sorted(ini.reported, key=lambda r: parse_partial_date(self.source_date(r.source))[0],
                          reverse=True)
        newest = self.site.get("sources", reported[0].source)
        if newest.id != details.id:  # a newer report names the work: say why its details are older
            out += ['!!! note "Where the details on this page come from"', "",
                    f"    The newest report that names this work is the {text(newest.short_title)}"
                    f"{self.cite(reported[0].source, reported[0].passage)}. The "
                    f"details on this page come from the {text(details.short_title)}. They tell you what "
                    f"the council said then.{' ' + text(newest.notes) if newest.notes else ''}", ""]
        out += [f"- {text(d.text)}{self.cited(ini, d)}" for d in ini.details]
        out.append("")
        facts = []
        if ini.partners:
            facts.append("**Partners:** " + ", ".join(text(p) for p in ini.partners))
        for fid in ini.figures:
            fig = self.site.get("figures", fid)
            when = f" ({text(fig.period)})" if fig.period else ""
            facts.append(f"**{first_capital(text(fig.label))}{when}:** {self.figure(fid)}")
        if facts:
            out += ["  \n".join(facts), ""]
        out += ["## The reports that name it", ""]
        out += [f"- {text(self.site.get('sources', r.source).short_title)}{self.cite(r.source, r.passage)}"
                for r in reported]
        out.append("")
        out += [f"[All the council's work for children and young people]({self.link('council/index.md')})", ""]
        return "\n".join(out)

    # ----- what's changed -----

    @uses("changes")
    def changes(self) -> str:
        """Changes to the site's content, newest first, each linking to the pages that changed."""
        out = []
        for c in sorted(self.site.changes, key=lambda c: c.date, reverse=True):
            links = ", ".join(f"[{text(self._page_name(p))}]({self.link(p)})" for p in c.pages)
            out += [f"## {nice_date(c.date)}: {text(c.title)} {{#{c.id}}}", "", text(c.text), ""]
            if links:
                out += [f"Pages: {links}.", ""]
        return "\n".join(out)

    def _page_name(self, page: str) -> str:
        from .pages import front_matter
        meta = front_matter(self.site.root / "docs" / page)
        return str(meta.get("title") or page)

    # ----- open data -----

    def datasets(self) -> str:
        """The open data index, built to read well on a phone: a short section for each dataset
        with what it holds, when its data file last changed (git), and each of its files with its
        real size (the bytes this build writes), then what each column of its CSV files holds."""
        data = self.open_data or opendata.build(self.site, "")
        root = self.to_root()

        def download(path: str, kind: str, what: str = "") -> str:
            size = opendata.file_size(len(data.files[path]))
            return (f'- <a href="{root}{path}">{posixpath.basename(path)}</a>: {kind}, {size}'
                    + (f". {what}" if what else ""))

        out = [download(f"data/{opendata.METADATA}", "CSV on the Web metadata (JSON)",
                        "It describes every CSV file below: its title and licence, its columns, what "
                        "each column holds and its type, and how the files link to each other."), ""]
        extra = {"meetings": ("data/meetings.ics", "calendar (iCalendar)",
                              "The meetings the documents give a day for."),
                 "changes": ("changes.xml", "news feed (Atom)", "The changes, newest first.")}
        for name, ds in self.site.sets.items():
            tables = [t for t in data.tables if t.dataset == name]
            changed = self.changed.get(f"data/{name}.yml")
            out += [f"### {name.replace('_', ' ').capitalize()} {{#dataset-{name.replace('_', '-')}}}", "",
                    f"{text(opendata.DESCRIPTIONS[name])} {len(ds.records)} records. Last changed: "
                    f"{nice_date(changed.isoformat()) if changed else 'not known'}.", ""]
            for t in tables:
                one = t.columns[0]["name"].removesuffix("_id").replace("_", " ")  # "indicator"
                what = ("One row a record." if t.url == f"{name}.csv" else
                        f"{text(t.description)} One row each ({len(t.rows)} rows), with the {one}'s id.")
                out.append(download(f"data/{t.url}", "spreadsheet (CSV)", what))
            out.append(download(f"data/{name}.json", "JSON, for programmers"))
            if name in extra:
                out.append(download(*extra[name]))
            out += ["", f'<details class="dataset-columns"><summary>What each column holds: '
                    f'{name.replace("_", " ")}</summary>']
            for t in tables:
                out.append(f"<p>In {t.url}:</p><dl>" + "".join(
                    f'<dt>{attr(c["name"])}</dt><dd>{attr(c["dc:description"])}</dd>' for c in t.columns)
                    + "</dl>")
            out += ["</details>", ""]
        return "\n".join(out)

    def calendar_link(self) -> str:
        return (f'<a href="{self.to_root()}data/meetings.ics">Add the Trust\'s meetings to your calendar '
                f"(iCalendar file)</a>")

    # ----- other versions of the plan -----

    @uses("areas", "priorities")
    def easy_read(self) -> str:
        """The Easy Read plan: one idea a line, from the same areas and priorities."""
        def lines(sentences: str) -> str:
            parts = [p.strip() for p in re.split(r"(?<=\.)\s+", sentences) if p.strip()]
            return "  \n".join(text(p) for p in parts)

        def group(name: str) -> list[str]:
            self.sources_cited.update(s.source for s in self.groups[name])  # for "How old this is"
            return [lines(s.text) + "\n" for s in self.groups[name]]

        out = ["## What we want", ""] + group("easy-vision")
        out += ["## What is the plan?", ""] + group("easy-about")
        out += [f"## The plan has {len(self.site.areas)} big aims", ""]
        for area in self._areas():
            out += [f"### {text(area.name)} {{#easy-{area.id}}}", "", lines(area.easy), "",
                    "We want you to:", ""]
            for p in sorted((p for p in self.site.priorities if p.area == area.id),
                            key=lambda p: p.number):
                out.append(f"- {lines(p.easy)}")
            out.append("")
        newest = max((st.source for st in self.groups["easy-now"]),
                     key=lambda sid: parse_partial_date(self.source_date(sid))[0])
        out += [f"## What was happening in {nice_date(self.source_date(newest)[:7])}", ""] + group("easy-now")
        return "\n".join(out)

    @uses("areas", "priorities")
    def plan_on_a_page(self) -> str:
        """The vision, areas and priorities, laid out to print on one sheet of A4."""
        vision, _ = self._official(self.groups["vision"])
        out = ['<div class="plan-on-a-page" markdown>', "",
               f"**Our vision:** {self.q(vision.text)}{self.cited(vision)}", "",
               '<div class="pop-grid" markdown>', ""]
        for area in self._areas():
            out += ['<section class="pop-area" markdown>', "", f"## {text(area.name)} {{#pop-{area.id}}}", ""]
            for p in self._priorities(area.id):
                official, _ = self._official(p.wording)
                out.append(f"{p.number}. {text(official.text)}{self.cite(official.source, official.passage)}")
            out += ["", "</section>", ""]
        src = self.site.get("sources", vision.source)
        out += ["</div>", "", f'<p class="pop-source">In the plan\'s own words, from the {text(src.title)} '
                f"({nice_date(src.date)}). Read it in full on this website: Reports.</p>", "", "</div>", ""]
        return "\n".join(out)

    # ----- the accessibility statement -----

    @uses("accessibility")
    def accessibility_tests(self) -> str:
        rows = ["| Date | What was tested | How | What we found |", "| --- | --- | --- | --- |"]
        for t in (n for n in self.site.accessibility if n.kind == "test"):
            rows.append(f"| {nice_date(t.date)} | {text(t.text)} | {text(t.how or '')} "
                        f"| {text(t.result or '')} |")
        return self._table(rows, "How this site was tested")

    @uses("accessibility")
    def known_issues(self) -> str:
        return "\n".join(f"- {text(n.text)}" for n in self.site.accessibility
                         if n.kind == "known-issue") + "\n"

    def statement_date(self, kind: str) -> str:
        """When the accessibility statement was prepared or last reviewed."""
        dates = [n.date for n in self.site.accessibility if n.kind == kind]
        return nice_date(max(dates, key=lambda d: parse_partial_date(d)[0]))

    # ----- glossary and sources -----

    @uses("glossary")
    def glossary(self) -> str:
        out = []
        for term in sorted(self.site.glossary, key=lambda t: t.term.lower()):
            see = ""
            if term.see_also:
                links = [f"[{text(self.site.get('glossary', s).term)}](#{s})" for s in term.see_also]
                see = " See also " + ", ".join(links) + "."
            spelt = self._spelt_out(term)
            out += [f"## {text(term.term)} {{#{term.id}}}", "",
                    f"**{text(term.expansion)}**.{spelt} {text(term.explanation)}{see}{self.cited(term)}", ""]
        return "\n".join(out)

    def _spelt_out(self, term: Any) -> str:
        """What to say about where a short form's meaning comes from: nothing when a document
        spells it out (the short form and its words in one passage)."""
        if not hasattr(self, "_passage_words"):  # every passage's words, evened out, worked out once
            self._passage_words = [normalise(p.text) for d in self.site.documents.values()
                                   for p in d.passages if p.kind != "note"]
        full = normalise(term.expansion).lower()
        used = [words for words in self._passage_words
                if re.search(rf"(?<!\w){re.escape(term.term)}s?(?!\w)", words)]
        if any(full in words.lower() for words in used):
            return ""
        if used:
            return " The documents do not spell this short form out: this is what it usually stands for."
        return " The documents do not use this short form: this site does, to save space."

    def checks_summary(self) -> str:
        """What the build checked against the documents' text, in numbers."""
        c = self.site.checked
        return (f"Each time this site is built, it checks {c['quotations']} quotations word for word, "
                f"{c['figures']} figures, {c['ratings']} ratings and {c['dates']} dates against the "
                f"passages of the documents they come from. If one does not match, the site is not "
                "published until it is put right.")

    @uses("sources")
    def sources_list(self) -> str:
        rows = ["| Date | Document | Written by | Written for |", "| --- | --- | --- | --- |"]
        for s in sorted(self.site.sources, key=lambda s: parse_partial_date(s.date)[0]):
            rows.append(f"| {self.dated(s)} | [{text(s.title)}]({self.link(f'reports/{s.id}/index.md')}) "
                        f"| {text(s.body)} | {text(s.to)} |")
        return self._table(rows, "The five documents this site is built from")

    def document_text(self, source_id: str) -> str:
        """A source document's full text, every heading, paragraph and list item with its anchor."""
        s = self.site.get("sources", source_id)
        self.sources_cited.add(source_id)
        intro = [
            f"This is the full text of “{text(s.title)}”, written by {text(s.body)}"
            + (f" ({text(s.written_by)})" if s.written_by else "") + f" for {text(s.to)}, "
            f"dated {self.dated(s)}. [What this document is and what this site takes from it]"
            f"({self.link(f'reports/{s.id}/index.md')}).", "",
            "Every fact on this site links to the paragraph of a document it comes from. When you "
            "follow one of those links, the paragraph is highlighted.", "",
            "!!! note \"How we made this copy\"", "",
            "    The words are the document's own, in its order, with its spelling and mistakes. "
            "Our copy was taken from the original file as text, so we have put back the "
            "paragraphs, headings and lists that were lost, and written tables as headings and "
            "lists. We have removed officers' e-mail addresses and phone numbers. Our own notes "
            "are marked “Note from this website”." + (f" {text(s.notes)}" if s.notes else ""), "",
        ]
        return "\n".join(intro) + "\n" + document_page.render(self.site.documents[source_id])

    @uses("sources")
    def source_page(self, source_id: str) -> str:
        """A page about one source document: what it is, and everything the site takes from it."""
        s = self.site.get("sources", source_id)
        facts = [f"**Date:** {self.dated(s)}", f"**Written by:** {text(s.body)}"
                 + (f" ({text(s.written_by)})" if s.written_by else ""),
                 f"**Written for:** {text(s.to)}",
                 f"**Kind of document:** {'the plan itself' if s.kind == 'plan' else 'a report'}"]
        out = ["\n".join(f"{f}  " for f in facts).rstrip(), "", "## In short", ""]
        out += [text(p) + "\n" for p in s.summary]
        if s.notes:
            out += ["!!! note \"About our copy of this document\"", "", f"    {text(s.notes)}", ""]
        out += ["## What this site takes from it", ""]
        used = self._records_from(source_id)
        pages = {
            "priorities": ("The plan's priorities", "plan/priorities.md"),
            "implementation": ("The implementation plan", "plan/implementation.md"),
            "indicators": ("Performance indicators", "performance/indicators/index.md"),
            "initiatives": ("The council's work in Oxford", "council/index.md"),
            "roles": ("Who leads the Trust", "trust/people.md"),
            "members": ("Who sits on the Trust", "trust/people.md"),
            "meetings": ("Meetings", "trust/meetings.md"),
            "trust_priorities": ("The Trust's priorities", "trust/priorities.md"),
            "glossary": ("Glossary", "glossary.md"),
            "areas": ("Areas of focus", "plan/priorities.md"),
        }
        for dataset, (label, page) in pages.items():
            if used.get(dataset):
                out.append(f"- [{label}]({self.link(page)}): {len(used[dataset])} "
                           f"fact{'s' if len(used[dataset]) > 1 else ''}")
        for topic, page in TOPIC_PAGES.items():
            events = [e for e in used.get("timeline", []) if e.topic == topic]
            if events:
                out.append(f"- [Dates about {TOPIC_NAMES[topic]}]({self.link(page)}): "
                           + "; ".join(text(e.title) for e in events))
        if used.get("statements"):
            out.append(f"- Quotations and statements: {len(used['statements'])}, shown on the pages "
                       "that use this document")
        out.append("")
        if used.get("figures"):
            out += ["### Figures from this document", ""]
            rows = ["| What is counted | When | Figure |", "| --- | --- | --- |"]
            for fig in used["figures"]:
                rows.append(f"| {first_capital(text(fig.label))} | {text(fig.period or 'Not given')} "
                            f"| {self._figure(fig)} |")
            out.append(self._table(rows, f"Figures from: {s.short_title}"))
        return "\n".join(out)

    def _records_from(self, source_id: str) -> dict[str, list]:
        used: dict[str, list] = defaultdict(list)
        for name, ds in self.site.sets.items():
            for rec in ds.records:
                if source_id in _sources_of(rec):
                    used[name].append(rec)
        return used


def _sources_of(record: Any) -> set[str]:
    found = set()
    if getattr(record, "source", None):
        found.add(record.source)
    for name in ("wording", "ratings", "also_called", "reported"):
        for item in getattr(record, name, []) or []:
            found.add(item.source)
    return found


def statement_groups(site: Site) -> set[str]:
    return {s.group for s in site.statements}


def argument_choices(site: Site) -> dict[str, set[str]]:
    """What each kind of macro argument may be: used to check pages before rendering."""
    return {
        "figures": site.sets["figures"].ids(),
        "statements": site.sets["statements"].ids(),
        "quotations": {s.id for s in site.statements if s.quoted},
        "passages": {f"{d.id}--{p.id}" for d in site.documents.values() for p in d.passages},
        "indicators": site.sets["indicators"].ids(),
        "initiatives": site.sets["initiatives"].ids(),
        "sources": site.sets["sources"].ids(),
        "statement-groups": statement_groups(site),
        "roles": set(ROLE_NAMES),
        "member-groups": {m.group for m in site.members},
        "topics": set(TOPIC_PAGES),
        "datasets": set(site.sets),
    }


def iter_macros(renderer: Renderer) -> Iterable[tuple[str, Any]]:
    for name in Renderer.MACROS:
        yield name, getattr(renderer, name)
