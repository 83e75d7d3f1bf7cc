"""What every page's header needs: the municipality whose portal this is."""

from django.utils.functional import SimpleLazyObject

from . import selectors


def portal(request):
    # Lazy: pages that never print the header (feeds, files) cost no query.
    return {"portal_municipality": SimpleLazyObject(selectors.portal_municipality)}
