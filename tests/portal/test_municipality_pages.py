"""One municipality's portal: its name in the header, "Log ind" one click away, its own
bodies in its lists, people's memberships over time, and each fact worded once."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from dagsorden.meetings.models import Attendance, Recommendation
from dagsorden.organisations.models import Municipality
from tests.factories import (
    AgendaItemFactory,
    MeetingFactory,
    MembershipFactory,
    MunicipalityFactory,
    OrganizationFactory,
    PersonFactory,
    TermFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def danish_after(settings):
    # The language middleware leaves the chosen language active in the thread; an
    # English request here must not make later tests' documents English.
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def two_municipalities():
    own = MunicipalityFactory(name="Eksempel Kommune", slug="eksempel")
    imported = Municipality.objects.create(name="Andenby Kommune", slug="andenby")
    own_body = OrganizationFactory(municipality=own, name="Teknik- og Miljøudvalget")
    imported_body = OrganizationFactory(municipality=imported, name="Udvalget for Andenby")
    MeetingFactory(organization=own_body, state="minutes")
    MeetingFactory(organization=imported_body, state="minutes")
    return own, imported, own_body, imported_body


def _header(page: str) -> str:
    return page[page.index('<header class="site-header">') : page.index("</header>")]


def test_the_header_names_the_municipality_and_offers_log_in(client, two_municipalities):
    page = client.get("/eksempel/").content.decode()
    header = _header(page)
    assert "Eksempel Kommune" in header
    assert f'href="{reverse("staff:login")}"' in header and "Log ind" in header
    assert "<title>" in page and "· Eksempel Kommune</title>" in page


def test_the_portal_municipality_can_be_chosen(client, settings, two_municipalities):
    settings.PORTAL_MUNICIPALITY = "andenby"
    page = client.get(reverse("portal:home")).content.decode()
    assert "Andenby Kommune" in _header(page)


def test_an_imported_municipalitys_bodies_keep_to_their_own_list(
    client, settings, two_municipalities
):
    settings.PORTAL_MUNICIPALITY = "eksempel"
    own, imported, own_body, imported_body = two_municipalities
    for url in (reverse("portal:home"), reverse("portal:body_list"), "/eksempel/udvalg/"):
        page = client.get(url).content.decode()
        assert own_body.name in page and imported_body.name not in page, url
    page = client.get("/andenby/udvalg/").content.decode()
    assert imported_body.name in page and own_body.name not in page
    assert "Andenby Kommune" in _header(page)


def test_the_admin_term_filter_names_the_municipality(admin_client, two_municipalities):
    own, imported, *_ = two_municipalities
    TermFactory(
        municipality=own,
        name="2022-2025",
        start_date=dt.date(2022, 1, 1),
        end_date=dt.date(2025, 12, 31),
    )
    TermFactory(
        municipality=imported,
        name="2022-2025",
        start_date=dt.date(2022, 1, 1),
        end_date=dt.date(2025, 12, 31),
    )
    page = admin_client.get(reverse("admin:organisations_membership_changelist")).content.decode()
    assert "2022-2025 · Eksempel Kommune" in page
    assert "2022-2025 · Andenby Kommune" in page


def test_a_persons_page_shows_memberships_per_term(client, two_municipalities):
    own, _imported, own_body, _ = two_municipalities
    old = TermFactory(
        municipality=own,
        name="2022-2025",
        start_date=dt.date(2022, 1, 1),
        end_date=dt.date(2025, 12, 31),
    )
    new = TermFactory(municipality=own, name="2026-2029")
    person = PersonFactory(municipality=own)
    earlier_body = OrganizationFactory(municipality=own, name="Børneudvalget")
    MembershipFactory(
        person=person,
        organization=earlier_body,
        term=old,
        start_date=dt.date(2022, 1, 1),
        end_date=dt.date(2025, 12, 31),
    )
    MembershipFactory(person=person, organization=own_body, term=new)
    page = client.get(reverse("portal:person_detail", args=[person.pk])).content.decode()
    newer, older = page.index("Valgperiode 2026-2029"), page.index("Valgperiode 2022-2025")
    assert newer < older
    assert own_body.name in page[newer:older] and "Børneudvalget" in page[older:]
    assert "1. januar 2022 til " in page and "31. december 2025" in page
    assert "fra torsdag d. 1. januar 2026" in page


def test_an_absence_whose_reason_repeats_it_is_written_once(client, two_municipalities):
    _own, _imp, own_body, _ = two_municipalities
    meeting = own_body.meetings.get()
    person = PersonFactory(municipality=own_body.municipality)
    MembershipFactory(person=person, organization=own_body)
    Attendance.objects.create(meeting=meeting, person=person, status="afbud", reason="Afbud")
    page = client.get(reverse("portal:meeting_detail", args=[meeting.pk])).content.decode()
    assert f"{person.name_with_party()}: afbud" in page
    assert "Afbud (Afbud)" not in page and "afbud (Afbud)" not in page


def test_the_english_page_quotes_the_indstilling_in_danish_not_mixed(client, two_municipalities):
    _own, _imp, own_body, _ = two_municipalities
    item = AgendaItemFactory(meeting=own_body.meetings.get(), title="Ny sti")
    Recommendation.objects.create(
        item=item, by="Direktionen indstiller,", clauses=["at stien anlægges"]
    )
    client.cookies["django_language"] = "en"
    page = client.get(
        reverse("portal:meeting_detail", args=[item.meeting_id]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Direktionen indstiller, at:" in page
    assert "at stien anlægges" in page and "at at" not in page
    assert "recommends" not in page
    assert '<div lang="da">' in page


def test_in_english_an_absence_reason_naming_the_status_is_not_repeated(client, two_municipalities):
    _own, _imp, own_body, _ = two_municipalities
    meeting = own_body.meetings.get()
    person = PersonFactory(municipality=own_body.municipality)
    MembershipFactory(person=person, organization=own_body)
    Attendance.objects.create(meeting=meeting, person=person, status="fravaer", reason="Fravær")
    client.cookies["django_language"] = "en"
    page = client.get(reverse("portal:meeting_detail", args=[meeting.pk])).content.decode()
    assert "(Fravær)" not in page
