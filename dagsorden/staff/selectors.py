"""Reads for the secretariat's desk and its search, limited to the user's bodies."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from dagsorden.cases.models import Case, Consultation
from dagsorden.meetings.models import AgendaItem, Attendance, Meeting
from dagsorden.meetings.services import agenda_deadline
from dagsorden.organisations.models import Organization

from . import permissions

# Agendas are listed on the desk this long before their deadline.
DEADLINE_HORIZON = dt.timedelta(days=14)
SEARCH_LIMIT = 50


@dataclass
class DueAgenda:
    meeting: Meeting
    deadline: dt.datetime
    overdue: bool
    unapproved: int


@dataclass
class PendingMinutes:
    meeting: Meeting
    signed: int
    participants: int


@dataclass
class Desk:
    items_to_approve: list[AgendaItem] = field(default_factory=list)
    agendas_due: list[DueAgenda] = field(default_factory=list)
    meetings_to_run: list[Meeting] = field(default_factory=list)
    minutes_to_sign: list[PendingMinutes] = field(default_factory=list)
    cases_unplanned: list[Consultation] = field(default_factory=list)


def desk_for(user, *, now: dt.datetime | None = None) -> Desk:
    """What waits for the secretariat in the user's bodies, most urgent first."""
    now = now or timezone.now()
    bodies = permissions.staff_bodies(user)
    meetings = (
        Meeting.objects.alive()
        .filter(organization__in=bodies)
        .select_related("organization__municipality")
    )
    return Desk(
        items_to_approve=_items_to_approve(meetings),
        agendas_due=_agendas_due(meetings, now),
        meetings_to_run=_meetings_to_run(meetings, now),
        minutes_to_sign=_minutes_to_sign(meetings),
        cases_unplanned=_cases_unplanned(bodies),
    )


def _items_to_approve(meetings: QuerySet[Meeting]) -> list[AgendaItem]:
    return list(
        AgendaItem.objects.alive()
        .filter(
            meeting__in=meetings.filter(state=Meeting.State.PLANNED),
            draft_state=AgendaItem.DraftState.READY,
        )
        .select_related("meeting__organization")
        .order_by("meeting__start", "order")
    )


def _agendas_due(meetings: QuerySet[Meeting], now: dt.datetime) -> list[DueAgenda]:
    planned = meetings.filter(state=Meeting.State.PLANNED, start__gte=now).annotate(
        unapproved=Count(
            "items",
            filter=Q(items__deleted=False) & ~Q(items__draft_state=AgendaItem.DraftState.APPROVED),
        )
    )
    due = []
    for meeting in planned.order_by("start"):
        deadline = agenda_deadline(meeting)
        if deadline - now <= DEADLINE_HORIZON:
            due.append(DueAgenda(meeting, deadline, deadline < now, meeting.unapproved))
    return sorted(due, key=lambda row: row.deadline)


def _meetings_to_run(meetings: QuerySet[Meeting], now: dt.datetime) -> list[Meeting]:
    """Today's meetings, and earlier ones that were never closed."""
    end_of_today = timezone.localtime(now).replace(hour=23, minute=59, second=59)
    return list(
        meetings.filter(state=Meeting.State.AGENDA_PUBLISHED, start__lte=end_of_today).order_by(
            "start"
        )
    )


def _minutes_to_sign(meetings: QuerySet[Meeting]) -> list[PendingMinutes]:
    held = meetings.filter(state=Meeting.State.HELD).annotate(
        signed=Count("approvals", distinct=True),
        participants=Count(
            "attendances",
            filter=Q(attendances__status=Attendance.Status.PRESENT),
            distinct=True,
        ),
    )
    return [PendingMinutes(m, m.signed, m.participants) for m in held.order_by("start")]


def _cases_unplanned(bodies) -> list[Consultation]:
    """Cases whose turn it is in one of the bodies, with no meeting planned for them."""
    return list(
        Consultation.objects.alive()
        .filter(
            organization__in=bodies,
            status=Consultation.Status.READY,
            planned_meeting__isnull=True,
        )
        .select_related("case", "organization")
        .order_by("organization__name", "case__title")
    )


@dataclass
class StaffSearch:
    query: str
    cases: list[Case] = field(default_factory=list)
    items: list[AgendaItem] = field(default_factory=list)


def staff_search(user, query: str) -> StaffSearch:
    """Cases and items of the user's bodies whose title, journal number or text contains
    every word of the query; closed items and unpublished agendas included, since staff
    prepare them."""
    words = query.split()
    result = StaffSearch(query=query)
    if not words:
        return result
    bodies = permissions.staff_bodies(user)
    cases = Case.objects.alive().filter(consultations__organization__in=bodies)
    items = AgendaItem.objects.alive().filter(
        meeting__organization__in=bodies, meeting__deleted=False
    )
    for word in words:
        cases = cases.filter(Q(title__icontains=word) | Q(journal_number__icontains=word))
        items = items.filter(
            Q(title__icontains=word)
            | Q(consultation__case__journal_number__icontains=word)
            | Q(sections__body__icontains=word)
        )
    result.cases = list(cases.distinct().order_by("-created")[:SEARCH_LIMIT])
    result.items = list(
        items.distinct()
        .select_related("meeting__organization", "consultation__case")
        .order_by("-meeting__start", "order")[:SEARCH_LIMIT]
    )
    return result


def jobs_visible_to(user) -> QuerySet:
    """Background jobs of the user's bodies and those the user started, newest first;
    administrators see every job."""
    from dagsorden.core.models import BackgroundJob

    jobs = BackgroundJob.objects.select_related("organization", "created_by")
    if permissions.is_admin(user):
        return jobs
    return jobs.filter(Q(organization__in=permissions.staff_bodies(user)) | Q(created_by=user))


def body_get(municipality: str, slug: str) -> Organization:
    """A body by its municipality's slug and its own: body slugs repeat across
    municipalities (every one has its Økonomiudvalget)."""
    body = (
        Organization.objects.alive()
        .select_related("municipality")
        .filter(municipality__slug=municipality, slug=slug)
        .first()
    )
    if body is None:
        raise Http404
    return body


def body_args(body: Organization) -> list[str]:
    """The URL arguments of a body's staff pages."""
    return [body.municipality.slug, body.slug]
