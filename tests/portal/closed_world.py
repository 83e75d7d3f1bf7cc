"""The demo municipality plus closed items carrying unique marker words everywhere a
closed item has content: title, sections, recommendation, decision, remark, bilag, and
a case known only from a closed item."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from dagsorden.cases.models import Case, Consultation, File
from dagsorden.demo.build import demo_load
from dagsorden.meetings.models import (
    AgendaItem,
    Decision,
    DecisionRemark,
    Meeting,
    Recommendation,
    Section,
)

NOW = dt.datetime(2026, 10, 1, 12, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))

# Invented words that occur nowhere else, one per place a closed item keeps content.
MARKERS = {
    "title": "Qworpax",
    "section_heading": "Zyndrelik",
    "section_body": "Fribblonet",
    "recommendation": "Kvastromil",
    "decision": "Plumbrazik",
    "remark": "Ostravenki",
    "bilag_name": "Jaxtrovel",
    "bilag_text": "Vemblorsk",
    "case_title": "Traxilomba",
    "presenters": "Gnorvildt",
}


def add_closed_item(meeting: Meeting, suffix: str, *, case: Case | None = None) -> AgendaItem:
    consultation = None
    if case is not None:
        consultation = Consultation.objects.create(
            case=case,
            organization=meeting.organization,
            order=case.consultations.count() + 1,
            role=Consultation.Role.DECIDES,
            status=Consultation.Status.DONE,
        )
    item = AgendaItem.objects.create(
        meeting=meeting,
        consultation=consultation,
        number=90,
        order=90,
        public=False,
        title=f"{MARKERS['title']} {suffix}",
        public_title="Personalesag",
        item_type=AgendaItem.Type.DECISION,
        presenters=MARKERS["presenters"],
    )
    Section.objects.create(
        item=item,
        order=1,
        heading=MARKERS["section_heading"],
        body=f"Teksten {MARKERS['section_body']}.",
    )
    Recommendation.objects.create(item=item, by="Direktionen", clauses=[MARKERS["recommendation"]])
    decision = Decision.objects.create(
        item=item, outcome=Decision.Outcome.APPROVED, text=MARKERS["decision"]
    )
    DecisionRemark.objects.create(
        decision=decision, kind=DecisionRemark.Kind.PROTOCOL, text=MARKERS["remark"]
    )
    File.objects.create(
        municipality=meeting.organization.municipality,
        agenda_item=item,
        case=case,
        name=MARKERS["bilag_name"],
        text=MARKERS["bilag_text"],
        file_name="bilag.pdf",
        file="bilag/lukket.pdf",
        public=True,
    )
    return item


def plant_closed_demo(*, now: dt.datetime = NOW):
    """Load the demo and plant closed items: one on the latest approved minutes with a
    case known only from it, one on the minutes before sharing a public item's case,
    and one on an agenda sent out (when the demo has one). The demo's World comes back
    with `closed_items` and `secret_case` added."""
    world = demo_load(now=now)
    held = Meeting.objects.filter(state=Meeting.State.MINUTES_APPROVED).order_by("-start")
    upcoming = Meeting.objects.filter(state=Meeting.State.AGENDA_PUBLISHED).first()
    secret_case = Case.objects.create(
        municipality=world.municipality,
        title=MARKERS["case_title"],
        journal_number="00.00.00-A00-999-26",
    )
    shared_case = Case.objects.filter(consultations__agenda_items__public=True).first()
    closed = [
        add_closed_item(held[0], "a", case=secret_case),
        add_closed_item(held[1], "b", case=shared_case),
    ]
    if upcoming is not None:
        closed.append(add_closed_item(upcoming, "c"))
    world.closed_items = closed
    world.secret_case = secret_case
    return world


@pytest.fixture
def demo_with_secrets(db):
    return plant_closed_demo()


@pytest.fixture
def demo_portal(transactional_db):
    """The demo municipality for browser tests (live server, so committed data)."""
    return demo_load(now=NOW)
