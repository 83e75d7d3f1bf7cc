"""Render model from a meeting in the database, read through the meeting selectors."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dagsorden.cases.models import Consultation
from dagsorden.meetings.models import AgendaItem, Attendance, Meeting
from dagsorden.meetings.recommendation import recommendation_intro
from dagsorden.meetings.selectors import (
    item_history,
    meeting_absences,
    meeting_attendees,
    meeting_items,
)
from dagsorden.meetings.visibility import meeting_contents
from dagsorden.meetings.wording import absence_phrase, decision_phrase_of

from . import model
from .model import Attachment, Block, Document, Item, SignatureSheet, Signer
from .styles import style_for_organization
from .styles.base import (
    ATTACHMENTS,
    CASE_TYPE,
    COMPETENCE,
    COMPETENCE_HEADINGS,
    DECISION,
    HISTORY,
    HISTORY_LIST,
    NUMBER_PER_MEETING,
    RECOMMENDATION,
    TEXT,
    DocumentStyle,
)


def _kind(meeting: Meeting, variant: str, *, draft: bool = False) -> str:
    """Agenda or minutes, by the one rule of what each reader may see: the public variant
    prints "Referat" and decisions only from approved minutes."""
    contents = meeting_contents(meeting, variant=variant, draft=draft)
    return model.MINUTES if contents.minutes else model.AGENDA


@dataclass
class _Context:
    """What every item of one document needs, read once."""

    document: Document
    meeting_absent: list[str]
    may_read_closed: object = None  # ReaderCheck, or None: no closed history shown


def _meeting_absent(meeting: Meeting) -> list[str]:
    rows = meeting.attendances.exclude(status=Attendance.Status.PRESENT).select_related("person")
    return [row.person.name for row in rows]


def document_from_meeting(
    meeting: Meeting,
    *,
    variant: str = model.PUBLIC,
    style: DocumentStyle | None = None,
    draft: bool = False,
    may_read_closed=None,
) -> Document:
    """The meeting as a document for one kind of reader (see meetings/visibility.py).

    `draft`: the secretariat's preview ("UDKAST") of the document as it will read once
    final. `may_read_closed(item)`: whether this reader may see an earlier closed
    treatment in "Sagens forløb"; the members' variant defaults to the document's own
    body, the public variant never does."""
    style = style or style_for_organization(meeting.organization)
    kind = _kind(meeting, variant, draft=draft)
    start = timezone.localtime(meeting.start)
    document = Document(
        style=style,
        kind=kind,
        variant=variant,
        body=meeting.organization.name,
        municipality=meeting.organization.municipality.name,
        date_text=model.date_short(start),
        draft=draft,
    )
    attendees = meeting_attendees(meeting)
    document.header = _header(meeting, style, kind, attendees)
    if may_read_closed is None and variant == model.MEMBERS:
        may_read_closed = same_body_only(meeting)
    context = _Context(document, _meeting_absent(meeting), may_read_closed)
    items = list(meeting_items(meeting))
    document.items = [
        _item(item, position, context) for position, item in enumerate(items, start=1)
    ]
    if style.signature_sheet:
        document.signature = _signature(meeting, style, attendees, minutes=kind == model.MINUTES)
    return model.finish(document)


def document_for_item(item: AgendaItem, *, position: int, variant: str = model.MEMBERS):
    """A document with just this item, printed as it would be at `position` on its
    meeting's agenda. The item may carry unsaved text (the editor's print preview): its
    sections and recommendation are read from the instance, never saved."""
    meeting = item.meeting
    style = style_for_organization(meeting.organization)
    kind = _kind(meeting, variant)
    document = Document(
        style=style,
        kind=kind,
        variant=variant,
        body=meeting.organization.name,
        municipality=meeting.organization.municipality.name,
        date_text=model.date_short(timezone.localtime(meeting.start)),
    )
    readers = same_body_only(meeting) if variant == model.MEMBERS else None
    document.items = [_item(item, position, _Context(document, _meeting_absent(meeting), readers))]
    return model.finish(document)


def same_body_only(meeting: Meeting):
    """Readers of a members' document are the members of its body: of earlier closed
    treatments they may see their own body's, never another body's."""
    return lambda earlier: earlier.meeting.organization_id == meeting.organization_id


def _header(meeting: Meeting, style: DocumentStyle, kind: str, attendees) -> list:
    start = timezone.localtime(meeting.start)
    when = model.datetime_long(start)
    if meeting.end:
        when += f"–{timezone.localtime(meeting.end):%H:%M}"
    names = [p.name_with_party() if style.participants_with_party else p.name for p in attendees]
    values = {
        "Mødedato": when,
        "Mødested": str(meeting.location or ""),
        "Mødedeltagere": ", ".join(names),
    }
    header = [(label, values[label]) for label in style.header_fields if values.get(label)]
    absences = meeting_absences(meeting) if kind == model.MINUTES else []
    if absences:
        header.append((_("Afbud og fravær"), "; ".join(_absence_line(a) for a in absences)))
    if meeting.state == Meeting.State.CANCELLED:
        header.append((_("Status"), _("Mødet er aflyst")))
    return header


def _absence_line(absence) -> str:
    return absence_phrase(
        name=absence.name,
        status=absence.status,
        reason=absence.reason,
        substitute=absence.substitute,
    )


def _item(item: AgendaItem, position: int, context: _Context) -> Item:
    document = context.document
    style = document.style
    number = position if style.numbering == NUMBER_PER_MEETING else item.number or position
    case = item.case
    rendered = Item(
        anchor=f"punkt-{position}",
        number=str(number),
        title=model.display_title(style, item.title, item.item_type or None),
        type=item.item_type or None,
        journal_number=case.journal_number if case else "",
        public=item.public,
    )
    if not item.public and document.variant == model.PUBLIC:
        rendered.withheld = True
        rendered.title = item.title_for(can_see_closed=False)
        rendered.journal_number = ""
        return rendered
    blocks = [_section_block(section, style) for section in item.sections.all()]
    if COMPETENCE not in style.order:
        # Templates without a competence heading name the deciding body elsewhere
        # (e.g. under 'Sagsgang og sagstype'); printing it twice would be noise.
        blocks = [block for block in blocks if block.role != COMPETENCE]
    blocks += _structured_blocks(item, context, has_competence=_has(blocks, COMPETENCE))
    rendered.blocks = model.arrange(blocks, style)
    return rendered


def _section_block(section, style: DocumentStyle) -> Block:
    """A template section; the one naming the deciding body is printed the style's way."""
    if section.heading.casefold().rstrip(": ") in COMPETENCE_HEADINGS:
        return Block(COMPETENCE, style.heading(COMPETENCE), section.body)
    return Block(TEXT, section.heading, section.body)


def _has(blocks: list[Block], role: str) -> bool:
    return any(block.role == role for block in blocks)


# Every style prints these when the item has them; competence and case type only when
# the style's template has a heading for them.
ALWAYS_SHOWN = (RECOMMENDATION, HISTORY, ATTACHMENTS)


def _structured_blocks(item: AgendaItem, context: _Context, *, has_competence: bool) -> list[Block]:
    document = context.document
    makers = {
        RECOMMENDATION: _recommendation,
        COMPETENCE: None if has_competence else _competence,
        CASE_TYPE: _case_type,
        HISTORY: lambda item, _document: _history(item, context),
        ATTACHMENTS: _attachments,
    }
    wanted = [
        make
        for role, make in makers.items()
        if make and (role in ALWAYS_SHOWN or role in document.style.order)
    ]
    blocks = [make(item, document) for make in wanted]
    if document.kind == model.MINUTES:
        blocks.append(_decision(item, context))
    return [block for block in blocks if block]


def _recommendation(item: AgendaItem, document: Document) -> Block | None:
    recommendation = getattr(item, "recommendation", None)
    if recommendation is None or recommendation.deleted:
        return None
    style = document.style
    intro = recommendation_intro(
        style.recommendation_intro, by=recommendation.by, to=recommendation.to
    )
    clauses = [f"{style.clause_prefix}{clause}" for clause in recommendation.clauses]
    if style.recommendation_numbered:
        lines = [f"{n}. {clause}" for n, clause in enumerate(clauses, start=1)]
    else:
        lines = [f"- {clause}" for clause in clauses] if len(clauses) > 1 else clauses
    if len(lines) == 1 and not style.recommendation_numbered:
        body = f"{intro} {lines[0]}"
    else:
        body = intro + "\n\n" + "\n".join(lines)
    return Block(RECOMMENDATION, style.heading(RECOMMENDATION), body)


def _deciding_body(item: AgendaItem) -> str:
    case = item.case
    if case is None:
        return item.meeting.organization.name
    deciding = case.consultations.alive().filter(role=Consultation.Role.DECIDES).first()
    return deciding.organization.name if deciding else item.meeting.organization.name


def _competence(item: AgendaItem, document: Document) -> Block | None:
    if item.is_standard:
        return None
    return Block(COMPETENCE, document.style.heading(COMPETENCE), _deciding_body(item))


def _case_type(item: AgendaItem, document: Document) -> Block | None:
    if item.is_standard:
        return None
    body = _deciding_body(item)
    if item.item_type:
        body += f"\n\n{model.CASE_TYPE_NAMES[item.item_type]}"
    return Block(CASE_TYPE, document.style.heading(CASE_TYPE), body)


def _history(item: AgendaItem, context: _Context) -> Block | None:
    document = context.document
    entries = item_history(item, may_read_closed=context.may_read_closed)
    if not entries:
        return None
    style = document.style
    parts = []
    for entry in entries:
        decision = entry.decision
        if entry.withheld:
            decision = _("Behandlet som lukket punkt.")
        if style.history_format == HISTORY_LIST:
            parts.append(f"- {entry.body} den {model.date_long(entry.date)}: {decision}")
            continue
        parts.append(f"**{entry.date:%d/%m/%Y} {entry.body}**\n\n{decision}")
        if entry.absent:
            parts.append(f"{style.absence_label}: {', '.join(entry.absent)}")
    separator = "\n" if style.history_format == HISTORY_LIST else "\n\n"
    return Block(HISTORY, style.heading(HISTORY), separator.join(parts))


def _attachments(item: AgendaItem, document: Document) -> Block | None:
    files = [f for f in item.files.all() if f.public or document.variant == model.MEMBERS]
    if not files:
        return None
    attachments = [_attachment(f, document) for f in files]
    return Block(ATTACHMENTS, document.style.heading(ATTACHMENTS), "", attachments)


def _attachment(file, document: Document) -> Attachment:
    is_pdf = file.mime_type == "application/pdf" or file.file_name.lower().endswith(".pdf")
    path = ""
    if file.file:
        try:
            path = file.file.path
        except (NotImplementedError, ValueError):
            path = ""  # remote storage: the combined PDF leaves it out
    url = ""
    if file.public and document.variant == model.PUBLIC:
        url = _file_url(file)
    return Attachment(file.name, url, path, file.sha512, is_pdf)


def _file_url(file) -> str:
    try:
        return reverse("portal:file_download", args=[file.pk, file.file_name or "bilag.pdf"])
    except NoReverseMatch:
        return ""


def _decision(item: AgendaItem, context: _Context) -> Block | None:
    document = context.document
    decision = getattr(item, "decision", None)
    if decision is None or decision.deleted:
        return None
    style = document.style
    parts = [decision_phrase_of(decision)]
    parts.extend(_votes(item))
    parts.extend(
        f"*{remark.get_kind_display()}:* {remark.text}" for remark in decision.remarks.all()
    )
    absent = context.meeting_absent + _left_or_conflicted(item)
    if absent:
        parts.append(f"{style.absence_label}: {', '.join(absent)}")
    return Block(DECISION, _decision_heading(document), "\n\n".join(parts))


def _decision_heading(document: Document) -> str:
    heading = document.style.heading(DECISION)
    if document.style.decision_heading_dated:
        return f"{heading}er {document.body} den {document.date_text}"
    return heading


def _votes(item: AgendaItem) -> list[str]:
    votes = list(item.votes.all())
    if not votes:
        return []
    lines = []
    for choice, label in ((c, c.label) for c in type(votes[0]).Choice):
        names = [_voter(v) for v in votes if v.choice == choice]
        if names:
            lines.append(f"- {label} ({len(names)}): {', '.join(names)}")
    return [_("Afstemning:") + "\n\n" + "\n".join(lines)]


def _voter(vote) -> str:
    return f"{vote.person.name} ({vote.party.letter})" if vote.party else vote.person.name


def _left_or_conflicted(item: AgendaItem) -> list[str]:
    return [
        f"{e.person.name} ({e.get_kind_display().lower()})"
        for e in item.attendance_exceptions.all()
    ]


def _signature(
    meeting: Meeting, style: DocumentStyle, attendees, *, minutes: bool
) -> SignatureSheet:
    # Who has signed so far belongs to the minutes, not to an agenda.
    approvals = list(meeting.approvals.alive().select_related("person")) if minutes else []
    if approvals:
        signers = [
            Signer(a.person.name, f"{timezone.localtime(a.approved_at):%d-%m-%Y kl. %H:%M}")
            for a in sorted(approvals, key=lambda a: a.approved_at)
        ]
        return SignatureSheet(style.signature_heading, signers, digital=True)
    return SignatureSheet(style.signature_heading, [Signer(p.name) for p in attendees])
