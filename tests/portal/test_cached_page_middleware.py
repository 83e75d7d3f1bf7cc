"""The middleware answers anonymous meeting-page requests from the cache, and leaves
everything else to the normal stack."""

import pytest
from django.core.cache import caches
from django.http import HttpResponse
from django.urls import reverse

from dagsorden.meetings.services import agenda_item_create, meeting_publish_agenda
from dagsorden.portal import page_cache
from dagsorden.portal.page_cache import CACHE_ALIAS
from tests.factories import local

pytestmark = pytest.mark.django_db


@pytest.fixture
def url(council_setup):
    caches[CACHE_ALIAS].clear()
    meeting = council_setup["meeting"]
    agenda_item_create(meeting=meeting, title="Ny bro", draft_state="approved")
    meeting_publish_agenda(meeting=meeting, at=local(2026, 10, 1))
    yield reverse("portal:meeting_detail", args=[meeting.pk])
    caches[CACHE_ALIAS].clear()


def test_a_cached_page_is_served_before_the_view(client, url, monkeypatch):
    first = client.get(url)
    rendered = []
    monkeypatch.setattr(page_cache, "meeting_page", lambda *a, **k: rendered.append(1))
    second = client.get(url)
    assert rendered == []  # the view never ran
    assert second.content == first.content
    assert second["X-Frame-Options"] == "DENY"
    assert second["Content-Language"] == "da"


def test_visitors_with_a_session_or_a_query_go_through_the_view(
    client, url, admin_user, monkeypatch
):
    client.get(url)  # now cached
    monkeypatch.setattr(page_cache, "meeting_page", lambda *a, **k: HttpResponse("fra visningen"))
    assert client.get(url + "?x=1").content == b"fra visningen"
    client.force_login(admin_user)
    assert client.get(url).content == b"fra visningen"


def test_under_load_a_worker_trusts_a_fingerprint_for_a_moment(url, settings, monkeypatch):
    settings.PORTAL_FINGERPRINT_SECONDS = 1
    page_cache._recent_fingerprints.clear()
    meeting_id = int(url.strip("/").split("/")[-1])
    reads = []
    real = page_cache.meeting_page_fingerprint
    monkeypatch.setattr(
        page_cache, "meeting_page_fingerprint", lambda pk: reads.append(pk) or real(pk)
    )
    clock = [100.0]
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: clock[0])
    page_cache.recent_fingerprint(meeting_id)
    page_cache.recent_fingerprint(meeting_id)
    assert len(reads) == 1
    clock[0] += 1.5
    page_cache.recent_fingerprint(meeting_id)
    assert len(reads) == 2
