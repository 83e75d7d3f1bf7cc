"""Many municipalities in one installation, seen by a citizen: each portal under its
slug (or its own host name) holds only its own bodies, meetings, calendar, feeds and
search hits; `/` is a national front page; one municipality alone keeps `/`."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from dagsorden.meetings.models import Decision
from dagsorden.organisations.models import Municipality
from dagsorden.search.facade import index_meeting
from tests.factories import AgendaItemFactory, MeetingFactory, OrganizationFactory, local

pytestmark = pytest.mark.django_db


def _world():
    a = Municipality.objects.create(name="Aaby Kommune", slug="aaby", accent_colour="#1e6b2a")
    b = Municipality.objects.create(
        name="Bebyg Kommune", slug="bebyg", host="dagsorden.bebyg.dk", accent_colour="#8a1538"
    )
    body_a = OrganizationFactory(municipality=a, name="Aabys Teknikudvalg", slug="teknik")
    body_b = OrganizationFactory(municipality=b, name="Bebygs Teknikudvalg", slug="teknik")
    held_a = MeetingFactory(organization=body_a, state="minutes", start=local(2026, 10, 13))
    held_b = MeetingFactory(organization=body_b, state="minutes", start=local(2026, 10, 14))
    for meeting, title in [
        (held_a, "Solcellepark ved Aaby mose"),
        (held_b, "Solcellepark ved Bebyg hede"),
    ]:
        item = AgendaItemFactory(meeting=meeting, title=title)
        Decision.objects.create(item=item, outcome=Decision.Outcome.APPROVED, text="Godkendt.")
    for meeting in (held_a, held_b):
        index_meeting(meeting)
    return a, b, body_a, body_b, held_a, held_b


def _text(client, url, **extra) -> str:
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response.content.decode()


def _header(page: str) -> str:
    return page[page.index('<header class="site-header">') : page.index("</header>")]


def test_a_citizen_on_one_portal_never_sees_the_other_municipality(client):
    a, b, body_a, body_b, held_a, held_b = _world()
    pages = {
        url: _text(client, url)
        for url in [
            "/aaby/",
            "/aaby/moeder/",
            "/aaby/udvalg/",
            "/aaby/kalender/2026/10/",
            "/aaby/kalender.ics",
            "/aaby/soeg/?q=solcellepark",
            "/aaby/soeg/rss/?q=solcellepark",
            "/aaby/soeg/atom/?q=solcellepark",
            "/aaby/sitemap.xml",
        ]
    }
    for url, page in pages.items():
        assert "Bebyg" not in page, url
        assert reverse("portal:meeting_detail", args=[held_b.pk]) not in page, url
    assert "Aaby Kommune" in _header(pages["/aaby/"])
    assert body_a.name in pages["/aaby/udvalg/"]
    assert reverse("portal:meeting_detail", args=[held_a.pk]) in pages["/aaby/kalender/2026/10/"]
    assert "ved Aaby mose" in pages["/aaby/soeg/?q=solcellepark"]  # title marked up
    assert "Aaby mose" in pages["/aaby/soeg/rss/?q=solcellepark"]
    # The search form's own hidden filter cannot reach into the other municipality.
    page = _text(client, f"/aaby/soeg/?q=solcellepark&kommune={b.pk}")
    assert "Bebyg hede" not in page and "Aaby mose" in page


def test_the_national_front_page_and_search_span_every_municipality(client):
    a, b, *_ = _world()
    home = _text(client, "/")
    assert 'href="/aaby/"' in home and 'href="/bebyg/"' in home
    assert "Solcellepark ved Aaby mose" in home and "Solcellepark ved Bebyg hede" in home
    assert "Aaby Kommune" not in _header(home)
    hits = _text(client, "/soeg/?q=solcellepark")
    for title, municipality in [("Aaby mose", "Aaby Kommune"), ("Bebyg hede", "Bebyg Kommune")]:
        hit = hits[hits.index(title) :]
        hit = hit[: hit.index("</li>")]
        assert f'<span class="municipality">{municipality}</span>' in hit
    meetings = _text(client, "/moeder/")  # the old address: every municipality, named
    assert '<span class="municipality">· Aaby Kommune</span>' in meetings
    assert '<span class="municipality">· Bebyg Kommune</span>' in meetings
    bodies = _text(client, "/udvalg/")
    assert bodies.index("<h2>Aaby Kommune</h2>") < bodies.index("<h2>Bebyg Kommune</h2>")
    only_b = _text(client, f"/soeg/?q=solcellepark&kommune={b.pk}")
    assert "Bebyg hede" in only_b and "Aaby mose" not in only_b


def test_each_front_page_searches_its_own_scope(client):
    _world()
    for url, label, action in [
        ("/", "Søg i alle kommuners dagsordener, referater og bilag", "/soeg/"),
        ("/aaby/", "Søg i dagsordener, referater og bilag", "/aaby/soeg/"),
    ]:
        page = _text(client, url)
        start = page.index('<form class="search-box"')
        box = page[start : page.index("</form>", start)]
        assert f'action="{action}"' in box and f'<label for="forside-q">{label}</label>' in box


def test_object_pages_wear_their_own_municipalitys_header_and_colour(client):
    a, b, body_a, body_b, held_a, held_b = _world()
    page = _text(client, reverse("portal:meeting_detail", args=[held_b.pk]))
    assert "Bebyg Kommune" in _header(page) and "--accent: #8a1538" in page
    assert 'href="/bebyg/moeder/"' in page  # its crumbs lead into its own portal
    page = _text(client, reverse("portal:body_detail", args=[body_a.pk]))
    assert "Aaby Kommune" in _header(page) and "--accent: #1e6b2a" in page


def test_the_slug_pages_are_canonical(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "dagsorden.bebyg.dk"]
    _world()
    page = _text(client, "/bebyg/moeder/")
    assert '<link rel="canonical" href="/bebyg/moeder/">' in page
    page = _text(client, "/bebyg/", HTTP_HOST="dagsorden.bebyg.dk")
    assert '<link rel="canonical" href="/bebyg/">' in page


def test_a_host_name_maps_to_its_municipality(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "dagsorden.bebyg.dk"]
    _world()
    page = _text(client, "/", HTTP_HOST="dagsorden.bebyg.dk")
    assert "Bebyg Kommune" in _header(page) and "Aaby" not in page
    assert 'href="/moeder/"' in _header(page)  # served at its root: no slug needed
    assert "Aaby" not in _text(client, "/moeder/", HTTP_HOST="dagsorden.bebyg.dk")
    assert "Aaby" not in _text(client, "/kalender.ics", HTTP_HOST="dagsorden.bebyg.dk")


def test_a_wrong_slug_is_a_styled_not_found_page(client):
    _world()
    response = client.get("/ingenby/moeder/")
    assert response.status_code == 404
    page = response.content.decode()
    assert '<header class="site-header">' in page and "Siden findes ikke" in page


def test_one_municipality_keeps_the_old_addresses(client):
    municipality = Municipality.objects.create(name="Eneby Kommune", slug="eneby")
    body = OrganizationFactory(municipality=municipality, name="Enebys Økonomiudvalg")
    meeting = MeetingFactory(organization=body, state="minutes")
    home = _text(client, "/")
    assert "Eneby Kommune" in _header(home) and 'href="/moeder/"' in _header(home)
    assert "canonical" not in _text(client, "/moeder/")
    for url in ["/moeder/", "/udvalg/", "/kalender/", "/soeg/", "/kalender.ics", "/eneby/"]:
        _text(client, url)
    assert reverse("portal:meeting_detail", args=[meeting.pk]) in _text(client, "/eneby/moeder/")


def test_the_portal_municipality_setting_keeps_its_root_among_several(client, settings):
    settings.PORTAL_MUNICIPALITY = "bebyg"
    _world()
    home = _text(client, "/")
    assert "Bebyg Kommune" in _header(home) and "Aaby" not in home
    assert "Aaby Kommune" in _header(_text(client, "/aaby/"))


def test_the_oparl_body_links_to_its_municipalitys_portal(client):
    a, b, *_ = _world()
    body = client.get(reverse("api:body", args=[b.pk])).json()
    assert body["web"] == "http://testserver/bebyg/"


@pytest.mark.parametrize(
    "colour, error",
    [("#ffcc00", "for lys"), ("red", "#rrggbb"), ("#0b5cab;}", "#rrggbb"), ("#777777", "for lys")],
)
def test_an_unreadable_accent_colour_is_refused_with_a_reason(colour, error):
    municipality = Municipality(name="Farveby Kommune", slug="farveby", accent_colour=colour)
    with pytest.raises(ValidationError) as refused:
        municipality.full_clean()
    assert error in str(refused.value.message_dict["accent_colour"])


def test_a_colour_written_past_validation_never_reaches_the_style_sheet(client):
    Municipality.objects.create(name="Eneby Kommune", slug="eneby", accent_colour="red;}x{")
    page = _text(client, "/")
    assert "red;}" not in page and "--accent: #0b5cab" in page


def test_a_host_name_must_be_a_bare_host():
    municipality = Municipality(name="Værtby", slug="vaertby", host="https://vaertby.dk/x")
    with pytest.raises(ValidationError) as refused:
        municipality.full_clean()
    assert "host" in refused.value.message_dict


@pytest.mark.parametrize("slug", ["moeder", "soeg", "sekretariat", "oparl", "admin"])
def test_a_slug_the_portal_already_uses_is_refused(slug):
    municipality = Municipality(name="Ordby Kommune", slug=slug)
    with pytest.raises(ValidationError) as refused:
        municipality.full_clean()
    assert "bruges allerede" in str(refused.value.message_dict["slug"])


def test_a_hosts_cached_meeting_page_keeps_its_own_links(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "dagsorden.bebyg.dk"]
    *_, held_b = _world()
    url = reverse("portal:meeting_detail", args=[held_b.pk])
    for _round in range(2):  # the second answer comes from the page cache
        own_host = _text(client, url, HTTP_HOST="dagsorden.bebyg.dk")
        national = _text(client, url)
        assert 'href="/moeder/"' in _header(own_host)
        assert 'href="/bebyg/moeder/"' in _header(national)
