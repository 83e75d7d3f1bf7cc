"""The safety nets as a secretary sees them in Chromium, on the demo municipality: the
desk, a refused action's reason inside the live htmx fragment, and the confirmation
before closing a meeting with undecided items. With DAGSORDEN_SCREENSHOTS set, the pages
are saved as docs/screenshots/staff-*.png."""

import os
from pathlib import Path

import pytest
from django.utils import timezone

from dagsorden.demo.build import demo_load
from dagsorden.meetings.models import Attendance, Meeting
from dagsorden.meetings.services import (
    agenda_item_create,
    attendance_record_absence,
    item_set_draft_state,
)
from tests.browser import browser_skip_reason, launch_chromium

PASSWORD = "demo-adgangskode"
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = [pytest.mark.slow]


def _screenshot(page, name: str) -> None:
    if os.environ.get("DAGSORDEN_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"staff-{name}.png"), full_page=False)


def _axe_violations(page) -> list[str]:
    # Through the DevTools protocol: the pages' policy forbids inline <script> tags.
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [f"{v['id']}: {v['nodes'][0]['target']}" for v in result["violations"]]


def _situation():
    """The demo plus what a desk shows on a busy day: an item waiting for approval and
    the Økonomiudvalg meeting today, its agenda sent."""
    demo_load(admin_password=PASSWORD)
    planned = (
        Meeting.objects.filter(state=Meeting.State.PLANNED, organization__slug__contains="teknik")
        .order_by("start")
        .first()
    )
    item = agenda_item_create(
        meeting=planned,
        title="Ny legeplads i Nordbyen",
        sections=[("Sagsfremstilling", "Forvaltningen foreslår en legeplads ved skolen.")],
    )
    item_set_draft_state(item=item, state="ready")
    today = Meeting.objects.filter(state=Meeting.State.AGENDA_PUBLISHED).order_by("start").first()
    now = timezone.localtime()
    Meeting.objects.filter(pk=today.pk).update(start=now.replace(hour=8, minute=0, second=0))
    today.refresh_from_db()
    return item, today


@pytest.mark.django_db(transaction=True)
def test_desk_refusal_and_confirmation_in_the_browser(live_server, monkeypatch):
    if reason := browser_skip_reason(AXE):
        pytest.skip(reason)
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    waiting, meeting = _situation()
    from playwright.sync_api import expect, sync_playwright

    base = live_server.url
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(15000)
        page.goto(f"{base}/log-ind/")
        page.fill("#id_username", "sekretaer")
        page.fill("#id_password", PASSWORD)
        page.click("main button[type=submit]")

        # The desk: the item waiting for approval and today's meeting.
        page.wait_for_selector("#desk-approve")
        assert page.locator("#desk-approve + ul", has_text=waiting.title).count() == 1
        assert page.locator("#desk-run + ul", has_text=str(meeting.organization)).count() == 1
        _screenshot(page, "desk")
        assert _axe_violations(page) == []

        # The live meeting, opened before a member's afbud was recorded elsewhere: the
        # vote for that member is refused and the reason stands in the fragment.
        page.goto(f"{base}/sekretariat/moeder/{meeting.pk}/live/")
        member = next(
            m.person for m in meeting.organization.members_on(timezone.localdate(meeting.start))
        )
        attendance_record_absence(meeting=meeting, person=member, status=Attendance.Status.APOLOGY)
        item = page.locator("section.item").nth(0)
        item.locator("select[name$=outcome]").select_option("godkendt")
        item.locator(".vote-row", has_text=member.name).locator("input[value=for]").check()
        item.locator("button:has-text('Gem beslutning')").click()
        alert = page.locator("#live [role=alert]")
        alert.wait_for()
        assert "ikke til stede og kan ikke stemme" in alert.inner_text()
        expect(alert).to_be_in_viewport()  # where the user clicked, not at the top
        expect(alert).to_be_focused()
        _screenshot(page, "refused-vote")
        assert _axe_violations(page) == []

        # A request the server fails (or never gets) says so instead of doing nothing.
        page.route("**/fremmoede/", lambda route: route.fulfill(status=500, body="fejl"))
        page.locator("#fremmoede tr", has_text=member.name).locator("button").click()
        failure = page.locator("#request-error")
        expect(failure).to_be_visible()
        expect(failure).to_be_in_viewport()
        assert "serverfejl 500" in failure.inner_text()
        page.unroute("**/fremmoede/")

        # Closing with undecided items: the confirmation lists them.
        page.click("a:has-text('Afslut mødet')")
        page.wait_for_selector(".confirm h1")
        assert "har ingen beslutning" in page.inner_text(".confirm")
        _screenshot(page, "confirm-close")
        assert _axe_violations(page) == []
        page.click(".confirm a:has-text('Fortryd')")
        page.wait_for_url(f"**/moeder/{meeting.pk}/live/")

        # Sending an agenda whose item still waits for approval: the page says who
        # would be told, offers the draft PDF, and why it cannot go out yet.
        page.goto(f"{base}/sekretariat/moeder/{waiting.meeting_id}/dagsorden/")
        page.click("a:has-text('Udsend dagsorden')")
        page.wait_for_selector(".confirm h1")
        confirm = page.inner_text(".confirm")
        assert "Besked pr. e-mail med link til mødet sendes til" in confirm
        assert "Det kan ikke gøres endnu" in confirm and waiting.title in confirm
        assert page.locator(".confirm button[type=submit]").count() == 0
        _screenshot(page, "confirm-publish")
        assert _axe_violations(page) == []
        browser.close()
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.AGENDA_PUBLISHED  # "Fortryd" closed nothing
