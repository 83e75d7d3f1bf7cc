"""Serve a cached public meeting page before the rest of the middleware stack runs.

A visitor without a session cookie, asking for a meeting page without a query string,
gets the same page as everyone else. When that page is in the cache and still current
(its fingerprint matches), answering here skips sessions, authentication, CSRF and
messages: the difference between a rendered page and a static file under load. On a
miss the request goes the normal way, and the view fills the cache."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import Resolver404, resolve

from dagsorden.core.middleware import chosen_language

from . import page_cache
from .tenancy import host_name


class CachedMeetingPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meeting_id = self._cacheable_meeting(request)
        if meeting_id is not None:
            language = chosen_language(request)
            content = page_cache.cached_content(meeting_id, language, host_name(request))
            if content is not None:
                response = HttpResponse(content)
                response.headers["Content-Language"] = language
                response.headers["X-Frame-Options"] = getattr(settings, "X_FRAME_OPTIONS", "DENY")
                return response
        return self.get_response(request)

    @staticmethod
    def _cacheable_meeting(request) -> int | None:
        if request.method not in ("GET", "HEAD") or request.GET:
            return None
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return None  # possibly logged in: staff see links the public does not
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        if match.view_name != "portal:meeting_detail":
            return None
        return match.kwargs["pk"]
