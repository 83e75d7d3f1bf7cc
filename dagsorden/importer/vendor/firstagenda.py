"""FirstAgenda publication JSON (as a municipality's public agenda site serves it).

Shape: `Udvalg` (body), `Moede` (date, place, participants with absence flags) and
`Dagsordenpunkter[]` with number, title, case number, `Felter[].Html` and `Bilag[]`.
Older exports use Danish keys, newer ones English (`Caption`, `Number`, `CaseNumber`,
`Meeting`, `Committee`, `AgendaItems`); both are read.

The item HTML carries the template's sections as `<h3>` (Beslutning, Fremstilling,
Sagens forløb); `<h4>` inside them are sub-headings (Sagsprocedure, Resume, Indstilling
…) and stay in the section's Markdown.

A closed item ("lukket punkt") shows in the data as: a title starting with "Lukket",
no section headings (its HTML is only the decision), no item document (`Link` empty,
`DocumentId` all zeros) and no bilag. `IsOpen` is False on every item, open or not, so
it is not used.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

from ..parsed import (
    ParsedAttachment,
    ParsedHistoryEntry,
    ParsedItem,
    ParsedMeeting,
    ParsedParticipant,
    ParsedSection,
)
from .common import (
    ExportError,
    absences_in,
    fold_spaces,
    html_text,
    html_to_markdown,
    is_placeholder,
    name_and_party,
    parse_date,
    parse_datetime,
    recommendation,
    without_absence_lines,
)

SYSTEM = "firstagenda"
_H3 = re.compile(r"<h3[^>]*>(.*?)</h3>", re.I | re.S)
_H4 = re.compile(r"<h4[^>]*>(.*?)</h4>", re.I | re.S)
_U = re.compile(r"<u>(.*?)</u>", re.I | re.S)
_CLOSED_TITLE = re.compile(r"^\s*lukket\b", re.I)
_SUBSTITUTE = re.compile(r"\(\s*(stedfortræder\s+for\s+[^)]+)\)", re.I)
_ZERO_ID = re.compile(r"^[0-]*$")


def looks_like(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"{"):
        return False
    return any(key in data[:200_000] for key in (b'"Dagsordenpunkter"', b'"AgendaItems"'))


def read(data: bytes, *, source: str = "") -> ParsedMeeting:
    try:
        root = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExportError(f"invalid FirstAgenda JSON: {exc}") from exc
    if not isinstance(root, dict):
        raise ExportError("invalid FirstAgenda JSON: the top level is not an object")
    items = _get(root, "Dagsordenpunkter", "AgendaItems")
    meeting_data = _get(root, "Moede", "Meeting")
    if not isinstance(items, list) or not isinstance(meeting_data, dict):
        raise ExportError(
            "unknown FirstAgenda schema: expected 'Dagsordenpunkter' (or 'AgendaItems') "
            "and 'Moede' (or 'Meeting')"
        )
    meeting = _meeting(root, meeting_data)
    site = _site(items)
    meeting.municipality = _municipality(site)
    ordered = sorted(
        (i for i in items if isinstance(i, dict)), key=lambda i: _get(i, "Sorting") or 0
    )
    meeting.items = [_item(raw, site) for raw in ordered]
    meeting.kind = "minutes" if _concluded(meeting_data, meeting.items) else "agenda"
    if not meeting.items:
        meeting.warn("the FirstAgenda export has no agenda items")
    return meeting


def _get(obj: dict, *keys: str):
    for key in keys:
        if key in obj and obj[key] is not None:
            return obj[key]
    return None


def _meeting(root: dict, raw: dict) -> ParsedMeeting:
    body = _get(root, "Udvalg", "Committee") or {}
    start = _get(raw, "Dato", "MeetingBeginUtc", "Date", "Start")
    meeting = ParsedMeeting(
        body=fold_spaces(_get(body, "Navn", "Name")) or None,
        start=parse_datetime(start) if isinstance(start, str) else None,
        location=fold_spaces(_get(raw, "Sted", "Location")) or None,
        layout=SYSTEM,
        export_system=SYSTEM,
        export_id=_get(root, "Id") or None,
    )
    if meeting.start is None:
        meeting.warn(f"the meeting date {start!r} cannot be read")
    people = _get(raw, "Moededeltagere", "Participants") or []
    meeting.participants = [_participant(p) for p in people if isinstance(p, dict)]
    return meeting


def _participant(raw: dict) -> ParsedParticipant:
    name = fold_spaces(_get(raw, "Name", "Navn"))
    note = None
    if match := _SUBSTITUTE.search(name):
        note = fold_spaces(match.group(1))
        note = note[:1].upper() + note[1:]
        name = fold_spaces(name[: match.start()] + name[match.end() :])
    name, party = name_and_party(name)
    if _get(raw, "ParticipationCancelled"):
        note = "Afbud"
    elif _get(raw, "Absent"):
        note = "Fravær"
    return ParsedParticipant(name=name, party=party, note=note)


def _concluded(raw: dict, items: list[ParsedItem]) -> bool:
    return bool(_get(raw, "Afsluttet", "Concluded")) or any(i.decision for i in items)


def _site(items: list) -> str | None:
    """The public agenda site the export came from (scheme and host of a document link)."""
    for raw in items:
        for field in _get(raw, "Felter", "Fields") or []:
            link = _get(field, "Link") or ""
            parts = urlsplit(link)
            if parts.scheme and parts.netloc:
                return f"{parts.scheme}://{parts.netloc}"
    return None


def _municipality(site: str | None) -> str | None:
    """'https://dagsordener.greve.dk' -> 'Greve' (the site is the municipality's own)."""
    if not site:
        return None
    labels = urlsplit(site).netloc.split(".")
    return labels[-2].capitalize() if len(labels) >= 2 and labels[-1] == "dk" else None


# --- items ----------------------------------------------------------------------------------


def _item(raw: dict, site: str | None) -> ParsedItem:
    title = fold_spaces(_get(raw, "Navn", "Caption", "Name"))
    fields = [f for f in _get(raw, "Felter", "Fields") or [] if isinstance(f, dict)]
    html = "\n".join(_get(f, "Html") or "" for f in fields)
    item = ParsedItem(
        number=str(_get(raw, "Punktnummer", "Number") or "").strip(),
        title=title,
        case_number=fold_spaces(_get(raw, "SagsNummer", "CaseNumber")) or None,
        export_id=_get(raw, "Id"),
    )
    pieces = _H3.split(html)
    headed = list(zip(pieces[1::2], pieces[2::2], strict=True)) or _named_fields(fields)
    item.public = not (_CLOSED_TITLE.match(title) or (not headed and not _has_document(raw)))
    if not headed:
        _decision(item, pieces[0])  # a closed item's HTML is its decision only
    for heading_html, body_html in headed:
        _section(item, fold_spaces(html_text(heading_html)), body_html)
    _attachments(item, raw, site)
    return item


def _named_fields(fields: list[dict]) -> list[tuple[str, str]]:
    """Exports whose fields carry their heading as `Navn` and no `<h3>` in the HTML."""
    named = [(fold_spaces(_get(f, "Navn", "Name")), _get(f, "Html") or "") for f in fields]
    return [(name, html) for name, html in named if name and html_text(html)]


def _has_document(raw: dict) -> bool:
    for field in _get(raw, "Felter", "Fields") or []:
        if _get(field, "Link") or not _ZERO_ID.match(_get(field, "DocumentId") or ""):
            return True
    return False


def _section(item: ParsedItem, heading: str, body_html: str) -> None:
    folded = heading.casefold()
    if folded == "beslutning":
        _decision(item, body_html)
    elif folded == "sagens forløb":
        item.history = _history(body_html)
    if not html_text(body_html):
        return  # a heading without content (an agenda's empty Beslutning) is no section
    subsections = [fold_spaces(html_text(h)) for h in _H4.findall(body_html)]
    item.sections.append(
        ParsedSection(heading=heading, body=html_to_markdown(body_html), subsections=subsections)
    )
    _recommendation(item, body_html)


def _decision(item: ParsedItem, html: str) -> None:
    text = html_text(html)
    item.absent = absences_in(text)
    decision = without_absence_lines(text)
    item.decision = None if is_placeholder(decision) else decision


def _recommendation(item: ParsedItem, body_html: str) -> None:
    pieces = _H4.split(body_html)
    for heading, text in zip(pieces[1::2], pieces[2::2], strict=True):
        if fold_spaces(html_text(heading)).casefold() == "indstilling":
            by, clauses = recommendation(html_text(text))
            item.recommendation_by, item.recommendation_clauses = by, clauses
            return


def _history(html: str) -> list[ParsedHistoryEntry]:
    """'<u>19/03/2025   Klima-, Teknik- og Miljøudvalget</u>' then that body's decision."""
    pieces = _U.split(html)
    entries = []
    for head, body in zip(pieces[1::2], pieces[2::2], strict=True):
        head_text = fold_spaces(html_text(head))
        day = parse_date(head_text)
        name = fold_spaces(re.sub(r"^\s*[\d./-]+\s*", "", head_text))
        text = html_text(body)
        decision = without_absence_lines(text)
        entries.append(
            ParsedHistoryEntry(
                date=day,
                body=name,
                decision=None if is_placeholder(decision) else decision,
                absent=absences_in(text),
            )
        )
    return entries


def _attachments(item: ParsedItem, raw: dict, site: str | None) -> None:
    bilag = [b for b in _get(raw, "Bilag", "Attachments") or [] if isinstance(b, dict)]
    bilag.sort(key=lambda b: _get(b, "Order") or 0)  # stable: equal orders keep theirs
    for entry in bilag:
        title = fold_spaces(_get(entry, "Navn", "Name", "Title"))
        if not title:
            continue
        export_id = _get(entry, "Id")
        url = _get(entry, "Link", "Url")
        if not url and site and export_id and str(_get(entry, "HarPdfVersion")).lower() == "true":
            url = f"{site}/Vis/Pdf/bilag/{export_id}"
        item.attachments.append(title)
        item.attachment_files.append(
            ParsedAttachment(title=title, url=url, public=item.public, export_id=export_id)
        )
