"""Every page names the site's icon, and `/favicon.ico` (which browsers ask for whatever
the page links) leads to it instead of a 404 in the log."""

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static

from dagsorden.organisations.models import Municipality

pytestmark = pytest.mark.django_db

ICON = static("dagsorden/favicon.svg")
LINK = f'<link rel="icon" href="{ICON}" type="image/svg+xml">'


def test_the_icon_is_a_static_file():
    path = finders.find("dagsorden/favicon.svg")
    assert path is not None
    with open(path, encoding="utf-8") as icon:
        assert icon.read().lstrip().startswith("<svg")


def test_favicon_ico_redirects_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == ICON


def test_every_municipality_portal_and_the_national_page_link_the_icon(client):
    Municipality.objects.create(name="Aaby Kommune", slug="aaby")
    Municipality.objects.create(name="Bebyg Kommune", slug="bebyg", accent_colour="#8a1538")
    for url in ["/", "/aaby/", "/bebyg/", "/bebyg/moeder/", "/aaby/soeg/?q=vej"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert LINK in response.content.decode(), url


def test_the_not_found_and_staff_pages_link_the_icon(client):
    Municipality.objects.create(name="Aaby Kommune", slug="aaby")
    assert LINK in client.get("/findes-ikke/her/").content.decode()
    assert LINK in client.get("/log-ind/").content.decode()
