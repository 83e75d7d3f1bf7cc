"""Build Eksempel Kommune: bodies, two terms of members, a year of meetings with cases that
travel Direktionen → fagudvalg → Økonomiudvalget → Kommunalbestyrelsen.

Meetings before `now` are held: agenda published, attendance and decisions recorded,
minutes approved by the members (which advances the cases). Meetings after `now` have
their agenda published once the deadline has come, and are otherwise planned."""

import datetime as dt
import secrets
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from dagsorden.cases.models import Case, Consultation
from dagsorden.cases.services import case_create, file_attach
from dagsorden.meetings.models import AgendaItem, Attendance, Decision, DecisionRemark, Meeting
from dagsorden.meetings.selectors import meeting_attendees
from dagsorden.meetings.services import (
    agenda_deadline,
    approval_record,
    attendance_record_absence,
    case_schedule,
    decision_add_remark,
    decision_record,
    item_postpone,
    item_sections_replace,
    item_set_draft_state,
    meeting_close,
    meeting_create,
    meeting_publish_agenda,
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
from dagsorden.staff.models import Assignment

from . import content, people
from .bilag import bilag_pdf_bytes

SLUG = "eksempel"
NAME = "Eksempel Kommune"
TZ = ZoneInfo("Europe/Copenhagen")
ADMIN_USERNAME = "admin"

# Day offset from the cycle's first Monday, hour and minute, and location key per body.
SCHEDULE = {
    content.DIR: (0, 9, 0, "direktion"),
    content.SSU: (8, 16, 0, "moedelokale"),
    content.TMU: (9, 16, 0, "moedelokale"),
    content.OEU: (14, 16, 30, "moedelokale"),
    content.KB: (16, 19, 0, "byraadssal"),
}
THEMES_PER_CYCLE = 3


@dataclass
class World:
    municipality: Municipality
    admin: object
    now: dt.datetime
    bodies: dict[str, Organization] = field(default_factory=dict)
    persons: dict[str, Person] = field(default_factory=dict)
    terms: list[LegislativeTerm] = field(default_factory=list)
    locations: dict[str, Location] = field(default_factory=dict)
    bilag_cache: dict[tuple[str, str], bytes] = field(default_factory=dict)


def demo_exists() -> bool:
    return Municipality.objects.filter(slug=SLUG).exists()


@transaction.atomic
def demo_load(*, now: dt.datetime | None = None, admin_password: str | None = None) -> World:
    """Create the demo municipality. Call only on a database without it."""
    admin = _admin_user(admin_password or demo_password())
    world = World(municipality=_municipality(), admin=admin, now=now or timezone.now())
    _structure(world)
    _demo_users(world, admin.demo_password)
    meetings = _meetings(world)
    themes = iter(content.THEMES)
    for cycle, cycle_meetings in enumerate(meetings):
        _cases_for_cycle(world, cycle, [next(themes) for _ in range(THEMES_PER_CYCLE)])
        for meeting in cycle_meetings:
            _run_meeting(world, meeting, cycle)
    return world


def demo_password() -> str:
    """Random, 16 characters: passes the password validators (length, not numeric)."""
    return secrets.token_urlsafe(12)


def _admin_user(password: str):
    User = get_user_model()
    admin = User.objects.create_superuser(ADMIN_USERNAME, "admin@eksempel.invalid", password)
    admin.demo_password = password
    return admin


DEMO_USERS = {
    # username: (role, body slugs, person family name)
    "sekretaer": (
        "secretary",
        [content.KB, content.OEU, content.SSU, content.TMU, content.DIR],
        "",
    ),
    "sagsbehandler": ("case_officer", [content.TMU, content.SSU], ""),
    "medlem": ("", [], "Overgaard Lind"),
}


def _demo_users(world: World, password: str) -> None:
    """A secretary for every body, a case officer, and a login with an e-mail address
    for every politician and official, all sharing the demo password, so that every
    member can read closed items and sign the minutes, and every notice has a reader."""
    User = get_user_model()
    # Hashed once: two dozen users must not cost two dozen slow password hashes.
    hashed = make_password(password)
    named = {family: username for username, (_r, _s, family) in DEMO_USERS.items() if family}
    for username, (role, slugs, family) in DEMO_USERS.items():
        if family:
            continue  # made with the other members below
        user = User.objects.create(
            username=username, email=f"{username}@eksempel.invalid", password=hashed
        )
        for slug in slugs:
            Assignment.objects.create(user=user, role=role, organization=world.bodies[slug])
    for family, person in world.persons.items():
        username = named.get(family) or member_username(person.given_name, family)
        user = User.objects.create(
            username=username,
            email=f"{username}@eksempel.invalid",
            password=hashed,
            first_name=person.given_name,
            last_name=family,
        )
        person.user = user
        person.email = user.email
        person.save(update_fields=["user", "email", "modified"])


_ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e"})


def member_username(given: str, family: str) -> str:
    """'Signe', 'Bækgaard' -> 'signe.baekgaard' (the first family name only)."""
    first_family = family.split()[0]
    return f"{given}.{first_family}".lower().translate(_ASCII).replace("-", "")


def _municipality() -> Municipality:
    return Municipality.objects.create(
        name=NAME,
        slug=SLUG,
        code="999",
        website="https://eksempel.invalid/",
        item_template=content.ITEM_TEMPLATE,
    )


def _structure(world: World) -> None:
    m = world.municipality
    world.terms = [
        LegislativeTerm.objects.create(
            municipality=m,
            name="2022-2025",
            start_date=dt.date(2022, 1, 1),
            end_date=dt.date(2025, 12, 31),
        ),
        LegislativeTerm.objects.create(
            municipality=m,
            name="2026-2029",
            start_date=dt.date(2026, 1, 1),
            end_date=dt.date(2029, 12, 31),
        ),
    ]
    parties = {
        letter: Party.objects.create(municipality=m, letter=letter, name=name)
        for letter, name in people.PARTIES
    }
    world.locations = {
        "byraadssal": Location.objects.create(
            municipality=m,
            description="Rådhuset",
            room="Byrådssalen",
            street_address="Torvet 1",
            postal_code="9999",
            locality="Eksempelby",
        ),
        "moedelokale": Location.objects.create(
            municipality=m,
            description="Rådhuset",
            room="Mødelokale 2",
            street_address="Torvet 1",
            postal_code="9999",
            locality="Eksempelby",
        ),
        "direktion": Location.objects.create(
            municipality=m,
            description="Rådhuset",
            room="Direktionens mødelokale",
            street_address="Torvet 1",
            postal_code="9999",
            locality="Eksempelby",
        ),
    }
    for given, family, letter, *_terms in people.POLITICIANS:
        world.persons[family] = Person.objects.create(
            municipality=m, given_name=given, family_name=family, party=parties[letter]
        )
    for given, family, title in people.OFFICIALS:
        world.persons[family] = Person.objects.create(
            municipality=m, given_name=given, family_name=family, title=title
        )
    _bodies(world)
    _memberships(world)


def _bodies(world: World) -> None:
    m = world.municipality
    specs = [
        (content.KB, "Kommunalbestyrelsen", "KB", Organization.Kind.COUNCIL, "year"),
        (content.OEU, "Økonomiudvalget", "ØU", Organization.Kind.FINANCE, "year"),
        (content.SSU, "Social- og Sundhedsudvalget", "SSU", Organization.Kind.COMMITTEE, "meeting"),
        (content.TMU, "Teknik- og Miljøudvalget", "TMU", Organization.Kind.COMMITTEE, "meeting"),
        (content.DIR, "Direktionen", "DIR", Organization.Kind.EXECUTIVE, "meeting"),
    ]
    for slug, name, short, kind, numbering in specs:
        world.bodies[slug] = Organization.objects.create(
            municipality=m,
            slug=slug,
            name=name,
            short_name=short,
            kind=kind,
            item_numbering=numbering,
            standard_items=[] if kind == Organization.Kind.EXECUTIVE else content.STANDARD_ITEMS,
            default_location=world.locations[SCHEDULE[slug][3]],
        )


def _memberships(world: World) -> None:
    old, new = world.terms
    for given, family, _letter, in_old, in_new in people.POLITICIANS:
        person = world.persons[family]
        for term, sits in ((old, in_old), (new, in_new)):
            if sits:
                role = "formand" if (given, family) == people.MAYOR else "medlem"
                if family == "Dalsgård":
                    role = "naestformand"
                _seat(world, content.KB, person, term, role)
    for term, committees in ((old, people.COMMITTEES_2022), (new, people.COMMITTEES_2026)):
        for slug, seats in committees.items():
            for family, role in seats:
                _seat(world, slug, world.persons[family], term, role)
    for index, (_given, family, _title) in enumerate(people.OFFICIALS):
        Membership.objects.create(
            person=world.persons[family],
            organization=world.bodies[content.DIR],
            role="formand" if index == 0 else "medlem",
            voting_right=False,
            start_date=dt.date(2020, 1, 1),
        )


def _seat(world: World, slug: str, person: Person, term: LegislativeTerm, role: str) -> None:
    Membership.objects.create(
        person=person,
        organization=world.bodies[slug],
        term=term,
        role=role,
        party=person.party,
        start_date=term.start_date,
        end_date=term.end_date,
    )


def _cycle_anchors(now: dt.datetime) -> list[dt.date]:
    """Mondays that start the four-weekly meeting cycles: one in the old term, then cycles
    placed around `now` so that, whatever the day, the demo has held meetings with
    approved minutes, coming meetings with a published agenda and planned ones."""
    today = timezone.localtime(now, TZ).date()
    current = _monday_on_or_after(today - dt.timedelta(days=12))
    anchors = [current + dt.timedelta(weeks=4 * k) for k in range(-3, 2)]
    return [_first_monday(2025, 11)] + [a for a in anchors if a.year >= 2026]


def _monday_on_or_after(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=(7 - day.weekday()) % 7)


def _first_monday(year: int, month: int) -> dt.date:
    return _monday_on_or_after(dt.date(year, month, 1))


def _meetings(world: World) -> list[list[Meeting]]:
    cycles = []
    for anchor in _cycle_anchors(world.now):
        cycle = []
        for slug in (content.DIR, content.SSU, content.TMU, content.OEU, content.KB):
            offset, hour, minute, location = SCHEDULE[slug]
            start = dt.datetime.combine(
                anchor + dt.timedelta(days=offset), dt.time(hour, minute), tzinfo=TZ
            )
            cycle.append(_meeting_create(world, slug, start, location))
        cycles.append(cycle)
    return cycles


def _meeting_create(world: World, slug: str, start: dt.datetime, location: str) -> Meeting:
    meeting = meeting_create(
        organization=world.bodies[slug],
        start=start,
        location=world.locations[location],
        by=world.admin,
    )
    announcement = content.ANNOUNCEMENTS[start.month % len(content.ANNOUNCEMENTS)]
    for item in meeting.items.all():
        if item.title.startswith("Meddelelser"):
            item_sections_replace(
                item=item, sections=[("Sagsfremstilling", announcement)], by=world.admin
            )
    return meeting


def _cases_for_cycle(world: World, cycle: int, themes: list[content.Theme]) -> None:
    first_meeting_year = _cycle_anchors(world.now)[cycle].year
    for index, theme in enumerate(themes):
        serial = 100 + cycle * THEMES_PER_CYCLE + index
        route = [
            (world.bodies[slug], "afgoer" if slug == theme.route[-1] else "indstiller")
            for slug in theme.route
        ]
        if theme.item_type == "orientering":
            route[-1] = (route[-1][0], "orienteres")
        case_create(
            municipality=world.municipality,
            title=theme.title,
            route=route,
            journal_number=f"{theme.kle}-{theme.facet}-{serial}-{first_meeting_year % 100:02d}",
            responsible_unit=theme.unit,
            by=world.admin,
        )


def _theme_of(case: Case) -> content.Theme:
    return next(t for t in content.THEMES if t.title == case.title)


def _run_meeting(world: World, meeting: Meeting, cycle: int) -> None:
    _schedule_ready_cases(world, meeting)
    deadline = agenda_deadline(meeting)
    if deadline > world.now:
        return  # the agenda is not due yet: the meeting stays planned
    meeting = meeting_publish_agenda(
        meeting=meeting, at=deadline - dt.timedelta(days=1), by=world.admin
    )
    if meeting.start > world.now:
        return
    _record_attendance(world, meeting, cycle)
    _record_decisions(world, meeting, cycle)
    meeting = meeting_close(
        meeting=meeting, end=meeting.start + dt.timedelta(hours=2), by=world.admin
    )
    _approve(world, meeting)


def _schedule_ready_cases(world: World, meeting: Meeting) -> None:
    ready = Consultation.objects.filter(
        organization=meeting.organization, status=Consultation.Status.READY
    ).select_related("case")
    for consultation in ready:
        theme = _theme_of(consultation.case)
        item = case_schedule(
            consultation=consultation,
            meeting=meeting,
            sections=_sections(world, theme),
            public=not theme.closed,
            public_title=theme.public_title,
            item_type=theme.item_type,
            recommendation_by="Forvaltningen"
            if meeting.organization.kind == "executive"
            else "Direktionen",
            recommendation_clauses=theme.clauses,
            by=world.admin,
        )
        _attach_bilag(world, item, theme)
        item_set_draft_state(item=item, state=AgendaItem.DraftState.READY, by=world.admin)
        item_set_draft_state(item=item, state=AgendaItem.DraftState.APPROVED, by=world.admin)


def _sections(world: World, theme: content.Theme) -> list[tuple[str, str]]:
    deciding = world.bodies[theme.route[-1]].name
    texts = {
        "Sagens kerne": theme.core,
        "Beslutningskompetence": deciding,
        "Sagsfremstilling": theme.body,
        "Økonomi og finansiering": theme.economy,
        "Høring og kommunikation": theme.communication,
    }
    return [(heading, texts[heading]) for heading in world.municipality.item_template]


def _attach_bilag(world: World, item: AgendaItem, theme: content.Theme) -> None:
    for title in theme.bilag:
        key = (theme.key, title)
        if key not in world.bilag_cache:
            world.bilag_cache[key] = bilag_pdf_bytes(
                title=title,
                municipality=world.municipality.name,
                case_title=theme.title,
                paragraphs=[theme.core, theme.economy],
            )
        file_attach(
            data=world.bilag_cache[key],
            name=title,
            file_name=f"{slugify(title)}.pdf",
            agenda_item=item,
            by=world.admin,
        )


def _substitutions(meeting: Meeting) -> dict:
    if meeting.term and meeting.term.name == "2022-2025":
        return people.SUBSTITUTIONS_2022
    return people.SUBSTITUTIONS


def _record_attendance(world: World, meeting: Meeting, cycle: int) -> None:
    slug = meeting.organization.slug
    if cycle % 2 == 0 and slug in _substitutions(meeting):
        absent, substitute, reason = _substitutions(meeting)[slug]
        attendance_record_absence(
            meeting=meeting,
            person=world.persons[absent],
            reason=reason,
            substitute=world.persons[substitute],
            by=world.admin,
        )
    elif slug == content.KB and cycle % 2 == 1:
        attendance_record_absence(
            meeting=meeting, person=world.persons["Præstholm"], reason="Afbud", by=world.admin
        )
    elif slug == content.OEU and cycle == 2:
        attendance_record_absence(
            meeting=meeting,
            person=world.persons["Bækgaard"],
            status=Attendance.Status.ABSENT,
            by=world.admin,
        )


OUTCOME_BY_ROLE = {
    "indstiller": (Decision.Outcome.RECOMMENDED, "Anbefales."),
    "afgoer": (Decision.Outcome.APPROVED, "Godkendt."),
    "orienteres": (Decision.Outcome.NOTED, "Orienteringen blev taget til efterretning."),
}


POSTPONED_THEME = "vinter"  # postponed once in its first body, to show "Udsat" in history


def _first_treatment(item: AgendaItem) -> bool:
    return item.consultation.order == 1 and not item.postponed_from_id


STANDARD_DECISIONS = {
    "Godkendelse af dagsorden": (Decision.Outcome.APPROVED, "Godkendt."),
    "Meddelelser fra formanden": (Decision.Outcome.INFORMED, "Orientering foretaget."),
    "Eventuelt": (Decision.Outcome.OTHER, "Intet."),
}


def _record_decisions(world: World, meeting: Meeting, cycle: int) -> None:
    for item in meeting.items.select_related("consultation__case").order_by("order"):
        if item.is_standard:
            outcome, text = STANDARD_DECISIONS[item.title]
            decision_record(item=item, outcome=outcome, text=text, by=world.admin)
            continue
        theme = _theme_of(item.case)
        if theme.key == POSTPONED_THEME and _first_treatment(item):
            item_postpone(item=item, reason="Udsat til næste møde.", by=world.admin)
            continue
        _decide_case_item(world, item, theme)


def _decide_case_item(world: World, item: AgendaItem, theme: content.Theme) -> None:
    if theme.item_type == "drøftelse":
        outcome, text = Decision.Outcome.DISCUSSED, "Udvalget drøftede sagen."
    else:
        outcome, text = OUTCOME_BY_ROLE[item.consultation.role]
    votes = None
    if theme.against and item.meeting.organization.slug == content.KB:
        votes, text = _vote(item, theme.against)
    decision = decision_record(item=item, outcome=outcome, text=text, votes=votes, by=world.admin)
    if votes and "imod" in votes.values():
        decision_add_remark(
            decision=decision,
            kind=DecisionRemark.Kind.PROTOCOL,
            text=f"{', '.join(theme.against)} ønskede sagen udsat for at få flere oplysninger.",
            persons=[person for person, choice in votes.items() if choice == "imod"],
            by=world.admin,
        )


def _vote(item: AgendaItem, against: tuple[str, ...]):
    voters = meeting_attendees(item.meeting)
    votes = {p: ("imod" if p.party and p.party.letter in against else "for") for p in voters}
    opponents = sorted({p.party.letter for p, choice in votes.items() if choice == "imod"})
    count_against = sum(1 for choice in votes.values() if choice == "imod")
    text = f"Godkendt med {len(votes) - count_against} stemmer for og {count_against} imod."
    if opponents:
        text += f" Imod stemte {', '.join(opponents)}."
    return votes, text


def _approve(world: World, meeting: Meeting) -> None:
    """Every present member signs the minutes, except on Social- og Sundhedsudvalget's
    most recent meeting, where one signature is still missing (a pending approval)."""
    pending = (
        meeting.organization.slug == content.SSU
        and not Meeting.objects.filter(
            organization=meeting.organization, start__gt=meeting.start, start__lte=world.now
        ).exists()
    )
    present = list(
        meeting.attendances.filter(status=Attendance.Status.PRESENT).select_related("person")
    )
    signers = present[:-1] if pending else present
    for row in signers:
        approval_record(
            meeting=meeting,
            person=row.person,
            by=world.admin,
            at=meeting.end + dt.timedelta(hours=1),
        )
