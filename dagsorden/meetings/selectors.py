"""Reads for pages and documents: which meetings are public, an item's case history
("Sagens forløb") and who was absent."""

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import TruncDate
from django.http import Http404
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from dagsorden.cases.models import File
from dagsorden.organisations.models import Membership, Person

from .models import AgendaItem, Attendance, Meeting
from .wording import decision_phrase_of, reason_beyond_status

PUBLIC_STATES = [
    Meeting.State.AGENDA_PUBLISHED,
    Meeting.State.HELD,
    Meeting.State.MINUTES_APPROVED,
    Meeting.State.CANCELLED,
]


def meetings_public() -> QuerySet[Meeting]:
    """Meetings whose agenda has been sent out (or that were cancelled after it)."""
    return (
        Meeting.objects.alive()
        .filter(state__in=PUBLIC_STATES)
        .select_related("organization", "location")
    )


def meetings_of_member(person: Person) -> QuerySet[Meeting]:
    """Published meetings of the bodies the person sat on on the meeting's own day, and
    meetings they were called in to as stedfortræder. A seat in a body the person has
    left does not carry its old or future meetings."""
    day = TruncDate("start", tzinfo=timezone.get_current_timezone())
    seat = Membership.objects.filter(
        person=person,
        organization=OuterRef("organization"),
        deleted=False,
        start_date__lte=OuterRef("meeting_day"),
    ).filter(Q(end_date__isnull=True) | Q(end_date__gte=OuterRef("meeting_day")))
    substitute = Attendance.objects.filter(
        meeting=OuterRef("pk"), person=person, substitute_for__isnull=False, deleted=False
    )
    return (
        meetings_public()
        .annotate(meeting_day=day)
        .filter(Exists(seat) | Exists(substitute))
        .order_by("-start")
    )


def meeting_public_get(pk: int) -> Meeting:
    try:
        return meetings_public().get(pk=pk)
    except Meeting.DoesNotExist:
        raise Http404 from None


def meeting_items(meeting: Meeting) -> QuerySet[AgendaItem]:
    """The meeting's items with everything a page or document shows, in agenda order."""
    return (
        meeting.items.alive()
        .order_by("order", "number")
        .select_related("recommendation", "decision", "consultation__case")
        .prefetch_related(
            "sections",
            Prefetch("files", queryset=File.objects.alive().order_by("order", "id")),
            "votes__person",
            "votes__party",
            "attendance_exceptions__person",
            "decision__remarks",
        )
    )


@dataclass
class AbsenceLine:
    name: str
    status: str
    reason: str = ""
    substitute: str = ""


def meeting_absences(meeting: Meeting) -> list[AbsenceLine]:
    """Afbud and fravær, each with the stedfortræder who came instead."""
    rows = list(meeting.attendances.select_related("person__party", "substitute_for"))
    substitutes = {row.substitute_for_id: row.person for row in rows if row.substitute_for_id}
    return [
        AbsenceLine(
            name=row.person.name_with_party(),
            status=row.get_status_display(),
            reason=reason_beyond_status(row.reason, Attendance.Status(row.status).label),
            substitute=substitutes[row.person_id].name_with_party()
            if row.person_id in substitutes
            else "",
        )
        for row in rows
        if row.status != Attendance.Status.PRESENT
    ]


def meeting_attendees(meeting: Meeting) -> list[Person]:
    """Who is (or was) at the meeting: the body's members without a recorded absence,
    plus stedfortrædere and anyone else registered present."""
    day = timezone.localtime(meeting.start).date()
    rows = {row.person_id: row for row in meeting.attendances.select_related("person__party")}
    members = [
        m.person
        for m in meeting.organization.members_on(day)
        if m.person_id not in rows or rows[m.person_id].status == Attendance.Status.PRESENT
    ]
    member_ids = {person.pk for person in members}
    others = [
        row.person
        for row in rows.values()
        if row.status == Attendance.Status.PRESENT and row.person_id not in member_ids
    ]
    return members + others


def meeting_participants(meeting: Meeting) -> list[Attendance]:
    """Who took part (members and stedfortrædere), for headers and the underskriftsark."""
    return list(
        meeting.attendances.filter(status=Attendance.Status.PRESENT)
        .select_related("person__party", "substitute_for")
        .order_by("person__family_name", "person__given_name")
    )


@dataclass
class HistoryEntry:
    """One earlier treatment of the case, as "Sagens forløb" lists it.

    `withheld`: a closed treatment this reader may not see. Its decision and absences are
    never filled in, so no page or document can print them by mistake."""

    date: dt.date
    body: str
    decision: str
    public: bool
    absent: list[str] = field(default_factory=list)
    item: AgendaItem | None = None
    withheld: bool = False


ReaderCheck = Callable[[AgendaItem], bool]


def item_history(
    item: AgendaItem, *, may_read_closed: ReaderCheck | None = None
) -> list[HistoryEntry]:
    """Earlier treatments of the item's case, oldest first, as one reader may see them.

    Treatments in this system come from agenda items of meetings whose minutes are
    approved; treatments known only from imported documents from the consultation's
    recorded fields. Nothing is stored twice. A closed treatment shows its decision and
    absences only when `may_read_closed(earlier_item)` says so (no check: the public).
    """
    case = item.case
    if case is None:
        return []
    earlier_items = (
        AgendaItem.objects.alive()
        .filter(
            consultation__case=case,
            meeting__start__lt=item.meeting.start,
            meeting__state=Meeting.State.MINUTES_APPROVED,
            decision__isnull=False,
        )
        .select_related("meeting__organization", "decision")
        .order_by("meeting__start")
    )
    entries = [
        _entry_from_item(earlier)
        if earlier.public or (may_read_closed is not None and may_read_closed(earlier))
        else _withheld_entry(earlier)
        for earlier in earlier_items
    ]
    recorded = case.consultations.alive().filter(recorded_date__isnull=False)
    recorded = recorded.filter(recorded_date__lt=timezone.localdate(item.meeting.start))
    entries += [
        HistoryEntry(
            date=consultation.recorded_date,
            body=consultation.organization.name,
            decision=consultation.recorded_result,
            public=True,
            absent=list(consultation.recorded_absent),
        )
        for consultation in recorded.select_related("organization")
    ]
    return sorted(entries, key=lambda entry: entry.date)


def _withheld_entry(item: AgendaItem) -> HistoryEntry:
    return HistoryEntry(
        date=timezone.localdate(item.meeting.start),
        body=item.meeting.organization.name,
        decision="",
        public=False,
        withheld=True,
    )


def _entry_from_item(item: AgendaItem) -> HistoryEntry:
    meeting = item.meeting
    absent = [
        row.person.name
        for row in meeting.attendances.exclude(status=Attendance.Status.PRESENT).select_related(
            "person"
        )
    ]
    absent += [row.person.name for row in item.attendance_exceptions.select_related("person")]
    return HistoryEntry(
        date=timezone.localdate(meeting.start),
        body=meeting.organization.name,
        decision=decision_phrase_of(item.decision),
        public=item.public,
        absent=absent,
        item=item,
    )


def meeting_plan(organization, year: int) -> QuerySet[Meeting]:
    """A body's meetings in one calendar year, cancelled ones included, by date."""
    return (
        Meeting.objects.alive()
        .filter(organization=organization, start__year=year)
        .select_related("location")
        .order_by("start")
    )


def meetings_on_calendar() -> QuerySet[Meeting]:
    """What the public calendar shows: public meetings and planned ones (date, time and
    place only; a planned meeting's agenda is not public until it is sent out)."""
    return (
        Meeting.objects.alive()
        .filter(state__in=[*PUBLIC_STATES, Meeting.State.PLANNED])
        .select_related("organization", "location")
    )


@dataclass
class SectionChange:
    """One section of an item beside the same section at the previous body."""

    heading: str
    status: str  # "same", "changed", "added", "removed"
    html: str  # the text with <del> and <ins> marking what changed, escaped


def _word_diff(before: str, after: str) -> str:
    """Word by word, keeping spaces and line breaks as they were."""
    old, new = re.findall(r"\S+|\s+", before), re.findall(r"\S+|\s+", after)
    parts = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            parts.append(f"<del>{escape(''.join(old[a1:a2]))}</del>")
        if op in ("insert", "replace"):
            parts.append(f"<ins>{escape(''.join(new[b1:b2]))}</ins>")
        if op == "equal":
            parts.append(escape("".join(old[a1:a2])))
    return "".join(parts)


def _texts(item: AgendaItem) -> dict[str, str]:
    texts = {s.heading: s.body for s in item.sections.order_by("order")}
    recommendation = getattr(item, "recommendation", None)
    if recommendation is not None:
        lines = [recommendation.by, recommendation.to, *recommendation.clauses]
        texts[str(_("Indstilling"))] = "\n".join(line for line in lines if line)
    return texts


def item_section_diff(before: AgendaItem, after: AgendaItem) -> list[SectionChange]:
    """What changed in the item's sections (and indstilling) since the earlier item."""
    old, new = _texts(before), _texts(after)
    changes = []
    for heading in [*new, *(h for h in old if h not in new)]:
        if heading not in old:
            changes.append(SectionChange(heading, "added", _word_diff("", new[heading])))
        elif heading not in new:
            changes.append(SectionChange(heading, "removed", _word_diff(old[heading], "")))
        else:
            status = "same" if old[heading] == new[heading] else "changed"
            changes.append(SectionChange(heading, status, _word_diff(old[heading], new[heading])))
    return changes


# --- what the safety nets show before an irreversible step ------------------------------


def meeting_undecided_items(meeting: Meeting) -> list[AgendaItem]:
    """Items without a decision: closing the meeting leaves them so in the minutes."""
    return list(meeting.items.alive().filter(decision__isnull=True).order_by("order"))


def meeting_next_of_body(meeting: Meeting) -> Meeting | None:
    """The body's next meeting that can still take an item (where a postponed item goes)."""
    return (
        Meeting.objects.alive()
        .filter(
            organization=meeting.organization_id,
            start__gt=meeting.start,
            state__in=[Meeting.State.PLANNED, Meeting.State.AGENDA_PUBLISHED],
        )
        .order_by("start")
        .first()
    )


def meeting_unsigned_participants(meeting: Meeting) -> list[Person]:
    """Who took part but has not signed the underskriftsark yet."""
    signed = set(meeting.approvals.values_list("person_id", flat=True))
    return [row.person for row in meeting_participants(meeting) if row.person_id not in signed]
