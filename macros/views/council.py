"""Oxford City Council's work for children and young people: the finder of all of it, and a page
for each piece."""
from __future__ import annotations

from macros.data.fields import Asked, marks_of
from macros.data.models import Figure, Initiative, Source
from macros.data.vocabulary import AGE_GROUPS, NEIGHBOURHOODS, THEMES, WHOLE_CITY
from macros.extensions import contents
from macros.views.figures import figure_html, figure_when, over_time
from macros.views.finder import Facet, finder
from macros.views.markup import escape, first_capital
from macros.views.page import Page
from macros.views.registry import macro


def where(ini: Initiative) -> str:
    """Where a piece of work is: every place the report names, in its words, where it names any
    (so one community centre does not read as a service across a whole area), or else the finder's
    name for the area. Work for the whole city or county is marked as such."""
    tags = [f'<span class="finder-tag">{NEIGHBOURHOODS[v]}</span>' for v in ini.neighbourhoods if v in WHOLE_CITY]
    if not ini.places:
        return "; ".join(tags.pop(0) if v in WHOLE_CITY else NEIGHBOURHOODS[v] for v in ini.neighbourhoods)
    whole = " ".join(NEIGHBOURHOODS[v] for v in ini.neighbourhoods if v in WHOLE_CITY).lower()
    named = [escape(p) for p in ini.places if p.lower() not in whole]  # "Oxford" is said by "Across Oxford"
    places = ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else "".join(named)
    if not tags:
        return places
    return f"{places} {' '.join(tags)}" if places else " ".join(tags)


def _facets(page: Page) -> list[Facet]:
    facets = []
    for field, asked in marks_of(Initiative, Asked).items():  # the questions, as the model marks its fields
        present = {v for i in page.site.initiatives for v in getattr(i, field)}
        facet = Facet(asked.key, asked.question, [  # an answer also matches the answers that hold everywhere
            (k, v, asked.everywhere if k not in (*asked.everywhere, "not-stated") else ())
            for k, v in asked.answers.items() if k in present], hint=asked.hint, also_text=asked.also)
        if "not-stated" in present:  # the count says how many a choice left out for that reason
            facet.unknown = "not-stated"
            facet.unknown_text = (f"For {{n}} more, the reports do not say {asked.unsaid}: choose "
                                  f"“{asked.answers['not-stated']}” to see them too.")
        facets.append(facet)
    return facets


@macro(shows=("initiatives",))
def initiative_finder(page: Page) -> str:
    """The council's work as a list of short cards, each linking to its own page, that can be
    filtered by who it is for, where it is and what it is about. Choosing a place also shows
    the work for the whole city or county. Without JavaScript the whole list shows."""
    out = [finder("initiative-list", "pieces of work", len(page.site.initiatives), _facets(page)),
           '<div class="finder-list" id="initiative-list" markdown>', ""]
    for ini in page.site.initiatives:
        data = " ".join(f'data-{asked.key}="{" ".join(getattr(ini, field))}"'
                        for field, asked in marks_of(Initiative, Asked).items())
        out += [f'<section class="finder-item" {data} markdown>', "",
                f"### [{escape(ini.name)}]({page.link_to_record(ini)}) {{#{ini.id}}}", "",
                f"{escape(ini.lead)}{page.cited(ini)}", "",
                f"**Who it is for:** {', '.join(AGE_GROUPS[v] for v in ini.age_groups)}  ",
                f"**Where:** {where(ini)}  ",
                f"**What it is about:** {', '.join(THEMES[v] for v in ini.themes)}",
           "{: ." + contents.ANSWER + " }", "",
                "</section>", ""]
    out += ["</div>", ""]
    return "\n".join(out)


@macro(shows=("initiatives", "figures"), initiative_id="initiatives")
def initiative_page(page: Page, initiative_id: str) -> str:
    """One piece of the council's work: what it is, who it is for and where first, then the
    details dated by the report they come from, and which reports name it."""
    ini = page.site.get(Initiative, initiative_id)
    details = page.site.get(Source, ini.source)
    ages = escape(ini.ages) if ini.ages else ", ".join(AGE_GROUPS[v] for v in ini.age_groups)
    out = [f"# {escape(ini.name)}", "", f"{escape(ini.summary)}{page.cited(ini)}", "",
           f"**Who it is for:** {ages}  ",
           f"**Where:** {where(ini)}  ",
           f"**What it is about:** {', '.join(THEMES[v] for v in ini.themes)}",
           "{: ." + contents.ANSWER + " }", "",
           f"## From the {escape(details.short_title)}", ""]
    reported = sorted(ini.reported, key=lambda r: page.site.get(Source, r.source).date.first_day, reverse=True)
    newest = page.site.get(Source, reported[0].source)
    if newest.id != details.id:  # a newer report names the work: say why its details are older
        out += ['!!! note "Where the details on this page come from"', "",
                f"    The newest report that names this work is the {escape(newest.short_title)}"
                f"{page.cite(reported[0].source, reported[0].passage)}. The "
                f"details on this page come from the {escape(details.short_title)}. They tell you what "
                f"the council said then.{' ' + escape(newest.notes) if newest.notes else ''}", ""]
    out += [f"- {escape(d.text)}{page.cited(ini, d)}" for d in ini.details]
    out.append("")
    if ini.partners:
        out += ["**Partners:** " + ", ".join(escape(p) for p in ini.partners), ""]
    # Its figures in a section of their own, each dated and noted, newest of a series first: under
    # the details' heading, a newer report's figure would look like the older report's.
    figures = [fig for fid in ini.figures for fig in over_time(page, page.site.get(Figure, fid))]
    if figures:
        out += ["## In numbers", "", "  \n".join(
            f"**{first_capital(escape(fig.label))} ({figure_when(page, fig)}):** {figure_html(page, fig)}"
            for fig in figures), ""]
    out += ["## The reports that name it", ""]
    out += [f"- {escape(page.site.get(Source, r.source).short_title)}{page.cite(r.source, r.passage)}"
            for r in reported]
    out.append("")
    out += [f"[All the council's work for children and young people]({page.link(Initiative.listed_on)})", ""]
    return "\n".join(out)
