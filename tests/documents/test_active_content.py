"""The public combined PDF never carries a bilag's active content, also for a file
stored before uploads were sanitised."""

from django.core.files.base import ContentFile
from django.urls import reverse

from dagsorden.cases.extraction import pdf_text
from dagsorden.cases.models import File
from dagsorden.cases.pdf_sanitize import pdf_active_content
from tests.cases.hostile_pdf import hostile_pdf


def test_combined_pdf_carries_no_active_content_from_a_legacy_bilag(client, world):
    item = world.items[0]
    legacy = File(
        municipality=item.meeting.organization.municipality,
        agenda_item=item,
        name="Gammelt bilag",
        file_name="gammelt.pdf",
        mime_type="application/pdf",
        order=9,
    )
    legacy.file.save("gammelt.pdf", ContentFile(hostile_pdf("Gammelt bilag")), save=True)
    response = client.get(reverse("documents:meeting_combined_pdf", args=[world.meeting.pk]))
    assert response.status_code == 200
    combined = b"".join(response.streaming_content) if response.streaming else response.content
    assert "Gammelt bilag" in pdf_text(combined)  # the bilag is there, cleaned
    assert pdf_active_content(combined) == set()
