"""The login page and the password change as a user sees them in Chromium: the lockout
after wrong passwords, a refused weak password, and the single sign-on button; each
page checked with axe-core. With DAGSORDEN_SCREENSHOTS set, the pages are saved as
docs/screenshots/login-*.png."""

import datetime as dt
import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from tests.browser import browser_skip_reason, launch_chromium

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PASSWORD = "en god lang adgangskode"

pytestmark = [pytest.mark.slow]


def _screenshot(page, name: str) -> None:
    if os.environ.get("DAGSORDEN_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"login-{name}.png"), full_page=False)


def _axe_violations(page) -> list[str]:
    page.evaluate(AXE.read_text())  # the CSP refuses inline script tags
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [f"{v['id']}: {v['nodes'][0]['target']}" for v in result["violations"]]


@pytest.mark.django_db(transaction=True)
def test_lockout_password_change_and_sso_button_in_the_browser(live_server, monkeypatch, settings):
    if reason := browser_skip_reason(AXE):
        pytest.skip(reason)
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
    get_user_model().objects.create_user("karin", password=PASSWORD, is_superuser=True)
    from playwright.sync_api import expect, sync_playwright

    base = live_server.url
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1000, "height": 640})
        page.set_default_timeout(15000)
        for _ in range(3):
            page.goto(f"{base}/log-ind/")
            page.fill("#id_username", "karin")
            page.fill("#id_password", "forkert-gaet")
            page.click("main button[type=submit]")
        expect(page.get_by_role("alert")).to_contain_text("For mange forkerte forsøg")
        _screenshot(page, "locked")
        assert _axe_violations(page) == []

        page.context.clear_cookies()
        page.goto(f"{base}/log-ind/")
        page.fill("#id_username", "karin")
        page.fill("#id_password", PASSWORD)
        page.click("main button[type=submit]")
        # Locked out means locked out: the right password waits for the cool-off too.
        expect(page.get_by_role("alert")).to_contain_text("For mange forkerte forsøg")

        from axes.models import AccessAttempt

        AccessAttempt.objects.all().delete()  # the secretariat lifts the lockout
        page.fill("#id_username", "karin")
        page.fill("#id_password", PASSWORD)
        page.click("main button[type=submit]")
        page.get_by_role("link", name="Skift adgangskode").click()
        page.fill("#id_old_password", PASSWORD)
        page.fill("#id_new_password1", "84736251")
        page.fill("#id_new_password2", "84736251")
        page.click("main button[type=submit]")
        expect(page.locator("main")).to_contain_text("udelukkende numerisk")
        _screenshot(page, "password-change")
        assert _axe_violations(page) == []

        page.context.clear_cookies()
        settings.OIDC_ENABLED = True
        settings.OIDC_PROVIDER_NAME = "Eksempel Kommunes login"
        settings.LOCAL_PASSWORDS = False
        page.goto(f"{base}/log-ind/")
        expect(page.get_by_role("link", name="Log ind med Eksempel Kommunes login")).to_be_visible()
        assert page.locator("#id_password").count() == 0
        _screenshot(page, "sso")
        assert _axe_violations(page) == []
        browser.close()
