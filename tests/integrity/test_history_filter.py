"""Found 4: "Sagens forløb" and case pages show another body's closed treatment only to
readers who may see it, and public documents never print its absences."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from dagsorden.core.models import AuditEntry
from dagsorden.documents.from_db import document_from_meeting
from dagsorden.documents.model import PUBLIC
from dagsorden.documents.render import render
from dagsorden.meetings.selectors import item_history

from .conftest import B_ABSENT_NAME, B_CLOSED_DECISION, B_CLOSED_TITLE

pytestmark = pytest.mark.django_db


def _pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_a_member_of_body_a_does_not_read_body_bs_closed_decision(client, shared_case):
    client.force_login(shared_case.users["member_a"])
    page = client.get(reverse("staff:member_meeting", args=[shared_case.a_meeting.pk]))
    text = page.content.decode()
    assert page.status_code == 200 and "Sagens forløb" in text
    assert "Behandlet som lukket punkt." in text
    for secret in (B_CLOSED_DECISION, B_ABSENT_NAME, B_CLOSED_TITLE):
        assert secret not in text


def test_nor_in_the_members_pdf(client, shared_case):
    client.force_login(shared_case.users["member_a"])
    response = client.get(reverse("staff:member_pdf", args=[shared_case.a_meeting.pk]))
    text = _pdf_text(response.content)
    assert "Sagen fortsætter fra udvalg B." in text  # the item is there ...
    assert B_CLOSED_DECISION not in text and B_ABSENT_NAME not in text  # ... B's secret not


def test_a_reader_who_may_see_the_closed_treatment_does(shared_case):
    entries = item_history(shared_case.a_item, may_read_closed=lambda earlier: True)
    assert [entry.decision for entry in entries] == [B_CLOSED_DECISION]
    assert any(B_ABSENT_NAME in name for name in entries[0].absent)


def test_by_default_the_history_is_the_publics(shared_case):
    (entry,) = item_history(shared_case.a_item)
    assert entry.withheld and entry.decision == "" and entry.absent == []
    assert entry.item is None  # nothing to follow to the closed item's real title


def test_public_documents_do_not_print_the_absences_of_a_closed_treatment(shared_case):
    document = document_from_meeting(shared_case.a_meeting, variant=PUBLIC)
    for fmt in ("md", "html", "txt"):
        text = render(document, fmt).content.decode()
        assert "Behandlet som lukket punkt." in text
        assert B_ABSENT_NAME not in text and B_CLOSED_DECISION not in text, fmt


def test_a_case_officer_sees_only_the_neutral_title_of_another_bodys_closed_item(
    client, shared_case
):
    client.force_login(shared_case.users["officer_a"])
    case = shared_case.a_item.case
    text = client.get(reverse("staff:case_detail", args=[case.pk])).content.decode()
    assert "Personalesag" in text and B_CLOSED_TITLE not in text
    editor = reverse("staff:item_edit", args=[shared_case.b_closed_item.pk])
    assert editor not in text


def test_reading_closed_items_is_written_to_the_audit_log(client, shared_case):
    client.force_login(shared_case.users["member_b"])
    meeting = shared_case.b_meeting
    client.get(reverse("staff:member_meeting", args=[meeting.pk]))
    client.get(reverse("staff:member_pdf", args=[meeting.pk]))
    reads = AuditEntry.objects.filter(
        user=shared_case.users["member_b"], action__startswith="read_"
    )
    assert set(reads.values_list("action", flat=True)) == {
        "read_member_meeting",
        "read_member_pdf",
    }
    assert reads.first().data["items"] == [shared_case.b_closed_item.pk]


def test_a_closed_bilag_download_is_audited_and_refused_to_other_bodies(client, shared_case):
    from dagsorden.cases.models import File

    bilag = File.objects.create(
        municipality=shared_case.body_b.municipality,
        agenda_item=shared_case.b_closed_item,
        name="Notat",
        file_name="notat.pdf",
        public=False,
    )
    bilag.file.save("notat.pdf", io.BytesIO(b"%PDF-1.4\n%%EOF\n"))
    url = reverse("staff:member_bilag", args=[bilag.pk, "notat.pdf"])
    client.force_login(shared_case.users["member_a"])
    assert client.get(url).status_code == 403
    client.force_login(shared_case.users["member_b"])
    response = client.get(url)
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    assert AuditEntry.objects.filter(action="read_bilag", object_id=str(bilag.pk)).exists()
