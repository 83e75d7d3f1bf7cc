"""Error pages a visitor meets: Danish, in the portal's layout, saying what to do."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from dagsorden.core import errors

pytestmark = pytest.mark.django_db


def test_a_missing_page_is_danish_and_offers_search(client):
    response = client.get("/moeder/999999/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "Siden findes ikke" in page
    assert f'action="{reverse("portal:search")}"' in page
    assert 'class="site-header"' in page


def test_an_anonymous_visitor_refused_a_page_is_offered_to_log_in(rf):
    request = rf.get("/medlem/moeder/1/")
    request.user = AnonymousUser()
    response = errors.permission_denied(request, PermissionDenied())
    page = response.content.decode()
    assert response.status_code == 403
    assert "Du har ikke adgang til denne side" in page
    assert reverse("staff:login") + "?next=/medlem/moeder/1/" in page


def test_a_refused_form_gets_the_danish_csrf_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("staff:login"), {"username": "x", "password": "y"})
    page = response.content.decode()
    assert response.status_code == 403
    assert "Formularen er udløbet" in page
    assert "CSRF" not in page


def test_a_server_error_is_danish_and_styled(rf):
    response = errors.server_error(rf.get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert "Der opstod en fejl" in page
    assert "site.css" in page
