"""The sitemap lists only public things: the portal's pages, public meetings, open
items, cases with an open item, bodies and members."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from dagsorden.meetings.selectors import meetings_public

from . import selectors


class StaticSitemap(Sitemap):
    def items(self):
        return [
            "portal:home",
            "portal:meeting_list",
            "portal:body_list",
            "portal:calendar",
            "portal:search",
        ]

    def location(self, name):
        return reverse(name)


class MeetingSitemap(Sitemap):
    def items(self):
        return meetings_public().order_by("pk")

    def lastmod(self, meeting):
        return meeting.modified

    def location(self, meeting):
        return reverse("portal:meeting_detail", args=[meeting.pk])


class ItemSitemap(Sitemap):
    limit = 5000

    def items(self):
        return selectors.items_open().order_by("pk")

    def lastmod(self, item):
        return item.modified

    def location(self, item):
        return reverse("portal:item_detail", args=[item.pk])


class CaseSitemap(Sitemap):
    def items(self):
        return selectors.cases_public().order_by("pk")

    def location(self, case):
        return reverse("portal:case_detail", args=[case.pk])


class BodySitemap(Sitemap):
    def items(self):
        return selectors.bodies_public()

    def location(self, body):
        return reverse("portal:body_detail", args=[body.pk])


class PersonSitemap(Sitemap):
    def items(self):
        return selectors.persons_public().order_by("pk")

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
