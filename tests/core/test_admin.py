"""Every model is in the Danish admin, and approved minutes are read-only there."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from dagsorden.meetings.models import AgendaItem
from tests.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db

DOMAIN_APPS = {"core", "organisations", "cases", "meetings"}


def _domain_models():
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in DOMAIN_APPS and not model.__name__.startswith("Historical")
    ]


def test_every_domain_model_is_registered():
    missing = [m.__name__ for m in _domain_models() if m not in admin.site._registry]
    assert missing == []


def test_every_changelist_opens_in_danish(admin_client):
    for model in _domain_models():
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        response = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="da")
        assert response.status_code == 200, url
    assert "Vælg" in admin_client.get(reverse("admin:meetings_meeting_changelist")).content.decode()


def test_items_of_approved_minutes_cannot_be_changed_in_the_admin(admin_user, rf):
    item = AgendaItemFactory(meeting=MeetingFactory(state="minutes"))
    model_admin = admin.site._registry[AgendaItem]
    request = rf.get("/")
    request.user = admin_user
    assert model_admin.has_change_permission(request, item) is False
    assert model_admin.has_delete_permission(request, item) is False


def test_a_meeting_cannot_be_set_to_approved_minutes_in_the_admin(rf, admin_user):
    """The state moves only through the services (publish, close, approve, cancel)."""
    from dagsorden.meetings.models import Meeting

    request = rf.get("/")
    request.user = admin_user
    form = admin.site._registry[Meeting].get_form(request)
    assert "state" not in form.base_fields
    assert "minutes_published_at" not in form.base_fields
