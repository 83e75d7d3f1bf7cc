"""The minutes: members sign the underskriftsark; approval publishes and moves cases on."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dagsorden.cases.models import Consultation
from dagsorden.cases.services import case_advance
from dagsorden.core.audit import audit_record
from dagsorden.organisations.models import Person

from ..models import (
    Approval,
    Meeting,
)
from ._common import ensure_state, meeting_for_update, present_voters, publication_follow_up
from .carry import case_carry_forward


@transaction.atomic
def approval_record(
    *, meeting: Meeting, person: Person, by=None, at: dt.datetime | None = None
) -> Approval:
    """A member signs the minutes. When every present member has signed, the minutes are
    approved and published."""
    meeting = meeting_for_update(meeting.pk)
    ensure_state(meeting, Meeting.State.HELD)
    present = present_voters(meeting)
    if person.pk not in present:
        raise ValidationError(
            _("%(person)s deltog ikke i mødet og kan ikke godkende referatet.")
            % {"person": person},
            code="not_present",
        )
    approval, _created = Approval.objects.get_or_create(
        meeting=meeting, person=person, defaults={"approved_at": at or timezone.now()}
    )
    audit_record(action="approval_record", obj=meeting, by=by, summary=str(person))
    signed = set(meeting.approvals.values_list("person_id", flat=True))
    if present <= signed:
        meeting_approve_minutes(meeting=meeting, by=by, at=at)
    return approval


@transaction.atomic
def meeting_approve_minutes(*, meeting: Meeting, by=None, at: dt.datetime | None = None) -> Meeting:
    """Approve and publish the minutes, then send every decided case on along its route."""
    meeting = meeting_for_update(meeting.pk)
    ensure_state(meeting, Meeting.State.HELD)
    meeting.state = Meeting.State.MINUTES_APPROVED
    meeting.minutes_published_at = at or timezone.now()
    meeting.save()
    decided = (
        meeting.items.alive()
        .filter(consultation__status=Consultation.Status.DONE)
        .select_related("consultation__case")
    )
    for item in decided:
        case = item.consultation.case
        if case.current_consultation() is not None:
            advanced = case_advance(case=case, by=by)
            if at is None:  # recorded after the fact (import, demo): nothing is drafted
                case_carry_forward(consultation=advanced, after=meeting, by=by)
    audit_record(action="meeting_approve_minutes", obj=meeting, by=by)
    if at is None:  # an approval recorded after the fact (import, demo) tells nobody
        publication_follow_up(meeting=meeting, notice="minutes_approved", by=by)
    return meeting
