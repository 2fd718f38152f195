"""Dated events: the timeline of one topic, and the newest events across the site."""
from __future__ import annotations

from macros.data.dates import in_words
from macros.data.models import Event
from macros.data.vocabulary import TOPICS
from macros.views.markup import escape
from macros.views.page import Page
from macros.views.registry import macro


def dated_events(page: Page, topic: str | None = None) -> list[Event]:
    dated = [(e.date, e) for e in page.site.timeline if e.date and (topic is None or e.topic == topic)]
    return [e for _, e in sorted(dated, key=lambda pair: pair[0].first_day)]


@macro(shows=("timeline",), topic="topics")
def timeline(page: Page, topic: str, newest_first: bool = False) -> str:
    """Dated events on one topic, oldest first (or newest first); events with no date come last."""
    out = []
    events = dated_events(page, topic)
    for e in reversed(events) if newest_first else events:
        out.append(f"- **{in_words(e.date)}: {escape(e.title)}.** {escape(e.text)}{page.cited(e)}")
    for e in (e for e in page.site.timeline if e.topic == topic and not e.date):
        out.append(f"- **Date not given: {escape(e.title)}.** {escape(e.text)}{page.cited(e)}")
    return "\n".join(out) + "\n"


@macro(shows=("timeline",))
def latest_changes(page: Page, how_many: int = 5) -> str:
    """The newest dated events across the site, newest first, each linking to its topic."""
    out = []
    for e in list(reversed(dated_events(page)))[:how_many]:
        out.append(f"- **{in_words(e.date)}**: [{escape(e.title)}]({page.link(TOPICS[e.topic].page)})."
                   f" {escape(e.text)}{page.cited(e)}")
    return "\n".join(out) + "\n"
