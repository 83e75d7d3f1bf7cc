"""The demo's second municipality: its own name, colour, document style, body and
meetings, on its own portal and on the national front page."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from dagsorden.demo.neighbour import ACCENT, NAME, neighbour_exists, neighbour_load
from dagsorden.documents.styles import STYLES
from dagsorden.meetings.models import Meeting
from dagsorden.organisations.models import Municipality
from dagsorden.organisations.style import validate_accent_colour
from tests.factories import MunicipalityFactory

NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))

pytestmark = pytest.mark.django_db


def test_fjordby_has_its_own_style_body_and_meetings(client):
    MunicipalityFactory(name="Eksempel Kommune", slug="eksempel")
    fjordby = neighbour_load(now=NOW)
    fjordby.full_clean()  # its colour and slug pass the checks an admin's would
    validate_accent_colour(ACCENT)
    assert fjordby.document_style in STYLES
    states = sorted(
        Meeting.objects.filter(organization__municipality=fjordby).values_list("state", flat=True)
    )
    assert states == ["agenda", "minutes", "minutes"]
    home = client.get("/").content.decode()
    assert 'href="/fjordby/"' in home and 'href="/eksempel/"' in home
    assert "Ny badebro ved Fjordby Strand" in home  # a decision on the national page
    page = client.get("/fjordby/").content.decode()
    assert NAME in page and f"--accent: {ACCENT}" in page


def test_the_demo_command_loads_both_municipalities_once(monkeypatch, tmp_path, settings):
    # The first demo's own loader is tested in test_build.py; here it is stood in for.
    settings.DATA_DIR = tmp_path
    monkeypatch.setattr(
        "dagsorden.core.management.commands.load_demo.demo_load", lambda: _FakeWorld()
    )
    first, second = io.StringIO(), io.StringIO()
    call_command("load_demo", stdout=first)
    call_command("load_demo", stdout=second)
    assert Municipality.objects.filter(slug="fjordby").count() == 1 and neighbour_exists()
    assert "Fjordby Kommune" in first.getvalue()
    assert "Fjordby Kommune" not in second.getvalue()


class _FakeWorld:
    class admin:  # noqa: N801 - stands in for the admin user object
        demo_password = "x" * 16
