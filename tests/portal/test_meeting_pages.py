"""The plain public pages: list of meetings and one meeting. Closed items never leak."""

import pytest
from django.urls import reverse

from dagsorden.cases.services import file_attach
from dagsorden.demo.bilag import bilag_pdf_bytes
from dagsorden.meetings.services import agenda_item_create, meeting_publish_agenda
from tests.factories import local

pytestmark = pytest.mark.django_db

SECRET = "Hemmeligtillæg"


@pytest.fixture
def published(council_setup):
    meeting = council_setup["meeting"]
    open_item = agenda_item_create(
        meeting=meeting,
        draft_state="approved",
        title="Ny legeplads",
        sections=[("Sagsfremstilling", "Gynger og rutsjebane.")],
    )
    closed_item = agenda_item_create(
        meeting=meeting,
        draft_state="approved",
        title=f"Køb af ejendom {SECRET}",
        public=False,
        public_title="Lukket punkt: Ejendomshandel",
        sections=[("Sagsfremstilling", f"Prisen er {SECRET} kroner.")],
        recommendation_by="Direktionen",
        recommendation_clauses=[f"købet gennemføres {SECRET}"],
    )
    pdf = bilag_pdf_bytes(
        title=f"Vurdering {SECRET}", municipality="Prøvested", case_title="Køb", paragraphs=[SECRET]
    )
    closed_bilag = file_attach(
        data=pdf, name=f"Vurdering {SECRET}", file_name="v.pdf", agenda_item=closed_item
    )
    meeting = meeting_publish_agenda(meeting=meeting, at=local(2026, 10, 1))
    return {
        "meeting": meeting,
        "open": open_item,
        "closed": closed_item,
        "closed_bilag": closed_bilag,
    }


def test_meeting_list_shows_published_meetings(client, published):
    response = client.get(reverse("portal:meeting_list"))
    assert response.status_code == 200
    assert reverse("portal:meeting_detail", args=[published["meeting"].pk]).encode() in (
        response.content
    )


def test_planned_meetings_are_not_shown(client, council_setup):
    response = client.get(reverse("portal:meeting_detail", args=[council_setup["meeting"].pk]))
    assert response.status_code == 404


def test_meeting_page_shows_only_the_closed_items_neutral_title(client, published):
    response = client.get(reverse("portal:meeting_detail", args=[published["meeting"].pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ny legeplads" in html and "Gynger og rutsjebane." in html
    assert "Lukket punkt: Ejendomshandel" in html
    assert SECRET not in html


def test_a_closed_items_bilag_is_not_served(client, published):
    bilag = published["closed_bilag"]
    response = client.get(reverse("portal:file_download", args=[bilag.pk, "v.pdf"]))
    assert response.status_code == 404
    assert SECRET.encode() not in response.content
