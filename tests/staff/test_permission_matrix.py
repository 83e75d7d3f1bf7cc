"""Every staff and member URL × every role, with the status each must get.

The URL list is read from the URL configuration: a new view without a row in EXPECTED
fails `test_every_url_has_expectations`, so no view can be forgotten. Requests carry no
form data, so a permitted POST is refused by validation (redirect, 400 or 404), never by
the permission check (403), and an anonymous visitor is sent to the login page (302)."""

import pytest
from django.urls import URLPattern, URLResolver, reverse

from dagsorden.staff import urls as staff_urls

from .conftest import ROLES

# "elsewhere": a secretary and a member in another municipality, whose body even has
# the same slug as body A. Administrators (superusers) are per installation.
STAFF = {"case_officer_own", "secretary_own", "secretary_other", "secretary_elsewhere", "admin"}
WORKS_ON_OWN = {"case_officer_own", "secretary_own", "admin"}
SECRETARY_OWN = {"secretary_own", "admin"}
MEMBERS = {"member_own", "member_other", "member_elsewhere"}

# name: (method, object key for <pk> / <slug>, roles allowed, status when allowed)
EXPECTED = {
    "dashboard": ("get", None, STAFF, 200),
    "body_planning": ("get", "body", WORKS_ON_OWN, 200),
    "consultation_plan": ("post", "consultation", SECRETARY_OWN, 302),
    "meeting_plan": ("get", "body", WORKS_ON_OWN, 200),
    "body_template": ("get", "body", WORKS_ON_OWN, 200),
    "plan_series": ("post", "body", SECRETARY_OWN, 302),
    "plan_add": ("post", "body", SECRETARY_OWN, 302),
    "plan_move": ("post", "planned", SECRETARY_OWN, 302),
    "plan_cancel": ("post", "planned", SECRETARY_OWN, 302),
    "case_new": ("get", None, STAFF, 200),
    "case_detail": ("get", "case", WORKS_ON_OWN, 200),
    "case_schedule": ("post", "consultation", WORKS_ON_OWN, 302),
    "item_edit": ("get", "draft", WORKS_ON_OWN, 200),
    "item_import_docx": ("post", "draft", WORKS_ON_OWN, 302),
    "item_add_bilag": ("post", "draft", WORKS_ON_OWN, 302),
    "item_state": ("post", "draft", WORKS_ON_OWN, 302),
    "item_print_preview": ("post", "draft", WORKS_ON_OWN, 200),
    "item_changes": ("get", "draft", WORKS_ON_OWN, 200),
    "markdown_preview": ("post", None, STAFF, 200),
    "agenda_builder": ("get", "planned", WORKS_ON_OWN, 200),
    "agenda_move": ("post", "draft", SECRETARY_OWN, 302),
    "agenda_order": ("post", "planned", SECRETARY_OWN, 400),
    "agenda_publish": ("post", "planned", SECRETARY_OWN, 200),
    "agenda_add_item": ("post", "planned", WORKS_ON_OWN, 302),
    "meeting_live": ("get", "published", SECRETARY_OWN, 200),
    "attendance_save": ("post", "published", SECRETARY_OWN, 404),
    "decision_save": ("post", "live_item", SECRETARY_OWN, 302),
    "item_exception_save": ("post", "live_item", SECRETARY_OWN, 404),
    "item_postpone": ("post", "live_item", SECRETARY_OWN, 302),
    "meeting_close": ("post", "published", SECRETARY_OWN, 302),
    "minutes": ("get", "held", SECRETARY_OWN, 200),
    "minutes_approve": ("post", "held", SECRETARY_OWN, 302),
    "remark_add": ("post", "held_item", SECRETARY_OWN, 302),
    "audit_log": ("get", None, {"admin"}, 200),
    "jobs": ("get", None, STAFF, 200),
    "job_retry": ("post", "failed_job", SECRETARY_OWN, 302),
    # Into their own municipality (the form offers no other).
    "import": (
        "get",
        None,
        {"secretary_own", "secretary_other", "secretary_elsewhere", "admin"},
        200,
    ),
    "staff_search": ("get", None, STAFF, 200),
    "agenda_draft_pdf": ("get", "planned", WORKS_ON_OWN, 200),
    "agenda_publish_confirm": ("get", "planned", SECRETARY_OWN, 200),
    "meeting_close_confirm": ("get", "published", SECRETARY_OWN, 200),
    "item_postpone_confirm": ("get", "live_item", SECRETARY_OWN, 200),
    "minutes_approve_confirm": ("get", "held", SECRETARY_OWN, 200),
    "minutes_sign_confirm": ("get", "held", {"member_own"}, 200),
    "my_meetings": ("get", None, MEMBERS, 200),
    "member_meeting": ("get", "held", {"member_own"}, 200),
    "member_pdf": ("get", "held", {"member_own"}, 200),
    "member_bilag": (
        "get",
        "closed_bilag",
        {"member_own", "secretary_own", "case_officer_own", "admin"},
        200,
    ),
    "member_combined_pdf": ("get", "held", {"member_own"}, 200),
    "agenda_read": ("post", "held", {"member_own"}, 302),
    "minutes_sign": ("post", "held", {"member_own"}, 302),
    "note_add": ("post", "held_item", {"member_own"}, 302),
    "note_remove": ("post", "note", {"member_own"}, 302),
    "start": ("get", None, STAFF | MEMBERS, 302),
    "login": ("get", None, set(ROLES), 200),
    "logout": ("post", None, set(ROLES), 302),
}
PUBLIC_PAGES = {"login", "logout"}


def _url_names(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _url_names(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            yield pattern.name


URL_NAMES = sorted(set(_url_names(staff_urls.urlpatterns)))


def test_every_url_has_expectations():
    assert sorted(EXPECTED) == URL_NAMES


def _url(name, key, world):
    if key is None:
        return reverse(f"staff:{name}")
    target = _failed_job(world) if key == "failed_job" else world[key]
    if key == "body":
        kwargs = {"municipality": target.municipality.slug, "slug": target.slug}
    else:
        kwargs = {"pk": target.pk}
    if key == "closed_bilag":
        kwargs["name"] = target.file_name
    return reverse(f"staff:{name}", kwargs=kwargs)


def _failed_job(world):
    from dagsorden.core.models import BackgroundJob

    return BackgroundJob.objects.create(
        task="meetings.send_notice", organization=world["body"], state="failed"
    )


def _expected_status(name, role):
    _method, _key, allowed, ok_status = EXPECTED[name]
    if role in allowed:
        return ok_status
    if role == "anonymous" and name not in PUBLIC_PAGES:
        return 302
    return 403


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", URL_NAMES)
def test_permission(client, world, name, role):
    method, key, _allowed, _status = EXPECTED[name]
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    response = getattr(client, method)(_url(name, key, world))
    expected = _expected_status(name, role)
    assert response.status_code == expected, (name, role)
    if role == "anonymous" and expected == 302 and name not in PUBLIC_PAGES:
        assert response["Location"].startswith(reverse("staff:login"))
