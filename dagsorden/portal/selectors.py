"""Reads for the public portal. Everything here returns only what the public may see:
public meetings, open items, decisions only with approved minutes. Closed items appear
by their neutral title alone."""

import calendar
import datetime as dt
from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Exists, F, Max, Min, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from dagsorden.cases.models import Case, Consultation, File
from dagsorden.core.replica import read_connection
from dagsorden.meetings.models import (
    AgendaItem,
    Approval,
    Attendance,
    Decision,
    DecisionRemark,
    ItemAttendance,
    Meeting,
    Recommendation,
    Section,
    Vote,
)
from dagsorden.meetings.selectors import (
    PUBLIC_STATES,
    meeting_absences,
    meetings_on_calendar,
    meetings_public,
)
from dagsorden.meetings.visibility import public_minutes
from dagsorden.organisations.models import (
    LegislativeTerm,
    Location,
    Membership,
    Municipality,
    Organization,
    Party,
    Person,
)

# Every list selector takes `municipality=`: that municipality's rows only, or (None)
# every municipality's, for the national pages. The view decides; see tenancy.py.


def _of(queryset: QuerySet, municipality: Municipality | None, path: str) -> QuerySet:
    if municipality is None:
        return queryset
    return queryset.filter(**{path: municipality})


def meetings_listed(*, municipality: Municipality | None = None) -> QuerySet[Meeting]:
    """Public meetings (the meeting list's past part)."""
    return _of(meetings_public(), municipality, "organization__municipality")


def meetings_calendar(*, municipality: Municipality | None = None) -> QuerySet[Meeting]:
    """Meetings on the calendar (planned ones included, cancelled shown as such)."""
    return _of(meetings_on_calendar(), municipality, "organization__municipality")


# --- items -----------------------------------------------------------------------------


def items_visible() -> QuerySet[AgendaItem]:
    """Items of public meetings, open or closed (closed ones show their neutral title)."""
    return AgendaItem.objects.alive().filter(
        meeting__deleted=False, meeting__state__in=PUBLIC_STATES
    )


def items_open() -> QuerySet[AgendaItem]:
    return items_visible().filter(public=True)


def items_open_of(*, municipality: Municipality | None = None) -> QuerySet[AgendaItem]:
    return _of(items_open(), municipality, "meeting__organization__municipality")


def item_public_get(pk: int) -> AgendaItem:
    item = (
        items_visible()
        .select_related(
            "meeting__organization",
            "meeting__location",
            "recommendation",
            "decision",
            "consultation__case",
        )
        .filter(pk=pk)
        .first()
    )
    if item is None:
        raise Http404
    return item


def decision_is_public(item: AgendaItem) -> bool:
    return item.public and public_minutes(item.meeting) and hasattr(item, "decision")


def latest_decisions(
    limit: int = 10, *, municipality: Municipality | None = None
) -> QuerySet[AgendaItem]:
    """The newest decisions on cases (standard items like "Eventuelt" left out)."""
    return (
        _of(items_open(), municipality, "meeting__organization__municipality")
        .filter(
            meeting__state=Meeting.State.MINUTES_APPROVED,
            decision__isnull=False,
            placement=AgendaItem.Placement.MAIN,
        )
        .select_related("meeting__organization__municipality", "decision")
        .order_by("-meeting__start", "order")[:limit]
    )


def upcoming_meetings(
    limit: int = 8, *, municipality: Municipality | None = None
) -> QuerySet[Meeting]:
    upcoming = meetings_calendar(municipality=municipality).filter(start__gte=timezone.now())
    return upcoming.select_related("organization__municipality").order_by("start")[:limit]


# --- meeting page fingerprint ---------------------------------------------------------

# The sets of rows the meeting page reads, as CTEs over the meeting `m`: its items, the
# cases they treat, every consultation of those cases ("Sagens forløb" and recorded
# history) and every item of those consultations in any meeting (earlier treatments).
_FINGERPRINT_SETS = """
WITH m AS (SELECT id, organization_id, location_id FROM meetings_meeting WHERE id = %s),
items AS (SELECT id, consultation_id FROM meetings_agendaitem WHERE meeting_id IN
    (SELECT id FROM m)),
cons AS (SELECT id, case_id, organization_id FROM cases_consultation WHERE case_id IN
    (SELECT case_id FROM cases_consultation WHERE id IN (SELECT consultation_id FROM items))),
related AS (SELECT id, meeting_id FROM meetings_agendaitem WHERE consultation_id IN
    (SELECT id FROM cons)),
people AS (SELECT person_id AS id FROM meetings_attendance WHERE meeting_id IN
        (SELECT id FROM m UNION SELECT meeting_id FROM related)
    UNION SELECT substitute_for_id FROM meetings_attendance WHERE meeting_id IN
        (SELECT id FROM m)
    UNION SELECT person_id FROM meetings_vote WHERE item_id IN (SELECT id FROM items)
    UNION SELECT person_id FROM meetings_itemattendance WHERE item_id IN
        (SELECT id FROM items UNION SELECT id FROM related))
"""
# Each "x IN (a UNION b)", never "x IN a OR x IN b": PostgreSQL plans an OR of two
# subqueries as a filter on every row of the table (a scan of three million items and
# decisions in a national archive, 1.2 s), a single IN as a lookup through the index.


def _fingerprint_parts() -> list[tuple[type, str]]:
    """Each table the page shows and which of its rows: (model, WHERE)."""
    items = "IN (SELECT id FROM items)"
    item_or_related = "IN (SELECT id FROM items UNION SELECT id FROM related)"
    meeting_or_related = "IN (SELECT id FROM m UNION SELECT meeting_id FROM related)"
    return [
        (Meeting, f"id {meeting_or_related}"),
        (
            Organization,
            "id IN (SELECT organization_id FROM m UNION SELECT organization_id FROM cons)",
        ),
        (Location, "id IN (SELECT location_id FROM m)"),
        (
            Municipality,  # its name and colour head the page
            "id IN (SELECT municipality_id FROM organisations_organization WHERE id IN "
            "(SELECT organization_id FROM m))",
        ),
        (AgendaItem, f"id {item_or_related}"),
        (Section, f"item_id {items}"),
        (Recommendation, f"item_id {items}"),
        (Decision, f"item_id {item_or_related}"),
        (
            DecisionRemark,
            f"decision_id IN (SELECT id FROM meetings_decision WHERE item_id {items})",
        ),
        (Vote, f"item_id {items}"),
        (Attendance, f"meeting_id {meeting_or_related}"),
        (ItemAttendance, f"item_id {item_or_related}"),
        (Approval, "meeting_id IN (SELECT id FROM m)"),
        (File, f"agenda_item_id {items}"),
        (Case, "id IN (SELECT case_id FROM cons)"),
        (Consultation, "id IN (SELECT id FROM cons)"),
        (Person, "id IN (SELECT id FROM people)"),
        (
            Party,
            "id IN (SELECT party_id FROM organisations_person WHERE id IN "
            "(SELECT id FROM people) UNION SELECT party_id FROM meetings_vote WHERE "
            f"item_id {items})",
        ),
    ]


def meeting_page_fingerprint(meeting_id: int) -> str:
    """Newest `modified` and number of rows over everything the meeting page shows, in
    one statement. Every save moves `modified` (auto_now) and a hard delete lowers the
    count, so the value changes with any edit: staff pages, admin or importer alike. A
    pair can only repeat when exactly the earlier rows are back (e.g. a bilag added and
    removed again), i.e. when the page is the same.

    Not caught: a row saved with an older `modified` committing after a newer one
    (concurrent edits within the same moment), and edits to rows only linked from
    earlier treatments (a person's name in an old absence list); the page cache's
    timeout bounds how long such a page can stay stale."""
    parts = " UNION ALL ".join(
        f"SELECT MAX(modified) AS changed, COUNT(*) AS n FROM {model._meta.db_table} WHERE {where}"
        for model, where in _fingerprint_parts()
    )
    sql = f"{_FINGERPRINT_SETS} SELECT MAX(changed), SUM(n) FROM ({parts}) parts"
    # The database the page itself is read from: a fingerprint from the primary over a
    # page rendered from a lagging replica would keep the stale page under a new key.
    with read_connection().cursor() as cursor:
        cursor.execute(sql, [meeting_id])
        changed, count = cursor.fetchone()
    return f"{changed}/{count}"


# --- municipalities and bodies ---------------------------------------------------------


def municipalities_public() -> QuerySet[Municipality]:
    """Every municipality, with how many public meetings it has (national front page)."""
    meetings = meetings_public().filter(organization__municipality=OuterRef("pk"))
    return (
        Municipality.objects.alive().annotate(has_public_meetings=Exists(meetings)).order_by("name")
    )


def bodies_public(*, municipality: Municipality | None = None) -> QuerySet[Organization]:
    """Bodies with whether they have public meetings; one municipality's when given."""
    has_meetings = meetings_public().filter(organization=OuterRef("pk"))
    bodies = _of(Organization.objects.alive(), municipality, "municipality")
    return (
        bodies.select_related("municipality")
        .annotate(has_public_meetings=Exists(has_meetings))
        .order_by("name")
    )


@dataclass
class MunicipalityBodies:
    municipality: Municipality
    bodies: list[Organization]


def bodies_by_municipality(*, municipality: Municipality | None = None) -> list[MunicipalityBodies]:
    """Each municipality's bodies in its own list (imported bodies of another
    municipality never mix into it): one list when `municipality` is given, else every
    municipality's, by name."""
    groups: dict[int, MunicipalityBodies] = {}
    for body in bodies_public(municipality=municipality):
        group = groups.setdefault(body.municipality_id, MunicipalityBodies(body.municipality, []))
        group.bodies.append(body)
    return sorted(groups.values(), key=lambda g: g.municipality.name)


def body_public_get(pk: int) -> Organization:
    body = Organization.objects.alive().select_related("municipality").filter(pk=pk).first()
    if body is None:
        raise Http404
    return body


@dataclass
class TermMembers:
    term: LegislativeTerm | None
    memberships: list[Membership]


def body_members_by_term(body: Organization) -> list[TermMembers]:
    """The body's members grouped by valgperiode, newest term first, chair first."""
    memberships = body.memberships.alive().select_related("person", "party", "term").chair_first()
    by_term = sorted(
        memberships,
        key=lambda m: m.term.start_date if m.term else dt.date.min,
        reverse=True,
    )
    groups = []
    for _term_id, rows in groupby(by_term, key=lambda m: m.term_id):
        rows = list(rows)
        rows.sort(key=lambda m: (m.role_rank, m.person.family_name, m.person.given_name))
        groups.append(TermMembers(term=rows[0].term, memberships=rows))
    return groups


def body_meetings(body: Organization) -> QuerySet[Meeting]:
    return meetings_public().filter(organization=body)


# --- cases -----------------------------------------------------------------------------


def case_public_get(pk: int) -> Case:
    """A case the public knows of: at least one open item of a public meeting treats it."""
    case = Case.objects.alive().filter(pk=pk, consultations__agenda_items__in=items_open())
    case = case.distinct().first()
    if case is None:
        raise Http404
    return case


def cases_public(*, municipality: Municipality | None = None) -> QuerySet[Case]:
    open_items = items_open().filter(consultation__case=OuterRef("pk"))
    return _of(Case.objects.alive().filter(Exists(open_items)), municipality, "municipality")


@dataclass
class Treatment:
    """One meeting's handling of the case in a body."""

    date: dt.date
    item: AgendaItem | None
    public: bool
    result: str = ""
    absent: list[str] = field(default_factory=list)


@dataclass
class RouteStep:
    consultation: Consultation
    treatments: list[Treatment]


def case_route(case: Case) -> list[RouteStep]:
    """The case's route through the bodies, each with its treatments, in route order."""
    items = (
        items_visible()
        .select_related("meeting__organization", "decision")
        .order_by("meeting__start")
    )
    consultations = (
        case.consultations.alive()
        .select_related("organization")
        .prefetch_related(Prefetch("agenda_items", queryset=items, to_attr="visible_items"))
        .order_by("order")
    )
    return [RouteStep(consultation=c, treatments=_treatments(c)) for c in consultations]


def _treatments(consultation: Consultation) -> list[Treatment]:
    treatments = [_treatment(item) for item in consultation.visible_items]
    if consultation.recorded_date:
        treatments.append(
            Treatment(
                date=consultation.recorded_date,
                item=None,
                public=True,
                result=consultation.recorded_result,
                absent=list(consultation.recorded_absent),
            )
        )
    return sorted(treatments, key=lambda t: t.date)


def _treatment(item: AgendaItem) -> Treatment:
    date = timezone.localdate(item.meeting.start)
    if not item.public:
        return Treatment(date=date, item=item, public=False)
    result = ""
    if decision_is_public(item):
        result = item.decision.text or item.decision.get_outcome_display()
    return Treatment(date=date, item=item, public=True, result=result, absent=item_absent(item))


def item_absent(item: AgendaItem) -> list[str]:
    """Who was away from the item: afbud/fravær at the meeting and item exceptions."""
    if not public_minutes(item.meeting):  # absences are part of the minutes
        return []
    names = [f"{line.name} ({line.status.lower()})" for line in meeting_absences(item.meeting)]
    exceptions = item.attendance_exceptions.alive().select_related("person")
    names += [f"{row.person.name} ({row.get_kind_display().lower()})" for row in exceptions]
    return names


# --- persons ---------------------------------------------------------------------------


def person_public_get(pk: int) -> Person:
    person = Person.objects.alive().select_related("party").filter(pk=pk).first()
    if person is None or not person.memberships.alive().exists():
        raise Http404
    return person


def persons_public(*, municipality: Municipality | None = None) -> QuerySet[Person]:
    persons = Person.objects.alive().filter(memberships__deleted=False).distinct()
    return _of(persons, municipality, "municipality")


@dataclass
class AttendanceRate:
    meetings: int
    absent: int

    @property
    def present(self) -> int:
        return self.meetings - self.absent

    @property
    def percent(self) -> int | None:
        return round(100 * self.present / self.meetings) if self.meetings else None


def person_memberships(person: Person) -> QuerySet[Membership]:
    """Every seat the person has held, newest valgperiode first (seats with no term
    last), within a term newest first: the person's memberships over time."""
    return (
        person.memberships.alive()
        .select_related("organization", "party", "term")
        .order_by(
            F("term__start_date").desc(nulls_last=True),
            "-start_date",
            "organization__name",
        )
    )


def person_attendance(person: Person) -> AttendanceRate:
    """Share of the held meetings of the person's bodies, within the person's membership
    periods, where no afbud or fravær was recorded for the person."""
    in_membership = Q()
    for membership in person.memberships.alive():
        period = Q(
            organization_id=membership.organization_id, start__date__gte=membership.start_date
        )
        if membership.end_date:
            period &= Q(start__date__lte=membership.end_date)
        in_membership |= period
    if not in_membership:
        return AttendanceRate(meetings=0, absent=0)
    held = (
        meetings_public()
        .filter(in_membership)
        .filter(
            # Absences are part of the minutes: public once approved.
            state=Meeting.State.MINUTES_APPROVED,
            start__lte=timezone.now(),
        )
    )
    absent = Attendance.objects.filter(meeting__in=held, person=person).exclude(
        status=Attendance.Status.PRESENT
    )
    return AttendanceRate(meetings=held.count(), absent=absent.count())


def items_with_minutes() -> QuerySet[AgendaItem]:
    """Open items whose minutes are approved: what was decided, voted and noted on them is
    public."""
    return items_open().filter(meeting__state=Meeting.State.MINUTES_APPROVED)


def decisions_public() -> QuerySet[Decision]:
    """Decisions the public may read (the rule of `decision_is_public`, as a query)."""
    return Decision.objects.alive().filter(item__in=items_with_minutes())


def votes_public() -> QuerySet[Vote]:
    """Votes on open items with approved minutes."""
    return Vote.objects.alive().filter(item__in=items_with_minutes())


def attendances_public() -> QuerySet[Attendance]:
    """Afbud, fravær and stedfortrædere of meetings whose minutes are approved."""
    return Attendance.objects.alive().filter(
        meeting__in=meetings_public().filter(state=Meeting.State.MINUTES_APPROVED)
    )


def item_exceptions_public() -> QuerySet[ItemAttendance]:
    """Left during an item, inhabil: on open items with approved minutes."""
    return ItemAttendance.objects.alive().filter(item__in=items_with_minutes())


def person_votes(person: Person, limit: int = 50) -> QuerySet[Vote]:
    """The person's votes on open items with approved minutes, newest first."""
    return (
        votes_public()
        .filter(person=person)
        .select_related("item__meeting__organization", "item__decision", "party")
        .order_by("-item__meeting__start")[:limit]
    )


def person_item_exceptions(person: Person) -> QuerySet[ItemAttendance]:
    return ItemAttendance.objects.alive().filter(person=person, item__in=items_open())


# --- calendar --------------------------------------------------------------------------


@dataclass
class CalendarDay:
    day: dt.date
    in_month: bool
    meetings: list[Meeting]


def calendar_bounds(*, municipality: Municipality | None = None) -> tuple[dt.date, dt.date]:
    """First and last month the calendar pages to: a year around the public meetings (so
    "next month" links end somewhere)."""
    span = meetings_listed(municipality=municipality).aggregate(
        first=Min("start"), last=Max("start")
    )
    today = timezone.localdate()
    first = timezone.localdate(span["first"]) if span["first"] else today
    last = timezone.localdate(span["last"]) if span["last"] else today
    first, last = min(first, today), max(last, today)
    return dt.date(first.year - 1, first.month, 1), dt.date(last.year + 1, last.month, 1)


def calendar_weeks(
    year: int, month: int, *, municipality: Municipality | None = None
) -> list[list[CalendarDay]]:
    """The month as weeks Monday–Sunday, each day with its public meetings."""
    days = list(calendar.Calendar(firstweekday=0).itermonthdates(year, month))
    start = timezone.make_aware(dt.datetime.combine(days[0], dt.time()))
    end = timezone.make_aware(dt.datetime.combine(days[-1] + dt.timedelta(days=1), dt.time()))
    meetings = meetings_calendar(municipality=municipality).filter(start__gte=start, start__lt=end)
    meetings = meetings.select_related("organization__municipality").order_by("start")
    by_day: dict[dt.date, list[Meeting]] = {}
    for meeting in meetings:
        by_day.setdefault(timezone.localdate(meeting.start), []).append(meeting)
    cells = [
        CalendarDay(day=d, in_month=d.month == month, meetings=by_day.get(d, [])) for d in days
    ]
    return [cells[i : i + 7] for i in range(0, len(cells), 7)]
