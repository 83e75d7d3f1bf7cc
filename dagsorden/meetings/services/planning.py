"""The meeting plan of a body: a year's series of meetings, one more meeting, a meeting
moved to another day, a meeting cancelled with its reason.

Members are told by e-mail when a meeting they were called to is moved or cancelled.
"""

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dagsorden.cases.models import Consultation
from dagsorden.core.audit import audit_record
from dagsorden.organisations.models import Location, Organization

from ..models import AgendaItem, Meeting
from ..numbering import agenda_item_next_number
from ..plan_notices import notify_meeting_cancelled, notify_meeting_moved
from ._common import ensure_state, lock_body, meeting_for_update
from .agenda import _agenda_slot, meeting_create, renumber_while_planned

MOVABLE = (Meeting.State.PLANNED, Meeting.State.AGENDA_PUBLISHED)


def _combine(day: dt.date, at: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, at))


def _ensure_future(start: dt.datetime, now: dt.datetime) -> None:
    if start <= now:
        raise ValidationError(
            _("Et nyt mødetidspunkt skal ligge i fremtiden (%(when)s er passeret).")
            % {"when": timezone.localtime(start).strftime("%d.%m.%Y %H:%M")},
            code="past",
        )


def _ensure_free(organization: Organization, start: dt.datetime, exclude: int | None = None):
    same_day = (
        Meeting.objects.alive()
        .filter(organization=organization, start__date=timezone.localdate(start))
        .exclude(state=Meeting.State.CANCELLED)
        .exclude(pk=exclude)
    )
    if same_day.exists():
        raise ValidationError(
            _("%(body)s har allerede et møde den %(day)s.")
            % {"body": organization, "day": timezone.localtime(start).strftime("%d.%m.%Y")},
            code="same_day",
        )


@transaction.atomic
def meeting_plan_series(
    *,
    organization: Organization,
    days: Sequence[dt.date],
    at: dt.time,
    location: Location | None = None,
    by=None,
    now: dt.datetime | None = None,
) -> list[Meeting]:
    """Plan the body's meetings on the given days at one time. Every day is checked
    before any meeting is created: a past day or a day the body already meets refuses
    the whole series, so a corrected series can simply be sent again."""
    now = now or timezone.now()
    if not days:
        raise ValidationError(_("Angiv mindst én mødedato."), code="no_days")
    starts = sorted({_combine(day, at) for day in days})
    problems = []
    for start in starts:
        try:
            _ensure_future(start, now)
            _ensure_free(organization, start)
        except ValidationError as error:
            problems += error.messages
    if problems:
        raise ValidationError(problems, code="series")
    meetings = [
        meeting_create(organization=organization, start=start, location=location, by=by)
        for start in starts
    ]
    audit_record(
        action="meeting_plan_series",
        obj=organization,
        by=by,
        summary=", ".join(timezone.localtime(m.start).strftime("%d.%m.%Y") for m in meetings),
    )
    return meetings


@transaction.atomic
def meeting_move(
    *,
    meeting: Meeting,
    start: dt.datetime,
    location: Location | None = None,
    reason: str = "",
    by=None,
    now: dt.datetime | None = None,
) -> Meeting:
    """Move a meeting that has not been held to another time (and place)."""
    meeting = meeting_for_update(meeting.pk)
    ensure_state(meeting, *MOVABLE)
    _ensure_future(start, now or timezone.now())
    _ensure_free(meeting.organization, start, exclude=meeting.pk)
    earlier = meeting.start
    meeting.start = start
    meeting.end = None  # a planned end belonged to the old day
    if location is not None:
        meeting.location = location
    meeting.full_clean()
    meeting.save()
    audit_record(
        action="meeting_move",
        obj=meeting,
        by=by,
        summary=reason,
        moved_from=earlier.isoformat(),
        moved_to=start.isoformat(),
    )
    transaction.on_commit(lambda: notify_meeting_moved(meeting, earlier=earlier, reason=reason))
    return meeting


def _next_meeting(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.alive()
        .filter(
            organization=meeting.organization_id,
            start__gt=meeting.start,
            state=Meeting.State.PLANNED,
        )
        .order_by("start")
        .first()
    )


def _item_transfer(item: AgendaItem, target: Meeting) -> None:
    """Move an item, with its text and bilag, onto another meeting's agenda."""
    item.meeting = target
    item.number = agenda_item_next_number(meeting=target)
    item.order = _agenda_slot(target, item.agenda_rank)
    item.save(update_fields=["meeting", "number", "order", "modified"])
    if item.consultation_id:
        Consultation.objects.filter(pk=item.consultation_id).update(
            planned_meeting=target, modified=timezone.now()
        )


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, reason: str, by=None) -> Meeting:
    """Cancel a meeting that has not been held. It stays in the plan as "Aflyst" with its
    reason; its cases move on to the body's next planned meeting with all their text,
    and a meeting whose agenda was never sent keeps none of its own standard items."""
    meeting = meeting_for_update(meeting.pk)
    ensure_state(meeting, *MOVABLE)
    if not reason.strip():
        raise ValidationError(
            _("Angiv en begrundelse for aflysningen; den vises på mødet."), code="no_reason"
        )
    cases = list(meeting.items.alive().filter(placement=AgendaItem.Placement.MAIN))
    target = _next_meeting(meeting) if cases else None
    if cases and target is None:
        raise ValidationError(
            _(
                "Mødet har %(count)s punkter, og %(body)s har intet senere planlagt møde at "
                "flytte dem til. Planlæg først et nyt møde."
            )
            % {"count": len(cases), "body": meeting.organization},
            code="no_next_meeting",
        )
    lock_body(meeting.organization_id)
    for item in cases:
        _item_transfer(item, target)
    if target is not None:
        renumber_while_planned(target)
    if meeting.state == Meeting.State.PLANNED:
        # Never public: its standard items go with it (soft-deleted, kept in history).
        meeting.items.alive().update(deleted=True, modified=timezone.now())
    Consultation.objects.filter(planned_meeting=meeting).update(
        planned_meeting=target, modified=timezone.now()
    )
    meeting.state = Meeting.State.CANCELLED
    meeting.cancelled_at = timezone.now()
    meeting.cancel_reason = reason.strip()
    meeting.save()
    audit_record(
        action="meeting_cancel",
        obj=meeting,
        by=by,
        summary=reason,
        moved_items=[item.pk for item in cases],
        to_meeting=target.pk if target else None,
    )
    transaction.on_commit(lambda: notify_meeting_cancelled(meeting, moved_to=target))
    return meeting
