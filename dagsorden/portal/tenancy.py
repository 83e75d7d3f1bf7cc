"""Which municipality's portal a request is for, decided once per request.

The order, first match wins:

1. a path under `/<kommune-slug>/` (an unknown slug is a 404);
2. the request's host name, when a municipality has it as `host`;
3. `settings.PORTAL_MUNICIPALITY` (`DAGSORDEN_MUNICIPALITY`), for an installation that
   belongs to one municipality and holds others' imported data;
4. the only municipality, when there is just one (today's common case).

Otherwise the request is national: `/` is the front page for all municipalities and the
lists span all of them. The municipality served at `/` of this host (2–4) is the "root":
links to its pages carry no slug, links to any other municipality's pages do.

Views read `request.portal.municipality` and pass it to the selectors as
`municipality=`; nothing below the view looks at the request."""

from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.http import Http404
from django.urls import reverse

from dagsorden.organisations.models import Municipality

SLUG_KWARG = "kommune"
# Portal pages that exist once per municipality (the rest are global-id object pages).
SCOPED_PAGES = frozenset(
    {
        "home",
        "meeting_list",
        "body_list",
        "calendar",
        "calendar_month",
        "ical",
        "search",
        "search_rss",
        "search_atom",
        "sitemap",
    }
)


def host_name(request) -> str:
    """The request's host without port, lower case; "" when Django would refuse it."""
    try:
        host = request.get_host()
    except Exception:  # DisallowedHost: Django answers it later; here it names nothing
        return ""
    return host.rsplit(":", 1)[0].lower() if not host.endswith("]") else host.lower()


@dataclass
class PortalScope:
    """The request's municipality (None: national) and the one served at `/`."""

    request: object

    @cached_property
    def _alive(self) -> list[Municipality]:
        return list(Municipality.objects.alive().order_by("pk"))

    @cached_property
    def root(self) -> Municipality | None:
        municipalities = self._alive
        host = host_name(self.request)
        by_host = [m for m in municipalities if m.host and m.host == host]
        if by_host:
            return by_host[0]
        if settings.PORTAL_MUNICIPALITY:
            chosen = [m for m in municipalities if m.slug == settings.PORTAL_MUNICIPALITY]
            if chosen:
                return chosen[0]
        return municipalities[0] if len(municipalities) == 1 else None

    @cached_property
    def municipality(self) -> Municipality | None:
        return self.root

    @property
    def many(self) -> bool:
        """More than one municipality in the installation: slugs are in use."""
        return len(self._alive) > 1

    def select(self, slug: str) -> None:
        """The page is under `/<slug>/`: that municipality, or a 404."""
        chosen = next((m for m in self._alive if m.slug == slug), None)
        if chosen is None:
            raise Http404
        self.municipality = chosen

    def show(self, municipality: Municipality) -> None:
        """An object page: its header and style are its own municipality's."""
        self.municipality = municipality

    def url(self, name: str, municipality: Municipality | None = None, **kwargs) -> str:
        """A portal page of `municipality` (default: the request's), slug-less when it is
        the municipality served at `/`, national when None."""
        target = self.municipality if municipality is None else municipality
        return portal_url(name, target, root=self.root, **kwargs)

    def canonical(self, name: str, **kwargs) -> str:
        """The slug URL of a scoped page, once the installation has several
        municipalities (with one, the slug-less URL stays the address)."""
        if self.municipality is None or not self.many:
            return self.url(name, **kwargs)
        return portal_url(name, self.municipality, root=None, **kwargs)


def portal_url(name: str, municipality: Municipality | None, *, root=None, **kwargs) -> str:
    if name not in SCOPED_PAGES or municipality is None:
        return reverse(f"portal:{name}", kwargs=kwargs or None)
    if root is not None and municipality.pk == root.pk:
        return reverse(f"portal:{name}", kwargs=kwargs or None)
    return reverse(f"kommune:{name}", kwargs={SLUG_KWARG: municipality.slug, **kwargs})


class MunicipalityMiddleware:
    """Puts a PortalScope on every request; a `/<slug>/` path selects its municipality."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.portal = PortalScope(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        slug = view_kwargs.pop(SLUG_KWARG, None)
        if slug is not None:
            request.portal.select(slug)
        return None
