"""Logins, logouts and failed logins go to the audit log (Django only signals them)."""

import time

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from dagsorden.core.audit import audit_login_event

from .middleware import LOGIN_AT


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""


@receiver(user_logged_in)
def logged_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_AT] = time.time()
    audit_login_event(action="login", user=user, ip=client_address(request))


@receiver(user_logged_out)
def logged_out(sender, request, user, **kwargs):
    if user is None:
        return
    # A session that timed out is told apart from the user pressing "Log ud".
    ended = getattr(request, "session_end_reason", None)
    action = f"session_expired_{ended}" if ended else "logout"
    audit_login_event(action=action, user=user, ip=client_address(request))


@receiver(user_login_failed)
def login_failed(sender, credentials, request=None, **kwargs):
    # `credentials` has the password masked by Django; only the user name is kept.
    audit_login_event(
        action="login_failed",
        username=str(credentials.get("username", "")),
        ip=client_address(request),
    )
