"""PDFs are cached by what the document shows, not by timestamps."""

import pytest

from dagsorden.documents import cache, pdf
from dagsorden.documents.from_db import document_from_meeting
from dagsorden.meetings.models import Section

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders(monkeypatch):
    calls = []
    real = pdf.to_pdf

    def counting(document):
        calls.append(document.fingerprint())
        return real(document)

    monkeypatch.setattr(pdf, "to_pdf", counting)
    return calls


def test_second_request_is_served_from_cache(world, renders):
    first = cache.pdf_cached(document_from_meeting(world.meeting))
    second = cache.pdf_cached(document_from_meeting(world.meeting))
    assert first == second
    assert len(renders) == 1
    assert list(cache.cache_dir().glob("*.pdf"))


def test_saving_without_change_keeps_the_cached_pdf(world, renders):
    cache.pdf_cached(document_from_meeting(world.meeting))
    world.meeting.save()  # a new `modified`, nothing visible changed
    cache.pdf_cached(document_from_meeting(world.meeting))
    assert len(renders) == 1


def test_a_changed_section_rebuilds(world, renders):
    cache.pdf_cached(document_from_meeting(world.meeting))
    section = Section.objects.filter(item=world.items[0]).first()
    section.body += " Tilføjet efter udsendelsen."
    section.save()
    cache.pdf_cached(document_from_meeting(world.meeting))
    assert len(renders) == 2
    assert renders[0] != renders[1]


def test_variants_and_styles_have_their_own_entries(world):
    public = document_from_meeting(world.meeting, variant="public").fingerprint()
    members = document_from_meeting(world.meeting, variant="members").fingerprint()
    assert public != members
