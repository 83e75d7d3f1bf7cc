"""A world for the staff and member pages: body A (own) and body B (other), each with a
secretary, a second municipality whose body has A's slug (with its own secretary and
member: "elsewhere"), and users for every role."""

import pytest
from django.contrib.auth import get_user_model

from dagsorden.cases.services import case_create, file_attach
from dagsorden.meetings.services import (
    agenda_item_create,
    meeting_close,
    meeting_create,
    meeting_publish_agenda,
    note_save,
)
from dagsorden.organisations.models import Organization
from dagsorden.staff.models import Assignment
from tests.factories import (
    MembershipFactory,
    MunicipalityFactory,
    PartyFactory,
    PersonFactory,
    committee_with_members,
    local,
)
from tests.importer.vendor.exports import pdf_bytes

ROLES = [
    "anonymous",
    "plain_user",
    "member_own",
    "member_other",
    "case_officer_own",
    "secretary_own",
    "secretary_other",
    "secretary_elsewhere",
    "member_elsewhere",
    "admin",
]


def _user(username, **extra):
    return get_user_model().objects.create_user(username, password="pw-" + username, **extra)


@pytest.fixture
def world(db):
    municipality = MunicipalityFactory()
    body_a, members_a = committee_with_members(municipality=municipality, count=3, slug="a")
    body_b, members_b = committee_with_members(municipality=municipality, count=2, slug="b")
    council = Organization.objects.create(
        municipality=municipality,
        name="Kommunalbestyrelsen",
        slug="kb",
        kind=Organization.Kind.COUNCIL,
    )
    for person in members_a + members_b:
        MembershipFactory(person=person, organization=council)
    spare = PersonFactory(
        municipality=municipality, party=PartyFactory(municipality=municipality, letter="A")
    )
    MembershipFactory(person=spare, organization=council)

    users = {role: _user(role) for role in ROLES if role != "anonymous"}
    users["anonymous"] = None
    users["admin"].is_superuser = users["admin"].is_staff = True
    users["admin"].save()
    for role, body in [("secretary_own", body_a), ("secretary_other", body_b)]:
        Assignment.objects.create(user=users[role], role="secretary", organization=body)
    Assignment.objects.create(
        user=users["case_officer_own"], role="case_officer", organization=body_a
    )
    for role, person in [("member_own", members_a[0]), ("member_other", members_b[0])]:
        person.user = users[role]
        person.save()
    elsewhere = MunicipalityFactory(name="Andenby Kommune", slug="andenby")
    body_elsewhere, members_elsewhere = committee_with_members(
        municipality=elsewhere, count=2, slug="a"
    )
    Assignment.objects.create(
        user=users["secretary_elsewhere"], role="secretary", organization=body_elsewhere
    )
    members_elsewhere[0].user = users["member_elsewhere"]
    members_elsewhere[0].save()

    case = case_create(
        municipality=municipality,
        title="Ny cykelsti",
        route=[(body_a, "indstiller"), (council, "afgoer")],
    )
    planned = meeting_create(organization=body_a, start=local(2026, 12, 8))
    draft = agenda_item_create(meeting=planned, title="Udkast", sections=[("Sagens kerne", "")])
    published = meeting_create(organization=body_a, start=local(2026, 11, 24))
    live_item = agenda_item_create(meeting=published, title="Åben sag", draft_state="approved")
    meeting_publish_agenda(meeting=published, at=local(2026, 11, 1))
    held = meeting_create(organization=body_a, start=local(2026, 10, 13))
    held_item = agenda_item_create(meeting=held, title="Afgjort sag", draft_state="approved")
    closed_bilag = file_attach(
        data=pdf_bytes("Fortroligt notat"), name="Fortroligt notat", file_name="notat.pdf",
        agenda_item=held_item, public=False,
    )  # fmt: skip
    meeting_publish_agenda(meeting=held, at=local(2026, 10, 1))
    meeting_close(meeting=held, end=local(2026, 10, 13, 18))
    note = note_save(item=held_item, author=members_a[0], text="Min note")
    bilag = file_attach(
        data=pdf_bytes("Bilag til afgjort sag"),
        name="Kort over strækningen",
        file_name="kort.pdf",
        agenda_item=held_item,
        public=False,
    )
    return {
        "users": users,
        "body": body_a,
        "other_body": body_b,
        "case": case,
        "consultation": case.consultations.get(order=1),
        "planned": planned,
        "draft": draft,
        "published": published,
        "live_item": live_item,
        "held": held,
        "held_item": held_item,
        "note": note,
        "closed_bilag": closed_bilag,
        "bilag": bilag,
        "members": members_a,
        "spare": spare,
        "body_elsewhere": body_elsewhere,
    }
