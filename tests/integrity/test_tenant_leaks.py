"""The leak crawl across two municipalities: Fjordby's (the demo's second municipality)
closed items carry the marker words. They must reach no page at all, and nothing of
Fjordby's, public or not, may appear on Aaby's portal."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from dagsorden.demo.neighbour import neighbour_load
from dagsorden.meetings.models import Meeting
from dagsorden.organisations.models import Municipality
from tests.factories import (
    AgendaItemFactory,
    MeetingFactory,
    MembershipFactory,
    OrganizationFactory,
    PersonFactory,
)
from tests.portal.closed_world import MARKERS, add_closed_item

from . import leak_crawl

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))
CLOSED = {k: v for k, v in MARKERS.items() if k != "case_title"}


@pytest.fixture
def two_portals():
    fjordby = neighbour_load(now=NOW)
    held = Meeting.objects.filter(
        organization__municipality=fjordby, state=Meeting.State.MINUTES_APPROVED
    )
    closed = [add_closed_item(meeting, f"f{n}") for n, meeting in enumerate(held)]
    aaby = Municipality.objects.create(name="Aaby Kommune", slug="aaby")
    body = OrganizationFactory(municipality=aaby, name="Aabys Udvalg", slug="oekonomiudvalget")
    meeting = MeetingFactory(organization=body, state="minutes", start=NOW - dt.timedelta(days=9))
    AgendaItemFactory(meeting=meeting, title="Ny legeplads i Aaby")
    member = PersonFactory(municipality=aaby)
    MembershipFactory(person=member, organization=body)
    member.user = get_user_model().objects.create_user("aaby-medlem", password="x" * 16)
    member.save()
    return fjordby, aaby, list(held), closed, member.user


@pytest.fixture
def national_links_skipped(monkeypatch):
    # The API and the open-data page are national by design: every municipality's data.
    # So is the login page (it wears the national header when no municipality is chosen).
    skip = (*leak_crawl.SKIP, "/oparl/", "/aabne-data/", "/log-ind/")
    monkeypatch.setattr(leak_crawl, "SKIP", skip)


def _years():
    return {NOW.year - 1, NOW.year, NOW.year + 1}


def test_nothing_of_fjordby_reaches_aabys_portal(client, two_portals, national_links_skipped):
    fjordby, aaby, held, closed, _user = two_portals
    seeds = [
        f"/aaby/{page}"
        for page in ["", "moeder/", "udvalg/", "kalender/", "kalender.ics", "sitemap.xml"]
    ]
    for word in ["badebro", "Fjordby", *CLOSED.values()]:
        seeds += [f"/aaby/soeg/?q={word}", f"/aaby/soeg/rss/?q={word}"]
    result = leak_crawl.crawl(client, seeds, years=_years())
    assert result.server_errors() == {}
    leaks = result.leaks({**CLOSED, "name": "Fjordby", "public_case": "badebro"})
    assert sorted(leaks) == []
    for meeting in held:
        assert reverse("portal:meeting_detail", args=[meeting.pk]) not in result.pages
    assert any("Ny legeplads i Aaby" in page.text for page in result.pages.values())


def test_fjordbys_closed_items_reach_no_page_anywhere(client, two_portals):
    fjordby, aaby, held, closed, _user = two_portals
    seeds = ["/", "/fjordby/", "/soeg/?q=badebro", "/fjordby/sitemap.xml", "/kalender.ics"]
    seeds += [f"/soeg/?q={word}" for word in CLOSED.values()]
    seeds += [f"/fjordby/soeg/atom/?q={word}" for word in CLOSED.values()]
    seeds += [reverse("portal:item_detail", args=[item.pk]) for item in closed]
    seeds += [reverse("api:body", args=[fjordby.pk])]
    result = leak_crawl.crawl(client, seeds, years=_years())
    assert result.server_errors() == {}
    assert result.leaks(CLOSED) == {}
    # The crawl did see Fjordby's public side and its closed items' neutral titles.
    assert any("badebro" in page.text.lower() for page in result.pages.values())
    assert any("/oparl/" in url for url in result.pages)


def test_a_member_in_aaby_cannot_open_fjordbys_member_pages(client, two_portals):
    fjordby, aaby, held, closed, user = two_portals
    client.force_login(user)
    for meeting in held:
        for name in ("member_meeting", "member_pdf"):
            response = client.get(reverse(f"staff:{name}", args=[meeting.pk]))
            assert response.status_code == 403, name
            assert "Qworpax" not in response.content.decode()
