"""WCAG 2.1 AA: axe-core in Debian's Chromium (driven by Playwright) finds no violations
on any public page type, at desktop and phone width. The same run writes the
screenshots in docs/screenshots when DAGSORDEN_SCREENSHOTS is set."""

import os
from pathlib import Path

import pytest
from django.urls import reverse

from dagsorden.cases.models import Case
from dagsorden.demo.build import SLUG as DEMO_SLUG
from dagsorden.demo.neighbour import SLUG as NEIGHBOUR_SLUG
from dagsorden.demo.neighbour import neighbour_load
from dagsorden.meetings.models import AgendaItem, Meeting
from dagsorden.organisations.models import Organization, Person
from tests.browser import browser_skip_reason, launch_chromium

from .closed_world import NOW

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": 1280, "phone": 375}
SCREENSHOTS = ROOT / "docs" / "screenshots"

pytestmark = [pytest.mark.slow]


def _skip_reason() -> str | None:
    return browser_skip_reason(AXE)


def page_urls() -> dict[str, str]:
    """One URL per public page type, picked from the demo municipality."""
    held = Meeting.objects.filter(state=Meeting.State.MINUTES_APPROVED).order_by("-start")
    meeting = held.filter(organization__municipality__slug=DEMO_SLUG)[0]
    neighbours = held.filter(organization__municipality__slug=NEIGHBOUR_SLUG)
    item = meeting.items.filter(
        public=True, decision__isnull=False, placement=AgendaItem.Placement.MAIN
    ).first()
    case = Case.objects.filter(consultations__agenda_items=item).first()
    body = Organization.objects.get(kind=Organization.Kind.COUNCIL)
    person = Person.objects.filter(memberships__organization=body).first()
    day = meeting.start
    return {
        "national": reverse("portal:home"),
        "home": f"/{DEMO_SLUG}/",
        "neighbour": f"/{NEIGHBOUR_SLUG}/",
        "neighbour_meeting": reverse("portal:meeting_detail", args=[neighbours[0].pk]),
        "meetings": reverse("portal:meeting_list"),
        "meeting": reverse("portal:meeting_detail", args=[meeting.pk]),
        "item": reverse("portal:item_detail", args=[item.pk]),
        "case": reverse("portal:case_detail", args=[case.pk]),
        "bodies": reverse("portal:body_list"),
        "body": reverse("portal:body_detail", args=[body.pk]),
        "person": reverse("portal:person_detail", args=[person.pk]),
        "calendar": reverse("portal:calendar_month", args=[day.year, day.month]),
        "search": reverse("portal:search") + "?q=boliger",
        "opendata": reverse("portal:open_data"),
        "notfound": "/sager/999999/",
    }


@pytest.mark.django_db(transaction=True)
def test_every_page_type_has_no_axe_violations(live_server, demo_portal):
    if reason := _skip_reason():
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    axe_source = AXE.read_text()
    # Read the database before Playwright starts its event loop (Django refuses ORM calls
    # from a thread with a running loop).
    neighbour_load(now=NOW)  # a second municipality: national front page, its own colour
    urls = page_urls()
    failures = {}
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for width_name, width in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": 900})
            for name, url in urls.items():
                page.goto(live_server.url + url)
                # Through the DevTools protocol: the policy forbids inline <script> tags.
                page.evaluate(axe_source)
                result = page.evaluate(
                    "() => axe.run(document, {runOnly: {type: 'tag', values: "
                    "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                )
                violations = [
                    f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
                    for v in result["violations"]
                ]
                if violations:
                    failures[f"{name}@{width_name}"] = violations
                _maybe_screenshot(page, name, width_name)
            page.close()
        browser.close()
    assert failures == {}


def _maybe_screenshot(page, name: str, width_name: str) -> None:
    if not os.environ.get("DAGSORDEN_SCREENSHOTS") or name == "notfound":
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"portal-{name}-{width_name}.png"
    page.screenshot(path=str(path), full_page=False)


@pytest.mark.django_db(transaction=True)
def test_keyboard_reaches_skip_link_and_search(live_server, demo_portal):
    """Tab from the top lands on the skip link, which moves focus to the main content."""
    if reason := _skip_reason():
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 375, "height": 800})
        page.goto(live_server.url + reverse("portal:home"))
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link"
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('main') !== null")
        page.fill("#forside-q", "boliger")
        page.keyboard.press("Enter")
        page.wait_for_url("**/soeg/?q=boliger")
        assert page.locator("ol.hits li").count() > 0
        # Nothing is wider than a 375 px phone screen.
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        browser.close()
