"""Error pages in Danish (and English), in the portal's own layout.

A refused page says why and where to go next; a missing page offers search. The
reason shown on a 403 is the message the view raised `PermissionDenied` with: views
write it for the user, so it never names anything the user may not see."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _


def _reason(exception) -> str:
    message = str(exception or "").strip()
    # Django's own PermissionDenied() carries no message; some code paths pass English.
    return message if message and message != "Forbidden" else ""


def permission_denied(request, exception=None):
    return render(
        request,
        "errors/403.html",
        {"reason": _reason(exception), "next": request.get_full_path()},
        status=403,
    )


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    # No context processors and no database: the error may be the database itself.
    try:
        return HttpResponseServerError(loader.get_template("errors/500.html").render({}))
    except Exception:  # noqa: BLE001 - the error page itself must never fail
        return HttpResponseServerError(
            "<!DOCTYPE html><html lang=da><title>Fejl</title><h1>Der opstod en fejl</h1>"
        )


def csrf_failure(request, reason=""):
    return render(
        request,
        "errors/csrf.html",
        {"back": request.META.get("HTTP_REFERER", ""), "reason": _("Formularen er udløbet.")},
        status=403,
    )
