"""What the public may find: the searchable document of one agenda item.

An item is indexed only when the public may read it: the item is open and alive and
its meeting is public. Decisions are public only with approved minutes (as on the
meeting page). Everything else is removed from the index."""

import html
from dataclasses import dataclass

from django.utils import timezone
from django.utils.html import strip_tags

from dagsorden.core.markdown import markdown_to_html
from dagsorden.meetings.models import AgendaItem
from dagsorden.meetings.visibility import public_minutes

# A tsvector may not exceed 1 MB; bilag texts beyond this are not searchable.
MAX_TEXT_CHARS = 200_000


@dataclass
class ItemDocument:
    item_id: int
    meeting_id: int
    organization_id: int
    municipality_id: int
    case_id: int | None
    start: object
    year: int
    item_type: str
    outcome: str
    journal_number: str
    title: str
    text: str


def item_is_public(item: AgendaItem) -> bool:
    return item.public and not item.deleted and item.meeting.is_public


def item_document(item: AgendaItem) -> ItemDocument | None:
    """The document to index for `item`, or None when the public may not see it."""
    if not item_is_public(item):
        return None
    meeting = item.meeting
    decision = _public_decision(item)
    case = item.case
    return ItemDocument(
        item_id=item.pk,
        meeting_id=meeting.pk,
        organization_id=meeting.organization_id,
        municipality_id=meeting.organization.municipality_id,
        case_id=case.pk if case else None,
        start=meeting.start,
        year=timezone.localtime(meeting.start).year,
        item_type=item.item_type,
        outcome=decision.outcome if decision else "",
        journal_number=case.journal_number if case else "",
        title=item.title,
        text=_body_text(item, decision)[:MAX_TEXT_CHARS],
    )


def _public_decision(item: AgendaItem):
    if not public_minutes(item.meeting):
        return None
    decision = getattr(item, "decision", None)
    return decision if decision is not None and not decision.deleted else None


def _body_text(item: AgendaItem, decision) -> str:
    parts = []
    if decision is not None:
        parts.append(decision.text)
        parts += [remark.text for remark in decision.remarks.all() if not remark.deleted]
    for section in item.sections.all():
        if not section.deleted:
            parts += [section.heading, _plain(section.body)]
    recommendation = getattr(item, "recommendation", None)
    if recommendation is not None and not recommendation.deleted:
        parts.append(recommendation.by)
        parts += [str(clause) for clause in recommendation.clauses]
    parts += [
        bilag.name + "\n\n" + bilag.text for bilag in item.files.all() if _bilag_public(bilag)
    ]
    # A blank line between parts (a heading, its text, a bilag) tells the snippet where
    # one ends; a single line break inside a bilag's text is only where a line wrapped.
    return "\n\n".join(part for part in parts if part)


def _bilag_public(bilag) -> bool:
    return bilag.public and not bilag.deleted


def _plain(markdown_text: str) -> str:
    """Section text without Markdown markup, so snippets read as prose."""
    return html.unescape(strip_tags(markdown_to_html(markdown_text))).strip()
