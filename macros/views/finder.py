"""A finder: the count of a list's results, a "Filter" button and the filter boxes (used by the
indicators' overview and the council's work). The finders' check boxes are marked
`data-search-exclude`, so the site's search neither finds nor shows them."""
from __future__ import annotations

from dataclasses import dataclass

from macros.views.markup import attr


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


def _fieldset(list_id: str, f: Facet) -> list[str]:
    texts = "".join(f' data-{name}="{attr(value)}"' for name, value in
                    (("also-text", f.also_text), ("unknown", f.unknown), ("unknown-text", f.unknown_text))
                    if value)
    hint = f"{list_id}-{f.key}-hint"
    described = f' aria-describedby="{hint}"' if f.hint else ""
    parts = [f'<fieldset data-facet="{f.key}"{texts}{described}><legend>{attr(f.legend)}</legend>']
    if f.hint:
        parts.append(f'<p class="finder-hint" id="{hint}">{attr(f.hint)}</p>')
    for value, label, also in f.options:
        also_attr = f' data-also="{" ".join(also)}"' if also else ""
        parts.append(f'<label><input type="checkbox" name="{f.key}" value="{attr(value)}"{also_attr}> '
                     f"{attr(label)}</label>")
    return parts + ["</fieldset>"]


def finder(list_id: str, noun: str, total: int, facets: list[Facet]) -> str:
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
        parts += _fieldset(list_id, f)
    parts.append('<div class="finder-actions">'
                 '<button type="button" class="finder-done md-button md-button--primary">Show the results</button>'
                 '<button type="reset" class="md-button">Show everything</button></div></form></div>')
    return "".join(parts) + "\n"
