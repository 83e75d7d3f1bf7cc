"""The member pages and the error pages as a politician sees them in Chromium, on the
demo municipality: axe-core finds no WCAG 2.1 AA violation at 1280 and 375 px, the
inline bilag viewer opens, and the pages fit a phone. With DAGSORDEN_SCREENSHOTS set,
the pages are saved as docs/screenshots/member-*.png and error-*.png."""

import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from dagsorden.demo.build import demo_load
from dagsorden.meetings.models import Meeting
from dagsorden.meetings.selectors import meetings_of_member
from dagsorden.organisations.models import Person
from dagsorden.staff import permissions
from tests.browser import browser_skip_reason, launch_chromium

PASSWORD = "demo-adgangskode"
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": 1280, "phone": 375}

pytestmark = [pytest.mark.slow]


def _axe_violations(page) -> list[str]:
    page.evaluate(AXE.read_text())  # the CSP refuses inline script tags
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [f"{v['id']}: {v['help']} {v['nodes'][0]['target']}" for v in result["violations"]]


def _screenshot(page, name: str, *, full_page=False) -> None:
    if os.environ.get("DAGSORDEN_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)


def _urls() -> dict[str, str]:
    """The member's pages, and a meeting of a body she does not sit on (403)."""
    person = Person.objects.get(user__username="medlem")
    with_bilag = (
        meetings_of_member(person)
        .filter(items__files__isnull=False, items__recommendation__isnull=False)
        .distinct()
        .first()
    )
    foreign = next(
        m
        for m in Meeting.objects.filter(state=Meeting.State.MINUTES_APPROVED)
        if not permissions.is_member(person.user, m)
    )
    return {
        "member-meetings": reverse("staff:my_meetings"),
        "member-meeting": reverse("staff:member_meeting", args=[with_bilag.pk]),
        "error-403": reverse("staff:member_meeting", args=[foreign.pk]),
        "error-404": "/moeder/999999/",
    }


@pytest.mark.django_db(transaction=True)
def test_member_and_error_pages_have_no_axe_violations(live_server, monkeypatch):
    if reason := browser_skip_reason(AXE):
        pytest.skip(reason)
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    demo_load(admin_password=PASSWORD)
    get_user_model().objects.filter(username="medlem").get()  # the demo's member login
    urls = _urls()
    from playwright.sync_api import sync_playwright

    base = live_server.url
    failures, overflow = {}, {}
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for width_name, width in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.set_default_timeout(15000)
            page.goto(f"{base}/log-ind/")
            page.fill("#id_username", "medlem")
            page.fill("#id_password", PASSWORD)
            page.click("main button[type=submit]")
            page.wait_for_load_state()
            for name, url in urls.items():
                page.goto(base + url)
                if name == "member-meeting":
                    _screenshot(page, f"{name}-top-{width_name}")
                    viewer = page.locator("details.viewer").first
                    viewer.locator("summary").click()
                    viewer.locator("iframe").wait_for()
                    viewer.scroll_into_view_if_needed()
                    page.evaluate("window.scrollBy(0, -300)")
                if violations := _axe_violations(page):
                    failures[f"{name}@{width_name}"] = violations
                if page.evaluate("document.documentElement.scrollWidth") > width:
                    overflow[f"{name}@{width_name}"] = True
                _screenshot(page, f"{name}-{width_name}")
            # A form sent without its CSRF token: the Danish page, not Django's.
            page.set_content(f'<form method="post" action="{base}/log-ind/"></form>')
            with page.expect_navigation():
                page.evaluate("document.forms[0].submit()")
            assert "Formularen er udløbet" in page.content()
            if violations := _axe_violations(page):
                failures[f"error-csrf@{width_name}"] = violations
            _screenshot(page, f"error-csrf-{width_name}")
            page.close()
        browser.close()
    assert failures == {}
    assert overflow == {}
