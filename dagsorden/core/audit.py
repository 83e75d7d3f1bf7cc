"""Writing audit rows from services."""

from django.db import models

from .models import AuditEntry


def audit_record(*, action: str, obj: models.Model, by=None, summary: str = "", **data) -> None:
    """Record that `by` performed `action` on `obj`. Called inside the service's transaction."""
    user = by if getattr(by, "is_authenticated", False) else None
    AuditEntry.objects.create(
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        user=user,
        summary=summary[:300],
        data=data,
    )


# Reads change nothing: listeners that follow changes (the search index) skip them.
READ_PREFIX = "read_"


def audit_read(*, what: str, obj: models.Model, by, summary: str = "", **data) -> None:
    """Record that `by` read something confidential (closed items, closed bilag)."""
    audit_record(action=READ_PREFIX + what, obj=obj, by=by, summary=summary, **data)


def audit_login_event(*, action: str, user=None, username: str = "", ip: str = "") -> None:
    """A login, logout or failed login: who (or which user name was tried) and from where.

    No password, not even a wrong one, is ever written."""
    AuditEntry.objects.create(
        action=action,
        object_type="auth.user",
        object_id=str(user.pk) if user is not None else "",
        user=user,
        summary=(username or getattr(user, "username", ""))[:300],
        data={"ip": ip} if ip else {},
    )
