"""Public download URLs: only public meetings, only the public variant."""

import pytest
from django.template import Context, Template
from django.urls import reverse

from dagsorden.meetings.services import meeting_create
from tests.documents.conftest import CLOSED_MARKER, SECRET_BILAG_MARKER
from tests.documents.pdftools import outline_entries, page_texts, reader
from tests.factories import OrganizationFactory, local

pytestmark = pytest.mark.django_db

FORMATS = {
    "documents:meeting_html": "text/html",
    "documents:meeting_md": "text/markdown",
    "documents:meeting_txt": "text/plain",
}


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_text_downloads_are_public_variant(client, world, name):
    response = client.get(reverse(name, args=[world.meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith(FORMATS[name])
    body = response.content.decode()
    assert "Kontraktforhold" in body
    assert CLOSED_MARKER not in body
    assert SECRET_BILAG_MARKER not in body


def test_pdf_download(client, world):
    response = client.get(reverse("documents:meeting_pdf", args=[world.meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="dagsorden-13-10-2026.pdf"' in response["Content-Disposition"]
    assert CLOSED_MARKER not in "\n".join(page_texts(reader(response.content)))


def test_combined_pdf_has_public_bilag_under_their_item(client, world):
    response = client.get(reverse("documents:meeting_combined_pdf", args=[world.meeting.pk]))
    assert response.status_code == 200
    pdf = reader(response.content)
    outline = outline_entries(pdf)
    first_item = next(i for i, entry in enumerate(outline) if entry[0].startswith("Punkt 1:"))
    assert outline[first_item + 1][0] == "Kort over legepladser"
    assert outline[first_item + 1][2] == 1  # nested under the item
    bilag_page = page_texts(pdf)[outline[first_item + 1][1]]
    assert "Kort over legepladser" in bilag_page
    text = "\n".join(page_texts(pdf))
    assert CLOSED_MARKER not in text
    assert SECRET_BILAG_MARKER not in text


def test_planned_meeting_is_not_downloadable(client, db):
    meeting = meeting_create(organization=OrganizationFactory(), start=local(2026, 12, 1))
    for name in [*FORMATS, "documents:meeting_pdf", "documents:meeting_combined_pdf"]:
        assert client.get(reverse(name, args=[meeting.pk])).status_code == 404


def test_download_links_include(world):
    html = Template("{% load documents %}{% document_links meeting %}").render(
        Context({"meeting": world.meeting})
    )
    for name in [*FORMATS, "documents:meeting_pdf", "documents:meeting_combined_pdf"]:
        assert reverse(name, args=[world.meeting.pk]) in html
