"""Render model from a document the importer has read (no database involved).

In the layout detected for the document the sections keep their own headings, order
and wording: that is what makes `render SEED.txt --format txt` a faithful round trip.
With another style the blocks are re-ordered and the structured ones re-labelled.
"""

from __future__ import annotations

import re

from dagsorden.importer import vocabulary
from dagsorden.importer.parsed import ParsedItem, ParsedMeeting

from . import model
from .model import Block, Document, Item
from .styles import style_for_layout
from .styles.base import (
    ATTACHMENTS,
    CASE_TYPE,
    COMPETENCE,
    COMPETENCE_HEADINGS,
    DECISION,
    HISTORY,
    RECOMMENDATION,
    TEXT,
    DocumentStyle,
)

_ROLES = {
    vocabulary.DECISION: DECISION,
    vocabulary.RECOMMENDATION: RECOMMENDATION,
    vocabulary.HISTORY: HISTORY,
    vocabulary.ATTACHMENTS: ATTACHMENTS,
    vocabulary.CASE_TYPE: CASE_TYPE,
}


def document_from_parsed(
    parsed: ParsedMeeting, *, variant: str = model.PUBLIC, style: DocumentStyle | None = None
) -> Document:
    own_style = style_for_layout(parsed.layout)
    style = style or own_style
    faithful = style.name == own_style.name
    document = Document(
        style=style,
        kind=parsed.kind or model.AGENDA,
        variant=variant,
        body=parsed.body or "",
        municipality=parsed.municipality or "",
        date_text=model.date_short(parsed.start),
        header=_header(parsed, style),
    )
    document.items = [
        _item(parsed_item, position, style, variant, faithful)
        for position, parsed_item in enumerate(parsed.items, start=1)
    ]
    return model.finish(document)


def _header(parsed: ParsedMeeting, style: DocumentStyle) -> list[tuple[str, str]]:
    values = {
        "Mødedato": model.datetime_long(parsed.start) if parsed.start else "",
        "Mødested": parsed.location or "",
        "Mødedeltagere": ", ".join(_participant(p, style) for p in parsed.participants),
    }
    return [(label, values.get(label, "")) for label in style.header_fields if values.get(label)]


def _participant(participant, style: DocumentStyle) -> str:
    extra = participant.note or (participant.party if style.participants_with_party else None)
    return f"{participant.name} ({extra})" if extra else participant.name


def _item(
    parsed: ParsedItem, position: int, style: DocumentStyle, variant: str, faithful: bool
) -> Item:
    number = str(position) if style.numbering == "per_meeting" and not faithful else parsed.number
    title = model.display_title(style, _bare_title(parsed), parsed.type)
    item = Item(
        anchor=f"punkt-{position}",
        number=number,
        title=title,
        type=parsed.type,
        journal_number=parsed.case_number or "",
        public=parsed.public,
    )
    if not parsed.public and variant == model.PUBLIC:
        item.withheld = True
        item.title = _closed_title()
        item.journal_number = ""
        return item
    blocks = [_block(section.heading, section.body, style, faithful) for section in parsed.sections]
    item.blocks = blocks if faithful else model.arrange(blocks, style)
    return item


def _bare_title(parsed: ParsedItem) -> str:
    """The title without the type notation the source printed, so the style adds its own."""
    title = parsed.title
    if vocabulary.TITLE_TYPE_PREFIX.match(title):
        title = title.split(":", 1)[1].strip()
    elif parsed.type and vocabulary.TITLE_TYPE_SUFFIX.search(title):
        title = vocabulary.TITLE_TYPE_SUFFIX.sub("", title).rstrip()
    return title if parsed.type else parsed.title


def _block(heading: str, body: str, style: DocumentStyle, faithful: bool) -> Block:
    role = _role(heading)
    if not faithful and role != TEXT:
        heading = _restyled_heading(heading, role, style)
    if re.fullmatch(r"[-–*+]", body.strip()):
        body = "\\" + body.strip()  # a lone dash means 'nothing'; Markdown would drop it
    return Block(role=role, heading=heading, body=body)


def _role(heading: str) -> str:
    key = heading.casefold().strip().rstrip(":").strip()
    if key in COMPETENCE_HEADINGS:
        return COMPETENCE
    role = vocabulary.section_role(key)
    if role is None and vocabulary.DECISION_HEADING.match(heading.strip()):
        return DECISION
    return _ROLES.get(role, TEXT)


def _restyled_heading(heading: str, role: str, style: DocumentStyle) -> str:
    if role == DECISION and style.decision_heading_dated:
        return heading  # the source's own 'Beslutning <body> den <date>' already says it
    return re.sub(r"\s+", " ", style.heading(role))


def _closed_title() -> str:
    from dagsorden.meetings.models import AgendaItem

    return str(AgendaItem.CLOSED_TITLE)
