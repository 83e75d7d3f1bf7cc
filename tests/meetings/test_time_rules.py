"""Time rules: a meeting is run from its day on, its end is real, a case reaches the next
body only after the decision, and the numbers shown before publication follow the order."""

import pytest
import time_machine
from django.core.exceptions import ValidationError

from dagsorden.meetings.models import Meeting
from dagsorden.meetings.services import (
    agenda_item_create,
    agenda_reorder,
    approval_record,
    case_schedule,
    decision_record,
    item_attendance_record,
    meeting_close,
    meeting_create,
)
from tests.factories import local

pytestmark = pytest.mark.django_db


@pytest.fixture
def december(council_setup):
    """The committee's agenda for 30 December is out on 1 December."""
    from dagsorden.cases.services import case_create
    from dagsorden.meetings.services import meeting_publish_agenda

    setup = council_setup
    case = case_create(
        municipality=setup["municipality"],
        title="Vintervedligehold",
        route=[(setup["committee"], "indstiller"), (setup["council"], "afgoer")],
    )
    meeting = meeting_create(organization=setup["committee"], start=local(2026, 12, 30, 16))
    item = case_schedule(
        consultation=case.consultations.get(order=1),
        meeting=meeting,
        draft_state="approved",
        sections=[("Sagsfremstilling", "Saltning af cykelstier.")],
    )
    council_early = meeting_create(organization=setup["council"], start=local(2026, 12, 17, 19))
    council_later = meeting_create(organization=setup["council"], start=local(2027, 1, 28, 19))
    meeting_publish_agenda(meeting=meeting, at=local(2026, 12, 1, 9))
    return {
        **setup,
        "case": case,
        "meeting": meeting,
        "item": item,
        "council_early": council_early,
        "council_later": council_later,
    }


def test_nothing_is_decided_before_the_meeting_day(december):
    with time_machine.travel(local(2026, 12, 1, 10), tick=False):
        with pytest.raises(ValidationError, match="holdes først den 30. december 2026"):
            decision_record(item=december["item"], outcome="anbefales")
        with pytest.raises(ValidationError, match="holdes først"):
            meeting_close(meeting=december["meeting"], end=local(2026, 12, 1, 11))
        with pytest.raises(ValidationError, match="holdes først"):
            item_attendance_record(
                item=december["item"], person=december["members"][0], kind="inhabil"
            )
    december["meeting"].refresh_from_db()
    assert december["meeting"].state == Meeting.State.AGENDA_PUBLISHED


def test_closed_on_its_day_the_meeting_ends_when_it_is_closed(december):
    with time_machine.travel(local(2026, 12, 30, 17, 45), tick=False):
        decision_record(item=december["item"], outcome="anbefales", text="Anbefales.")
        meeting = meeting_close(meeting=december["meeting"])
    assert meeting.end == local(2026, 12, 30, 17, 45)


def test_recorded_after_the_meeting_its_real_end_is_required(december):
    with time_machine.travel(local(2027, 1, 4, 8, 22), tick=False):
        decision_record(item=december["item"], outcome="anbefales", text="Anbefales.")
        with pytest.raises(ValidationError, match="Angiv, hvornår mødet sluttede"):
            meeting_close(meeting=december["meeting"])
        with pytest.raises(ValidationError, match="før det begynder"):
            meeting_close(meeting=december["meeting"], end=local(2026, 12, 30, 15))
        with pytest.raises(ValidationError, match="anden dag"):
            meeting_close(
                meeting=december["meeting"],
                start=local(2026, 12, 29, 16),
                end=local(2026, 12, 29, 18),
            )
        meeting = meeting_close(
            meeting=december["meeting"],
            start=local(2026, 12, 30, 16, 10),
            end=local(2026, 12, 30, 18, 5),
        )
    assert (meeting.start, meeting.end) == (local(2026, 12, 30, 16, 10), local(2026, 12, 30, 18, 5))


def test_a_closing_in_the_future_is_refused(december):
    with (
        time_machine.travel(local(2026, 12, 30, 16, 30), tick=False),
        pytest.raises(ValidationError, match="fremtiden"),
    ):
        meeting_close(meeting=december["meeting"], end=local(2026, 12, 30, 19))


def test_the_case_goes_to_the_council_meeting_after_the_decision(december):
    with time_machine.travel(local(2026, 12, 30, 18), tick=False):
        decision_record(item=december["item"], outcome="anbefales", text="Anbefales.")
        meeting_close(meeting=december["meeting"])
        for person in december["members"]:
            approval_record(meeting=december["meeting"], person=person)
    council_turn = december["case"].consultations.get(order=2)
    # Drafted on the first council meeting after the decision, not the one before it.
    item = council_turn.agenda_items.get()
    assert item.meeting == december["council_later"]
    with pytest.raises(ValidationError, match="før den forrige behandling"):
        item.delete()
        council_turn.status = "ready"
        council_turn.save()
        case_schedule(consultation=council_turn, meeting=december["council_early"])


def test_numbers_before_publication_follow_the_order_shown(council_setup):
    meeting = meeting_create(organization=council_setup["committee"], start=local(2027, 2, 9))
    first = agenda_item_create(meeting=meeting, title="Første")
    second = agenda_item_create(meeting=meeting, title="Anden")
    third = agenda_item_create(meeting=meeting, title="Tredje")
    agenda_reorder(meeting=meeting, item_ids=[first.pk, third.pk, second.pk])
    shown = list(meeting.items.order_by("order").values_list("title", "number"))
    assert shown == [("Første", 1), ("Tredje", 2), ("Anden", 3)]
    closed = agenda_item_create(meeting=meeting, title="Personalesag", public=False)
    opened = agenda_item_create(meeting=meeting, title="Ny sag")
    shown = list(meeting.items.order_by("order").values_list("pk", "number"))
    assert [number for _pk, number in shown] == [1, 2, 3, 4, 5]
    assert shown[-1][0] == closed.pk and shown[-2][0] == opened.pk
