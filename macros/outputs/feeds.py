"""The Trust's meetings as an iCalendar file (RFC 5545) and the site's changes as an Atom feed
(RFC 4287), for the open data (opendata.py)."""
from __future__ import annotations

from xml.sax.saxutils import escape

from macros.addresses import address, describe
from macros.data.checked import CheckedData
from macros.data.models import Source


def to_ics(site: CheckedData, domain: str) -> str:
    """The meetings with a known day, as all-day events in an iCalendar file (RFC 5545)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Oxfordshire CYPP website//Meetings//EN",
             "CALSCALE:GREGORIAN", "X-WR-CALNAME:Oxfordshire Children's Trust Board meetings"]
    for m in site.meetings:
        date = m.date
        if date.precision != "day":
            continue
        day = date.first_day
        nxt = day.fromordinal(day.toordinal() + 1)
        src = site.get(Source, m.source)
        stamp = src.date.first_day.strftime("%Y%m%dT000000Z")
        lines += ["BEGIN:VEVENT", f"UID:{m.id}@{domain}", f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{nxt:%Y%m%d}",
                  _fold("SUMMARY:" + _ics_text(m.title)),
                  _fold("DESCRIPTION:" + _ics_text("; ".join(i.text for i in m.items) or m.title)
                        + _ics_text(f" Source: {src.short_title}, "
                                    f"{describe(site.documents[m.source], m.passage)}.")),
                  "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


def _ics_text(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545)."""
    data = line.encode("utf-8")
    parts, start, width = [], 0, 75
    while len(data) - start > width:
        cut = start + width
        while (data[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        parts.append(data[start:cut].decode("utf-8"))
        start, width = cut, 74  # continuation lines begin with a space
    parts.append(data[start:].decode("utf-8"))
    return "\r\n ".join(parts)


def page_url(site_url: str, page: str) -> str:
    """The web address of a page given by its path under docs/."""
    path = address(page)
    return site_url.rstrip("/") + "/" + (f"{path}/" if path else "")


def to_atom(site: CheckedData, site_url: str) -> str:
    """The site's changes as an Atom feed (RFC 4287), newest first."""
    changes = sorted(site.changes, key=lambda c: c.date, reverse=True)
    home = site_url.rstrip("/") + "/"
    updated = f"{changes[0].date if changes else '2026-01-01'}T00:00:00Z"
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom">',
           "<title>Oxfordshire Children and Young People's Plan: what's changed</title>",
           f'<link rel="alternate" href="{escape(home)}changes/"/>',
           f'<link rel="self" href="{escape(home)}changes.xml"/>',
           f"<id>{escape(home)}changes/</id>", f"<updated>{updated}</updated>",
           "<author><name>Children's Trust Board web team</name></author>"]
    for c in changes:
        link = page_url(site_url, c.pages[0]) if c.pages else f"{home}changes/"
        out += ["<entry>", f"<title>{escape(c.title)}</title>", f'<link href="{escape(link)}"/>',
                f"<id>{escape(home)}changes/#{escape(c.id)}</id>",
                f"<updated>{c.date}T00:00:00Z</updated>", f"<summary>{escape(c.text)}</summary>",
                "</entry>"]
    out.append("</feed>")
    return "\n".join(out) + "\n"
