"""Under the Content-Security-Policy (no inline scripts) every page still works in
Chromium: the public pages, the printable document, and the staff pages that run
scripts — the item editor with its htmx previews and the print preview, the agenda
builder, the live minutes. Chromium reports each blocked script or style in the console;
there must be none. With DAGSORDEN_SCREENSHOTS set, the pages are saved as
docs/screenshots/csp-*.png."""

import os

import pytest
from django.urls import reverse

from tests.browser import browser_skip_reason, launch_chromium, let_previews_finish

from .test_safety_browser import PASSWORD, SCREENSHOTS, _situation

pytestmark = [pytest.mark.slow]


@pytest.mark.django_db(transaction=True)
def test_pages_work_under_the_content_security_policy(live_server, monkeypatch):
    if reason := browser_skip_reason():
        pytest.skip(reason)
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    waiting, today = _situation()
    from playwright.sync_api import expect, sync_playwright

    base = live_server.url
    blocked: list[str] = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(15000)
        page.on(
            "console",
            lambda message: (
                blocked.append(f"{page.url}: {message.text}")
                if "Content Security Policy" in message.text
                else None
            ),
        )

        def visit(name, url):
            response = page.goto(base + url)
            assert response.status < 400, url
            assert "script-src 'self'" in response.headers["content-security-policy"]
            if os.environ.get("DAGSORDEN_SCREENSHOTS"):
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SCREENSHOTS / f"csp-{name}.png"))

        visit("home", "/")
        visit("meeting", reverse("portal:meeting_detail", args=[today.pk]))
        visit("document", reverse("documents:meeting_html", args=[today.pk]))
        visit("search", "/soeg/?q=budget")

        page.goto(f"{base}/log-ind/")
        page.fill("#id_username", "admin")
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")

        # The item editor: the print preview arrives by htmx and staff.js sizes its frame.
        visit("item-edit", reverse("staff:item_edit", args=[waiting.pk]))
        frame = page.locator("iframe.print-preview")
        expect(frame).to_be_visible()
        page.wait_for_function(
            "() => parseInt(document.querySelector('iframe.print-preview').style.height) > 100"
        )
        if os.environ.get("DAGSORDEN_SCREENSHOTS"):
            page.screenshot(path=str(SCREENSHOTS / "csp-item-edit-preview.png"), full_page=True)
        # The section preview (htmx, no script evaluation): typed Markdown comes back bold.
        page.locator(".section-editor textarea").first.press_sequentially("en **ny** legeplads")
        let_previews_finish(page)
        expect(page.locator("#preview-0 strong")).to_have_text("ny")

        visit("agenda", reverse("staff:agenda_builder", args=[waiting.meeting_id]))
        visit("live", reverse("staff:meeting_live", args=[today.pk]))
        # An htmx failure is announced by staff.js (the request-error box).
        page.evaluate("() => document.dispatchEvent(new CustomEvent('htmx:sendError'))")
        expect(page.locator("#request-error")).to_be_visible()
        browser.close()
    assert blocked == []
