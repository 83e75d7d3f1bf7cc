import pytest

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

from .closed_world import demo_portal, demo_with_secrets  # noqa: F401 - fixtures


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
