"""decision_record (with votes), decision_add_remark, item_postpone."""

import pytest
from django.core.exceptions import ValidationError

from dagsorden.cases.models import Consultation
from dagsorden.meetings.models import Decision, DecisionRemark
from dagsorden.meetings.services import (
    agenda_item_create,
    attendance_record_absence,
    decision_add_remark,
    decision_record,
    item_postpone,
    meeting_create,
)
from tests.factories import local

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(published_case):
    """The committee's meeting with one scheduled case, agenda published."""
    return published_case


def test_a_decision_with_a_vote_marks_the_treatment_done(live):
    members = live["members"]
    votes = {members[0]: "for", members[1]: "for", members[2]: "imod"}
    decision = decision_record(
        item=live["item"], outcome="anbefales", text="Anbefales.", votes=votes
    )
    assert decision.outcome == Decision.Outcome.RECOMMENDED
    assert {(v.person, v.choice, v.party.letter) for v in live["item"].votes.all()} == {
        (members[0], "for", "A"),
        (members[1], "for", "A"),
        (members[2], "imod", "A"),
    }
    assert live["case"].consultations.get(order=1).status == Consultation.Status.DONE


def test_an_absent_member_cannot_vote_and_the_decision_is_not_saved(live):
    absent = live["members"][2]
    attendance_record_absence(meeting=live["meeting"], person=absent)
    with pytest.raises(ValidationError, match="ikke til stede"):
        decision_record(item=live["item"], outcome="anbefales", votes={absent: "for"})
    assert not Decision.objects.exists()


def test_a_stedfortraeder_votes_for_the_party_of_the_member_replaced(live):
    attendance_record_absence(
        meeting=live["meeting"], person=live["members"][1], substitute=live["spare_a"]
    )
    decision_record(item=live["item"], outcome="anbefales", votes={live["spare_a"]: "undlod"})
    vote = live["item"].votes.get()
    assert vote.person == live["spare_a"] and vote.party.letter == "A"


def test_decisions_cannot_be_recorded_before_the_agenda_is_out(council_setup):
    item = agenda_item_create(meeting=council_setup["meeting"], draft_state="approved", title="Sag")
    with pytest.raises(ValidationError, match="Planlagt"):
        decision_record(item=item, outcome="godkendt")


def test_postponing_moves_the_item_to_the_next_meeting_and_keeps_the_case_open(live):
    later = meeting_create(organization=live["committee"], start=local(2026, 11, 10))
    moved = item_postpone(item=live["item"], reason="Udsat.")
    assert moved.meeting == later and moved.postponed_from == live["item"]
    assert moved.consultation == live["item"].consultation
    assert [s.body for s in moved.sections.all()] == ["Tekst."]
    assert moved.recommendation.clauses == ["politikken godkendes"]
    assert live["item"].decision.outcome == Decision.Outcome.POSTPONED
    assert live["case"].consultations.get(order=1).status == Consultation.Status.SCHEDULED


def test_postponing_without_a_later_meeting_is_refused(live):
    with pytest.raises(ValidationError, match="intet senere møde"):
        item_postpone(item=live["item"])
    assert not Decision.objects.exists()


def test_remarks_are_added_to_the_decision(live):
    decision = decision_record(item=live["item"], outcome="anbefales")
    remark = decision_add_remark(
        decision=decision,
        kind=DecisionRemark.Kind.MINORITY,
        text="Et mindretal kan ikke anbefale.",
        persons=[live["members"][2]],
    )
    assert list(remark.persons.all()) == [live["members"][2]]
