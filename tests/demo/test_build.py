"""The demo loader on an empty database gives the municipality the issue promises."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db.models import Count

from dagsorden.cases.models import Case, File
from dagsorden.demo.build import demo_exists, demo_load
from dagsorden.meetings.models import AgendaItem, Attendance, Meeting, Section, Vote
from dagsorden.meetings.selectors import item_history
from dagsorden.organisations.models import LegislativeTerm, Membership, Organization

NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        world = demo_load(now=NOW, admin_password="test-password")
    yield world
    with django_db_blocker.unblock():
        from django.core.management import call_command

        call_command("flush", interactive=False, verbosity=0)


pytestmark = pytest.mark.django_db


def test_bodies_terms_and_members(demo):
    kinds = set(Organization.objects.values_list("kind", flat=True))
    assert Organization.objects.count() >= 5
    assert {"council", "finance", "committee", "executive"} <= kinds
    assert Organization.objects.filter(kind="committee").count() >= 2
    assert set(LegislativeTerm.objects.values_list("name", flat=True)) == {
        "2022-2025",
        "2026-2029",
    }
    for term in LegislativeTerm.objects.all():
        roles = set(Membership.objects.filter(term=term).values_list("role", flat=True))
        assert {"formand", "naestformand", "medlem"} <= roles
    assert Membership.objects.exclude(party=None).values("party").distinct().count() >= 5


def test_meetings_items_and_their_content(demo):
    assert Meeting.objects.count() >= 12
    assert Meeting.objects.filter(start__lt=NOW).exists()
    assert Meeting.objects.filter(start__gt=NOW).exists()
    assert AgendaItem.objects.count() >= 80
    assert AgendaItem.objects.filter(public=False).exists()
    assert Section.objects.values("heading").distinct().count() >= 5
    assert Vote.objects.filter(choice="imod").exists()
    assert Attendance.objects.filter(status="afbud").exists()
    assert Attendance.objects.exclude(substitute_for=None).exists()
    assert Meeting.objects.filter(state="minutes").exists()


def test_cases_travel_through_three_or_more_bodies_and_show_history(demo):
    long_routes = Case.objects.annotate(n=Count("consultations")).filter(n__gte=3)
    assert long_routes.exists()
    council_items = AgendaItem.objects.filter(
        meeting__organization__kind="council",
        consultation__case__in=long_routes,
        meeting__state="minutes",
    )
    histories = [item_history(item) for item in council_items]
    assert any(len(history) >= 2 for history in histories)


def test_bilag_are_real_pdfs_with_text(demo):
    bilag = File.objects.exclude(file="").first()
    assert bilag is not None and bilag.mime_type == "application/pdf"
    with bilag.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert bilag.text.strip()


def test_loading_is_recorded_as_done(demo):
    assert demo_exists()


def test_every_member_has_a_login_and_an_e_mail_address_and_can_sign(demo):
    from dagsorden.meetings.models import Meeting
    from dagsorden.organisations.models import Person
    from dagsorden.staff import permissions

    people = Person.objects.filter(memberships__isnull=False).distinct()
    assert people.count() >= 20
    assert not people.filter(user=None).exists()
    assert not people.filter(email="").exists()
    assert len(set(people.values_list("user__username", flat=True))) == people.count()
    assert Person.objects.get(family_name="Bækgaard").user.username == "signe.baekgaard"
    assert Person.objects.get(family_name="Overgaard Lind").user.username == "medlem"
    assert demo.admin.check_password("test-password")
    signe = Person.objects.get(family_name="Bækgaard").user
    assert signe.check_password("test-password")
    for meeting in Meeting.objects.filter(state="minutes"):
        for row in meeting.attendances.filter(status="present").select_related("person__user"):
            assert permissions.can_sign(row.person.user, meeting)
