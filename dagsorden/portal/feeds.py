"""RSS 2.0 and Atom feeds for a body, a case and a search (django.contrib.syndication).

Feeds are built from the same selectors as the pages, so a closed item appears only by
its neutral title.

A feed's description is HTML to the feed reader (the XML escaping is undone before the
reader renders it), so titles and decision text are HTML-escaped there: a `<script>` in a
title arrives as text. Characters XML 1.0 cannot carry are dropped from every value."""

import html
import re

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext as _

from dagsorden.meetings.models import Meeting
from dagsorden.meetings.visibility import public_minutes

from . import selectors
from .forms import SearchForm

FEED_LENGTH = 30


def CONFIDENTIAL_LINE() -> str:  # noqa: N802 - reads like the constant it stands for
    return _("Lukket punkt. Beslutningen offentliggøres inden for rammerne af tavshedspligten.")


# What XML 1.0 does not allow (C0 controls other than tab and newlines, surrogates,
# U+FFFE/U+FFFF); Django's feed writer refuses these with an exception.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value):
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


class InvalidFeedQuery(Exception):
    """The feed's query parameters do not validate; the message says why."""


class SafeFeed(Feed):
    """A feed that never fails on the text it carries, and answers bad query
    parameters with 400 and the reason."""

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except InvalidFeedQuery as refused:
            return HttpResponseBadRequest(str(refused), content_type="text/plain; charset=utf-8")

    def _get_dynamic_attr(self, attname, obj, default=None):
        # Every title, description, link … the feed writer receives passes here.
        return xml_safe(super()._get_dynamic_attr(attname, obj, default))


def _meeting_heading(meeting: Meeting) -> str:
    kind = _("Referat") if public_minutes(meeting) else _("Dagsorden")
    day = timezone.localtime(meeting.start).strftime("%d.%m.%Y")
    return f"{kind}: {meeting.organization.name} {day}"


class BodyRssFeed(SafeFeed):
    def get_object(self, request, pk):
        return selectors.body_public_get(pk)

    def title(self, body):
        return _("Møder i %(body)s") % {"body": body.name}

    def link(self, body):
        return reverse("portal:body_detail", args=[body.pk])

    def description(self, body):
        return _("Dagsordener og referater fra %(body)s") % {"body": body.name}

    def items(self, body):
        return selectors.body_meetings(body).order_by("-start")[:FEED_LENGTH]

    def item_title(self, meeting):
        return _meeting_heading(meeting)

    def item_description(self, meeting):
        items = meeting.items.alive().order_by("order", "number")
        return "<br>\n".join(
            escape(f"{item.number or ''}. {item.title_for(can_see_closed=False)}") for item in items
        )

    def item_link(self, meeting):
        return reverse("portal:meeting_detail", args=[meeting.pk])

    def item_pubdate(self, meeting):
        return meeting.minutes_published_at or meeting.agenda_published_at or meeting.start

    def item_updateddate(self, meeting):
        return meeting.modified


class BodyAtomFeed(BodyRssFeed):
    feed_type = Atom1Feed
    subtitle = BodyRssFeed.description


class CaseRssFeed(SafeFeed):
    def get_object(self, request, pk):
        return selectors.case_public_get(pk)

    def title(self, case):
        return _("Sag %(number)s: %(title)s") % {"number": case.journal_number, "title": case.title}

    def link(self, case):
        return reverse("portal:case_detail", args=[case.pk])

    def description(self, case):
        return _("Sagens behandlinger i udvalgene")

    def items(self, case):
        treatments = [
            treatment
            for step in selectors.case_route(case)
            for treatment in step.treatments
            if treatment.item is not None
        ]
        return sorted(treatments, key=lambda t: t.date, reverse=True)[:FEED_LENGTH]

    def item_title(self, treatment):
        item = treatment.item
        title = item.title_for(can_see_closed=False)
        return f"{item.meeting.organization.name} {treatment.date:%d.%m.%Y}: {title}"

    def item_description(self, treatment):
        if not treatment.public:
            return escape(CONFIDENTIAL_LINE())
        return escape(treatment.result or _("Sat på dagsordenen."))

    def item_link(self, treatment):
        return reverse("portal:item_detail", args=[treatment.item.pk])

    def item_pubdate(self, treatment):
        return treatment.item.meeting.start


class CaseAtomFeed(CaseRssFeed):
    feed_type = Atom1Feed
    subtitle = CaseRssFeed.description


class SearchRssFeed(SafeFeed):
    def get_object(self, request):
        form = SearchForm(request.GET, municipality=request.portal.municipality)
        form.query_string = request.GET.urlencode()
        form.page_url = request.portal.canonical("search")
        if not form.is_valid():
            reasons = " ".join(
                f"{form.fields[name].label}: {error}"
                for name, errors in form.errors.items()
                for error in errors
            )
            raise InvalidFeedQuery(
                _("Søgningen kan ikke bruges: %(reasons)s") % {"reasons": reasons}
            )
        return form

    def title(self, form):
        text = form.cleaned_data.get("q") or ""
        return _("Søgning: %(query)s") % {"query": text}

    def link(self, form):
        return f"{form.page_url}?{form.query_string}"

    def description(self, form):
        return _("Nye punkter, der matcher søgningen")

    def items(self, form):
        return form.run().hits

    def item_title(self, hit):
        title = html.unescape(strip_tags(hit.title))
        return f"{hit.organization} {timezone.localtime(hit.start):%d.%m.%Y}: {title}"

    def item_description(self, hit):
        return hit.snippet  # already HTML: the text escaped, only <mark> added

    def item_link(self, hit):
        return reverse("portal:item_detail", args=[hit.item_id])

    def item_pubdate(self, hit):
        return hit.start


class SearchAtomFeed(SearchRssFeed):
    feed_type = Atom1Feed
    subtitle = SearchRssFeed.description
