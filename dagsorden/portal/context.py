"""What every page's header needs: the municipality whose portal this is (None on the
national pages), and the request's PortalScope for building links."""

from django.utils.functional import SimpleLazyObject

from .tenancy import PortalScope


def portal(request):
    # A request refused before the middleware ran (size limit) has no scope yet.
    scope = getattr(request, "portal", None) or PortalScope(request)
    # Lazy: pages that never print the header (feeds, files) cost no query.
    return {
        "portal_municipality": SimpleLazyObject(lambda: scope.municipality),
        "portal_scope": scope,
    }
