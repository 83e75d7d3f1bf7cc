"""The meeting plan: a series with standard items, moving and cancelling a meeting."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError

from dagsorden.cases.models import Consultation
from dagsorden.cases.services import case_create
from dagsorden.meetings.models import Meeting
from dagsorden.meetings.selectors import meetings_on_calendar, meetings_public
from dagsorden.meetings.services import case_schedule, meeting_publish_agenda
from dagsorden.meetings.services.planning import (
    meeting_cancel,
    meeting_move,
    meeting_plan_series,
)
from tests.factories import local

pytestmark = pytest.mark.django_db

STANDARD = [
    {"title": "Godkendelse af dagsorden", "position": "start"},
    {"title": "Eventuelt", "position": "end"},
]
TODAY = local(2027, 1, 4, 9)


@pytest.fixture
def body(council_setup):
    committee = council_setup["committee"]
    committee.standard_items = STANDARD
    committee.save()
    for number, person in enumerate(council_setup["members"]):
        person.email = f"medlem{number}@example.invalid"
        person.save()
    return committee


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield


def _days(*pairs):
    return [dt.date(2027, month, day) for month, day in pairs]


def test_a_series_gets_the_standard_items_and_the_time(body):
    meetings = meeting_plan_series(
        organization=body, days=_days((3, 2), (1, 12), (2, 9)), at=dt.time(16, 30)
    )
    assert [m.start for m in meetings] == [
        local(2027, 1, 12, 16, 30),
        local(2027, 2, 9, 16, 30),
        local(2027, 3, 2, 16, 30),
    ]
    for meeting in meetings:
        titles = list(meeting.items.order_by("order").values_list("title", flat=True))
        assert titles == ["Godkendelse af dagsorden", "Eventuelt"]
        assert meeting.state == Meeting.State.PLANNED


def test_a_series_with_a_past_day_or_a_taken_day_writes_nothing(body):
    before = Meeting.objects.count()  # the fixture's meeting on 13 October 2026
    meeting_plan_series(organization=body, days=_days((2, 9)), at=dt.time(16))
    with pytest.raises(ValidationError) as refused:
        meeting_plan_series(
            organization=body, days=[dt.date(2026, 12, 1), *_days((2, 9), (3, 9))], at=dt.time(16)
        )
    text = " ".join(refused.value.messages)
    assert "01.12.2026 16:00 er passeret" in text and "allerede et møde den 09.02.2027" in text
    assert Meeting.objects.count() == before + 1


def test_moving_a_meeting_tells_the_members_and_keeps_its_agenda(
    body, django_capture_on_commit_callbacks
):
    (meeting,) = meeting_plan_series(organization=body, days=_days((2, 9)), at=dt.time(16))
    mail.outbox.clear()
    with pytest.raises(ValidationError, match="fremtiden"):
        meeting_move(meeting=meeting, start=local(2027, 1, 1, 16))
    with django_capture_on_commit_callbacks(execute=True):
        moved = meeting_move(meeting=meeting, start=local(2027, 2, 16, 17), reason="Budgetseminar")
    assert moved.start == local(2027, 2, 16, 17)
    assert moved.items.alive().count() == 2
    assert len(mail.outbox) == 3
    assert "16.02.2027 kl. 17:00" in mail.outbox[0].body
    assert "Budgetseminar" in mail.outbox[0].body


def test_a_held_meeting_cannot_be_moved_or_cancelled(council_setup, body):
    held = council_setup["meeting"]  # 13 October 2026
    held.state = Meeting.State.HELD
    held.save()
    with pytest.raises(ValidationError, match="Afholdt"):
        meeting_move(meeting=held, start=local(2027, 3, 1))
    with pytest.raises(ValidationError, match="Afholdt"):
        meeting_cancel(meeting=held, reason="Fejl")


def _case_on(meeting, body, council, title="Skolestruktur"):
    case = case_create(
        municipality=body.municipality,
        title=title,
        route=[(body, "indstiller"), (council, "afgoer")],
    )
    return case_schedule(
        consultation=case.consultations.get(order=1),
        meeting=meeting,
        sections=[("Sagsfremstilling", "Skolernes fremtid.")],
    )


def test_cancelling_needs_a_reason_and_moves_the_cases_to_the_next_meeting(
    council_setup, body, django_capture_on_commit_callbacks
):
    first, second = meeting_plan_series(
        organization=body, days=_days((2, 9), (3, 9)), at=dt.time(16)
    )
    item = _case_on(first, body, council_setup["council"])
    with pytest.raises(ValidationError, match="begrundelse"):
        meeting_cancel(meeting=first, reason="  ")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = meeting_cancel(meeting=first, reason="Formanden er syg.")
    assert cancelled.state == Meeting.State.CANCELLED
    assert cancelled.cancel_reason == "Formanden er syg."
    item.refresh_from_db()
    assert item.meeting == second and item.sections.get().body == "Skolernes fremtid."
    shown = list(second.items.alive().order_by("order").values_list("title", "number"))
    assert shown == [("Godkendelse af dagsorden", 1), ("Skolestruktur", 2), ("Eventuelt", 3)]
    assert item.consultation.planned_meeting == second
    assert item.consultation.status == Consultation.Status.SCHEDULED
    # The cancelled meeting's own standard items were never public: they go with it.
    assert not first.items.alive().exists()
    assert len(mail.outbox) == 3 and "Formanden er syg." in mail.outbox[0].body
    assert "09.03.2027" in mail.outbox[0].body
    # It stays in the public calendar as "Aflyst", with nothing of its draft agenda.
    assert cancelled in meetings_public()


def test_a_meeting_with_cases_and_no_later_meeting_is_not_cancelled(council_setup, body):
    (only,) = meeting_plan_series(organization=body, days=_days((2, 9)), at=dt.time(16))
    _case_on(only, body, council_setup["council"])
    with pytest.raises(ValidationError, match="intet senere planlagt møde"):
        meeting_cancel(meeting=only, reason="Ingen sager")
    only.refresh_from_db()
    assert only.state == Meeting.State.PLANNED


def test_a_published_meeting_cancelled_keeps_its_public_standard_items(council_setup, body):
    first, second = meeting_plan_series(
        organization=body, days=_days((1, 6), (2, 9)), at=dt.time(16)
    )
    for item in first.items.all():
        item.draft_state = "approved"
        item.save()
    meeting_publish_agenda(meeting=first, late_reason="Ekstra møde")
    meeting_cancel(meeting=first, reason="Ingen sager at behandle.")
    assert first.items.alive().count() == 2


def test_planned_meetings_are_on_the_calendar_but_not_public_pages(body):
    (planned,) = meeting_plan_series(organization=body, days=_days((2, 9)), at=dt.time(16))
    assert planned in meetings_on_calendar()
    assert planned not in meetings_public()
