"""Write a :class:`ParsedMeeting` to the database, idempotently.

One transaction per document. The document's SHA-256 is its identity: the same bytes
imported again change nothing. A meeting is identified by its body and start, so an
agenda and later its minutes fill the same meeting; items by their printed number
within the meeting; cases by journal number within the municipality, so two documents
that mention the same case build one case with its whole route ("Sagens forløb").

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
from django.utils.text import slugify

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
from dagsorden.organisations.models import (
    LegislativeTerm,
    Location,
    Membership,
    Municipality,
    Organization,
    Party,
    Person,
)

from .models import ImportedDocument
from .parsed import ParsedHistoryEntry, ParsedItem, ParsedMeeting

UNKNOWN_MUNICIPALITY = "Ukendt kommune"
_PERIOD_SUFFIX = re.compile(r"\s+(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}$")
_TRANSLIT = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})

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


def load(
    parsed: ParsedMeeting,
    *,
    source: str,
    sha256: str,
    municipality_name: str | None = None,
    by=None,
) -> LoadResult:
    """Write one parsed document; returns what happened. Raises MeetingUnplaceable."""
    existing = ImportedDocument.objects.filter(sha256=sha256).first()
    if existing is not None:
        return LoadResult(existing, created=False, items=existing.item_count)
    if not parsed.body or parsed.start is None:
        raise MeetingUnplaceable("the document names no meeting body or no meeting date")
    with transaction.atomic():
        meeting = _Writer(parsed, municipality_name).write()
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

    def __init__(self, parsed: ParsedMeeting, municipality_name: str | None):
        self.parsed = parsed
        self.municipality = _municipality(
            municipality_name or parsed.municipality or UNKNOWN_MUNICIPALITY
        )
        self.start = _aware(parsed.start)
        self.day = timezone.localtime(self.start).date()
        self.term = _term(self.municipality, self.day)
        self.organization = _organization(self.municipality, parsed.body)

    def write(self) -> Meeting:
        meeting = self._meeting()
        people = self._participants(meeting)
        minutes_already = meeting.state == Meeting.State.MINUTES_APPROVED
        if self.parsed.kind == "agenda" and minutes_already:
            return meeting  # the approved minutes are the record; an agenda adds nothing
        for order, parsed_item in enumerate(self.parsed.items, start=1):
            self._item(meeting, parsed_item, order, people)
        return meeting

    # --- meeting and people -------------------------------------------------------------

    def _meeting(self) -> Meeting:
        meeting = _find_meeting(self.organization, self.start)
        state = (
            Meeting.State.MINUTES_APPROVED
            if self.parsed.kind == "minutes"
            else Meeting.State.AGENDA_PUBLISHED
        )
        location = self._location()
        if meeting is None:
            return Meeting.objects.create(
                organization=self.organization, term=self.term, start=self.start,
                location=location, state=state,
            )  # fmt: skip
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
        location, _ = Location.objects.get_or_create(
            municipality=self.municipality, description=text
        )
        return location

    def _participants(self, meeting: Meeting) -> dict[str, Person]:
        people = {}
        for participant in self.parsed.participants:
            person = _person(self.municipality, participant.name, participant.party)
            people[participant.name] = person
            self._membership(person)
            if self.parsed.kind == "minutes":
                status = _attendance_status(participant.note)
                Attendance.objects.update_or_create(
                    meeting=meeting, person=person,
                    defaults={"status": status, "reason": participant.note or ""},
                )  # fmt: skip
        return people

    def _membership(self, person: Person) -> None:
        active = Membership.objects.active_on(self.day).filter(
            person=person, organization=self.organization
        )
        if not active.exists():
            Membership.objects.create(
                person=person, organization=self.organization, term=self.term,
                party=person.party, start_date=self.term.start_date if self.term else self.day,
                end_date=self.term.end_date if self.term else None,
            )  # fmt: skip

    # --- items ----------------------------------------------------------------------------

    def _item(self, meeting: Meeting, parsed: ParsedItem, order: int, people) -> None:
        case = self._case(parsed)
        consultation = self._consultations(case, parsed) if case else None
        number = int(parsed.number) if parsed.number.isdigit() else None
        item = AgendaItem.objects.filter(meeting=meeting, number=number).first()
        fields = {
            "order": order,
            "title": parsed.title[:400],
            "public": parsed.public,
            "public_title": "" if parsed.public else str(AgendaItem.CLOSED_TITLE),
            "item_type": parsed.type or "",
            "consultation": consultation,
            "draft_state": AgendaItem.DraftState.APPROVED,
        }
        if item is None:
            item = AgendaItem.objects.create(meeting=meeting, number=number, **fields)
        else:
            for name, value in fields.items():
                setattr(item, name, value)
            item.save()
        self._item_content(item, parsed, case, people)

    def _item_content(self, item: AgendaItem, parsed: ParsedItem, case, people) -> None:
        item.sections.all().delete()
        Section.objects.bulk_create(
            Section(item=item, order=n, heading=s.heading[:200], body=s.body)
            for n, s in enumerate(parsed.sections, start=1)
        )
        if parsed.recommendation_by or parsed.recommendation_clauses:
            Recommendation.objects.update_or_create(
                item=item,
                defaults={
                    "by": (parsed.recommendation_by or "")[:200],
                    "clauses": list(parsed.recommendation_clauses),
                },
            )
        if parsed.decision:
            Decision.objects.update_or_create(
                item=item,
                defaults={"outcome": decision_outcome(parsed.decision), "text": parsed.decision},
            )
        for name in parsed.absent:
            person = people.get(name) or _person(self.municipality, name, None)
            ItemAttendance.objects.get_or_create(
                item=item, person=person, defaults={"kind": ItemAttendance.Kind.ABSENT}
            )
        item.files.filter(file="").delete()  # bilag known only by title are re-read
        File.objects.bulk_create(
            File(
                municipality=self.municipality,
                agenda_item=item,
                case=case,
                name=title[:300],
                public=parsed.public,
                order=n,
            )  # fmt: skip
            for n, title in enumerate(parsed.attachments, start=1)
        )

    def _case(self, parsed: ParsedItem) -> Case | None:
        number = (parsed.case_number or "").strip()
        if not number:
            return None
        case = Case.objects.filter(municipality=self.municipality, journal_number=number).first()
        if case is None:
            case = Case(municipality=self.municipality, title=parsed.title[:400])
            case.set_journal_number(number[:60])
            case.save()
        return case

    def _consultations(self, case: Case, parsed: ParsedItem) -> Consultation:
        """The earlier treatments from 'Sagens forløb' and this meeting's treatment."""
        for entry in parsed.history:
            if entry.date and entry.date != self.day:
                self._history_consultation(case, entry)
        current = _consultation(case, self.organization, self.day)
        decided = bool(parsed.decision) and self.parsed.kind == "minutes"
        current.role = _role(parsed.decision) if decided else Consultation.Role.DECIDES
        current.status = Consultation.Status.DONE if decided else Consultation.Status.SCHEDULED
        current.recorded_result = parsed.decision or "" if decided else current.recorded_result
        current.save()
        _resequence(case)
        return current

    def _history_consultation(self, case: Case, entry: ParsedHistoryEntry) -> None:
        body = _organization(self.municipality, entry.body)
        consultation = _consultation(case, body, entry.date)
        consultation.role = _role(entry.decision)
        consultation.status = Consultation.Status.DONE
        consultation.recorded_result = entry.decision or ""
        consultation.recorded_absent = list(entry.absent)
        consultation.save()


# --- lookups and small helpers --------------------------------------------------------------


def _aware(start: dt.datetime) -> dt.datetime:
    return timezone.make_aware(start) if timezone.is_naive(start) else start


def _slug(text: str) -> str:
    return slugify(text.translate(_TRANSLIT))[:50] or "x"


def _municipality(name: str) -> Municipality:
    name = name.strip()[:120]
    found = Municipality.objects.filter(name__iexact=name).first()
    if found:
        return found
    slug = _unique_slug(Municipality.objects.all(), _slug(name))
    return Municipality.objects.create(name=name, slug=slug)


def _unique_slug(queryset, base: str) -> str:
    slug, n = base, 1
    while queryset.filter(slug=slug).exists():
        n += 1
        slug = f"{base[:46]}-{n}"
    return slug


def _body_key(name: str) -> str:
    """'Socialudvalget 2022-2025' and 'Socialudvalget' are the same body."""
    return _PERIOD_SUFFIX.sub("", name.strip().rstrip(".")).casefold()


def _organization(municipality: Municipality, name: str) -> Organization:
    name = name.strip().rstrip(".")[:160]
    bodies = Organization.objects.filter(municipality=municipality)
    found = bodies.filter(name__iexact=name).first()
    if found:
        return found
    key = _body_key(name)
    for candidate in bodies.filter(name__istartswith=key[:20]):
        if _body_key(candidate.name) == key:
            return candidate
    slug = _unique_slug(bodies, _slug(name))
    return Organization.objects.create(
        municipality=municipality, name=name, slug=slug, kind=_organization_kind(name)
    )


def _organization_kind(name: str) -> str:
    folded = name.casefold()
    if re.search(r"kommunalbestyrelse|byråd|borgerrepræsentation", folded):
        return Organization.Kind.COUNCIL
    if "økonomiudvalg" in folded:
        return Organization.Kind.FINANCE
    if "direktion" in folded:
        return Organization.Kind.EXECUTIVE
    if "udvalg" in folded:
        return Organization.Kind.COMMITTEE
    if re.search(r"råd|nævn", folded):
        return Organization.Kind.BOARD
    return Organization.Kind.OTHER


def _term(municipality: Municipality, day: dt.date) -> LegislativeTerm:
    """The valgperiode containing the day; Danish terms run four years from 2022, 2026 …"""
    found = LegislativeTerm.objects.filter(
        municipality=municipality, start_date__lte=day, end_date__gte=day
    ).first()
    if found:
        return found
    first = 2022 + 4 * ((day.year - 2022) // 4)
    term, _ = LegislativeTerm.objects.get_or_create(
        municipality=municipality,
        name=f"{first}-{first + 3}",
        defaults={"start_date": dt.date(first, 1, 1), "end_date": dt.date(first + 3, 12, 31)},
    )
    return term


def _person(municipality: Municipality, name: str, party_letter: str | None) -> Person:
    given, _, family = name.strip().rpartition(" ")
    given, family = (given or family)[:120], (family if given else "")[:120]
    person = Person.objects.filter(
        municipality=municipality, given_name=given, family_name=family
    ).first()
    party = _party(municipality, party_letter) if party_letter else None
    if person is None:
        return Person.objects.create(
            municipality=municipality, given_name=given, family_name=family, party=party
        )
    if party and person.party_id != party.pk:
        person.party = party
        person.save()
    return person


def _party(municipality: Municipality, letter: str) -> Party:
    party, _ = Party.objects.get_or_create(
        municipality=municipality, letter=letter[:4], defaults={"name": letter}
    )
    return party


def _attendance_status(note: str | None) -> str:
    folded = (note or "").casefold()
    if "afbud" in folded or "forfald" in folded:
        return Attendance.Status.APOLOGY
    if "fravær" in folded or "fraværende" in folded:
        return Attendance.Status.ABSENT
    return Attendance.Status.PRESENT


def _find_meeting(organization: Organization, start: dt.datetime) -> Meeting | None:
    exact = Meeting.objects.filter(organization=organization, start=start).first()
    if exact:
        return exact
    day = timezone.localtime(start).date()
    same_day = [
        m
        for m in Meeting.objects.filter(
            organization=organization,
            start__gte=start - dt.timedelta(days=1),
            start__lte=start + dt.timedelta(days=1),
        )
        if timezone.localtime(m.start).date() == day
    ]
    return same_day[0] if len(same_day) == 1 else None


def _consultation(case: Case, organization: Organization, day: dt.date | None) -> Consultation:
    found = Consultation.objects.filter(
        case=case, organization=organization, recorded_date=day
    ).first()
    if found:
        return found
    last = case.consultations.order_by("-order").values_list("order", flat=True).first() or 0
    return Consultation.objects.create(
        case=case, organization=organization, order=last + 1, recorded_date=day,
        role=Consultation.Role.RECOMMENDS, status=Consultation.Status.DONE,
    )  # fmt: skip


def _resequence(case: Case) -> None:
    """Keep the route in date order (documents may be imported in any order)."""
    consultations = list(case.consultations.all())
    wanted = sorted(consultations, key=lambda c: (c.recorded_date or dt.date.max, c.order))
    if [c.pk for c in wanted] == [c.pk for c in sorted(consultations, key=lambda c: c.order)]:
        return
    offset = max(c.order for c in consultations) + 1
    for consultation in consultations:  # two steps: (case, order) is unique
        Consultation.objects.filter(pk=consultation.pk).update(order=consultation.order + offset)
    for order, consultation in enumerate(wanted, start=1):
        Consultation.objects.filter(pk=consultation.pk).update(order=order)


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
