"""Rendered meeting pages, reused until anything shown on them changes.

The cache key carries the meeting's content fingerprint (one cheap query), so an edit
anywhere (staff pages, admin, importer) simply makes the next request miss: nothing has
to remember to invalidate. Only anonymous GETs without a query string are served from
the cache, because only those pages are the same for every visitor (no CSRF token, no
staff links, no query echoed in the language switch)."""

import hashlib
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from .selectors import meeting_page_fingerprint
from .tenancy import host_name

CACHE_ALIAS = "pages"
# A backstop for what the fingerprint cannot see (see meeting_page_fingerprint).
TIMEOUT_SECONDS = 600


def meeting_page(
    request: HttpRequest, meeting_id: int, render: Callable[[], HttpResponse]
) -> HttpResponse:
    if not _same_for_everyone(request):
        return render()
    key = _key(meeting_id, meeting_page_fingerprint(meeting_id), host=host_name(request))
    cache = caches[CACHE_ALIAS]
    content = cache.get(key)
    if content is not None:
        return HttpResponse(content)
    response = render()
    if response.status_code == 200:
        cache.set(key, response.content, TIMEOUT_SECONDS)
    return response


def _same_for_everyone(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD") and not request.GET and not request.user.is_authenticated
    )


def _key(meeting_id: int, fingerprint: str, language: str | None = None, *, host: str) -> str:
    # Per host: where a municipality has its own host name, the page's links to its
    # lists carry no slug there, and do elsewhere (see tenancy.py).
    digest = hashlib.sha256(fingerprint.encode()).hexdigest()[:20]
    return f"meeting-page:{meeting_id}:{language or get_language()}:{host}:{digest}"


# Per worker: meeting id -> (when read, fingerprint). Bounded so it cannot grow forever.
_recent_fingerprints: dict[int, tuple[float, str]] = {}
RECENT_LIMIT = 10_000


def recent_fingerprint(meeting_id: int) -> str:
    """The fingerprint, read from the database at most once per
    PORTAL_FINGERPRINT_SECONDS per worker. Under load this halves the cost of a cached
    page; the price is that a change can take that long to show (one second by default)."""
    seconds = settings.PORTAL_FINGERPRINT_SECONDS
    now = time.monotonic()
    known = _recent_fingerprints.get(meeting_id)
    if seconds and known and now - known[0] < seconds:
        return known[1]
    fingerprint = meeting_page_fingerprint(meeting_id)
    if seconds:
        if len(_recent_fingerprints) >= RECENT_LIMIT:
            _recent_fingerprints.clear()
        _recent_fingerprints[meeting_id] = (now, fingerprint)
    return fingerprint


def cached_content(meeting_id: int, language: str, host: str) -> bytes | None:
    """The cached page if it is still current, without rendering anything."""
    key = _key(meeting_id, recent_fingerprint(meeting_id), language, host=host)
    return caches[CACHE_ALIAS].get(key)
