"""The leak crawl: planted marker words in closed items, in unapproved minutes and in
another body's closed treatment must not be reachable, neither by an anonymous visitor
nor by a logged-in member of another body, in any page, document format (the combined
PDF included), feed, search or sitemap."""

from dataclasses import dataclass

import pytest

from tests.portal.closed_world import MARKERS, add_closed_item

from .conftest import (
    B_CLOSED_DECISION,
    B_CLOSED_TITLE,
    UNAPPROVED_DECISION,
    UNAPPROVED_REMARK,
)
from .leak_crawl import crawl_for_leaks

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

UNAPPROVED = {"unapproved_decision": UNAPPROVED_DECISION, "unapproved_remark": UNAPPROVED_REMARK}
OTHER_BODY = {"b_closed_title": B_CLOSED_TITLE, "b_closed_decision": B_CLOSED_DECISION}
# Body A's closed items carry the classic markers (title, sections, decision, bilag …).
A_CLOSED = {k: v for k, v in MARKERS.items() if k != "case_title"}


@dataclass
class CrawlWorld:
    bodies: list
    meetings: list
    closed_items: list
    all_markers: dict
    years: set


@pytest.fixture
def crawl_world(shared_case):
    closed = [add_closed_item(shared_case.held, "a"), add_closed_item(shared_case.a_meeting, "b")]
    return CrawlWorld(
        bodies=[shared_case.body_a, shared_case.body_b],
        meetings=[shared_case.b_meeting, shared_case.held, shared_case.a_meeting],
        closed_items=[*closed, shared_case.b_closed_item],
        all_markers={**A_CLOSED, **UNAPPROVED, **OTHER_BODY},
        years={2026},
    ), shared_case


def _check(result, markers):
    assert result.server_errors() == {}
    assert result.leaks(markers) == {}
    # The crawl really went through every kind of place.
    for fragment in ("/soeg/", "/rss/", "/atom/", "sitemap.xml", "kalender.ics", "/punkter/"):
        assert result.urls_containing(fragment), fragment
    for fmt in ("dagsorden.pdf", "dagsorden.html", "dagsorden.md", "dagsorden.txt"):
        assert result.urls_containing(fmt), fmt
    pdfs = [p for url, p in result.pages.items() if url.endswith("-med-bilag.pdf")]
    assert pdfs and all(p.status == 200 and p.text.strip() for p in pdfs)


def test_nothing_secret_reaches_an_anonymous_visitor(client, crawl_world):
    world, _shared = crawl_world
    result = crawl_for_leaks(client, world)
    _check(result, world.all_markers)
    assert len(result.pages) > 60


def test_nothing_of_body_a_reaches_a_member_of_body_b(client, crawl_world):
    world, shared = crawl_world
    client.force_login(shared.users["member_b"])
    result = crawl_for_leaks(client, world)
    _check(result, {**A_CLOSED, **UNAPPROVED})
    # Body B's own member page is open to them, body A's is not.
    assert result.pages[f"/medlem/moeder/{shared.b_meeting.pk}/"].status == 200
    assert result.pages[f"/medlem/moeder/{shared.a_meeting.pk}/"].status == 403


def test_body_bs_closed_treatment_does_not_reach_a_member_of_body_a(client, crawl_world):
    world, shared = crawl_world
    client.force_login(shared.users["member_a"])
    result = crawl_for_leaks(client, world)
    _check(result, OTHER_BODY)
    assert result.pages[f"/medlem/moeder/{shared.a_meeting.pk}/"].status == 200
