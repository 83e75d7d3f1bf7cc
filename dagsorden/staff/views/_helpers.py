"""Small helpers shared by the staff and member views."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError

from .. import permissions


def staff_required(view):
    """Logged in and working in the secretariat (or administrator)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not permissions.is_staff_user(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def member_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if permissions.person_of(request.user) is None:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def require(allowed: bool, reason: str = "") -> None:
    """Refuse with a reason the error page shows the user (it must name nothing the user
    may not see)."""
    if not allowed:
        raise PermissionDenied(reason)


def names(people) -> str:
    """'Anne Holm, Bo Dam' for a message listing people."""
    return ", ".join(person.name for person in people)


def report_errors(request, error: ValidationError) -> None:
    """Show every message of a refused operation to the user."""
    for message in error.messages:
        messages.error(request, message)
