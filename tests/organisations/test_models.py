import datetime as dt

import pytest

from dagsorden.organisations.models import Membership
from tests.factories import MembershipFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_members_on_a_day_are_listed_chair_first_and_exclude_ended_seats():
    body = OrganizationFactory()
    member = MembershipFactory(organization=body, role=Membership.Role.MEMBER)
    chair = MembershipFactory(organization=body, role=Membership.Role.CHAIR)
    vice = MembershipFactory(organization=body, role=Membership.Role.VICE_CHAIR)
    MembershipFactory(organization=body, end_date=dt.date(2026, 3, 31))
    listed = list(body.members_on(dt.date(2026, 6, 1)))
    assert listed == [chair, vice, member]


def test_person_name_with_party_shows_the_letter():
    person = PersonFactory(given_name="Ida", family_name="Holm")
    assert person.name_with_party() == "Ida Holm (A)"
