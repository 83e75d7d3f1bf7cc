"""Debian's Chromium for the browser tests (Playwright drives it; it never downloads a
browser of its own). Browser tests run in the SQLite pass only: what they check does not
depend on the database, and the PostgreSQL pass would double the slowest tests."""

from pathlib import Path

from django.db import connection

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps trying hosts this machine
# cannot reach.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def browser_skip_reason(*needed: Path) -> str | None:
    if connection.vendor != "sqlite":
        return "browser tests run in the SQLite pass only (the pages do not depend on the database)"
    missing = [str(path) for path in (CHROMIUM, *needed) if not path.exists()]
    if missing:
        return f"needs {', '.join(missing)}: run `make browser-deps`"
    return None


def let_previews_finish(page):
    """Let the item editor's debounced print preview finish before the next click. The
    live-server test database is SQLite in shared-cache memory, where a running read
    blocks a write. The field being typed in is left first: its `change` event also asks
    for a preview, and would otherwise fire on the next click, racing the form's submit."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.wait_for_timeout(1000)
    page.wait_for_load_state("networkidle")
