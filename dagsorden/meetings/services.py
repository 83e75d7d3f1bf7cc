"""Operations on meetings: building and publishing the agenda, the meeting itself
(attendance, decisions, votes, postponement) and the approval of the minutes.

Every function is keyword-only, atomic and writes an audit row. A broken rule raises
ValidationError with a message for the user, and nothing is written.
"""

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from dagsorden.cases.models import Consultation
from dagsorden.cases.services import case_advance
from dagsorden.core.audit import audit_record
from dagsorden.organisations.models import LegislativeTerm, Membership, Organization, Person

from .models import (
    AgendaItem,
    Approval,
    Attendance,
    Decision,
    DecisionRemark,
    Meeting,
    Recommendation,
    Section,
    Vote,
)
from .numbering import agenda_first_number, agenda_item_next_number
from .selectors import meeting_attendees
from .workdays import workdays_before

SectionText = tuple[str, str]


def _ensure_editable(meeting: Meeting) -> None:
    if meeting.minutes_locked:
        raise ValidationError(
            _("Referatet for %(meeting)s er godkendt og kan ikke ændres.") % {"meeting": meeting},
            code="minutes_locked",
        )
    if meeting.state == Meeting.State.CANCELLED:
        raise ValidationError(
            _("Mødet %(meeting)s er aflyst.") % {"meeting": meeting}, code="cancelled"
        )


def _ensure_state(meeting: Meeting, *states: str) -> None:
    if meeting.state not in states:
        raise ValidationError(
            _("Det kan ikke lade sig gøre, når mødet har status »%(state)s«.")
            % {"state": meeting.get_state_display()},
            code="wrong_state",
        )


def _meeting_for_update(meeting_id: int) -> Meeting:
    """The meeting as it is in the database now, locked until the transaction ends.

    Services check state on this fresh copy, never on an instance the caller may have
    held since before another change."""
    return Meeting.objects.select_for_update().select_related("organization").get(pk=meeting_id)


def _lock_body(organization_id: int) -> None:
    # Serialises numbering within a body (PostgreSQL row lock; SQLite transactions are
    # already exclusive because they start IMMEDIATE).
    Organization.objects.select_for_update().filter(pk=organization_id).first()


@transaction.atomic
def agenda_item_create(
    *,
    meeting: Meeting,
    title: str,
    sections: Sequence[SectionText] = (),
    public: bool = True,
    public_title: str = "",
    item_type: str = "",
    recommendation_by: str = "",
    recommendation_clauses: Sequence[str] = (),
    consultation: Consultation | None = None,
    placement: str = AgendaItem.Placement.MAIN,
    presenters: str = "",
    by=None,
) -> AgendaItem:
    """Add an item with the next number under the body's numbering rule, in its place on
    the agenda: after the opening standard items, open cases before the closing standard
    items, closed items last."""
    meeting = _meeting_for_update(meeting.pk)
    _ensure_editable(meeting)
    _lock_body(meeting.organization_id)
    item = AgendaItem(
        meeting=meeting,
        consultation=consultation,
        number=agenda_item_next_number(meeting=meeting),
        title=title,
        public=public,
        public_title=public_title if not public else "",
        item_type=item_type,
        placement=placement,
        presenters=presenters,
    )
    item.order = _agenda_slot(meeting, item.agenda_rank)
    item.full_clean()
    item.save()
    Section.objects.bulk_create(
        Section(item=item, order=order, heading=heading, body=body)
        for order, (heading, body) in enumerate(sections, start=1)
    )
    if recommendation_by or recommendation_clauses:
        Recommendation.objects.create(
            item=item, by=recommendation_by, clauses=list(recommendation_clauses)
        )
    audit_record(action="agenda_item_create", obj=item, by=by, summary=title)
    return item


@transaction.atomic
def meeting_create(
    *,
    organization: Organization,
    start: dt.datetime,
    end: dt.datetime | None = None,
    location=None,
    by=None,
) -> Meeting:
    """Plan a meeting; the body's standard items are put on its agenda at once."""
    term = LegislativeTerm.objects.filter(
        municipality=organization.municipality_id,
        start_date__lte=timezone.localdate(start),
        end_date__gte=timezone.localdate(start),
    ).first()
    meeting = Meeting(
        organization=organization,
        term=term,
        start=start,
        end=end,
        location=location or organization.default_location,
    )
    meeting.full_clean()
    meeting.save()
    for standard in organization.standard_items:
        agenda_item_create(
            meeting=meeting,
            title=standard["title"],
            placement=standard.get("position", AgendaItem.Placement.START),
            by=by,
        )
    audit_record(action="meeting_create", obj=meeting, by=by)
    return meeting


@transaction.atomic
def item_sections_replace(*, item: AgendaItem, sections: Sequence[SectionText], by=None) -> None:
    """Replace an item's sections (heading, Markdown) with new text, in the given order."""
    _ensure_editable(_meeting_for_update(item.meeting_id))
    item.sections.all().delete()
    Section.objects.bulk_create(
        Section(item=item, order=order, heading=heading, body=body)
        for order, (heading, body) in enumerate(sections, start=1)
    )
    audit_record(action="item_sections_replace", obj=item, by=by)


def _agenda_slot(meeting: Meeting, rank: int) -> int:
    """Make room for an item of `rank` after the items that go before it; return its order."""
    items = list(meeting.items.alive().order_by("order"))
    before = [item.order for item in items if item.agenda_rank <= rank]
    slot = (max(before) if before else 0) + 1
    meeting.items.filter(order__gte=slot).update(order=F("order") + 1)
    return slot


def _renumber_in_agenda_order(meeting: Meeting) -> None:
    """Number the items consecutively in agenda order, continuing the body's sequence."""
    first = agenda_first_number(meeting=meeting)
    for number, item in enumerate(meeting.items.alive().order_by("order"), start=first):
        if item.number != number:
            item.number = number
            item.save(update_fields=["number", "modified"])


@transaction.atomic
def case_schedule(
    *, consultation: Consultation, meeting: Meeting, title: str = "", by=None, **item_fields
) -> AgendaItem:
    """Put a case on a meeting of the body whose turn it is, as a new agenda item."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.organization_id != meeting.organization_id:
        raise ValidationError(
            _("Sagen skal behandles i %(body)s, ikke i %(other)s.")
            % {"body": consultation.organization, "other": meeting.organization},
            code="wrong_body",
        )
    if consultation.status != Consultation.Status.READY:
        raise ValidationError(
            _("Sagen kan ikke sættes på: behandlingen har status »%(status)s«.")
            % {"status": consultation.get_status_display()},
            code="not_ready",
        )
    _ensure_state(
        _meeting_for_update(meeting.pk), Meeting.State.PLANNED, Meeting.State.AGENDA_PUBLISHED
    )
    item = agenda_item_create(
        meeting=meeting,
        title=title or consultation.case.title,
        consultation=consultation,
        by=by,
        **item_fields,
    )
    consultation.status = Consultation.Status.SCHEDULED
    consultation.save(update_fields=["status", "modified"])
    return item


def agenda_deadline(meeting: Meeting) -> dt.datetime:
    """The latest time the agenda may be sent: N workdays before the meeting day."""
    days = meeting.organization.municipality.agenda_deadline_workdays
    local_start = timezone.localtime(meeting.start)
    deadline_day = workdays_before(local_start.date(), days)
    return local_start.replace(
        year=deadline_day.year, month=deadline_day.month, day=deadline_day.day
    )


@transaction.atomic
def meeting_publish_agenda(
    *, meeting: Meeting, by=None, late_reason: str = "", at: dt.datetime | None = None
) -> Meeting:
    """Send out the agenda. After the deadline a reason must be given."""
    meeting = _meeting_for_update(meeting.pk)
    _ensure_state(meeting, Meeting.State.PLANNED)
    if not meeting.items.alive().exists():
        raise ValidationError(_("Dagsordenen har ingen punkter."), code="empty_agenda")
    published_at = at or timezone.now()
    if published_at > agenda_deadline(meeting) and not late_reason.strip():
        raise ValidationError(
            _(
                "Fristen for udsendelse (%(days)s hverdage før mødet) er overskredet. "
                "Angiv en begrundelse."
            )
            % {"days": meeting.organization.municipality.agenda_deadline_workdays},
            code="deadline_passed",
        )
    _lock_body(meeting.organization_id)
    _renumber_in_agenda_order(meeting)
    meeting.state = Meeting.State.AGENDA_PUBLISHED
    meeting.agenda_published_at = published_at
    meeting.late_reason = late_reason.strip()
    meeting.save()
    audit_record(action="meeting_publish_agenda", obj=meeting, by=by, late_reason=late_reason)
    return meeting


def _member_of(organization: Organization, person: Person, day: dt.date) -> Membership | None:
    return (
        Membership.objects.active_on(day)
        .filter(organization=organization, person=person)
        .select_related("party")
        .first()
    )


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
    meeting = _meeting_for_update(meeting.pk)
    _ensure_editable(meeting)
    if status not in {Attendance.Status.APOLOGY, Attendance.Status.ABSENT}:
        raise ValidationError(_("Ukendt fraværsårsag."), code="bad_status")
    day = timezone.localtime(meeting.start).date()
    membership = _member_of(meeting.organization, person, day)
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
    if _member_of(meeting.organization, substitute, day) is not None:
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


def _present_voters(meeting: Meeting) -> set[int]:
    return set(
        Attendance.objects.filter(meeting=meeting, status=Attendance.Status.PRESENT).values_list(
            "person_id", flat=True
        )
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
    by=None,
) -> Decision:
    """Record (or correct, before approval) the decision on an item, with its vote."""
    meeting = _meeting_for_update(item.meeting_id)
    _ensure_editable(meeting)
    _ensure_state(meeting, Meeting.State.AGENDA_PUBLISHED, Meeting.State.HELD)
    if outcome not in Decision.Outcome.values:
        raise ValidationError(_("Ukendt beslutning: %(o)s") % {"o": outcome}, code="bad_outcome")
    decision, _created = Decision.objects.update_or_create(
        item=item, defaults={"outcome": outcome, "text": text}
    )
    if votes is not None:
        _votes_replace(item=item, votes=votes)
    if item.consultation_id and decision.concludes_treatment:
        Consultation.objects.filter(pk=item.consultation_id).update(
            status=Consultation.Status.DONE, modified=timezone.now()
        )
    audit_record(action="decision_record", obj=item, by=by, summary=text or outcome)
    return decision


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
    membership = _member_of(meeting.organization, person, day)
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
        _meeting_for_update(decision.item.meeting_id).minutes_locked
        and kind != DecisionRemark.Kind.CORRECTION
    ):
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
    meeting = _meeting_for_update(item.meeting_id)
    next_meeting = (
        Meeting.objects.alive()
        .filter(
            organization=meeting.organization_id,
            start__gt=meeting.start,
            state__in=[Meeting.State.PLANNED, Meeting.State.AGENDA_PUBLISHED],
        )
        .order_by("start")
        .first()
    )
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
        by=by,
    )
    moved.postponed_from = item
    moved.save(update_fields=["postponed_from", "modified"])
    for bilag in item.files.alive():
        bilag.pk = None
        bilag.agenda_item = moved
        bilag.save()
    audit_record(action="item_postpone", obj=item, by=by, to_item=moved.pk)
    return moved


@transaction.atomic
def meeting_close(*, meeting: Meeting, end: dt.datetime | None = None, by=None) -> Meeting:
    """End the meeting: every member without a recorded absence is registered present,
    and the minutes are ready for approval."""
    meeting = _meeting_for_update(meeting.pk)
    _ensure_state(meeting, Meeting.State.AGENDA_PUBLISHED)
    recorded = set(meeting.attendances.values_list("person_id", flat=True))
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, person=person, status=Attendance.Status.PRESENT)
        for person in meeting_attendees(meeting)
        if person.pk not in recorded
    )
    meeting.state = Meeting.State.HELD
    meeting.end = end or meeting.end or timezone.now()
    meeting.save()
    audit_record(action="meeting_close", obj=meeting, by=by)
    return meeting


@transaction.atomic
def approval_record(
    *, meeting: Meeting, person: Person, by=None, at: dt.datetime | None = None
) -> Approval:
    """A member signs the minutes. When every present member has signed, the minutes are
    approved and published."""
    meeting = _meeting_for_update(meeting.pk)
    _ensure_state(meeting, Meeting.State.HELD)
    present = _present_voters(meeting)
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
    meeting = _meeting_for_update(meeting.pk)
    _ensure_state(meeting, Meeting.State.HELD)
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
            case_advance(case=case, by=by)
    audit_record(action="meeting_approve_minutes", obj=meeting, by=by)
    return meeting
