"""Uploaded PDF bilag lose their active content before they are stored, the uploader is
told what was removed, and files stored before that are cleaned by a command."""

import io

import pikepdf
import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command

from dagsorden.cases.extraction import pdf_text
from dagsorden.cases.models import File
from dagsorden.cases.pdf_sanitize import pdf_active_content, pdf_sanitize
from dagsorden.cases.services import file_attach
from dagsorden.core.models import AuditEntry
from tests.cases.hostile_pdf import hostile_pdf, plain_pdf

EVERY_KIND = {
    "JavaScript",
    "automatiske handlinger ved åbning og visning",
    "handlinger, der starter programmer (Launch)",
    "indlejrede filer",
    "XFA-formularer",
}


def test_the_hostile_test_file_really_carries_active_content():
    assert pdf_active_content(hostile_pdf()) == EVERY_KIND


def test_sanitising_removes_every_kind_and_keeps_text_and_web_links():
    clean, removed = pdf_sanitize(hostile_pdf("Lokalplan 12"))
    assert removed.kinds == EVERY_KIND
    assert pdf_active_content(clean) == set()
    assert "Lokalplan 12" in pdf_text(clean)
    with pikepdf.open(io.BytesIO(clean)) as pdf:
        annotations = pdf.pages[0].obj.Annots
        assert [str(a.A.S) for a in annotations if "/A" in a] == ["/URI"]
        assert not pdf.attachments
        assert "/OpenAction" not in pdf.Root and "/XFA" not in pdf.Root.AcroForm


def test_a_clean_pdf_is_stored_byte_for_byte():
    data = plain_pdf()
    assert pdf_sanitize(data) == (data, pdf_sanitize(data)[1])
    assert not pdf_sanitize(data)[1]


def test_file_attach_stores_only_the_sanitised_file_and_says_what_was_removed(published_case):
    bilag = file_attach(
        data=hostile_pdf(),
        name="Tilbud",
        file_name="tilbud.pdf",
        agenda_item=published_case["item"],
    )
    stored = bilag.file.open("rb").read()
    assert pdf_active_content(stored) == set()
    assert bilag.size == len(stored)
    assert "Fra bilaget er fjernet" in bilag.removed_content
    assert "JavaScript" in bilag.removed_content and "indlejrede filer" in bilag.removed_content
    audit = AuditEntry.objects.get(action="file_attach", object_id=str(bilag.pk))
    assert "JavaScript" in audit.data["removed"]


def test_file_attach_refuses_a_pdf_that_cannot_be_read(published_case):
    with pytest.raises(ValidationError, match="kan ikke læses som PDF"):
        file_attach(
            data=b"%PDF-1.7\n" + b"\x00garbage" * 50,
            name="Skadet",
            file_name="skadet.pdf",
            agenda_item=published_case["item"],
        )


def test_the_command_cleans_files_stored_before_sanitising(published_case, tmp_path):
    item = published_case["item"]
    legacy = File(
        municipality=item.meeting.organization.municipality,
        agenda_item=item,
        name="Gammelt bilag",
        file_name="gammelt.pdf",
        mime_type="application/pdf",
    )
    legacy.file.save("gammelt.pdf", ContentFile(hostile_pdf()), save=True)
    old_path = legacy.file.name
    output = io.StringIO()
    call_command("sanitize_bilag", "--dry-run", stdout=output)
    assert "1 would be cleaned" in output.getvalue()
    legacy.refresh_from_db()
    assert legacy.file.name == old_path

    call_command("sanitize_bilag", stdout=io.StringIO())
    legacy.refresh_from_db()
    stored = legacy.file.open("rb").read()
    assert legacy.file.name != old_path
    assert pdf_active_content(stored) == set()
    assert legacy.size == len(stored)
    assert AuditEntry.objects.filter(action="file_sanitize", object_id=str(legacy.pk)).exists()

    again = io.StringIO()
    call_command("sanitize_bilag", stdout=again)
    assert "0 cleaned" in again.getvalue()
