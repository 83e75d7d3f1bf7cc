"""SBSYS eDagsorden publication: a ZIP with `PublicationNNN/PublicationNNN.xml` and
`PublicationNNN/Enclosures/N.pdf`.

From the root `<Publication>`: `PublicationTypeAsEnum` ('Draft'/'Final' = agenda,
'Minutes' = minutes), `Agendas/Agenda/Committee/Name` (body), `Agendas/Agenda/Meeting`
(`When`, `Where`, `Members/MeetingMember`), `Agendas/Agenda/Items/Item` with `Number`,
`Caption` (title), `IsPublic`, `Case/Number`, `Fields/ItemField` (`Caption` → section
heading, `Content` HTML → Markdown, `HasContent`, `IsFeedback`) and
`Enclosures/Enclosure` (bilag: `Name`, `Index`, `InstantiationFilePathRelative`).

A closed item has `IsPublic` False. Fields without content are not sections. History
comes from the field 'PUNKTET BEHANDLET TIDLIGERE' ('Forretningsudvalget den 18.
september 2012, sag nr. 10') with the decision printed for that date in the body's
feedback field ('18. september 2012: Sagen udsat …').
"""

from __future__ import annotations

import re
from collections import Counter
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
from .archive import SafeZip
from .bilag import attachment_text
from .common import (
    ExportError,
    absences_in,
    fold_spaces,
    html_text,
    html_to_markdown,
    is_placeholder,
    parse_date,
    parse_datetime,
    recommendation,
    without_absence_lines,
)
from .xmlsafe import parse_xml

SYSTEM = "sbsys"
_PUBLICATION_NAME = re.compile(r"(?:^|/)publication\d*\.xml$", re.I)
_KINDS = {"draft": "agenda", "final": "agenda", "agenda": "agenda", "dagsorden": "agenda",
          "minutes": "minutes", "referat": "minutes", "protocol": "minutes"}  # fmt: skip
_ABSENT_STATUS = re.compile(r"not(?:participating|attending)|absent|cancel|afbud", re.I)
_DATED = re.compile(r"^(?P<date>[^:]{4,40}?\d{4})\s*:\s*(?P<text>.*)$")
_PLACE_NAME = re.compile(
    r"\b(Region (?:Hovedstaden|Sjælland|Syddanmark|Midtjylland|Nordjylland)|"
    r"[A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)? Kommune)\b"
)


def looks_like(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") and b"<Publication" in head and b"<Agendas" in data[:400_000]


def publication_xml(archive: SafeZip) -> str | None:
    """The publication's XML inside the ZIP; raises when the ZIP is a publication without it."""
    named = [n for n in archive.names if _PUBLICATION_NAME.search(n)]
    if named:
        return named[0]
    if any("/enclosures/" in f"/{n.casefold()}" for n in archive.names):
        raise ExportError("the SBSYS publication ZIP has Enclosures/ but no Publication XML")
    return None


def read_zip(archive: SafeZip, name: str, *, source: str = "") -> ParsedMeeting:
    base = name.rpartition("/")[0]

    def fetch(relative: str) -> bytes | None:
        found = archive.find(f"{base}/{relative}" if base else relative)
        return archive.read(found) if found else None

    return read_xml(archive.read(name), source=source, fetch=fetch)


def read_xml(
    data: bytes, *, source: str = "", fetch: Callable[[str], bytes | None] | None = None
) -> ParsedMeeting:
    root = parse_xml(data, what="SBSYS publication XML")
    agenda = root.find("Agendas/Agenda")
    if root.tag != "Publication" or agenda is None:
        raise ExportError("unknown SBSYS publication schema: no Publication/Agendas/Agenda")
    meeting = _meeting(root, agenda)
    if len(root.findall("Agendas/Agenda")) > 1:
        meeting.warn("the publication holds several agendas; only the first is read")
    body = (meeting.body or "").casefold()
    items = agenda.findall("Items/Item")
    meeting.items = [_item(node, meeting, body) for node in items]
    _attach_files(meeting, items, fetch or (lambda _name: None))
    meeting.municipality = _municipality(agenda)
    if not meeting.items:
        meeting.warn("the SBSYS publication has no agenda items")
    return meeting


def _text(node: Element | None, path: str) -> str:
    return fold_spaces(node.findtext(path) if node is not None else "")


def _meeting(root: Element, agenda: Element) -> ParsedMeeting:
    publication_type = _text(root, "PublicationTypeAsEnum")
    kind = _KINDS.get(publication_type.casefold())
    meeting = ParsedMeeting(
        kind=kind or "agenda",
        body=_text(agenda, "Committee/Name") or None,
        start=parse_datetime(_text(agenda, "Meeting/When")),
        location=_text(agenda, "Meeting/Where") or None,
        layout=SYSTEM,
        export_system=SYSTEM,
        export_id=agenda.get("ID") or None,
    )
    if kind is None:
        meeting.warn(f"unknown publication type {publication_type!r}; read as an agenda")
    if meeting.start is None:
        meeting.warn(f"the meeting time {_text(agenda, 'Meeting/When')!r} cannot be read")
    meeting.participants = [
        _participant(member) for member in agenda.findall("Meeting/Members/MeetingMember")
    ]
    return meeting


def _participant(member: Element) -> ParsedParticipant:
    status = _text(member, "ParticipationStatusAsText")
    note = _text(member, "ParticipationNote") or None
    if _ABSENT_STATUS.search(status):
        note = f"Afbud ({note})" if note else "Afbud"
    return ParsedParticipant(name=_text(member, "Name"), note=note)


# --- items ----------------------------------------------------------------------------------


def _item(node: Element, meeting: ParsedMeeting, body: str) -> ParsedItem:
    item = ParsedItem(
        number=_text(node, "Number"),
        title=_text(node, "Caption"),
        public=_text(node, "IsPublic").casefold() != "false",
        case_number=_text(node, "Case/Number") or None,
        export_id=node.get("ID"),
    )
    fields = sorted(node.findall("Fields/ItemField"), key=lambda f: _int(_text(f, "Index")))
    previous: list[ParsedHistoryEntry] = []
    for field in fields:
        heading, content = _text(field, "Caption"), field.findtext("Content") or ""
        if not _has_content(field, content):
            continue
        text = html_text(content) if _is_html(field) else fold_spaces(content)
        item.sections.append(ParsedSection(heading=heading, body=_markdown(field, content)))
        folded = heading.casefold()
        if "tidligere" in folded and "behandl" in folded:
            previous = _previous_treatments(content)
        elif "indstilling" in folded or "foreslår" in folded:
            item.recommendation_by, item.recommendation_clauses = recommendation(text, heading)
        if _text(field, "IsFeedback").casefold() == "true" and folded.startswith(body):
            _feedback(item, text, previous, meeting)
    item.history = previous
    if meeting.kind == "minutes":  # members who did not take part in this item
        for member in node.findall("Members/ItemMember"):
            name = _text(member, "Name")
            if _ABSENT_STATUS.search(_text(member, "ParticipationStatusAsText")) and name:
                item.absent += [name] if name not in item.absent else []
    return item


def _int(text: str) -> int:
    return int(text) if text.isdigit() else 0


def _is_html(field: Element) -> bool:
    return _text(field, "FieldTypeAsEnum").casefold() != "multiline"


def _has_content(field: Element, content: str) -> bool:
    flag = _text(field, "HasContent").casefold()
    if flag in ("true", "false"):
        return flag == "true"
    return bool(html_text(content))  # an older schema without the flag


def _markdown(field: Element, content: str) -> str:
    return html_to_markdown(content) if _is_html(field) else content.strip()


def _previous_treatments(content: str) -> list[ParsedHistoryEntry]:
    """'Forretningsudvalget den 18. september 2012, sag nr. 10', one per line."""
    entries = []
    for line in html_text(content).split("\n"):
        day = parse_date(line)
        if day is None:
            continue
        body = re.split(r"\s+(?:den|d\.)\s+|\s*,\s*|\s+\d", line, maxsplit=1)[0]
        entries.append(ParsedHistoryEntry(date=day, body=fold_spaces(body)))
    return entries


def _feedback(item, text: str, previous: list[ParsedHistoryEntry], meeting) -> None:
    """The body's decision field: dated paragraphs belong to that date's treatment."""
    this_day = meeting.start.date() if meeting.start else None
    blocks: list[tuple[object, list[str]]] = []
    for line in text.split("\n"):
        match = _DATED.match(line)
        day = parse_date(match.group("date")) if match else None
        if day is not None:
            blocks.append((day, [match.group("text")]))
        elif blocks:
            blocks[-1][1].append(line)
        else:
            blocks.append((this_day, [line]))
    for day, lines in blocks:
        block = "\n".join(lines).strip()
        decision = without_absence_lines(block)
        decision = None if is_placeholder(decision) else decision
        entry = next((e for e in previous if e.date == day), None)
        if entry is not None and day != this_day:
            entry.decision, entry.absent = decision, absences_in(block)
        elif day == this_day and meeting.kind == "minutes":
            item.decision, item.absent = decision, absences_in(block)


def _attach_files(meeting: ParsedMeeting, nodes: list[Element], fetch) -> None:
    missing = []
    for item, node in zip(meeting.items, nodes, strict=True):
        enclosures = sorted(
            node.findall("Enclosures/Enclosure"), key=lambda e: _int(_text(e, "Index"))
        )
        for enclosure in enclosures:
            title = _text(enclosure, "Name")
            relative = _text(enclosure, "InstantiationFilePathRelative").replace("\\", "/")
            data = fetch(relative) if relative else None
            if data is None:
                missing.append(relative or title)
            item.attachments.append(title)
            item.attachment_files.append(
                ParsedAttachment(
                    title=title,
                    url=_text(enclosure, "DownloadUrl") or None,
                    file_name=relative or None,
                    data=data,
                    text=attachment_text(data),
                    # a bilag titled 'Ikke offentliggjort …' is kept from the public
                    public=item.public and not title.casefold().startswith("ikke offentlig"),
                    export_id=enclosure.get("ID"),
                )
            )
    if missing:
        shown = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
        meeting.warn(f"{len(missing)} enclosure file(s) missing from the export: {shown}")


def _municipality(agenda: Element) -> str | None:
    """The region or municipality the texts name most often (the XML has no field for it)."""
    counts: Counter[str] = Counter()
    for content in agenda.iterfind("Items/Item/Fields/ItemField/Content"):
        counts.update(_PLACE_NAME.findall(html_text(content.text or "")))
    return counts.most_common(1)[0][0] if counts else None
