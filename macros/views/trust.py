"""The Children's Trust Board: who has led it, who sits on it, its meetings and its priorities."""
from __future__ import annotations

import datetime as dt
from collections import OrderedDict

from macros.data.dates import PartialDate, in_words
from macros.data.models import Member, Role, Source, TrustPriority
from macros.data.vocabulary import READ_FOR, ROLES, TRUST_MEETING_KINDS, ReadFor
from macros.views.markup import and_list, escape, quoted, source_name, table
from macros.views.page import Page
from macros.views.registry import macro


def unread(page: Page, kind: ReadFor, after: PartialDate | None = None) -> list[Source]:
    """The documents (newer than the date `after`, if given) nobody has yet read for this kind of
    fact (data/sources.yml, read_for), oldest first: no page may say they give none."""
    return sorted((s for s in page.site.sources if kind not in s.read_for
                   and (after is None or s.date.first_day > after.first_day)),
                  key=lambda s: s.date.first_day)


def still_to_check(page: Page, kind: ReadFor, after: PartialDate | None = None) -> str:
    """The sentence that says which documents are still to be read for this kind of fact, or ""."""
    docs = unread(page, kind, after)
    if not docs:
        return ""
    return (f"This site has not yet checked {'this document' if len(docs) == 1 else 'these documents'} "
            f"for {READ_FOR[kind]}: {and_list([source_name(s) for s in docs])}.")


@macro(shows=("roles",), role="roles")
def people(page: Page, role: str | None = None) -> str:
    """Who has held the Trust's leading roles, as each document says, oldest first."""
    rows = ["| Role | Person | Office they held | When |", "| --- | --- | --- | --- |"]
    records = [r for r in page.site.roles if role is None or r.role == role]
    order = list(ROLES)
    for r in sorted(records, key=lambda r: (order.index(r.role), page.site.get(Source, r.source).date.first_day)):
        said = [f"From {in_words(r.since)}." if r.since else "",
                f"Until {in_words(r.until)}." if r.until else "",
                f"Named in the document of {page.site.get(Source, r.source).date.words}.",
                escape(r.note) if r.note else ""]
        person, position = escape(r.person), "Not given"
        if r.position:
            position = quoted(r.position) + page.cited(r)
        if r.named_in or not r.position:
            person += page.cite(r.source, r.named_in or r.passage)
        rows.append(f"| {ROLES[r.role]} | {person} | {position} | {' '.join(w for w in said if w)} |")
    return table(rows, "Who has held the Trust's leading roles")


@macro(shows=("roles",), role="roles")
def who_leads(page: Page, role: str) -> str:
    """The answer first: who the newest document naming someone in a role names, dated, then
    who earlier documents named, then whether any newer document names anyone."""
    def noted(r: Role) -> dt.date:
        return page.site.get(Source, r.source).date.first_day
    records = sorted((r for r in page.site.roles if r.role == role), key=noted)
    name = ROLES[role].lower()
    if not records:
        return " ".join(w for w in [
            f"None of the documents {'this site has checked ' if unread(page, 'roles') else ''}"
            f"names the Trust's {name}.", still_to_check(page, "roles")] if w) + "\n"
    newest = records[-1]
    out = [f"The newest document to name the Trust's {name} is from "
           f"{page.site.get(Source, newest.source).date.words}. It names "
           f"**{escape(newest.person)}**{page.cite(newest.source, newest.named_in or newest.passage)}."]
    earlier: dict[str, list[Role]] = {}
    for r in records[:-1]:
        if r.person != newest.person:
            earlier.setdefault(r.person, []).append(r)
    for person, named in earlier.items():
        dates = " and ".join(page.site.get(Source, r.source).date.words for r in named)
        out.append(f"Before that, documents of {dates} named {escape(person)}"
                   + "".join(page.cite(r.source, r.named_in or r.passage) for r in named) + ".")
    newer = [s for s in page.site.sources if s.date.first_day > noted(newest)]
    checked = sorted((s for s in newer if "roles" in s.read_for), key=lambda s: s.date.first_day)
    if checked:
        which = "newest document of all" if checked[-1] is max(newer, key=lambda s: s.date.first_day) \
            else "document"
        out.append(f"The {which}, from {in_words(checked[-1].date)}, does not say who the {name} is.")
    out.append(still_to_check(page, "roles", page.site.get(Source, newest.source).date))
    return " ".join(w for w in out if w) + "\n"


def gone(page: Page, member: Member, named: bool = False) -> str:
    """What the site says wherever it lists, explains or mentions an organisation that no longer
    exists (named: outside a list of members, so the organisation is named)."""
    if member.gone is None:
        return ""
    g = member.gone
    said = f"{escape(member.name)} no longer exists." if named else "No longer exists."
    return (f" **{said}** *In our words:* {escape(g.explanation)} {escape(g.text)}"
            f"{page.cite(g.source, g.passage)}")


def gone_mentioned(page: Page, text: str) -> str:
    """For each organisation that no longer exists that a text mentions, by its name or by its
    short form in the glossary, that it is gone."""
    return "".join(gone(page, m, named=True) for m, pattern in page.build.gone if pattern.search(text))


@macro(shows=("members",), group="member-groups")
def gone_members(page: Page, group: str) -> str:
    """For each member organisation of the Trust (trust-board) or of the city's partnership that no
    longer exists, that it is gone, what became of it and who does its work now."""
    return " ".join(gone(page, m, named=True).strip() for m in page.site.members
                    if m.group == group and m.gone)


@macro(shows=("members",), group="member-groups")
def members(page: Page, group: str) -> str:
    """The member organisations of the Trust (trust-board) or of the city's partnership, each that no
    longer exists said to be gone."""
    return "\n".join(f"- {escape(m.name)}{page.cited(m)}" + (f".{gone(page, m)}" if m.gone else "")
                     for m in page.site.members if m.group == group) + "\n"


def latest_meetings(page: Page) -> str:
    """The answer first: the Trust's latest meeting in the documents and, if it was still to come,
    the latest they say took place, with what it did; then whether the newest document names any."""
    own = sorted((m for m in page.site.meetings if m.kind in TRUST_MEETING_KINDS),
                 key=lambda m: m.date.first_day)
    if not own:
        return ""
    latest, held = own[-1], [m for m in own if not m.planned]
    paragraphs = [[f"**The Trust's latest meeting in the documents:** {in_words(latest.date)}, "
                   f"{escape(latest.title)}{page.cited(latest)}."]]
    if latest.planned:
        since = page.site.get(Source, latest.source).date
        paragraphs[-1].append(f"The {escape(page.site.get(Source, latest.source).short_title)} speaks of it as "
                              "still to come. None of the documents "
                              f"{'this site has checked ' if unread(page, 'meetings', since) else ''}"
                              "says whether it took place.")
        if held:
            paragraphs.append([f"**The latest that the documents say took place:** {in_words(held[-1].date)}, "
                               f"{escape(held[-1].title)}{page.cited(held[-1])}."])
    if held and held[-1].items:
        did = held[-1].items[0]
        paragraphs[-1].append(f"{escape(did.text)}{page.cited(held[-1], did)}")
    newest = max(page.site.sources, key=lambda s: s.date.first_day)
    if "meetings" in newest.read_for and not any(m.source == newest.id for m in page.site.meetings):
        paragraphs.append([f"The newest document, of {in_words(newest.date)}, gives the date of no meeting."])
    if unread(page, "meetings"):
        paragraphs.append([still_to_check(page, "meetings")])
    return "\n\n".join(" ".join(p) for p in paragraphs)


@macro(shows=("meetings",))
def meetings(page: Page) -> str:
    """The meetings the documents mention, newest first, after a line saying which is the latest and what it did."""
    rows = ["| Date | Meeting | What it covered |", "| --- | --- | --- |"]
    for m in sorted(page.site.meetings, key=lambda m: m.date.first_day, reverse=True):
        title = escape(m.title) + (" (planned at the time of the report)" if m.planned else "")
        items = "<br>".join("• " + escape(i.text) + page.cited(m, i) for i in m.items) or "The report does not say."
        rows.append(f"| {in_words(m.date)} | {title}{page.cited(m)} | {items} |")
    return latest_meetings(page) + "\n\n" + table(rows, "Meetings the documents mention, newest first")


@macro(shows=("trust_priorities",))
def trust_priorities(page: Page, latest: bool = False) -> str:
    """The Trust's priorities, period by period as the documents give them (or just the latest)."""
    out = []
    periods: OrderedDict[str, list[TrustPriority]] = OrderedDict()
    for p in page.site.trust_priorities:
        periods.setdefault(p.period, []).append(p)
    if latest:  # everything the newest document says about the Trust's priorities, dated
        newest = max((p.source for p in page.site.trust_priorities),
                     key=lambda s: page.site.get(Source, s).date.first_day)
        periods = OrderedDict((k, [p for p in v if p.source == newest]) for k, v in periods.items())
        src = page.site.get(Source, newest)
        out += [f"The newest document that gives the Trust's priorities is the {escape(src.short_title)} "
                f"({in_words(src.date)}). It says:", ""]
    for period, items in periods.items():
        if not items:
            continue
        out += [f"**{escape(period)}:**" if latest else f"## {escape(period)}", ""]
        for p in items:
            detail = f" {escape(p.detail)}" if p.detail else ""
            title = quoted(p.title) if p.quoted else escape(p.title)
            out.append(f"- **{title}**{page.cited(p)}.{detail}")
        out.append("")
    return "\n".join(out)
