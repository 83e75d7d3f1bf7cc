"""Checks shared by the meeting services."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from dagsorden.organisations.models import Membership, Organization, Person

from ..models import Attendance, Meeting


def ensure_editable(meeting: Meeting) -> None:
    if meeting.minutes_locked:
        raise ValidationError(
            _("Referatet for %(meeting)s er godkendt og kan ikke ændres.") % {"meeting": meeting},
            code="minutes_locked",
        )
    if meeting.state == Meeting.State.CANCELLED:
        raise ValidationError(
            _("Mødet %(meeting)s er aflyst.") % {"meeting": meeting}, code="cancelled"
        )


def ensure_state(meeting: Meeting, *states: str) -> None:
    if meeting.state not in states:
        raise ValidationError(
            _("Det kan ikke lade sig gøre, når mødet har status »%(state)s«.")
            % {"state": meeting.get_state_display()},
            code="wrong_state",
        )


def meeting_for_update(meeting_id: int) -> Meeting:
    """The meeting as it is in the database now, locked until the transaction ends.

    Services check state on this fresh copy, never on an instance the caller may have
    held since before another change."""
    return Meeting.objects.select_for_update().select_related("organization").get(pk=meeting_id)


def lock_body(organization_id: int) -> None:
    # Serialises numbering within a body (PostgreSQL row lock; SQLite transactions are
    # already exclusive because they start IMMEDIATE).
    Organization.objects.select_for_update().filter(pk=organization_id).first()


def member_of(organization: Organization, person: Person, day: dt.date) -> Membership | None:
    return (
        Membership.objects.active_on(day)
        .filter(organization=organization, person=person)
        .select_related("party")
        .first()
    )


def present_voters(meeting: Meeting) -> set[int]:
    return set(
        Attendance.objects.filter(meeting=meeting, status=Attendance.Status.PRESENT).values_list(
            "person_id", flat=True
        )
    )


def publication_follow_up(*, meeting: Meeting, notice: str, by=None) -> None:
    """Queue what follows a live publication: the PDFs (so the first download is served
    from the cache; settings.DAGSORDEN_PRERENDER_PDFS) and the members' notice. Both jobs
    start only after the publishing transaction commits; a publication recorded after
    the fact (import, demo) queues neither, and its PDFs are rendered on first download."""
    from django.conf import settings

    from dagsorden.documents.tasks import meeting_pdfs_enqueue

    from ..tasks import notice_enqueue

    if settings.DAGSORDEN_PRERENDER_PDFS:
        meeting_pdfs_enqueue(meeting=meeting, by=by)
    notice_enqueue(meeting=meeting, notice=notice, by=by)
