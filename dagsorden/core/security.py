"""Response headers and request limits that Django's SecurityMiddleware does not set.

The Content-Security-Policy itself comes from django-csp (settings.CONTENT_SECURITY_POLICY)."""

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _


class RequestSizeLimitMiddleware:
    """Refuse a request whose declared body is larger than any upload may be, before
    anything reads or parses it (Django's own limits leave file uploads out)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse(
                _("Forespørgslens længde kan ikke læses."),
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        if length > settings.MAX_REQUEST_BYTES:
            megabytes = settings.MAX_UPLOAD_BYTES // 2**20
            return HttpResponse(
                _(
                    "Filen eller formularen er for stor: højst %(mb)s MB kan sendes ad gangen. "
                    "Intet er gemt."
                )
                % {"mb": megabytes},
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """Turn off browser features no page here uses (camera, location, payment …)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_OFF)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.policy)
        return response
