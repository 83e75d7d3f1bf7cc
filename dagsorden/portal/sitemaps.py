"""The sitemap lists only public things: the portal's pages, public meetings, open
items, cases with an open item, bodies and members."""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.urls import reverse

from . import selectors


class ScopedSitemap(Sitemap):
    """One municipality's things (or, on the national sitemap, everyone's)."""

    def __init__(self, scope):
        self.scope = scope
        self.municipality = scope.municipality


class StaticSitemap(ScopedSitemap):
    def items(self):
        return ["home", "meeting_list", "body_list", "calendar", "search"]

    def location(self, name):
        return self.scope.canonical(name)


class MeetingSitemap(ScopedSitemap):
    def items(self):
        return selectors.meetings_listed(municipality=self.municipality).order_by("pk")

    def lastmod(self, meeting):
        return meeting.modified

    def location(self, meeting):
        return reverse("portal:meeting_detail", args=[meeting.pk])


class ItemSitemap(ScopedSitemap):
    limit = 5000

    def items(self):
        return selectors.items_open_of(municipality=self.municipality).order_by("pk")

    def lastmod(self, item):
        return item.modified

    def location(self, item):
        return reverse("portal:item_detail", args=[item.pk])


class CaseSitemap(ScopedSitemap):
    def items(self):
        return selectors.cases_public(municipality=self.municipality).order_by("pk")

    def location(self, case):
        return reverse("portal:case_detail", args=[case.pk])


class BodySitemap(ScopedSitemap):
    def items(self):
        return selectors.bodies_public(municipality=self.municipality)

    def location(self, body):
        return reverse("portal:body_detail", args=[body.pk])


class PersonSitemap(ScopedSitemap):
    def items(self):
        return selectors.persons_public(municipality=self.municipality).order_by("pk")

    def location(self, person):
        return reverse("portal:person_detail", args=[person.pk])


SITEMAPS = {
    "sider": StaticSitemap,
    "moeder": MeetingSitemap,
    "punkter": ItemSitemap,
    "sager": CaseSitemap,
    "udvalg": BodySitemap,
    "personer": PersonSitemap,
}


def sitemap_view(request, **kwargs):
    """The sitemap of the municipality the request is for (see tenancy.py)."""
    sitemaps = {name: cls(request.portal) for name, cls in SITEMAPS.items()}
    return sitemap(request, sitemaps=sitemaps, **kwargs)
