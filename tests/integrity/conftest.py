"""Two bodies sharing a case, with invented marker words planted where a reader must not
see them:

- body B decided the case in a closed item (decision, absences) at a meeting with
  approved minutes; the case then goes on to body A, whose members and case officers
  must not read B's closed treatment;
- body A held a meeting whose minutes are not approved yet: its decision, vote and
  remark on an open item are not public until the members have signed.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model

from dagsorden.cases.services import case_create
from dagsorden.meetings.models import AgendaItem, Meeting
from dagsorden.meetings.services import (
    agenda_item_create,
    attendance_record_absence,
    decision_add_remark,
    decision_record,
    meeting_approve_minutes,
    meeting_close,
    meeting_create,
    meeting_publish_agenda,
)
from dagsorden.staff.models import Assignment
from tests.factories import MunicipalityFactory, committee_with_members, local

# Invented words that occur nowhere else.
B_CLOSED_TITLE = "Vrondelhus"
B_CLOSED_DECISION = "Klaptorvik"
B_ABSENT_NAME = "Snervolding"
UNAPPROVED_DECISION = "Glimbradsk"
UNAPPROVED_REMARK = "Tjuvkobbel"
UNAPPROVED_TITLE = "Udvidelse af Prøvestedets bibliotek"


@dataclass
class SharedCase:
    body_a: object
    body_b: object
    members_a: list
    members_b: list
    b_meeting: Meeting
    b_closed_item: AgendaItem
    a_meeting: Meeting  # agenda published: its item carries B's treatment in its history
    a_item: AgendaItem
    held: Meeting  # held, minutes not approved
    held_item: AgendaItem
    users: dict


def _user(name):
    return get_user_model().objects.create_user(name, password=f"pw-{name}-long-enough")


@pytest.fixture
def shared_case(db):
    municipality = MunicipalityFactory()
    body_a, members_a = committee_with_members(municipality=municipality, count=2, slug="a")
    body_b, members_b = committee_with_members(municipality=municipality, count=3, slug="b")
    absent = members_b[2]
    absent.given_name, absent.family_name = "Ole", B_ABSENT_NAME
    absent.save()
    case = case_create(
        municipality=municipality,
        title="Fælles sag om en medarbejder",
        route=[(body_b, "indstiller"), (body_a, "afgoer")],
    )
    first, second = case.consultations.order_by("order")

    # Body B treats the case as a closed item; its minutes are approved.
    b_meeting = meeting_create(organization=body_b, start=local(2026, 9, 1))
    b_closed = agenda_item_create(
        meeting=b_meeting,
        title=B_CLOSED_TITLE,
        public=False,
        public_title="Personalesag",
        consultation=first,
        draft_state="approved",
    )
    meeting_publish_agenda(meeting=b_meeting, at=local(2026, 8, 20))
    attendance_record_absence(meeting=b_meeting, person=absent, status="afbud")
    decision_record(item=b_closed, outcome="anbefales", text=B_CLOSED_DECISION)
    meeting_close(meeting=b_meeting, end=local(2026, 9, 1, 18))
    meeting_approve_minutes(meeting=b_meeting, at=local(2026, 9, 5))

    # Body A: the case on a published agenda, and a held meeting not yet approved.
    second.refresh_from_db()
    held = meeting_create(organization=body_a, start=local(2026, 10, 6))
    held_item = agenda_item_create(meeting=held, title=UNAPPROVED_TITLE, draft_state="approved")
    meeting_publish_agenda(meeting=held, at=local(2026, 9, 25))
    decision = decision_record(
        item=held_item,
        outcome="godkendt",
        text=UNAPPROVED_DECISION,
        votes={members_a[0]: "for", members_a[1]: "imod"},
    )
    decision_add_remark(decision=decision, kind="protokol", text=UNAPPROVED_REMARK)
    meeting_close(meeting=held, end=local(2026, 10, 6, 18))

    a_meeting = meeting_create(organization=body_a, start=local(2026, 10, 20))
    a_item = agenda_item_create(
        meeting=a_meeting,
        title="Sagen i udvalg A",
        consultation=second,
        sections=[("Sagens kerne", "Sagen fortsætter fra udvalg B.")],
        draft_state="approved",
    )
    meeting_publish_agenda(meeting=a_meeting, at=local(2026, 10, 8))

    users = {name: _user(name) for name in ("member_a", "member_b", "officer_a", "secretary_a")}
    for name, person in (("member_a", members_a[0]), ("member_b", members_b[0])):
        person.user = users[name]
        person.save()
    Assignment.objects.create(user=users["officer_a"], role="case_officer", organization=body_a)
    Assignment.objects.create(user=users["secretary_a"], role="secretary", organization=body_a)
    for row in (b_meeting, held, a_meeting, b_closed, held_item, a_item):
        row.refresh_from_db()
    return SharedCase(
        body_a=body_a,
        body_b=body_b,
        members_a=members_a,
        members_b=members_b,
        b_meeting=b_meeting,
        b_closed_item=b_closed,
        a_meeting=a_meeting,
        a_item=a_item,
        held=held,
        held_item=held_item,
        users=users,
    )
