"""PDFs are cached by what the document shows, not by timestamps."""

import os

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


def test_least_recently_used_files_are_pruned(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.DOCUMENTS_CACHE_MAX_FILES = 2
    for key, used_at in (("a", 1_000), ("b", 2_000)):
        cache.cached(key, lambda key=key: key.encode())
        os.utime(cache.cache_dir() / f"{key}.pdf", (used_at, used_at))
    cache.cached("a", lambda: b"never built")  # a hit makes "a" recently used
    cache.cached("c", lambda: b"c")
    assert sorted(p.stem for p in cache.cache_dir().glob("*.pdf")) == ["a", "c"]
    assert cache.cached("a", lambda: b"rebuilt") == b"a"
