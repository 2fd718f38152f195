"""Open data: every dataset as CSV (RFC 4180, header row, UTF-8) and JSON, and the Trust's
meetings as an iCalendar file, written into the built site. Nothing here needs MkDocs."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any


from .data import Site
from .document_page import describe
from .loader import parse_partial_date

LICENCE = "Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
DESCRIPTIONS = {
    "sources": "The council documents the site is built from.",
    "glossary": "Short forms (acronyms) and what they mean.",
    "areas": "The plan's areas of focus.",
    "priorities": "The plan's numbered priorities, with each wording the documents give.",
    "statements": "Quotations and statements from the documents, grouped by topic.",
    "implementation": "The implementation plan for 2020 to 2021 (COVID-19 recovery plan).",
    "roles": "Who has held the Trust's leading roles and district council seats.",
    "members": "Member organisations of the Trust and of Oxford's own partnership.",
    "meetings": "Meetings of the Trust that the documents mention.",
    "trust_priorities": "The Trust's priorities year by year.",
    "figures": "Every number on the site.",
    "indicators": "Performance indicators and their Red, Amber or Green ratings.",
    "initiatives": "Oxford City Council's work for children and young people.",
    "timeline": "Dated events: the plan, the Trust, SEND, the Education Commission, the council.",
    "accessibility": "How the site was tested for accessibility, and known issues.",
    "changes": "What has changed on the site, by date.",
}


def records(site: Site, name: str) -> list[dict[str, Any]]:
    return [r.model_dump(mode="json") for r in site.sets[name].records]


def columns(site: Site, name: str) -> list[str]:
    model = type(site.sets[name].records[0]) if site.sets[name].records else None
    return list(model.model_fields) if model else []


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return "; ".join(str(v) for v in value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def to_csv(site: Site, name: str) -> str:
    """RFC 4180: a header row, comma-separated, CRLF line ends, quotes where needed."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    cols = columns(site, name)
    writer.writerow(cols)
    for rec in records(site, name):
        writer.writerow([_cell(rec.get(c)) for c in cols])
    return out.getvalue()


def to_json(site: Site, name: str) -> str:
    return json.dumps({"dataset": name, "description": DESCRIPTIONS.get(name, ""),
                       "licence": LICENCE, "records": records(site, name)},
                      ensure_ascii=False, indent=2) + "\n"


def to_ics(site: Site, domain: str) -> str:
    """The meetings with a known day, as all-day events in an iCalendar file (RFC 5545)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Oxfordshire CYPP website//Meetings//EN",
             "CALSCALE:GREGORIAN", "X-WR-CALNAME:Oxfordshire Children's Trust Board meetings"]
    for m in site.meetings:
        day, precision = parse_partial_date(m.date)
        if precision != "day":
            continue
        nxt = day.fromordinal(day.toordinal() + 1)
        src = site.get("sources", m.source)
        stamp = parse_partial_date(src.date)[0].strftime("%Y%m%dT000000Z")
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
    folder, name = page.rsplit("/", 1) if "/" in page else ("", page)
    path = folder if name == "index.md" else (f"{folder}/" if folder else "") + name[:-3]
    return site_url.rstrip("/") + "/" + (path.strip("/") + "/" if path.strip("/") else "")


def to_atom(site: Site, site_url: str) -> str:
    """The site's changes as an Atom feed (RFC 4287), newest first."""
    from xml.sax.saxutils import escape
    changes = sorted(site.changes, key=lambda c: c.date, reverse=True)
    home = site_url.rstrip("/") + "/"
    updated = (changes[0].date if changes else "2026-01-01") + "T00:00:00Z"
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


def write_all(site: Site, site_dir: Path, domain: str, site_url: str = "") -> None:
    out = Path(site_dir) / "data"
    out.mkdir(parents=True, exist_ok=True)
    for name in site.sets:
        (out / f"{name}.csv").write_text(to_csv(site, name), encoding="utf-8", newline="")
        (out / f"{name}.json").write_text(to_json(site, name), encoding="utf-8")
    (out / "meetings.ics").write_text(to_ics(site, domain), encoding="utf-8", newline="")
    (Path(site_dir) / "changes.xml").write_text(to_atom(site, site_url or f"https://{domain}/"),
                                                encoding="utf-8")
