"""Where a resident goes next: the official services on other websites (data/services.yml) that a
page lists at its end, and the council websites a reader without a GitHub account can use to tell
us about a mistake (shown by overrides/main.html). Every word here is the site's own: nothing in
data/services.yml comes from the documents."""
from __future__ import annotations

from macros.data.checked import CheckedData
from macros.data.dates import in_words
from macros.data.models import Service
from macros.views.markup import attr, escape
from macros.views.page import Page
from macros.views.registry import macro


def outside_link(service: Service) -> str:
    """A link to another website, said to be one in its own words (a reader of the link alone, or
    a screen reader's list of links, knows whose website it opens), marked rel="external" and
    opened in the same tab, as GOV.UK does."""
    return (f'<a href="{attr(service.url)}" rel="external">{escape(service.text)} '
            f"({escape(service.runs)} website)</a>")


@macro()
def where_to_go_next(page: Page) -> str:
    """The official services a resident may need next, on other websites: the records of
    data/services.yml that list this page, each with who runs it and when its link was checked."""
    services = [s for s in page.site.services if page.src_uri in s.pages]
    items = [f"- {outside_link(s)}<br>\n  {escape(s.what)}<br>\n"
             f'  <span class="where-next__checked">Link checked {in_words(s.checked)}</span>'
             for s in services]
    return "\n".join([
        "## Where to go next", "",
        '<div class="where-next" markdown>', "",
        "The documents on this site are council reports. For help with your own situation, go to "
        "the services themselves. These links open other websites, run by the organisations named.", "",
        *items, "", "</div>", ""])


def tell_us(site: CheckedData) -> list[dict[str, str]]:
    """The council websites offered beside "Suggest a change to this page" to a reader who has
    no GitHub account (the records with tell_us: true): each council's name and address."""
    return [{"name": s.runs, "url": s.url} for s in site.services if s.tell_us]
