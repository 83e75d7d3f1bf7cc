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
        _show_own_municipality(request)
        return view(request, *args, **kwargs)

    return wrapper


def member_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if permissions.person_of(request.user) is None:
            raise PermissionDenied
        _show_own_municipality(request)
        return view(request, *args, **kwargs)

    return wrapper


def _show_own_municipality(request) -> None:
    """The header names the municipality the user works in (with several in the
    installation and none at `/`, the portal's own choice is national)."""
    scope = getattr(request, "portal", None)
    if scope is None or scope.municipality is not None:
        return
    municipality = permissions.own_municipality(request.user)
    if municipality is not None:
        scope.show(municipality)


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
