"""Member pages, members' PDFs, staff pages and drafts are sent with `Cache-Control:
private, no-store`, so no shared proxy and no back button after logout keeps them
(issue 11, Found 10)."""

import pytest
from django.urls import reverse

NO_STORE = "private, no-store"


def _cache_control(response) -> str:
    return response.headers.get("Cache-Control", "")


@pytest.mark.parametrize(
    "role, name, key",
    [
        ("member_own", "staff:my_meetings", None),
        ("member_own", "staff:member_meeting", "published"),
        ("secretary_own", "staff:dashboard", None),
        ("secretary_own", "staff:item_edit", "draft"),
        ("secretary_own", "staff:agenda_builder", "planned"),
        ("admin", "staff:audit_log", None),
        ("member_own", "accounts:password_change", None),
    ],
)
def test_pages_for_logged_in_users_are_not_stored(client, world, role, name, key):
    client.force_login(world["users"][role])
    url = reverse(name, args=[world[key].pk] if key else [])
    response = client.get(url)
    assert response.status_code == 200
    assert _cache_control(response) == NO_STORE
    assert "Cookie" in response.headers.get("Vary", "")


@pytest.mark.slow
def test_the_members_pdf_and_the_draft_pdf_are_not_stored(client, world):
    client.force_login(world["users"]["member_own"])
    members_pdf = client.get(reverse("staff:member_pdf", args=[world["published"].pk]))
    assert members_pdf["Content-Type"] == "application/pdf"
    assert _cache_control(members_pdf) == NO_STORE
    client.force_login(world["users"]["secretary_own"])
    draft = client.get(reverse("staff:agenda_draft_pdf", args=[world["planned"].pk]))
    assert draft["Content-Type"] == "application/pdf"
    assert _cache_control(draft) == NO_STORE


def test_the_redirect_to_the_login_page_and_the_login_page_are_not_stored(client, world):
    redirect = client.get(reverse("staff:member_meeting", args=[world["published"].pk]))
    assert redirect.status_code == 302
    assert _cache_control(redirect) == NO_STORE
    assert _cache_control(client.get("/log-ind/")) == NO_STORE


def test_public_pages_for_the_public_stay_cacheable(client, world):
    response = client.get(reverse("portal:meeting_detail", args=[world["published"].pk]))
    assert response.status_code == 200
    assert "no-store" not in _cache_control(response)
