"""attendance_record_absence and meeting_close."""

import pytest
from django.core.exceptions import ValidationError

from dagsorden.meetings.models import Attendance, Meeting
from dagsorden.meetings.services import (
    agenda_item_create,
    attendance_record_absence,
    meeting_close,
    meeting_publish_agenda,
)
from tests.factories import PersonFactory, local

pytestmark = pytest.mark.django_db


def test_afbud_with_a_stedfortraeder_of_the_same_party(council_setup):
    meeting, absent, spare = (
        council_setup["meeting"],
        council_setup["members"][1],
        council_setup["spare_a"],
    )
    attendance_record_absence(meeting=meeting, person=absent, reason="Ferie", substitute=spare)
    rows = {row.person: row for row in meeting.attendances.all()}
    assert rows[absent].status == Attendance.Status.APOLOGY
    assert rows[absent].reason == "Ferie"
    assert rows[spare].status == Attendance.Status.PRESENT
    assert rows[spare].substitute_for == absent


@pytest.mark.parametrize(
    ("substitute_key", "message"),
    [
        ("other_party", "samme parti"),
        ("member_of_body", "allerede medlem"),
        ("outsider", "ikke medlem af kommunalbestyrelsen"),
    ],
)
def test_stedfortraeder_rules_are_enforced_and_nothing_is_written(
    council_setup, substitute_key, message
):
    substitutes = {
        "other_party": council_setup["other_party"],
        "member_of_body": council_setup["members"][2],
        "outsider": PersonFactory(municipality=council_setup["municipality"]),
    }
    meeting = council_setup["meeting"]
    with pytest.raises(ValidationError, match=message):
        attendance_record_absence(
            meeting=meeting,
            person=council_setup["members"][1],
            substitute=substitutes[substitute_key],
        )
    assert not meeting.attendances.exists()


def test_only_members_of_the_body_can_send_afbud(council_setup):
    with pytest.raises(ValidationError, match="ikke medlem"):
        attendance_record_absence(
            meeting=council_setup["meeting"], person=council_setup["other_party"]
        )


def test_closing_the_meeting_registers_everyone_else_present(council_setup):
    meeting, members = council_setup["meeting"], council_setup["members"]
    agenda_item_create(meeting=meeting, draft_state="approved", title="Sag")
    meeting_publish_agenda(meeting=meeting, at=local(2026, 10, 1))
    attendance_record_absence(
        meeting=meeting, person=members[1], substitute=council_setup["spare_a"]
    )
    closed = meeting_close(meeting=meeting, end=local(2026, 10, 13, 18))
    assert closed.state == Meeting.State.HELD
    present = set(meeting.attendances.filter(status="present").values_list("person_id", flat=True))
    assert present == {members[0].pk, members[2].pk, council_setup["spare_a"].pk}


def test_an_afbud_can_be_undone_and_the_stedfortraeder_released(council_setup):
    from dagsorden.meetings.services import attendance_record_present

    meeting, member = council_setup["meeting"], council_setup["members"][1]
    attendance_record_absence(meeting=meeting, person=member, substitute=council_setup["spare_a"])
    attendance_record_present(meeting=meeting, person=member)
    assert not meeting.attendances.exists()


def test_a_member_leaving_during_an_item_loses_the_vote_on_it(council_setup):
    from dagsorden.meetings.services import decision_record, item_attendance_record

    meeting, members = council_setup["meeting"], council_setup["members"]
    item = agenda_item_create(meeting=meeting, title="Sag", draft_state="approved")
    meeting_publish_agenda(meeting=meeting, at=local(2026, 10, 1))
    decision_record(item=item, outcome="godkendt", votes={members[2]: "for", members[0]: "for"})
    item_attendance_record(item=item, person=members[2], kind="inhabil")
    assert list(item.votes.values_list("person", flat=True)) == [members[0].pk]
    with pytest.raises(ValidationError, match="deltager ikke"):
        item_attendance_record(item=item, person=council_setup["other_party"], kind="left")
