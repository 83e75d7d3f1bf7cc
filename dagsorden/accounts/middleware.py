"""Sessions that end, and pages that no shared cache or back button keeps."""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.utils.cache import patch_vary_headers

LOGIN_AT = "dagsorden_login_at"
LAST_SEEN = "dagsorden_last_seen"
# Left in the fresh anonymous session, so the login page can say why it is shown.
SESSION_ENDED = "dagsorden_session_ended"
# Writing the session on every request costs a database write; a minute is exact enough.
LAST_SEEN_RESOLUTION = 60

# Paths that are never public, whoever asks (a redirect to the login page included).
PRIVATE_PREFIXES = ("/sekretariat/", "/medlem/", "/admin/", "/log-ind/", "/konto/", "/start/")


class SessionTimeoutMiddleware:
    """Log out after SESSION_IDLE_SECONDS without a request, or SESSION_COOKIE_AGE after
    logging in, whichever comes first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self._check(request)
        return self.get_response(request)

    def _check(self, request) -> None:
        session, now = request.session, time.time()
        login_at = session.setdefault(LOGIN_AT, now)
        last_seen = session.get(LAST_SEEN, login_at)
        if now - last_seen > settings.SESSION_IDLE_SECONDS:
            self._end(request, "idle")
        elif now - login_at > settings.SESSION_COOKIE_AGE:
            self._end(request, "lifetime")
        elif now - last_seen >= LAST_SEEN_RESOLUTION or LAST_SEEN not in session:
            session[LAST_SEEN] = now

    @staticmethod
    def _end(request, reason: str) -> None:
        request.session_end_reason = reason  # read by the audit receiver of the logout
        logout(request)
        request.session[SESSION_ENDED] = reason


class PrivatePagesMiddleware:
    """`Cache-Control: private, no-store` on everything that is not public: staff and
    member pages, members' PDFs, drafts, and any page a logged-in user is shown."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(PRIVATE_PREFIXES) or request.user.is_authenticated:
            response.headers["Cache-Control"] = "private, no-store"
            response.headers.pop("Expires", None)
            patch_vary_headers(response, ["Cookie"])
        return response
