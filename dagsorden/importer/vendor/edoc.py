"""eDoc (Fujitsu) agenda XML: `<Root>` with elements in the `edoc:` namespace.

`edoc:OutputTypeEnumName` (Agenda / Minutes), `edoc:Committee/edoc:Name`,
`edoc:Committee/edoc:Meeting` (`MeetingDateTime`, `MeetingLocation`,
`MeetingParticipants/MeetingParticipant` with `Participate` and `PoliticalPartyList`),
`edoc:Agenda/edoc:AgendaElements/edoc:AgendaElement` (`SortOrder`, `AccessIsPublic`,
`Absences`) with its `HandlingItem` (`SerialNo` = the printed number, `Title`,
`NeutralTitle`, `CaseNumber`, `CasePresentations` = the sections with `IsDecision`,
`HandlingPlan/Handling` = this and other treatments with their decisions,
`Attachments/Attachment` with `Title`, `AccessEnumName` and a relative `Link`).

A closed item has `AccessIsPublic` false ('Fortrolig publicering'); the rendering lists
it under "Lukket dagsorden" with its `Title` (the `NeutralTitle` is the public one).
Presentations without content are not sections. 'Beslutning ikke frigivet' is the
placeholder of a decision not yet released.

The HTML page an export renders to is a document: the document reader reads it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from xml.etree.ElementTree import Element

from ..parsed import (
    ParsedAttachment,
    ParsedHistoryEntry,
    ParsedItem,
    ParsedMeeting,
    ParsedParticipant,
    ParsedSection,
)
from .bilag import attachment_text
from .common import (
    ExportError,
    absences_in,
    fold_spaces,
    html_text,
    html_to_markdown,
    is_placeholder,
    parse_datetime,
    recommendation,
    without_absence_lines,
)
from .xmlsafe import parse_xml

SYSTEM = "edoc"
NAMESPACE_STEM = b"http://www.fujitsu.dk/agenda/xml/schemas/"
KNOWN_NAMESPACES = {"http://www.fujitsu.dk/agenda/xml/schemas/2009/03/31/"}
_KINDS = {"agenda": "agenda", "dagsorden": "agenda", "minutes": "minutes", "referat": "minutes"}
_PARTY_LETTERS = re.compile(r"^[A-ZÆØÅ]{1,2}$")
_PREVIOUS = {"previous", "before", "earlier", "tidligere"}


def looks_like(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") and b"<html" not in head[:300].lower() and NAMESPACE_STEM in head


def read(
    data: bytes, *, source: str = "", fetch: Callable[[str], bytes | None] | None = None
) -> ParsedMeeting:
    root = parse_xml(data, what="eDoc agenda XML")
    ns = _namespace(root)
    q = _Query(ns)
    committee = root.find(q("Committee"))
    meeting_node = committee.find(q("Meeting")) if committee is not None else None
    if meeting_node is None:
        raise ExportError("unknown eDoc schema: no edoc:Committee/edoc:Meeting")
    meeting = _meeting(root, committee, meeting_node, q)
    elements = meeting_node.findall(q("Agenda/AgendaElements/AgendaElement"))
    elements.sort(key=lambda e: _int(q.text(e, "SortOrder")))
    fetch = fetch or (lambda _name: None)
    missing: list[str] = []
    for element in elements:
        handling = element.find(q("HandlingItem"))
        if handling is not None:
            meeting.items.append(_item(element, handling, meeting, q, fetch, missing))
    if missing:
        shown = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
        meeting.warn(f"{len(missing)} attachment file(s) missing from the export: {shown}")
    if not meeting.items:
        meeting.warn("the eDoc export has no agenda items")
    return meeting


class _Query:
    """Paths in the export's namespace: q('Agenda/Type') -> '{ns}Agenda/{ns}Type'."""

    def __init__(self, ns: str):
        self.ns = ns

    def __call__(self, path: str) -> str:
        return "/".join(f"{{{self.ns}}}{part}" for part in path.split("/"))

    def text(self, node: Element | None, path: str) -> str:
        return fold_spaces(node.findtext(self(path)) if node is not None else "")


def _namespace(root: Element) -> str:
    for node in root.iter():
        if node.tag.startswith("{"):
            ns = node.tag[1:].partition("}")[0]
            if ns.encode().startswith(NAMESPACE_STEM):
                if ns not in KNOWN_NAMESPACES:
                    raise ExportError(f"unknown eDoc schema version {ns!r}")
                return ns
    raise ExportError("not an eDoc agenda XML: no element in the edoc namespace")


def _int(text: str) -> int:
    return int(text) if text.isdigit() else 0


def _meeting(root: Element, committee: Element, node: Element, q: _Query) -> ParsedMeeting:
    output_type = q.text(root, "OutputTypeEnumName") or q.text(node, "Agenda/Type")
    kind = _KINDS.get(output_type.casefold())
    meeting = ParsedMeeting(
        kind=kind or "agenda",
        body=q.text(committee, "Name") or None,
        start=parse_datetime(q.text(node, "MeetingDateTime")),
        location=q.text(node, "MeetingLocation") or q.text(committee, "DefaultLocation") or None,
        layout=SYSTEM,
        export_system=SYSTEM,
        export_id=q.text(node, "MeetingIdentifier").lower() or None,
    )
    if kind is None:
        meeting.warn(f"unknown eDoc output type {output_type!r}; read as an agenda")
    if meeting.start is None:
        meeting.warn(f"the meeting time {q.text(node, 'MeetingDateTime')!r} cannot be read")
    for person in node.findall(q("MeetingParticipants/MeetingParticipant")):
        meeting.participants.append(_participant(person, q))
    return meeting


def _participant(node: Element, q: _Query) -> ParsedParticipant:
    party = q.text(node, "PoliticalPartyList")
    note = None
    if q.text(node, "Participate").casefold() == "false":
        note = "Afbud"
    if represent := q.text(node, "Represent"):
        note = f"Stedfortræder for {represent}"
    return ParsedParticipant(
        name=q.text(node, "Name"),
        party=party if _PARTY_LETTERS.match(party) else None,
        note=note,
    )


# --- items ----------------------------------------------------------------------------------


def _item(element, handling, meeting: ParsedMeeting, q: _Query, fetch, missing) -> ParsedItem:
    item = ParsedItem(
        number=q.text(handling, "SerialNo") or q.text(element, "SortOrder"),
        title=q.text(handling, "Title") or q.text(handling, "NeutralTitle"),
        public=q.text(element, "AccessIsPublic").casefold() != "false",
        case_number=q.text(handling, "CaseNumber") or None,
        export_id=q.text(handling, "Identifier").lower() or None,
    )
    for presentation in handling.findall(q("CasePresentations/CasePresentation")):
        _presentation(item, presentation, meeting, q)
    _handlings(item, handling, meeting, q)
    for absence in element.findall(q("Absences") + "/*"):
        name = q.text(absence, "Name") or fold_spaces(absence.text)
        if name and name not in item.absent:
            item.absent.append(name)
    _attachments(item, handling, q, fetch, missing)
    return item


def _presentation(item: ParsedItem, node: Element, meeting: ParsedMeeting, q: _Query) -> None:
    heading = q.text(node, "Title")
    content = node.findtext(q("Content")) or ""
    text = html_text(content)
    if not text:
        return  # presentations without content are not sections
    item.sections.append(ParsedSection(heading=heading, body=html_to_markdown(content)))
    folded = heading.casefold()
    if q.text(node, "IsDecision").casefold() == "true":
        if meeting.kind == "minutes" and not is_placeholder(text):
            item.decision = without_absence_lines(text)
            item.absent += [n for n in absences_in(text) if n not in item.absent]
    elif "foreslår" in folded or "indstilling" in folded or "indstiller" in folded:
        item.recommendation_by, item.recommendation_clauses = recommendation(text, heading)


def _handlings(item: ParsedItem, handling: Element, meeting: ParsedMeeting, q: _Query) -> None:
    """This meeting's decision and the case's other treatments ('Sagens forløb')."""
    this_day = meeting.start.date() if meeting.start else None
    for node in handling.findall(q("HandlingPlan/Handling")):
        decision = html_text(node.findtext(q("Decision")) or "")
        decision = None if is_placeholder(decision) else without_absence_lines(decision)
        when = parse_datetime(q.text(node, "MeetingDate"))
        placement = q.text(node, "Placement").casefold()
        if placement == "this":
            if meeting.kind == "minutes" and decision and not item.decision:
                item.decision = decision
            continue
        earlier = when is not None and this_day is not None and when.date() < this_day
        if placement in _PREVIOUS or earlier:
            item.history.append(_history_entry(node, when, decision, q))


def _history_entry(node, when: dt.datetime | None, decision, q: _Query) -> ParsedHistoryEntry:
    return ParsedHistoryEntry(
        date=when.date() if when else None,
        body=q.text(node, "CommitteeName"),
        decision=decision,
        absent=absences_in(html_text(node.findtext(q("Decision")) or "")),
    )


def _attachments(item: ParsedItem, handling: Element, q: _Query, fetch, missing) -> None:
    nodes = handling.findall(q("Attachments/Attachment"))
    nodes.sort(key=lambda n: (_int(q.text(n, "ShowOrder")), _int(q.text(n, "AttachmentNumber"))))
    for node in nodes:
        title = q.text(node, "Title")
        link = q.text(node, "Link").replace("\\", "/").lstrip("/")
        data = fetch(link) if link else None
        if link and data is None:
            missing.append(link)
        item.attachments.append(title)
        item.attachment_files.append(
            ParsedAttachment(
                title=title,
                file_name=link or None,
                data=data,
                text=attachment_text(data),
                public=item.public and q.text(node, "AccessEnumName").casefold() == "public",
                export_id=q.text(node, "Identifier").lower() or None,
            )
        )
