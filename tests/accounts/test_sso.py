"""Single sign-on through OpenID Connect, against a provider run on loopback: the whole
browser-less flow (discovery → authorize → callback → token → id_token → userinfo), the
identity provider's groups becoming our roles, and every forged or stale answer refused."""

import json
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from dagsorden.accounts.services import group_roles
from dagsorden.core.models import AuditEntry
from dagsorden.staff.models import Assignment

from .oidc_provider import Provider

GROUP_ROLES = {
    "GG-Dagsorden-Admin": "admin",
    "GG-Sekretariat-A": "secretary:a",
    "GG-Sagsbehandlere": ["case_officer:a,b"],
    "GG-Politikere": "member",
    "GG-Andenby-Alle": "secretary:andenby/*",
}
BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "dagsorden.accounts.oidc.OIDCBackend",
]


@pytest.fixture
def provider(settings, world):
    member = world["members"][1]
    member.email = "ole.member@eksempel.invalid"
    member.save()
    claims = {
        "sub": "7f3c0d1e-provider-subject",
        "preferred_username": "ole.sso",
        "email": "Ole.Member@eksempel.invalid",
        "given_name": "Ole",
        "family_name": "Medlem",
        "groups": ["GG-Sekretariat-A", "GG-Politikere", "GG-Andet"],
    }
    with Provider(client_id="dagsorden", client_secret="hemmelig", claims=claims) as running:
        settings.OIDC_ENABLED = True
        settings.OIDC_ISSUER = running.issuer
        settings.OIDC_RP_CLIENT_ID = "dagsorden"
        settings.OIDC_RP_CLIENT_SECRET = "hemmelig"
        settings.OIDC_PROVIDER_NAME = "Eksempel Kommunes login"
        settings.OIDC_GROUP_ROLES = json.dumps(GROUP_ROLES)
        settings.AUTHENTICATION_BACKENDS = BACKENDS
        yield running


def _to_provider(client, provider) -> str:
    """Press "Log ind med …"; the provider logs the user in and sends them back."""
    start = client.get(reverse("accounts:oidc_start"))
    assert start.status_code == 302
    assert start["Location"].startswith(f"{provider.issuer}/authorize?")
    query = parse_qs(urlsplit(start["Location"]).query)
    assert query["code_challenge_method"] == ["S256"] and query["nonce"][0]
    back = requests.get(start["Location"], allow_redirects=False, timeout=10)
    assert back.status_code == 302
    return back.headers["Location"]


def _callback(client, location: str, **changed):
    url = urlsplit(location)
    query = {k: v[0] for k, v in parse_qs(url.query).items()} | changed
    return client.get(f"{url.path}?{urlencode(query)}")


def _logged_in_user(client):
    user_id = client.session.get("_auth_user_id")
    return get_user_model().objects.get(pk=user_id) if user_id else None


def _refused(client, response) -> None:
    assert response.status_code == 302
    assert response["Location"] == reverse("staff:login")
    assert _logged_in_user(client) is None
    page = client.get(response["Location"]).content.decode()
    assert "Login med Eksempel Kommunes login lykkedes ikke" in page


def test_the_login_page_offers_single_sign_on(client, provider):
    page = client.get("/log-ind/").content.decode()
    assert "Log ind med Eksempel Kommunes login" in page
    assert 'name="password"' in page  # local passwords are still on


def test_a_user_logs_in_through_the_provider_with_the_roles_of_their_groups(
    client, world, provider
):
    response = _callback(client, _to_provider(client, provider))
    assert response.status_code == 302
    user = _logged_in_user(client)
    assert user.username == "ole.sso"
    assert (user.first_name, user.last_name) == ("Ole", "Medlem")
    assert not user.has_usable_password() and not user.is_superuser
    assignments = Assignment.objects.alive().filter(user=user)
    assert [(a.role, a.organization.slug) for a in assignments] == [("secretary", "a")]
    member = world["members"][1]
    member.refresh_from_db()
    assert member.user == user  # the e-mail claim names the member's Person
    assert client.get(reverse("staff:dashboard")).status_code == 200
    assert client.get(reverse("staff:my_meetings")).status_code == 200
    assert AuditEntry.objects.filter(action="login", user=user).exists()
    assert "Skift adgangskode" not in client.get(reverse("staff:dashboard")).content.decode()


def test_roles_follow_the_groups_at_the_next_login(client, world, provider):
    _callback(client, _to_provider(client, provider))
    client.logout()
    provider.claims = {
        **provider.claims,
        "groups": ["GG-Sagsbehandlere", "GG-Dagsorden-Admin"],
    }
    _callback(client, _to_provider(client, provider))
    user = _logged_in_user(client)
    assert user.is_superuser
    alive = Assignment.objects.alive().filter(user=user)
    assert sorted((a.role, a.organization.slug) for a in alive) == [
        ("case_officer", "a"),
        ("case_officer", "b"),
    ]
    world["members"][1].refresh_from_db()
    assert world["members"][1].user is None  # no longer in the members' group


def test_a_group_names_bodies_in_its_own_municipality_only(client, world, provider):
    # Both municipalities of the world have a body with the slug "a": the bare name means
    # the installation's own municipality, "andenby/*" every body of Andenby Kommune.
    provider.claims = {**provider.claims, "groups": ["GG-Sekretariat-A", "GG-Andenby-Alle"]}
    _callback(client, _to_provider(client, provider))
    user = _logged_in_user(client)
    alive = Assignment.objects.alive().filter(user=user).select_related("organization")
    assert sorted((a.organization.municipality.slug, a.organization.slug) for a in alive) == [
        ("andenby", "a"),
        (world["body"].municipality.slug, "a"),
    ]


def test_an_existing_local_user_is_found_by_the_username_claim(client, world, provider):
    provider.claims = {**provider.claims, "preferred_username": "secretary_own", "groups": []}
    _callback(client, _to_provider(client, provider))
    assert _logged_in_user(client) == world["users"]["secretary_own"]
    assert get_user_model().objects.filter(username="ole.sso").count() == 0


def test_a_wrong_state_is_refused(client, provider):
    _refused(client, _callback(client, _to_provider(client, provider), state="forfalsket"))


def test_a_callback_is_not_accepted_twice(client, provider):
    location = _to_provider(client, provider)
    assert _callback(client, location).status_code == 302
    client.logout()
    _refused(client, _callback(client, location))


def test_a_callback_without_starting_a_login_is_refused(client, provider):
    location = _to_provider(client, provider)
    client.cookies.clear()  # another browser: no state in its session
    _refused(client, _callback(client, location))


@pytest.mark.parametrize("tamper", ["nonce", "expired", "audience", "other_key"])
def test_a_forged_or_stale_id_token_is_refused(client, provider, tamper):
    provider.tamper = tamper
    _refused(client, _callback(client, _to_provider(client, provider)))
    assert AuditEntry.objects.filter(action="login_failed").exists()


def test_an_error_from_the_provider_is_shown(client, provider):
    location = _to_provider(client, provider)
    _refused(client, _callback(client, location, error="access_denied"))


def test_local_passwords_can_be_turned_off(client, world, provider, settings):
    settings.LOCAL_PASSWORDS = False
    settings.AUTHENTICATION_BACKENDS = [b for b in BACKENDS if "ModelBackend" not in b]
    page = client.get("/log-ind/").content.decode()
    assert "Log ind med Eksempel Kommunes login" in page
    assert 'name="password"' not in page
    refused = client.post(
        "/log-ind/", {"username": "secretary_own", "password": "pw-secretary_own"}
    )
    assert refused.status_code == 400
    assert "Log ind med adgangskode er slået fra" in refused.content.decode()
    assert _logged_in_user(client) is None
    # The admin's own login form goes through the same backends.
    client.post("/admin/login/?next=/admin/", {"username": "admin", "password": "pw-admin"})
    assert _logged_in_user(client) is None
    # …and single sign-on still works.
    assert _callback(client, _to_provider(client, provider)).status_code == 302
    assert _logged_in_user(client) is not None


def test_without_single_sign_on_its_pages_are_not_found(client, db, settings):
    settings.OIDC_ENABLED = False
    assert client.get(reverse("accounts:oidc_start")).status_code == 404
    assert client.get(reverse("accounts:oidc_callback")).status_code == 404
    assert "Log ind med" not in client.get("/log-ind/").content.decode()


@pytest.mark.parametrize(
    "raw", ['{"GG": "chef"}', "not json", '["GG"]', '{"GG": ["member", "secretary-a"]}']
)
def test_a_wrong_group_mapping_is_named(raw):
    with pytest.raises(ImproperlyConfigured, match="DAGSORDEN_OIDC_GROUP_ROLES"):
        group_roles(raw)


def test_a_provider_that_does_not_answer_is_reported_not_a_server_error(client, provider):
    provider.server.shutdown()
    provider.server.server_close()
    response = client.get(reverse("accounts:oidc_start"))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Login-tjenesten svarer ikke" in page
