"""factory_boy factories for the domain model. Dates default to a fixed autumn 2026."""

import datetime as dt
from zoneinfo import ZoneInfo

import factory

from dagsorden.cases.models import Case, Consultation
from dagsorden.meetings.models import AgendaItem, Meeting
from dagsorden.organisations.models import (
    LegislativeTerm,
    Membership,
    Municipality,
    Organization,
    Party,
    Person,
)

TZ = ZoneInfo("Europe/Copenhagen")


def local(year, month, day, hour=16, minute=0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=TZ)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ["slug"]

    name = "Prøvested Kommune"
    slug = "proevested"
    code = "998"
    item_template = ["Sagens kerne", "Sagsfremstilling", "Økonomi"]


class TermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegislativeTerm
        django_get_or_create = ["municipality", "name"]

    municipality = factory.SubFactory(MunicipalityFactory)
    name = "2026-2029"
    start_date = dt.date(2026, 1, 1)
    end_date = dt.date(2029, 12, 31)


class PartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Party
        django_get_or_create = ["municipality", "letter"]

    municipality = factory.SubFactory(MunicipalityFactory)
    letter = "A"
    name = factory.LazyAttribute(lambda p: f"Parti {p.letter}")


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Fagudvalg {n}")
    slug = factory.Sequence(lambda n: f"fagudvalg-{n}")
    kind = Organization.Kind.COMMITTEE
    item_numbering = Organization.Numbering.PER_MEETING


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    municipality = factory.SubFactory(MunicipalityFactory)
    given_name = factory.Sequence(lambda n: f"Fornavn{n}")
    family_name = factory.Sequence(lambda n: f"Efternavn{n}")
    party = factory.SubFactory(PartyFactory, municipality=factory.SelfAttribute("..municipality"))


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    organization = factory.SubFactory(OrganizationFactory)
    party = factory.SelfAttribute("person.party")
    role = Membership.Role.MEMBER
    start_date = dt.date(2026, 1, 1)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    organization = factory.SubFactory(OrganizationFactory)
    start = local(2026, 10, 13)


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Punkt om emne {n}")
    number = factory.Sequence(lambda n: n + 1)
    order = factory.Sequence(lambda n: n + 1)


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Sag nummer {n}")
    journal_number = factory.Sequence(lambda n: f"00.01.00-G01-{n + 1}-26")


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    case = factory.SubFactory(CaseFactory)
    organization = factory.SubFactory(OrganizationFactory)
    order = 1
    role = Consultation.Role.DECIDES
    status = Consultation.Status.READY


def committee_with_members(*, municipality=None, count=3, **organization_fields):
    """A committee and `count` members of party A, the first one formand."""
    municipality = municipality or MunicipalityFactory()
    body = OrganizationFactory(municipality=municipality, **organization_fields)
    party = PartyFactory(municipality=municipality, letter="A")
    members = []
    for index in range(count):
        person = PersonFactory(municipality=municipality, party=party)
        MembershipFactory(
            person=person, organization=body, role="formand" if index == 0 else "medlem"
        )
        members.append(person)
    return body, members
