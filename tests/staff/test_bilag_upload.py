"""The secretary uploading a PDF with active content is told what was removed; a Word
file that is a zip bomb is refused with the reason."""

import io

from django.urls import reverse

from dagsorden.cases.pdf_sanitize import pdf_active_content
from tests.cases.hostile_pdf import hostile_pdf
from tests.core.test_archive_bomb import make_docx_bomb


def test_upload_of_a_pdf_with_javascript_tells_what_was_removed(client, world):
    client.force_login(world["users"]["secretary_own"])
    upload = io.BytesIO(hostile_pdf())
    upload.name = "tilbud.pdf"
    response = client.post(
        reverse("staff:item_add_bilag", args=[world["draft"].pk]),
        {"name": "Tilbud", "file": upload, "public": "on"},
        follow=True,
    )
    page = response.content.decode()
    assert "Bilaget er vedhæftet." in page
    assert "Fra bilaget er fjernet: " in page and "JavaScript" in page
    bilag = world["draft"].files.get()
    assert pdf_active_content(bilag.file.open("rb").read()) == set()


def test_the_secretary_is_told_why_the_word_file_was_refused(client, world):
    client.force_login(world["users"]["secretary_own"])
    upload = io.BytesIO(make_docx_bomb())
    upload.name = "udkast.docx"
    response = client.post(
        reverse("staff:item_import_docx", args=[world["draft"].pk]), {"file": upload}, follow=True
    )
    assert response.status_code == 200
    assert "zip-bombe" in response.content.decode()
