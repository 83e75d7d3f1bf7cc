"""The rendered meeting page is reused until something shown on it changes, and public
pages are the same for every visitor (no CSRF token), so one cached copy fits all."""

import re

import pytest
from django.core.cache import caches
from django.urls import reverse

from dagsorden.cases.models import File
from dagsorden.cases.services import file_attach
from dagsorden.demo.bilag import bilag_pdf_bytes
from dagsorden.meetings.models import Attendance, Section, Vote
from dagsorden.meetings.services import (
    agenda_item_create,
    attendance_record_absence,
    decision_record,
    item_attendance_record,
    item_sections_replace,
    meeting_publish_agenda,
)
from dagsorden.portal.page_cache import CACHE_ALIAS
from dagsorden.portal.selectors import meeting_page_fingerprint
from tests.factories import local

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_page_cache():
    caches[CACHE_ALIAS].clear()
    yield
    caches[CACHE_ALIAS].clear()


@pytest.fixture
def page(council_setup):
    meeting = council_setup["meeting"]
    item = agenda_item_create(
        meeting=meeting,
        draft_state="approved",
        title="Ny skaterbane",
        sections=[("Sagsfremstilling", "Ramper ved hallen.")],
    )
    meeting = meeting_publish_agenda(meeting=meeting, at=local(2026, 10, 1))
    return {
        "meeting": meeting,
        "item": item,
        "members": council_setup["members"],
        "url": reverse("portal:meeting_detail", args=[meeting.pk]),
    }


def fingerprint(page) -> str:
    return meeting_page_fingerprint(page["meeting"].pk)


def attach(page, name="Tegning af ramper"):
    pdf = bilag_pdf_bytes(
        title=name, municipality="Prøvested", case_title="Skaterbane", paragraphs=["Ramper"]
    )
    return file_attach(data=pdf, name=name, file_name="ramper.pdf", agenda_item=page["item"])


def test_second_request_is_served_from_the_cache(client, page, django_assert_max_num_queries):
    first = client.get(page["url"])
    with django_assert_max_num_queries(1):  # the fingerprint only
        second = client.get(page["url"])
    assert second.status_code == 200
    assert second.content == first.content


@pytest.mark.parametrize(
    "change",
    [
        lambda page: item_sections_replace(
            item=page["item"], sections=[("Sagsfremstilling", "Ramper og bowl.")]
        ),
        lambda page: Section.objects.filter(item=page["item"]).delete(),
        lambda page: decision_record(item=page["item"], outcome="godkendt", text="Vedtaget"),
        lambda page: attendance_record_absence(meeting=page["meeting"], person=page["members"][0]),
        lambda page: attach(page),
    ],
    ids=["section", "section deleted", "decision", "absence", "bilag"],
)
def test_fingerprint_follows_changes(page, change):
    before = fingerprint(page)
    change(page)
    assert fingerprint(page) != before


def test_fingerprint_follows_votes_item_absence_and_deletions(page):
    members, item = page["members"], page["item"]

    def vote(against):
        votes = {m: Vote.Choice.AGAINST if m in against else Vote.Choice.FOR for m in members}
        decision_record(item=item, outcome="godkendt", votes=votes)

    steps = [
        lambda: vote(against=[]),
        lambda: vote(against=[members[1]]),
        lambda: Vote.objects.filter(person=members[1]).delete(),
        lambda: item_attendance_record(item=item, person=members[2], kind="inhabil"),
        lambda: attendance_record_absence(meeting=page["meeting"], person=members[0]),
        lambda: Attendance.objects.filter(person=members[0]).delete(),
        lambda: attach(page),
        lambda: File.objects.filter(agenda_item=item).delete(),
    ]
    for step in steps:
        before = fingerprint(page)
        step()
        assert fingerprint(page) != before


def test_cached_page_shows_changes_made_through_services(client, page):
    assert b"Ramper ved hallen." in client.get(page["url"]).content
    item_sections_replace(item=page["item"], sections=[("Sagsfremstilling", "Bowl og rails.")])
    assert b"Bowl og rails." in client.get(page["url"]).content

    bilag = attach(page, name="Situationsplan")
    assert b"Situationsplan" in client.get(page["url"]).content
    File.objects.filter(pk=bilag.pk).delete()
    assert b"Situationsplan" not in client.get(page["url"]).content

    member = page["members"][0]
    attendance_record_absence(meeting=page["meeting"], person=member, reason="Ferie")
    assert b"Ferie" in client.get(page["url"]).content


def test_languages_are_cached_apart(client, page):
    danish = client.get(page["url"]).content
    client.cookies["django_language"] = "en"
    english = client.get(page["url"]).content
    assert danish != english
    assert b'lang="en"' in english


def test_public_pages_carry_no_csrf_token(client, page):
    for url in [
        reverse("portal:home"),
        page["url"],
        reverse("portal:item_detail", args=[page["item"].pk]),
        reverse("portal:meeting_list"),
        reverse("portal:search") + "?q=skaterbane",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"csrfmiddlewaretoken" not in response.content, url
        assert "csrftoken" not in response.cookies, url


def test_language_switch_sets_the_cookie_and_returns(client, page):
    response = client.get(reverse("portal:language"), {"language": "en", "next": page["url"]})
    assert response.status_code == 302
    assert response["Location"] == page["url"]
    assert response.cookies["django_language"].value == "en"
    html = client.get(page["url"]).content.decode()
    assert re.search(r'<option value="en"[^>]*selected', html)


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "javascript:x"])
def test_language_switch_only_returns_to_this_site(client, target):
    response = client.get(reverse("portal:language"), {"language": "en", "next": target})
    assert response["Location"] == reverse("portal:home")


def test_unknown_language_is_ignored(client):
    response = client.get(reverse("portal:language"), {"language": "xx", "next": "/"})
    assert response["Location"] == "/"
    assert "django_language" not in response.cookies
