"""iCalendar (RFC 5545) feeds of public meetings: all meetings, or one body's.

Times are written in Europe/Copenhagen with its VTIMEZONE, so calendar programs show
the Danish local time across summer time changes."""

import datetime as dt

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from dagsorden.meetings.models import Meeting
from dagsorden.meetings.selectors import meetings_on_calendar

from . import selectors

DEFAULT_DURATION = dt.timedelta(hours=2)
PRODID = "-//Dagsorden//Dagsorden//DA"


def all_meetings_calendar(request):
    municipality = request.portal.municipality
    meetings = selectors.meetings_calendar(municipality=municipality)
    many = municipality is not None and request.portal.many
    name = f"{municipality.name}: {_('Møder')}" if many else _("Møder")
    return _calendar_response(request, meetings, name, "moeder.ics")


def body_calendar(request, pk):
    body = selectors.body_public_get(pk)
    meetings = meetings_on_calendar().filter(organization=body)
    return _calendar_response(request, meetings, body.name, f"udvalg-{body.pk}.ics")


def _calendar_response(request, meetings, name: str, filename: str) -> HttpResponse:
    calendar = meetings_calendar(request, meetings.order_by("start"), name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def meetings_calendar(request, meetings, name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Copenhagen")
    for meeting in meetings:
        calendar.add_component(_event(request, meeting))
    calendar.add_missing_timezones()
    return calendar


def _event(request, meeting: Meeting) -> Event:
    event = Event()
    start = timezone.localtime(meeting.start)
    event.add("uid", f"meeting-{meeting.pk}@{request.get_host()}")
    event.add("dtstamp", meeting.modified)
    event.add("dtstart", start)
    event.add("dtend", timezone.localtime(meeting.end) if meeting.end else start + DEFAULT_DURATION)
    event.add("summary", meeting.organization.name)
    if meeting.location:
        event.add("location", str(meeting.location))
    # A planned meeting has no public page until its agenda is sent out.
    page = (
        reverse("portal:body_detail", args=[meeting.organization_id])
        if meeting.state == Meeting.State.PLANNED
        else reverse("portal:meeting_detail", args=[meeting.pk])
    )
    url = request.build_absolute_uri(page)
    event.add("url", url)
    status = meeting.get_state_display()
    if meeting.cancel_reason:
        status += f": {meeting.cancel_reason}"
    event.add("description", f"{status}\n{url}")
    if meeting.state == Meeting.State.CANCELLED:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED")
    return event
