"""A case's text travels with it from body to body.

When a case reaches the next body, its item there is drafted from the item the previous
body treated: the same sections, the indstilling worded for the new body (the body that
recommended now recommends, to the bodies still ahead), and the same bilag files. The
earlier decisions show as "Sagens forløb", which is derived, never copied.
"""

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from dagsorden.cases.models import Consultation, File
from dagsorden.core.audit import audit_record
from dagsorden.organisations.item_template import template_headings

from ..models import AgendaItem, Decision, Meeting

logger = logging.getLogger(__name__)


@dataclass
class ItemDraft:
    """The starting text of a case's item at a body."""

    sections: list[tuple[str, str]]
    recommendation_by: str = ""
    recommendation_to: str = ""
    recommendation_clauses: list[str] = field(default_factory=list)
    item_type: str = ""
    public: bool = True
    public_title: str = ""
    source: AgendaItem | None = None

    def item_fields(self) -> dict:
        return {
            "sections": self.sections,
            "recommendation_by": self.recommendation_by,
            "recommendation_to": self.recommendation_to,
            "recommendation_clauses": self.recommendation_clauses,
            "item_type": self.item_type,
            "public": self.public,
            "public_title": self.public_title,
        }


def previous_item(consultation: Consultation) -> AgendaItem | None:
    """The item on which the previous body on the route decided the case."""
    return (
        AgendaItem.objects.alive()
        .filter(
            consultation__case=consultation.case_id,
            consultation__order__lt=consultation.order,
            decision__isnull=False,
        )
        .exclude(decision__outcome=Decision.Outcome.POSTPONED)
        .select_related("meeting__organization", "consultation", "recommendation")
        .order_by("-consultation__order", "-meeting__start")
        .first()
    )


def earliest_meeting_start(consultation: Consultation) -> dt.datetime | None:
    """A case can only come to a body after the previous body has decided on it."""
    source = previous_item(consultation)
    if source is None:
        return None
    return source.meeting.end or source.meeting.start


def _addressees(consultation: Consultation) -> str:
    ahead = (
        consultation.case.consultations.alive()
        .filter(order__gte=consultation.order)
        .exclude(role=Consultation.Role.INFORMED)
        .select_related("organization")
        .order_by("order")
    )
    names = [step.organization.name for step in ahead]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " og " + names[-1]


def item_draft_for(consultation: Consultation) -> ItemDraft:
    """The text a case's new item at this body starts from."""
    source = previous_item(consultation)
    if source is None:
        return ItemDraft(sections=[(h, "") for h in template_headings(consultation.organization)])
    recommendation = getattr(source, "recommendation", None)
    recommended = source.consultation.role == Consultation.Role.RECOMMENDS
    return ItemDraft(
        sections=[(s.heading, s.body) for s in source.sections.order_by("order")],
        recommendation_by=(
            source.meeting.organization.name
            if recommended
            else (recommendation.by if recommendation else "")
        ),
        recommendation_to=_addressees(consultation),
        recommendation_clauses=list(recommendation.clauses) if recommendation else [],
        item_type=source.item_type,
        public=source.public,
        public_title=source.public_title,
        source=source,
    )


def bilag_share(*, source: AgendaItem, target: AgendaItem) -> int:
    """Put the source item's bilag on the target item: the same stored files (same
    SHA-512, one file on disk), listed on the new item in the same order."""
    shared = 0
    for bilag in source.files.alive().order_by("order", "id"):
        File.objects.create(
            municipality_id=bilag.municipality_id,
            case_id=bilag.case_id,
            agenda_item=target,
            name=bilag.name,
            file=bilag.file.name,
            file_name=bilag.file_name,
            mime_type=bilag.mime_type,
            size=bilag.size,
            sha512=bilag.sha512,
            text=bilag.text,
            public=bilag.public,
            order=bilag.order,
        )
        shared += 1
    return shared


def first_meeting_after(consultation: Consultation, after: dt.datetime) -> Meeting | None:
    return (
        Meeting.objects.alive()
        .filter(
            organization=consultation.organization_id,
            state=Meeting.State.PLANNED,
            start__gt=max(after, timezone.now()),
        )
        .order_by("start")
        .first()
    )


@transaction.atomic
def case_carry_forward(*, consultation: Consultation, after: Meeting, by=None):
    """Draft the case's item on the next body's first planned meeting after `after`.

    Without such a meeting the case waits, ready, in the body's "kommende sager"."""
    from .agenda import case_schedule  # agenda imports this module

    target = first_meeting_after(consultation, after.end or after.start)
    if target is None:
        return None
    try:
        with transaction.atomic():  # a draft that cannot be made never blocks the minutes
            item = case_schedule(consultation=consultation, meeting=target, by=by)
    except ValidationError:
        logger.exception("Could not draft %s on meeting %s", consultation, target.pk)
        return None
    audit_record(
        action="case_carry_forward", obj=item, by=by, summary=str(consultation.organization)
    )
    return item
