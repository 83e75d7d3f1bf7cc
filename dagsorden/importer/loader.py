"""Write a :class:`ParsedMeeting` to the database, idempotently.

One atomic block per document (a savepoint when `batch` runs many documents in one
transaction), so a failing document leaves nothing behind. The document's SHA-256 is
its identity: the same bytes imported again change nothing. A meeting is identified by
its body and start, so an agenda and later its minutes fill the same meeting; items by
their printed number within the meeting; cases by journal number within the
municipality, so two documents that mention the same case build one case with its
whole route ("Sagens forløb").

The meeting services (`agenda_item_create`, `decision_record` …) drive the live
workflow: they number items themselves, add standard items and enforce the state
machine. An import records what a published document already says, so the loader
writes the same models directly, and leaves one audit row per document.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from dagsorden.cases.models import Case, Consultation, File
from dagsorden.core.audit import audit_record
from dagsorden.meetings.models import (
    AgendaItem,
    Attendance,
    Decision,
    ItemAttendance,
    Meeting,
    Recommendation,
    Section,
)
from dagsorden.meetings.services.guard import content_change_allowed, minutes_record
from dagsorden.organisations.models import (
    LegislativeTerm,
    Location,
    Membership,
    Municipality,
    Organization,
    Person,
)

from .directory import Bodies, Cases, Persons, municipality_named, term_containing
from .exported import ExportIdentity, bilag_rows
from .models import ImportedDocument
from .parsed import ParsedItem, ParsedMeeting
from .rows import (
    ITEM_FIELDS,
    bulk_insert,
    consultation_put,
    item_content_update,
    route_resequence,
)
from .tables import imported_markdown

UNKNOWN_MUNICIPALITY = "Ukendt kommune"

# Outcome words in decision texts, most specific first.
_OUTCOMES = (
    (r"ikke\s+godkendt|afvist|forkastet", Decision.Outcome.REJECTED),
    (r"\budsat|\budsættes", Decision.Outcome.POSTPONED),
    (r"taget\s+til\s+efterretning|tages\s+til\s+efterretning", Decision.Outcome.NOTED),
    (r"orientering(?:en)?\s+(?:er\s+)?foretaget|orienterede", Decision.Outcome.INFORMED),
    (r"\banbefal", Decision.Outcome.RECOMMENDED),
    (r"oversend", Decision.Outcome.REFERRED),
    (r"drøftet|drøftede", Decision.Outcome.DISCUSSED),
    (r"godkend|tiltrådt|vedtaget|bevilget", Decision.Outcome.APPROVED),
)


class MeetingUnplaceable(Exception):
    """The document lacks what a meeting needs (its body or its date)."""


@dataclass
class LoadResult:
    document: ImportedDocument
    created: bool  # False: these bytes were imported before, nothing changed
    items: int = 0
    warnings: list[str] = field(default_factory=list)


def document_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class LoadCache:
    """Municipalities, terms, bodies, persons, places and memberships already looked up
    in this run: rows many documents share, read once per batch instead of per document.

    A batch import passes one cache to every `load`; it is emptied whenever a
    document's transaction fails, so it never holds rows that were rolled back.
    """

    def __init__(self):
        self.clear()

    def clear(self) -> None:
        self.municipalities: dict[str, Municipality] = {}
        self.terms: dict[int, list[LegislativeTerm]] = {}
        self.bodies: dict[int, Bodies] = {}
        self.persons: dict[int, Persons] = {}
        self.locations: dict[tuple[int, str], Location] = {}
        self.cases: dict[int, Cases] = {}
        # organization pk → (person pk, start date, end date) of its live memberships
        self.memberships: dict[int, list[tuple[int, dt.date, dt.date | None]]] = {}

    def municipality(self, name: str) -> Municipality:
        if name not in self.municipalities:
            self.municipalities[name] = municipality_named(name)
        return self.municipalities[name]

    def term(self, municipality: Municipality, day: dt.date) -> LegislativeTerm:
        known = self.terms.setdefault(municipality.pk, [])
        for term in known:
            if term.start_date <= day <= term.end_date:
                return term
        term = term_containing(municipality, day)
        if term.start_date and term.end_date:  # a term without dates is looked up again
            known.append(term)
        return term

    def location(self, municipality: Municipality, text: str) -> Location:
        key = (municipality.pk, text)
        if key not in self.locations:
            self.locations[key], _ = Location.objects.get_or_create(
                municipality=municipality, description=text
            )
        return self.locations[key]

    def members_on(self, organization: Organization, day: dt.date) -> set[int]:
        """Persons with a live membership of the body on the day."""
        if organization.pk not in self.memberships:
            rows = Membership.objects.filter(organization=organization, deleted=False)
            fields = ("person_id", "start_date", "end_date")
            self.memberships[organization.pk] = list(rows.values_list(*fields))
        return {
            person
            for person, start, end in self.memberships[organization.pk]
            if start <= day and (end is None or end >= day)
        }

    def membership_added(self, membership: Membership) -> None:
        spans = self.memberships.setdefault(membership.organization_id, [])
        spans.append((membership.person_id, membership.start_date, membership.end_date))

    def bodies_of(self, municipality: Municipality) -> Bodies:
        if municipality.pk not in self.bodies:
            self.bodies[municipality.pk] = Bodies(municipality)
        return self.bodies[municipality.pk]

    def cases_of(self, municipality: Municipality) -> Cases:
        if municipality.pk not in self.cases:
            self.cases[municipality.pk] = Cases(municipality)
        return self.cases[municipality.pk]

    def persons_of(self, municipality: Municipality) -> Persons:
        if municipality.pk not in self.persons:
            self.persons[municipality.pk] = Persons(municipality)
        return self.persons[municipality.pk]


def load(
    parsed: ParsedMeeting,
    *,
    source: str,
    sha256: str,
    municipality_name: str | None = None,
    by=None,
    cache: LoadCache | None = None,
) -> LoadResult:
    """Write one parsed document; returns what happened. Raises MeetingUnplaceable.

    Every query runs in the document's atomic block: inside a batch's transaction that
    is a savepoint, so a failing document leaves the transaction usable for the next."""
    cache = cache or LoadCache()
    try:
        with transaction.atomic():
            return _load(parsed, source, sha256, municipality_name, by, cache)
    except MeetingUnplaceable:
        raise  # nothing was written
    except Exception:
        cache.clear()  # the block rolled back: cached rows may not exist
        raise


def _load(parsed, source, sha256, municipality_name, by, cache: LoadCache) -> LoadResult:
    existing = ImportedDocument.objects.filter(sha256=sha256).first()
    if existing is not None:
        return LoadResult(existing, created=False, items=existing.item_count)
    if not parsed.body or parsed.start is None:
        raise MeetingUnplaceable("the document names no meeting body or no meeting date")
    writer = _Writer(parsed, municipality_name, cache)
    meeting = writer.write()
    writer.export.remember(meeting)
    document = ImportedDocument.objects.create(
        source=source[:500],
        sha256=sha256,
        kind=parsed.kind or "",
        layout=parsed.layout or "",
        meeting=meeting,
        item_count=len(parsed.items),
        warnings=list(parsed.warnings),
    )
    audit_record(
        action="document_import", obj=meeting, by=by, summary=source[-300:],
        sha256=sha256, items=len(parsed.items),
    )  # fmt: skip
    return LoadResult(document, created=True, items=len(parsed.items), warnings=parsed.warnings)


class _Writer:
    """Writes one document inside the caller's transaction."""

    def __init__(self, parsed: ParsedMeeting, municipality_name: str | None, cache: LoadCache):
        self.parsed = parsed
        name = (municipality_name or parsed.municipality or UNKNOWN_MUNICIPALITY).strip()
        self.municipality = cache.municipality(name[:120])
        self.start = _aware(parsed.start)
        self.day = timezone.localtime(self.start).date()
        self.term = cache.term(self.municipality, self.day)
        self.bodies = cache.bodies_of(self.municipality)
        self.organization = self.bodies.get(parsed.body)
        self.persons = cache.persons_of(self.municipality)
        self.cache = cache
        self.new_meeting = False  # set by `_meeting`: nothing to compare with
        self.approved_before = False  # set by `_meeting`: its minutes were approved already
        self.export = ExportIdentity(parsed)  # an agenda system's id of the meeting
        numbers = {i.case_number.strip() for i in parsed.items if i.case_number}
        self.case_book = cache.cases_of(self.municipality)
        # This document's cases and their routes by journal number (the book's own
        # objects); new rows are inserted in bulk by `write`.
        self.cases, self.routes = self.case_book.lookup(numbers)

    def write(self) -> Meeting:
        meeting = self._meeting()
        # Minutes read again for a meeting whose minutes are approved may find their own
        # rows (a re-download), but never change them: a difference is refused with the
        # reason the staff pages and the admin give, and the document's block rolls back.
        record = minutes_record(meeting) if self.approved_before else None
        self._write_content(meeting)
        if record is not None and minutes_record(meeting) != record:
            content_change_allowed(meeting_ids=[meeting.pk])
        return meeting  # the audit row written by `load` re-indexes the meeting for search

    def _write_content(self, meeting: Meeting) -> None:
        people = self._participants(meeting)
        minutes_already = meeting.state == Meeting.State.MINUTES_APPROVED
        if self.parsed.kind == "agenda" and minutes_already:
            return  # the approved minutes are the record; an agenda adds nothing
        existing = {} if self.new_meeting else {i.number: i for i in meeting.items.all()}
        pairs = [
            (self._item(meeting, parsed_item, order, existing), parsed_item)
            for order, parsed_item in enumerate(self.parsed.items, start=1)
        ]
        bulk_insert(Case, [case for case in self.cases.values() if case.pk is None])
        new_routes = [c for route in self.routes.values() for c in route if c.pk is None]
        bulk_insert(Consultation, new_routes)
        self.case_book.remember(self.cases, self.routes)
        printed_before = [(item, parsed) for item, parsed in pairs if item.pk is not None]
        if printed_before:  # e.g. the agenda was imported, now its minutes
            bulk_update_with_history([item for item, _ in printed_before], AgendaItem, ITEM_FIELDS)
        bulk_insert(AgendaItem, [item for item, _ in pairs if item.pk is None])
        for item, parsed in printed_before:
            item_content_update(item, self._content_rows([(item, parsed)], people))
        new_items = [
            (item, parsed) for item, parsed in pairs if (item, parsed) not in printed_before
        ]
        for model, objects in self._content_rows(new_items, people).items():
            bulk_insert(model, objects)
        for route in self.routes.values():
            route_resequence(route)

    # --- meeting and people -------------------------------------------------------------

    def _meeting(self) -> Meeting:
        meeting = self.export.meeting() or _find_meeting(self.organization, self.start)
        state = (
            Meeting.State.MINUTES_APPROVED
            if self.parsed.kind == "minutes"
            else Meeting.State.AGENDA_PUBLISHED
        )
        location = self._location()
        if meeting is None:
            meeting = Meeting(
                organization=self.organization, term=self.term, start=self.start,
                location=location, state=state,
            )  # fmt: skip
            bulk_insert(Meeting, [meeting])  # its items are indexed when the document is done
            self.new_meeting = True
            return meeting
        self.approved_before = meeting.state == Meeting.State.MINUTES_APPROVED
        if state == Meeting.State.MINUTES_APPROVED and meeting.state != state:
            meeting.state = state
            if self.start.time() != dt.time(0, 0, tzinfo=self.start.tzinfo):
                meeting.start = self.start
            meeting.location = meeting.location or location
            meeting.save()
        return meeting

    def _location(self) -> Location | None:
        text = (self.parsed.location or "").strip()[:200]
        if not text:
            return None
        return self.cache.location(self.municipality, text)

    def _participants(self, meeting: Meeting) -> dict[str, Person]:
        people = {}
        members = self.cache.members_on(self.organization, self.day)
        for participant in self.parsed.participants:
            person = self.persons.get(participant.name, participant.party)
            people[participant.name] = person
            if person.pk not in members:
                self._membership(person)
                members.add(person.pk)
        if self.parsed.kind == "minutes":
            self._attendance(meeting, people)
        return people

    def _attendance(self, meeting: Meeting, people: dict[str, Person]) -> None:
        recorded = {} if self.new_meeting else {a.person_id: a for a in meeting.attendances.all()}
        new = []
        for participant in self.parsed.participants:
            person = people[participant.name]
            status = _attendance_status(participant.note)
            reason = (participant.note or "")[:300]
            known = recorded.get(person.pk)
            if known is None:
                new.append(Attendance(meeting=meeting, person=person, status=status, reason=reason))
                recorded[person.pk] = new[-1]
            elif (known.status, known.reason) != (status, reason):
                known.status, known.reason = status, reason
                known.save()
        bulk_insert(Attendance, new)

    def _membership(self, person: Person) -> None:
        membership = Membership.objects.create(
            person=person, organization=self.organization, term=self.term,
            party=person.party, start_date=self.term.start_date if self.term else self.day,
            end_date=self.term.end_date if self.term else None,
        )  # fmt: skip
        self.cache.membership_added(membership)

    # --- items ----------------------------------------------------------------------------

    def _item(self, meeting: Meeting, parsed: ParsedItem, order: int, existing) -> AgendaItem:
        """The item with its fields set; new items are saved in bulk by the caller."""
        case = self._case(parsed)
        consultation = self._consultations(case, parsed) if case else None
        number = int(parsed.number) if parsed.number.isdigit() else None
        fields = {
            "order": order,
            "title": parsed.title[:400],
            "public": parsed.public,
            "public_title": "" if parsed.public else str(AgendaItem.CLOSED_TITLE),
            "item_type": parsed.type or "",
            "consultation": consultation,
            "draft_state": AgendaItem.DraftState.APPROVED,
        }
        item = existing.get(number)
        if item is None or number is None:
            item = AgendaItem(meeting=meeting, number=number, **fields)
            existing[number] = item
            return item
        for name, value in fields.items():
            setattr(item, name, value)  # saved by `write` once the new cases exist
        return item

    def _content_rows(self, pairs: list[tuple[AgendaItem, ParsedItem]], people) -> dict:
        """Sections, recommendation, decision, absences and bilag of the items (unsaved)."""
        rows: dict[type, list] = {
            Section: [], Recommendation: [], Decision: [], ItemAttendance: [], File: [],
        }  # fmt: skip
        for item, parsed in pairs:
            case = item.consultation.case if item.consultation else None
            rows[Section] += [
                Section(item=item, order=n, heading=s.heading[:200], body=imported_markdown(s.body))
                for n, s in enumerate(parsed.sections, start=1)
            ]
            if parsed.recommendation_by or parsed.recommendation_clauses:
                by = (parsed.recommendation_by or "")[:200]
                clauses = list(parsed.recommendation_clauses)
                rows[Recommendation].append(Recommendation(item=item, by=by, clauses=clauses))
            if parsed.decision:
                outcome = decision_outcome(parsed.decision)
                rows[Decision].append(Decision(item=item, outcome=outcome, text=parsed.decision))
            rows[ItemAttendance] += [
                ItemAttendance(
                    item=item,
                    person=people.get(name) or self.persons.get(name, None),
                    kind=ItemAttendance.Kind.ABSENT,
                )  # fmt: skip
                for name in dict.fromkeys(parsed.absent)
            ]
            rows[File] += bilag_rows(self.municipality, item, case, parsed)
        return rows

    def _case(self, parsed: ParsedItem) -> Case | None:
        number = (parsed.case_number or "").strip()
        if not number:
            return None
        case = self.cases.get(number)
        if case is None:
            case = Case(municipality=self.municipality, title=parsed.title[:400])
            case.set_journal_number(number[:60])
            self.cases[number] = case  # inserted in bulk by `write`
        return case

    def _consultations(self, case: Case, parsed: ParsedItem) -> Consultation:
        """The earlier treatments from 'Sagens forløb' and this meeting's treatment."""
        route = self.routes.setdefault(case.journal_number, [])
        for entry in parsed.history:
            if entry.date and entry.date != self.day:
                fields = {
                    "role": _role(entry.decision),
                    "status": Consultation.Status.DONE,
                    "recorded_result": entry.decision or "",
                    "recorded_absent": list(entry.absent),
                }
                consultation_put(route, case, self.bodies.get(entry.body), entry.date, fields)
        decided = bool(parsed.decision) and self.parsed.kind == "minutes"
        fields = {
            "role": _role(parsed.decision) if decided else Consultation.Role.DECIDES,
            "status": Consultation.Status.DONE if decided else Consultation.Status.SCHEDULED,
        }
        if decided:
            fields["recorded_result"] = parsed.decision
        return consultation_put(route, case, self.organization, self.day, fields)


# --- lookups and small helpers --------------------------------------------------------------


def _aware(start: dt.datetime) -> dt.datetime:
    return timezone.make_aware(start) if timezone.is_naive(start) else start


def _attendance_status(note: str | None) -> str:
    folded = (note or "").casefold()
    if "afbud" in folded or "forfald" in folded:
        return Attendance.Status.APOLOGY
    if "fravær" in folded or "fraværende" in folded:
        return Attendance.Status.ABSENT
    return Attendance.Status.PRESENT


def _find_meeting(organization: Organization, start: dt.datetime) -> Meeting | None:
    """The body's meeting at that time, else its only meeting that day (one query)."""
    near = list(
        Meeting.objects.filter(
            organization=organization,
            start__gte=start - dt.timedelta(days=1),
            start__lte=start + dt.timedelta(days=1),
        )
    )
    if exact := [m for m in near if m.start == start]:
        return exact[0]
    day = timezone.localtime(start).date()
    same_day = [m for m in near if timezone.localtime(m.start).date() == day]
    return same_day[0] if len(same_day) == 1 else None


def _role(decision: str | None) -> str:
    folded = (decision or "").casefold()
    if re.search(r"anbefal|indstill|oversend", folded):
        return Consultation.Role.RECOMMENDS
    if re.search(r"efterretning|orientering|orienteret", folded):
        return Consultation.Role.INFORMED
    return Consultation.Role.DECIDES


def decision_outcome(text: str) -> str:
    """The outcome a decision text states, by its wording."""
    folded = text.casefold()
    for pattern, outcome in _OUTCOMES:
        if re.search(pattern, folded):
            return outcome
    return Decision.Outcome.OTHER
