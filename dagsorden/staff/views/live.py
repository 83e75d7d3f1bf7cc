"""The meeting live: attendance, decisions with votes, members leaving or inhabil,
postponement, closing the meeting (which drafts the minutes). Forms post with htmx and
get the changed part of the page back; without JavaScript they post and reload."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dagsorden.meetings.models import (
    AgendaItem,
    Attendance,
    Decision,
    ItemAttendance,
    Meeting,
    Vote,
)
from dagsorden.meetings.selectors import meeting_attendees, meeting_undecided_items
from dagsorden.meetings.services import (
    EditConflict,
    attendance_record_absence,
    attendance_record_present,
    decision_record,
    item_attendance_clear,
    item_attendance_record,
    item_postpone,
    meeting_close,
)
from dagsorden.organisations.models import Membership, Organization, Person

from .. import permissions
from ..forms import CloseMeetingForm, DecisionForm
from ._helpers import report_errors, require, staff_required


def _meeting_for(request, pk) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.alive().select_related("organization"), pk=pk)
    require(permissions.can_run_meeting(request.user, meeting))
    return meeting


def _substitute_candidates(meeting: Meeting) -> list[Membership]:
    """Council seats of people who do not sit on the body: who may step in for someone.

    Each row then offers only the seats of its own member's party (the rule the service
    enforces), so the list never proposes someone the save would refuse."""
    day = timezone.localtime(meeting.start).date()
    on_body = Membership.objects.active_on(day).filter(organization=meeting.organization)
    return list(
        Membership.objects.active_on(day)
        .filter(
            organization__municipality=meeting.organization.municipality_id,
            organization__kind=Organization.Kind.COUNCIL,
        )
        .exclude(person__in=on_body.values("person"))
        .select_related("person", "party")
        .order_by("party__letter", "person__family_name", "person__given_name")
    )


def _attendance_rows(meeting: Meeting):
    day = timezone.localtime(meeting.start).date()
    recorded = {row.person_id: row for row in meeting.attendances.select_related("person")}
    substitutes = {
        row.substitute_for_id: row.person for row in recorded.values() if row.substitute_for_id
    }
    seats = _substitute_candidates(meeting)
    rows = []
    for membership in meeting.organization.members_on(day):
        # Someone already standing in for another member is not free for this one.
        busy = {
            person_id
            for person_id, row in recorded.items()
            if row.substitute_for_id != membership.person_id
        }
        rows.append(
            {
                "membership": membership,
                "attendance": recorded.get(membership.person_id),
                "substitute": substitutes.get(membership.person_id),
                "candidates": [
                    seat
                    for seat in seats
                    if seat.party_id == membership.party_id and seat.person_id not in busy
                ],
            }
        )
    return rows


@dataclass
class Kept:
    """What the user typed for an item whose save was refused: shown again, not lost."""

    item_id: int
    form: DecisionForm
    votes: dict[int, str]


def _context(meeting: Meeting, kept: Kept | None = None) -> dict:
    items = (
        meeting.items.alive()
        .order_by("order")
        .select_related("decision")
        .prefetch_related("votes", "attendance_exceptions__person")
    )
    attendees = meeting_attendees(meeting)
    for item in items:
        item.vote_by_person = {vote.person_id: vote.choice for vote in item.votes.all()}
        item.decision_form = DecisionForm(
            prefix=f"item{item.pk}",
            initial={
                "outcome": item.decision.outcome,
                "text": item.decision.text,
                "version": item.decision.version,
            }
            if hasattr(item, "decision")
            else {"version": 0},
        )
        if kept is not None and kept.item_id == item.pk:
            item.decision_form, item.vote_by_person = kept.form, kept.votes
    return {
        "meeting": meeting,
        "items": items,
        "attendees": attendees,
        "attendance_rows": _attendance_rows(meeting),
        "statuses": Attendance.Status.choices,
        "vote_choices": Vote.Choice.choices,
        "exception_kinds": ItemAttendance.Kind.choices,
        "editable": meeting.state in (Meeting.State.AGENDA_PUBLISHED, Meeting.State.HELD),
    }


@staff_required
def meeting_live(request, pk):
    meeting = _meeting_for(request, pk)
    return render(request, "staff/meeting_live.html", _context(meeting))


def _back(
    request,
    meeting: Meeting,
    fragment: str = "",
    *,
    item: AgendaItem | None = None,
    kept: Kept | None = None,
):
    """htmx gets the live part of the page back, with any message inside the part the
    user just worked on (the attendance table or the item); a plain post reloads."""
    if request.headers.get("HX-Request"):
        meeting.refresh_from_db()
        place = item.pk if item is not None else fragment.lstrip("#")
        context = {**_context(meeting, kept), "fragment": True, "message_place": place}
        return render(request, "staff/_live.html", context)
    return redirect(reverse("staff:meeting_live", args=[meeting.pk]) + fragment)


@staff_required
@require_POST
def attendance_save(request, pk):
    meeting = _meeting_for(request, pk)
    person = get_object_or_404(Person, pk=request.POST.get("person"))
    status = request.POST.get("status", Attendance.Status.PRESENT)
    substitute = Person.objects.filter(pk=request.POST.get("substitute") or None).first()
    try:
        if status == Attendance.Status.PRESENT:
            attendance_record_present(meeting=meeting, person=person, by=request.user)
        else:
            attendance_record_absence(
                meeting=meeting,
                person=person,
                status=status,
                reason=request.POST.get("reason", ""),
                substitute=substitute,
                by=request.user,
            )
    except ValidationError as error:
        report_errors(request, error)
    return _back(request, meeting, "#fremmoede")


@staff_required
@require_POST
def decision_save(request, pk):
    item = get_object_or_404(AgendaItem.objects.alive(), pk=pk)
    meeting = _meeting_for(request, item.meeting_id)
    form = DecisionForm(request.POST, prefix=f"item{item.pk}")
    votes = _votes_from(request, meeting)
    kept = Kept(item.pk, form, {person.pk: choice for person, choice in votes.items()})
    if not form.is_valid():
        messages.error(request, _("Beslutningen er ikke gemt: vælg en beslutning."))
        return _back(request, meeting, f"#punkt-{item.pk}", item=item, kept=kept)
    try:
        decision_record(
            item=item,
            outcome=form.cleaned_data["outcome"],
            text=form.cleaned_data["text"],
            votes=votes or None,
            expected_version=form.cleaned_data["version"],
            by=request.user,
        )
    except EditConflict as error:
        report_errors(request, error)
        kept.form = _form_at_current_version(request, item)
        return _back(request, meeting, f"#punkt-{item.pk}", item=item, kept=kept)
    except ValidationError as error:
        report_errors(request, error)
        return _back(request, meeting, f"#punkt-{item.pk}", item=item, kept=kept)
    return _back(request, meeting, f"#punkt-{item.pk}", item=item)


def _form_at_current_version(request, item: AgendaItem) -> DecisionForm:
    """The user's text, now against the saved version: saving again is a deliberate
    overwrite of what the other person saved, which the message showed."""
    data = request.POST.copy()
    current = Decision.objects.filter(item=item).values_list("version", flat=True).first()
    data[f"item{item.pk}-version"] = current or 0
    form = DecisionForm(data, prefix=f"item{item.pk}")
    form.is_valid()
    return form


def _votes_from(request, meeting: Meeting) -> dict:
    """Every vote the form sent. Who may vote is the service's rule: a vote from a page
    opened before an absence was recorded is refused with its reason, never dropped."""
    posted = {}
    for key, value in request.POST.items():
        person_id = key.removeprefix("vote-")
        if key.startswith("vote-") and person_id.isdigit() and value in Vote.Choice.values:
            posted[int(person_id)] = value
    people = Person.objects.filter(pk__in=posted, municipality=meeting.organization.municipality_id)
    return {person: posted[person.pk] for person in people}


@staff_required
@require_POST
def item_exception_save(request, pk):
    item = get_object_or_404(AgendaItem.objects.alive(), pk=pk)
    meeting = _meeting_for(request, item.meeting_id)
    person = get_object_or_404(Person, pk=request.POST.get("person"))
    kind = request.POST.get("kind", "")
    try:
        if kind:
            item_attendance_record(
                item=item,
                person=person,
                kind=kind,
                note=request.POST.get("note", ""),
                by=request.user,
            )
        else:
            item_attendance_clear(item=item, person=person, by=request.user)
    except ValidationError as error:
        report_errors(request, error)
    return _back(request, meeting, f"#punkt-{item.pk}", item=item)


@staff_required
@require_POST
def item_postpone_view(request, pk):
    item = get_object_or_404(AgendaItem.objects.alive(), pk=pk)
    meeting = _meeting_for(request, item.meeting_id)
    try:
        moved = item_postpone(item=item, reason=request.POST.get("reason", ""), by=request.user)
    except ValidationError as error:
        report_errors(request, error)
    else:
        messages.success(
            request, _("Punktet er udsat til mødet %(meeting)s.") % {"meeting": moved.meeting}
        )
    return _back(request, meeting, f"#punkt-{item.pk}", item=item)


@staff_required
@require_POST
def meeting_close_view(request, pk):
    meeting = _meeting_for(request, pk)
    form = CloseMeetingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Angiv tidspunkterne som TT:MM."))
        return redirect("staff:meeting_close_confirm", pk=meeting.pk)
    start, end = form.times(meeting.day)
    undecided = meeting_undecided_items(meeting)
    try:
        meeting_close(meeting=meeting, start=start, end=end, by=request.user)
    except ValidationError as error:
        report_errors(request, error)
        return redirect("staff:meeting_live", pk=meeting.pk)
    messages.success(request, _("Mødet er afsluttet. Referatet er klar til godkendelse."))
    if undecided:
        messages.warning(
            request,
            _("Uden beslutning i referatet: %(items)s.")
            % {"items": "; ".join(f"{item.number}. {item.title}" for item in undecided)},
        )
    return redirect("staff:minutes", pk=meeting.pk)
