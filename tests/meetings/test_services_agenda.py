"""meeting_create, agenda_item_create, case_schedule, meeting_publish_agenda."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from dagsorden.cases.models import Consultation
from dagsorden.cases.services import case_create
from dagsorden.meetings.models import AgendaItem, Meeting
from dagsorden.meetings.services import (
    agenda_deadline,
    agenda_item_create,
    case_schedule,
    meeting_create,
    meeting_publish_agenda,
)
from tests.factories import OrganizationFactory, local

pytestmark = pytest.mark.django_db


def test_meeting_create_adds_the_bodys_standard_items(council_setup):
    body = council_setup["committee"]
    body.standard_items = [{"title": "Godkendelse af dagsorden", "position": "start"}]
    body.save()
    meeting = meeting_create(organization=body, start=local(2026, 11, 3))
    item = meeting.items.get()
    assert item.title == "Godkendelse af dagsorden"
    assert item.placement == AgendaItem.Placement.START


def test_case_schedule_puts_the_case_on_the_agenda_of_the_body_whose_turn_it_is(council_setup):
    committee, council = council_setup["committee"], council_setup["council"]
    case = case_create(
        municipality=council_setup["municipality"],
        title="Ny politik",
        route=[(committee, "indstiller"), (council, "afgoer")],
    )
    first = case.consultations.get(order=1)
    item = case_schedule(
        draft_state="approved",
        consultation=first,
        meeting=council_setup["meeting"],
        sections=[("Sagens kerne", "Kort fortalt.")],
    )
    first.refresh_from_db()
    assert first.status == Consultation.Status.SCHEDULED
    assert item.case == case and item.title == "Ny politik"
    assert item.sections.get().body == "Kort fortalt."


def test_case_schedule_refuses_another_body_and_a_case_not_ready(council_setup):
    committee, council = council_setup["committee"], council_setup["council"]
    case = case_create(
        municipality=council_setup["municipality"],
        title="Ny politik",
        route=[(committee, "indstiller"), (council, "afgoer")],
    )
    council_meeting = meeting_create(organization=council, start=local(2026, 10, 22))
    with pytest.raises(ValidationError, match="skal behandles i"):
        case_schedule(
            draft_state="approved",
            consultation=case.consultations.get(order=1),
            meeting=council_meeting,
        )
    with pytest.raises(ValidationError, match="kan ikke sættes på"):
        case_schedule(
            draft_state="approved",
            consultation=case.consultations.get(order=2),
            meeting=council_meeting,
        )
    assert not council_meeting.items.exists()


def test_publishing_after_the_deadline_needs_a_reason(council_setup):
    meeting = council_setup["meeting"]
    agenda_item_create(meeting=meeting, draft_state="approved", title="Sag")
    late = agenda_deadline(meeting) + dt.timedelta(hours=1)
    with pytest.raises(ValidationError, match="begrundelse"):
        meeting_publish_agenda(meeting=meeting, at=late)
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.PLANNED
    published = meeting_publish_agenda(meeting=meeting, at=late, late_reason="Ekstra sag")
    assert published.state == Meeting.State.AGENDA_PUBLISHED
    assert published.late_reason == "Ekstra sag"


def test_an_empty_agenda_cannot_be_published():
    meeting = meeting_create(organization=OrganizationFactory(), start=local(2026, 10, 13))
    with pytest.raises(ValidationError, match="ingen punkter"):
        meeting_publish_agenda(meeting=meeting, at=local(2026, 10, 1))


def test_deadline_is_four_workdays_before_at_the_meeting_time(council_setup):
    deadline = agenda_deadline(council_setup["meeting"])  # Tuesday 13 Oct 2026 16:00
    assert deadline == local(2026, 10, 7, 16)


def test_a_refused_item_leaves_the_agenda_as_it_was(council_setup):
    meeting = council_setup["meeting"]
    closed = agenda_item_create(
        meeting=meeting, draft_state="approved", title="Lukket", public=False
    )
    with pytest.raises(ValidationError):
        agenda_item_create(
            meeting=meeting,
            draft_state="approved",
            title="Åben",
            item_type="ukendt-type",
            sections=[("Sagens kerne", "Tekst")],
        )
    closed.refresh_from_db()
    assert closed.order == 1  # the room made for the refused item was rolled back
    assert list(meeting.items.values_list("title", flat=True)) == ["Lukket"]


def test_item_sections_replace_keeps_the_given_order(council_setup):
    from dagsorden.meetings.services import item_sections_replace

    item = agenda_item_create(
        meeting=council_setup["meeting"], title="Sag", sections=[("Gammel", "x")]
    )
    item_sections_replace(item=item, sections=[("Sagens kerne", "a"), ("Økonomi", "b")])
    assert [(s.order, s.heading, s.body) for s in item.sections.order_by("order")] == [
        (1, "Sagens kerne", "a"),
        (2, "Økonomi", "b"),
    ]
