"""Agenda builder, the live meeting and the minutes, through the pages."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from dagsorden.meetings.models import Attendance, Meeting
from dagsorden.meetings.services import agenda_item_create, item_set_draft_state

pytestmark = pytest.mark.django_db


def test_publishing_is_refused_with_the_place_of_a_cpr_number(client, world):
    client.force_login(world["users"]["secretary_own"])
    meeting = world["planned"]
    item_set_draft_state(item=world["draft"], state="ready")
    item_set_draft_state(item=world["draft"], state="approved")
    agenda_item_create(
        meeting=meeting,
        title="Klage",
        draft_state="approved",
        sections=[("Sagsfremstilling", "Borgeren 0102031234 klager.")],
    )
    response = client.post(
        reverse("staff:agenda_publish", args=[meeting.pk]),
        {"late_reason": "Ekstra punkt"},
        follow=True,
    )
    html = response.content.decode()
    assert "afsnit »Sagsfremstilling«, linje 1" in html and "010203-****" in html
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.PLANNED


def test_drag_and_drop_order_is_saved_and_a_bad_order_refused(client, world):
    client.force_login(world["users"]["secretary_own"])
    meeting = world["planned"]
    second = agenda_item_create(meeting=meeting, title="Andet")
    closed = agenda_item_create(meeting=meeting, title="Lukket", public=False)
    url = reverse("staff:agenda_order", args=[meeting.pk])
    ok = client.post(
        url,
        json.dumps({"order": [second.pk, world["draft"].pk, closed.pk]}),
        content_type="application/json",
    )
    assert ok.status_code == 200
    bad = client.post(
        url,
        json.dumps({"order": [closed.pk, second.pk, world["draft"].pk]}),
        content_type="application/json",
    )
    assert bad.status_code == 409 and "lukkede punkter" in bad.json()["errors"][0]
    titles = list(meeting.items.order_by("order").values_list("title", flat=True))
    assert titles == ["Andet", "Udkast", "Lukket"]


def test_live_afbud_with_stedfortraeder_decision_and_vote(client, world):
    client.force_login(world["users"]["secretary_own"])
    meeting, members, item = world["published"], world["members"], world["live_item"]
    client.post(
        reverse("staff:attendance_save", args=[meeting.pk]),
        {
            "person": members[1].pk,
            "status": "afbud",
            "reason": "Ferie",
            "substitute": world["spare"].pk,
        },
        HTTP_HX_REQUEST="true",
    )
    assert meeting.attendances.get(person=world["spare"]).substitute_for == members[1]
    response = client.post(
        reverse("staff:decision_save", args=[item.pk]),
        {
            f"item{item.pk}-outcome": "godkendt",
            f"item{item.pk}-text": "Godkendt.",
            f"vote-{members[0].pk}": "for",
            f"vote-{world['spare'].pk}": "imod",
            f"vote-{members[2].pk}": "undlod",
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and "Godkendt." in response.content.decode()
    assert {v.person_id: v.choice for v in item.votes.all()} == {
        members[0].pk: "for",
        world["spare"].pk: "imod",
        members[2].pk: "undlod",
    }
    # Recorded after the meeting day: the real end must be given.
    url = reverse("staff:meeting_close", args=[meeting.pk])
    refused = client.post(url, follow=True)
    assert "Angiv, hvornår mødet sluttede" in refused.content.decode()
    client.post(url, {"end_time": "18:30"})
    meeting.refresh_from_db()
    assert timezone.localtime(meeting.end).strftime("%H:%M") == "18:30"
    assert meeting.state == Meeting.State.HELD
    present = meeting.attendances.filter(status=Attendance.Status.PRESENT)
    assert set(present.values_list("person_id", flat=True)) == {
        members[0].pk,
        members[2].pk,
        world["spare"].pk,
    }


def test_member_sees_closed_items_of_own_body_and_signs(client, world):
    agenda_item_create(
        meeting=world["held"],
        title="Fortrolig ejendomssag",
        public=False,
        public_title="Lukket punkt",
    )
    client.force_login(world["users"]["member_own"])
    page = client.get(reverse("staff:member_meeting", args=[world["held"].pk])).content.decode()
    assert "Fortrolig ejendomssag" in page and "Fortroligt" in page
    client.post(reverse("staff:minutes_sign", args=[world["held"].pk]))
    assert world["held"].approvals.filter(person=world["members"][0]).exists()


def test_notes_are_private_unless_shared_with_the_party(client, world):
    item = world["held_item"]
    client.force_login(world["users"]["member_own"])
    client.post(
        reverse("staff:note_add", args=[item.pk]),
        {"text": "Til gruppemødet", "shared_with_party": "on"},
    )
    colleague = world["members"][1]
    colleague.user = world["users"]["plain_user"]
    colleague.save()
    client.force_login(world["users"]["plain_user"])
    page = client.get(reverse("staff:member_meeting", args=[world["held"].pk])).content.decode()
    assert "Til gruppemødet" in page  # same party: shared note visible
    assert "Min note" not in page  # the other member's private note is not


def test_the_members_pdf_has_the_closed_item_and_says_so(client, world):
    import io

    from pypdf import PdfReader

    agenda_item_create(
        meeting=world["held"],
        title="Fortrolig grundkøbssag",
        public=False,
        public_title="Lukket punkt",
    )
    client.force_login(world["users"]["member_own"])
    response = client.get(reverse("staff:member_pdf", args=[world["held"].pk]))
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Fortrolig grundkøbssag" in text
    pages = PdfReader(io.BytesIO(response.content)).pages
    assert all("kun til medlemmer" in page.extract_text() for page in pages)
