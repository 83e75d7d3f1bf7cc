"""Hostile query parameters on the staff pages end in a page, never a server error
(PostgreSQL refuses NUL in text; a date cannot be made of year 99999)."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    ("role", "url"),
    [
        ("secretary_own", "/sekretariat/soeg/?q=a%00b"),
        ("secretary_own", "/sekretariat/soeg/?q=%01%1b%7f"),
        ("admin", "/sekretariat/log/?handling=x%00y"),
        ("admin", "/sekretariat/log/?side=99999999999999999999"),
        ("secretary_own", "/sekretariat/udvalg/a/moedeplan/?aar=99999999999999999999"),
        ("secretary_own", "/sekretariat/udvalg/a/moedeplan/?aar=0"),
        ("secretary_own", "/sekretariat/udvalg/a/moedeplan/?aar=%00"),
        ("secretary_own", "/sekretariat/punkter/99999999999999999999/"),
        ("secretary_own", "/medlem/moeder/99999999999999999999/fortrolig.pdf"),
    ],
)
def test_hostile_staff_parameters_never_give_a_server_error(client, world, role, url):
    client.raise_request_exception = False
    client.force_login(world["users"][role])
    assert client.get(url).status_code < 500


def test_a_year_outside_any_plan_shows_this_years_plan(client, world):
    client.force_login(world["users"]["secretary_own"])
    response = client.get(
        reverse("staff:meeting_plan", args=[world["body"].municipality.slug, "a"]) + "?aar=99999"
    )
    assert response.status_code == 200
