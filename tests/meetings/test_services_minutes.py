"""approval_record and meeting_approve_minutes: signing, publishing, advancing cases."""

import pytest
from django.core.exceptions import ValidationError

from dagsorden.cases.models import Consultation
from dagsorden.meetings.models import DecisionRemark, Meeting
from dagsorden.meetings.services import (
    approval_record,
    case_schedule,
    decision_add_remark,
    decision_record,
    meeting_approve_minutes,
    meeting_close,
)
from tests.factories import local

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(published_case):
    """A held committee meeting that recommended a case on to the council."""
    item, meeting = published_case["item"], published_case["meeting"]
    decision = decision_record(item=item, outcome="anbefales", text="Anbefales.")
    meeting = meeting_close(meeting=meeting, end=local(2026, 10, 13, 18))
    return {**published_case, "decision": decision, "meeting": meeting}


def test_minutes_are_approved_when_the_last_present_member_signs(held):
    members = held["members"]
    for person in members[:-1]:
        approval_record(meeting=held["meeting"], person=person)
        held["meeting"].refresh_from_db()
        assert held["meeting"].state == Meeting.State.HELD
    approval_record(meeting=held["meeting"], person=members[-1])
    held["meeting"].refresh_from_db()
    assert held["meeting"].state == Meeting.State.MINUTES_APPROVED
    council_turn = held["case"].consultations.get(order=2)
    assert council_turn.status == Consultation.Status.READY


def test_someone_not_present_cannot_sign(held):
    with pytest.raises(ValidationError, match="deltog ikke"):
        approval_record(meeting=held["meeting"], person=held["other_party"])


def test_approved_minutes_cannot_be_changed_only_corrected_visibly(held):
    meeting_approve_minutes(meeting=held["meeting"])
    with pytest.raises(ValidationError, match="godkendt"):
        decision_record(item=held["item"], outcome="ikke_godkendt")
    with pytest.raises(ValidationError, match="rettelse"):
        decision_add_remark(
            decision=held["decision"], kind=DecisionRemark.Kind.PROTOCOL, text="Tilføjelse"
        )
    correction = decision_add_remark(
        decision=held["decision"],
        kind=DecisionRemark.Kind.CORRECTION,
        text="Rettet stavefejl i beslutningen.",
    )
    assert correction.decision.remarks.count() == 1
    held["decision"].refresh_from_db()
    assert held["decision"].outcome == "anbefales"


def test_the_next_body_shows_the_history_once_scheduled(held):
    from dagsorden.meetings.selectors import item_history
    from dagsorden.meetings.services import agenda_item_create, meeting_create

    meeting_approve_minutes(meeting=held["meeting"])
    council_meeting = meeting_create(organization=held["council"], start=local(2026, 10, 29))
    agenda_item_create(meeting=council_meeting, draft_state="approved", title="Fast punkt")
    item = case_schedule(
        draft_state="approved",
        consultation=held["case"].consultations.get(order=2),
        meeting=council_meeting,
    )
    history = item_history(item)
    assert [(h.body, h.date.isoformat(), h.decision) for h in history] == [
        (held["committee"].name, "2026-10-13", "Anbefales."),
    ]
