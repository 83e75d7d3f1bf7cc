"""The meeting itself: attendance, decisions, votes, remarks, postponement, closing."""

import datetime as dt
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dagsorden.cases.models import Consultation
from dagsorden.core.audit import audit_record
from dagsorden.organisations.models import Membership, Organization, Person

from ..models import (
    AgendaItem,
    Attendance,
    Decision,
    DecisionRemark,
    ItemAttendance,
    Meeting,
    Vote,
)
from ..selectors import meeting_attendees, meeting_next_of_body
from ..timing import actual_times, ensure_meeting_day_reached
from ._common import ensure_editable, ensure_state, meeting_for_update, member_of
from .agenda import EditConflict, agenda_item_create
from .guard import content_change_allowed, published_item_changed


@transaction.atomic
def attendance_record_absence(
    *,
    meeting: Meeting,
    person: Person,
    status: str = Attendance.Status.APOLOGY,
    reason: str = "",
    substitute: Person | None = None,
    by=None,
) -> Attendance:
    """Record afbud or fravær for a member, optionally with a stedfortræder.

    The stedfortræder must sit in the council for the same party and must not already
    be a member of the body.
    """
    meeting = meeting_for_update(meeting.pk)
    ensure_editable(meeting)
    if status not in {Attendance.Status.APOLOGY, Attendance.Status.ABSENT}:
        raise ValidationError(_("Ukendt fraværsårsag."), code="bad_status")
    day = timezone.localtime(meeting.start).date()
    membership = member_of(meeting.organization, person, day)
    if membership is None:
        raise ValidationError(
            _("%(person)s er ikke medlem af %(body)s.")
            % {"person": person, "body": meeting.organization},
            code="not_member",
        )
    if substitute is not None:
        _validate_substitute(meeting=meeting, membership=membership, substitute=substitute)
    attendance, _created = Attendance.objects.update_or_create(
        meeting=meeting,
        person=person,
        defaults={"status": status, "reason": reason, "substitute_for": None},
    )
    Attendance.objects.filter(meeting=meeting, substitute_for=person).delete()
    if substitute is not None:
        Attendance.objects.update_or_create(
            meeting=meeting,
            person=substitute,
            defaults={"status": Attendance.Status.PRESENT, "substitute_for": person},
        )
    audit_record(
        action="attendance_record_absence",
        obj=meeting,
        by=by,
        summary=str(person),
        person=person.pk,
        status=status,
        substitute=substitute.pk if substitute else None,
    )
    return attendance


def _validate_substitute(*, meeting: Meeting, membership: Membership, substitute: Person) -> None:
    day = timezone.localtime(meeting.start).date()
    council_seat = (
        Membership.objects.active_on(day)
        .filter(
            person=substitute,
            organization__municipality=meeting.organization.municipality_id,
            organization__kind=Organization.Kind.COUNCIL,
        )
        .first()
    )
    if council_seat is None:
        raise ValidationError(
            _("Stedfortræderen %(person)s er ikke medlem af kommunalbestyrelsen.")
            % {"person": substitute},
            code="substitute_not_council",
        )
    if council_seat.party_id != membership.party_id:
        raise ValidationError(
            _("Stedfortræderen %(person)s er ikke valgt for samme parti som %(member)s.")
            % {"person": substitute, "member": membership.person},
            code="substitute_party",
        )
    if member_of(meeting.organization, substitute, day) is not None:
        raise ValidationError(
            _("%(person)s er allerede medlem af %(body)s og kan ikke være stedfortræder.")
            % {"person": substitute, "body": meeting.organization},
            code="substitute_is_member",
        )
    taken = Attendance.objects.filter(meeting=meeting, person=substitute).exclude(
        substitute_for=membership.person
    )
    if taken.exists():
        raise ValidationError(
            _("%(person)s deltager allerede i mødet.") % {"person": substitute},
            code="substitute_busy",
        )


def _absent_ids(meeting: Meeting) -> set[int]:
    return set(
        meeting.attendances.exclude(status=Attendance.Status.PRESENT).values_list(
            "person_id", flat=True
        )
    )


@transaction.atomic
def decision_record(
    *,
    item: AgendaItem,
    outcome: str,
    text: str = "",
    votes: Mapping[Person, str] | None = None,
    expected_version: int | None = None,
    by=None,
) -> Decision:
    """Record (or correct, before approval) the decision on an item, with its vote.

    A page that showed the decision passes the `expected_version` it showed (0: there
    was none yet); a save made stale by someone else's is refused with EditConflict."""
    (meeting,) = content_change_allowed(meeting_ids=[item.meeting_id])
    ensure_state(meeting, Meeting.State.AGENDA_PUBLISHED, Meeting.State.HELD)
    ensure_meeting_day_reached(meeting)
    if outcome not in Decision.Outcome.values:
        raise ValidationError(_("Ukendt beslutning: %(o)s") % {"o": outcome}, code="bad_outcome")
    current = Decision.objects.select_for_update().filter(item=item).first()
    if expected_version is not None and (current.version if current else 0) != expected_version:
        raise EditConflict(_decision_conflict_message(current), code="conflict")
    if current is None:
        decision = Decision.objects.create(item=item, outcome=outcome, text=text)
    else:
        decision = current
        decision.outcome, decision.text = outcome, text
        decision.version += 1
        decision.save()
    if votes is not None:
        _votes_replace(item=item, votes=votes)
    if item.consultation_id and decision.concludes_treatment:
        Consultation.objects.filter(pk=item.consultation_id).update(
            status=Consultation.Status.DONE, modified=timezone.now()
        )
    audit_record(action="decision_record", obj=item, by=by, summary=text or outcome)
    return decision


def _decision_conflict_message(current: Decision | None) -> str:
    if current is None:
        return _(
            "Beslutningen er blevet slettet af en anden, siden du åbnede siden. Din tekst er "
            "ikke gemt, men står stadig i feltet."
        )
    return _(
        "Beslutningen er blevet ændret af en anden, siden du åbnede siden. Din tekst er "
        "ikke gemt, men står stadig i feltet. Den gemte beslutning er nu: »%(saved)s«."
    ) % {"saved": current.text or current.get_outcome_display()}


def _votes_replace(*, item: AgendaItem, votes: Mapping[Person, str]) -> None:
    meeting = item.meeting
    day = timezone.localtime(meeting.start).date()
    absent = _absent_ids(meeting)
    for person, choice in votes.items():
        if choice not in Vote.Choice.values:
            raise ValidationError(_("Ukendt stemme: %(c)s") % {"c": choice}, code="bad_vote")
        if person.pk in absent:
            raise ValidationError(
                _("%(person)s var ikke til stede og kan ikke stemme.") % {"person": person},
                code="vote_absent",
            )
    item.votes.all().delete()
    Vote.objects.bulk_create(
        Vote(item=item, person=person, choice=choice, party=_voting_party(meeting, person, day))
        for person, choice in votes.items()
    )


def _voting_party(meeting: Meeting, person: Person, day: dt.date):
    membership = member_of(meeting.organization, person, day)
    if membership is not None:
        return membership.party
    substitution = meeting.attendances.filter(person=person).exclude(substitute_for=None).first()
    if substitution is None:
        raise ValidationError(
            _("%(person)s har ikke stemmeret i %(body)s.")
            % {"person": person, "body": meeting.organization},
            code="vote_not_member",
        )
    return person.party


@transaction.atomic
def decision_add_remark(
    *, decision: Decision, kind: str, text: str, persons: Iterable[Person] = (), by=None
) -> DecisionRemark:
    """Add a protokolbemærkning or mindretalsudtalelse; after approval only a visible
    correction ("rettelse") can be added, never a change to the approved text."""
    if (
        meeting_for_update(decision.item.meeting_id).minutes_locked
        and kind != DecisionRemark.Kind.CORRECTION
    ):  # the one addition approved minutes take: a visible correction
        raise ValidationError(
            _("Referatet er godkendt; kun en rettelse kan tilføjes."), code="minutes_locked"
        )
    remark = DecisionRemark.objects.create(decision=decision, kind=kind, text=text)
    remark.persons.set(list(persons))
    audit_record(action="decision_add_remark", obj=decision, by=by, summary=text, kind=kind)
    return remark


@transaction.atomic
def item_postpone(*, item: AgendaItem, reason: str = "", by=None) -> AgendaItem:
    """Postpone an item to the body's next meeting. The item's history then says "Udsat"."""
    meeting = meeting_for_update(item.meeting_id)
    next_meeting = meeting_next_of_body(meeting)  # the one the confirmation page named
    if next_meeting is None:
        raise ValidationError(
            _("%(body)s har intet senere møde at udsætte punktet til.")
            % {"body": meeting.organization},
            code="no_next_meeting",
        )
    decision_record(
        item=item, outcome=Decision.Outcome.POSTPONED, text=reason or _("Udsat."), by=by
    )
    recommendation = getattr(item, "recommendation", None)
    moved = agenda_item_create(
        meeting=next_meeting,
        title=item.title,
        sections=[(s.heading, s.body) for s in item.sections.order_by("order")],
        public=item.public,
        public_title=item.public_title,
        item_type=item.item_type,
        recommendation_by=recommendation.by if recommendation else "",
        recommendation_clauses=recommendation.clauses if recommendation else (),
        consultation=item.consultation,
        presenters=item.presenters,
        draft_state=item.draft_state,  # already approved for the first meeting
        by=by,
    )
    moved.postponed_from = item
    moved.save(update_fields=["postponed_from", "modified"])
    for bilag in item.files.alive():
        bilag.pk = None
        bilag.agenda_item = moved
        bilag.save()
    published_item_changed(item=moved, by=by, what="bilag")
    audit_record(action="item_postpone", obj=item, by=by, to_item=moved.pk)
    return moved


@transaction.atomic
def meeting_close(
    *,
    meeting: Meeting,
    end: dt.datetime | None = None,
    start: dt.datetime | None = None,
    by=None,
) -> Meeting:
    """End the meeting: every member without a recorded absence is registered present,
    and the minutes are ready for approval.

    Closed on its own day, the meeting ends now unless an end is given; recorded later
    ("efter mødet"), its real end must be given, and its real start may be."""
    meeting = meeting_for_update(meeting.pk)
    ensure_state(meeting, Meeting.State.AGENDA_PUBLISHED)
    start, end = actual_times(meeting, start=start, end=end)
    recorded = set(meeting.attendances.values_list("person_id", flat=True))
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, person=person, status=Attendance.Status.PRESENT)
        for person in meeting_attendees(meeting)
        if person.pk not in recorded
    )
    meeting.state = Meeting.State.HELD
    meeting.start, meeting.end = start, end
    meeting.save()
    audit_record(action="meeting_close", obj=meeting, by=by, start=str(start), end=str(end))
    return meeting


@transaction.atomic
def attendance_record_present(*, meeting: Meeting, person: Person, by=None) -> None:
    """Undo an afbud or fravær: the member is at the meeting after all (a stedfortræder
    called in for them is released)."""
    meeting = meeting_for_update(meeting.pk)
    ensure_editable(meeting)
    Attendance.objects.filter(meeting=meeting, substitute_for=person).delete()
    Attendance.objects.filter(meeting=meeting, person=person).delete()
    if meeting.state == Meeting.State.HELD:
        Attendance.objects.create(meeting=meeting, person=person, status=Attendance.Status.PRESENT)
    audit_record(action="attendance_record_present", obj=meeting, by=by, summary=str(person))


@transaction.atomic
def item_attendance_record(
    *, item: AgendaItem, person: Person, kind: str, note: str = "", by=None
) -> ItemAttendance:
    """A member left the meeting during an item or was inhabil (took no part in it)."""
    meeting = meeting_for_update(item.meeting_id)
    ensure_editable(meeting)
    ensure_meeting_day_reached(meeting)
    if kind not in ItemAttendance.Kind.values:
        raise ValidationError(_("Ukendt fravær under punkt."), code="bad_kind")
    if person.pk not in {attendee.pk for attendee in meeting_attendees(meeting)}:
        raise ValidationError(
            _("%(person)s deltager ikke i mødet.") % {"person": person}, code="not_attending"
        )
    exception, _created = ItemAttendance.objects.update_or_create(
        item=item, person=person, defaults={"kind": kind, "note": note}
    )
    item.votes.filter(person=person).delete()  # who was not there did not vote
    audit_record(action="item_attendance_record", obj=item, by=by, summary=str(person), kind=kind)
    return exception


@transaction.atomic
def item_attendance_clear(*, item: AgendaItem, person: Person, by=None) -> None:
    ensure_editable(meeting_for_update(item.meeting_id))
    ItemAttendance.objects.filter(item=item, person=person).delete()
    audit_record(action="item_attendance_clear", obj=item, by=by, summary=str(person))
