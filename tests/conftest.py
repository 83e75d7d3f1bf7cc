"""Fixtures shared by every test: uploaded files and caches go to a temporary folder."""

import pytest
from django.conf import settings

from dagsorden.meetings.services import meeting_create
from dagsorden.organisations.models import Organization
from tests.factories import (
    MembershipFactory,
    MunicipalityFactory,
    PartyFactory,
    PersonFactory,
    committee_with_members,
    local,
)
from tests.replica_harness import (  # noqa: F401 - django_db_setup is a fixture
    adapt_database_tests,
    django_db_setup,
    standby_summary,
)


def pytest_collection_modifyitems(items):
    adapt_database_tests(items)


def pytest_terminal_summary(terminalreporter):
    standby_summary(terminalreporter)


@pytest.fixture(scope="session", autouse=True)
def media_in_tmp(tmp_path_factory):
    # Session-wide, so module-scoped data (the demo) and single tests see the same files.
    original = settings.MEDIA_ROOT
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
    yield settings.MEDIA_ROOT
    settings.MEDIA_ROOT = original


@pytest.fixture(autouse=True)
def fresh_meeting_pages(settings):
    # Tests change a meeting and look at its page at once; the one-second grace the
    # portal allows under load is tested on its own.
    settings.PORTAL_FINGERPRINT_SECONDS = 0


@pytest.fixture(autouse=True)
def sessions_outlast_the_moved_clock(settings):
    # Many tests move the clock by hours or days between a user's requests; sessions
    # ending by idleness or age are tested on their own (tests/accounts).
    settings.SESSION_IDLE_SECONDS = 10 * 365 * 24 * 3600
    settings.SESSION_COOKIE_AGE = 14 * 24 * 3600  # Django's default


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    # The production hasher is slow on purpose; tests create many users.
    original = settings.PASSWORD_HASHERS
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    yield
    settings.PASSWORD_HASHERS = original


@pytest.fixture
def council_setup(db):
    """A committee of three (party A), and a council where the committee's members sit
    together with one more A member (a possible stedfortræder) and one V member."""
    municipality = MunicipalityFactory()
    committee, members = committee_with_members(municipality=municipality, count=3)
    council = Organization.objects.create(
        municipality=municipality,
        name="Kommunalbestyrelsen",
        slug="kb",
        kind=Organization.Kind.COUNCIL,
    )
    spare_a = PersonFactory(municipality=municipality, party=members[0].party)
    other_party = PersonFactory(
        municipality=municipality, party=PartyFactory(municipality=municipality, letter="V")
    )
    for person in [*members, spare_a, other_party]:
        MembershipFactory(person=person, organization=council)
    meeting = meeting_create(organization=committee, start=local(2026, 10, 13))
    return {
        "municipality": municipality,
        "committee": committee,
        "council": council,
        "members": members,
        "spare_a": spare_a,
        "other_party": other_party,
        "meeting": meeting,
    }


@pytest.fixture
def published_case(council_setup):
    """A case routed committee (indstiller) → council (afgør), put on the committee's
    meeting as an approved item, with the agenda published."""
    from dagsorden.cases.services import case_create
    from dagsorden.meetings.services import case_schedule, meeting_publish_agenda

    case = case_create(
        municipality=council_setup["municipality"],
        title="Ny politik",
        route=[(council_setup["committee"], "indstiller"), (council_setup["council"], "afgoer")],
    )
    item = case_schedule(
        draft_state="approved",
        consultation=case.consultations.get(order=1),
        meeting=council_setup["meeting"],
        sections=[("Sagsfremstilling", "Tekst.")],
        recommendation_by="Direktionen",
        recommendation_clauses=["politikken godkendes"],
    )
    meeting = meeting_publish_agenda(meeting=council_setup["meeting"], at=local(2026, 10, 1))
    return {**council_setup, "case": case, "item": item, "meeting": meeting}
