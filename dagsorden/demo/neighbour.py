"""The demo's second municipality, Fjordby Kommune: smaller than Eksempel Kommune, in
its own document style and colour, so that `make demo` shows the national front page,
two portals and the municipality facet. Invented names and cases throughout.

Loaded by the `load_demo` command after the first; tests that count the first demo
(OParl, export, documents) keep loading Eksempel Kommune alone."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from dagsorden.meetings.models import Decision, Meeting
from dagsorden.meetings.services import (
    agenda_item_create,
    decision_record,
    meeting_approve_minutes,
    meeting_close,
    meeting_create,
    meeting_publish_agenda,
)
from dagsorden.organisations.models import (
    LegislativeTerm,
    Membership,
    Municipality,
    Organization,
    Party,
    Person,
)

SLUG = "fjordby"
NAME = "Fjordby Kommune"
ACCENT = "#1e5d4a"  # a dark sea green: 7:1 on white

PEOPLE = [
    ("Ragnhild", "Skovmand", "A", Membership.Role.CHAIR),
    ("Torben", "Lykkegaard", "V", Membership.Role.VICE_CHAIR),
    ("Mette", "Aalund", "F", Membership.Role.MEMBER),
]

# (title, Sagens kerne, decision text) for each held meeting.
CASES = [
    [
        (
            "Ny badebro ved Fjordby Strand",
            "Borgerforeningen ønsker en badebro, der kan bruges hele året.",
            "Badebroen etableres som foreslået.",
        ),
        (
            "Vinterberedskab for kommunens veje 2026-2027",
            "Udvalget skal fastlægge prioriteringen af saltning og snerydning.",
            "Prioriteringen godkendes.",
        ),
    ],
    [
        (
            "Tilskud til havnens kulturhus",
            "Kulturhuset søger om driftstilskud for de næste tre år.",
            "Tilskuddet bevilges for ét år ad gangen.",
        ),
    ],
]
UPCOMING = [("Budgetopfølgning for første halvår", "Opfølgning på budgettet.")]


def neighbour_exists() -> bool:
    return Municipality.objects.filter(slug=SLUG).exists()


@transaction.atomic
def neighbour_load(*, now: dt.datetime | None = None) -> Municipality:
    """Create Fjordby Kommune: one committee, three members, two held meetings with
    approved minutes and one coming meeting with its agenda sent out."""
    now = now or timezone.now()
    municipality = Municipality.objects.create(
        name=NAME,
        slug=SLUG,
        code="998",
        document_style="holbaek",
        accent_colour=ACCENT,
        item_template=["Sagens kerne", "Sagsfremstilling", "Økonomi"],
    )
    year = now.year
    LegislativeTerm.objects.create(
        municipality=municipality,
        name=f"{year - 1}-{year + 2}",
        start_date=dt.date(year - 1, 1, 1),
        end_date=dt.date(year + 2, 12, 31),
    )
    body = Organization.objects.create(
        municipality=municipality, name="Økonomi- og Havneudvalget", slug="oekonomiudvalget"
    )
    members = _members(municipality, body, dt.date(year - 1, 1, 1))
    for weeks_ago, cases in zip((9, 5), CASES, strict=True):
        _held_meeting(body, members, now - dt.timedelta(weeks=weeks_ago), cases)
    coming = _meeting(body, now + dt.timedelta(weeks=2), UPCOMING)
    meeting_publish_agenda(meeting=coming, at=now)
    return municipality


def _members(municipality, body, since: dt.date) -> list[Person]:
    people = []
    for given, family, letter, role in PEOPLE:
        party, _ = Party.objects.get_or_create(
            municipality=municipality, letter=letter, defaults={"name": f"Liste {letter}"}
        )
        person = Person.objects.create(
            municipality=municipality, given_name=given, family_name=family, party=party
        )
        Membership.objects.create(
            person=person, organization=body, party=party, role=role, start_date=since
        )
        people.append(person)
    return people


def _meeting(body, start: dt.datetime, cases) -> Meeting:
    start = start.replace(hour=16, minute=0, second=0, microsecond=0)
    meeting = meeting_create(organization=body, start=start)
    for title, core, *_decision in cases:
        agenda_item_create(
            meeting=meeting,
            title=title,
            sections=[("Sagens kerne", core)],
            item_type="beslutning",
            draft_state="approved",
        )
    return meeting


def _held_meeting(body, members, start: dt.datetime, cases) -> None:
    meeting = _meeting(body, start, cases)
    meeting_publish_agenda(meeting=meeting, at=meeting.start - dt.timedelta(days=8))
    decisions = {title: text for title, _core, text in cases}
    for item in meeting.items.alive().order_by("order"):
        if item.title in decisions:
            decision_record(
                item=item, outcome=Decision.Outcome.APPROVED, text=decisions[item.title]
            )
    meeting_close(meeting=meeting, end=meeting.start + dt.timedelta(hours=2))
    meeting_approve_minutes(meeting=meeting, at=meeting.start + dt.timedelta(days=1))
