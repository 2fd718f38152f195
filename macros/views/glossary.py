"""The glossary: each short form, what it stands for and what it means. (Every page explains the
short forms it uses as abbreviations: see Page.finish.)"""
from __future__ import annotations

from macros.data.matching import normalise
from macros.data.models import Term
from macros.views.markup import escape
from macros.views.page import Page
from macros.views.registry import macro
from macros.views.trust import gone


def spelt_out(page: Page, term: Term) -> str:
    """What to say about where a short form's meaning comes from: nothing when a document
    spells it out (the short form and its words in one passage)."""
    full = normalise(term.expansion).lower()
    used = page.build.passages_using(term.term)
    if any(full in words.lower() for words in used):
        return ""
    if used:
        return " The documents do not spell this short form out: this is what it usually stands for."
    return " The documents do not use this short form: this site does, to save space."


@macro(shows=("glossary",))
def glossary(page: Page) -> str:
    """Every short form, what it stands for and what it means in the site's own words, in alphabetical order."""
    out = []
    gone_by_term = {m.short_form: m for m in page.site.members if m.short_form and m.gone}
    for term in sorted(page.site.glossary, key=lambda t: t.term.lower()):
        see = ""
        if term.see_also:
            links = [f"[{escape(page.site.get(Term, s).term)}](#{s})" for s in term.see_also]
            see = " See also " + ", ".join(links) + "."
        member = gone_by_term.get(term.id)
        out += [f"## {escape(term.term)} {{#{term.id}}}", "",
                f"**{escape(term.expansion)}**.{spelt_out(page, term)} *In our words:* {escape(term.explanation)}{see}"
                f"{page.cited(term)}" + (gone(page, member) if member else ""), ""]
    return "\n".join(out)
