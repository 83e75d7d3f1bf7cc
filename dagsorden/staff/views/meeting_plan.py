"""The meeting plan of a body and year: plan a series, add one meeting, move or cancel a
meeting. Meetings no longer need the Django admin."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from dagsorden.meetings.models import Meeting
from dagsorden.meetings.selectors import meeting_plan
from dagsorden.meetings.services.planning import (
    MOVABLE,
    meeting_cancel,
    meeting_move,
    meeting_plan_series,
)
from dagsorden.organisations.models import Location, Organization

from .. import permissions
from ..plan_forms import CancelForm, MoveForm, OneMeetingForm, SeriesForm
from ..selectors import body_args, body_get
from ._helpers import report_errors, require, staff_required


def _body_for(request, municipality, slug) -> Organization:
    body = body_get(municipality, slug)
    require(permissions.works_on(request.user, body))
    return body


def _locations(body: Organization):
    return Location.objects.alive().filter(municipality=body.municipality_id)


def _year(request) -> int:
    """The year asked for; this year when the parameter is missing, not a number, or a
    year no meeting plan can have (a date cannot even be made of year 0 or 10000)."""
    try:
        year = int(request.GET.get("aar") or request.POST.get("aar") or "")
    except ValueError:
        year = 0
    return year if 1900 <= year <= 2999 else timezone.localdate().year


def _plan_url(body: Organization, year: int) -> str:
    return reverse("staff:meeting_plan", args=body_args(body)) + f"?aar={year}"


def _report_form_errors(request, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


@staff_required
def plan(request, municipality, slug):
    body = _body_for(request, municipality, slug)
    year = _year(request)
    locations = _locations(body)
    meetings = list(meeting_plan(body, year))
    for meeting in meetings:
        meeting.movable = meeting.state in MOVABLE
        local = timezone.localtime(meeting.start)
        meeting.move_form = MoveForm(
            prefix=f"m{meeting.pk}",
            locations=locations,
            initial={"day": local.date(), "at": local.time(), "location": meeting.location},
        )
    return render(
        request,
        "staff/meeting_plan.html",
        {
            "body": body,
            "year": year,
            "meetings": meetings,
            "can_plan": permissions.is_secretary(request.user, body),
            "series_form": SeriesForm(locations=locations, initial=_series_initial(year)),
            "one_form": OneMeetingForm(prefix="one", locations=locations),
            "cancel_form": CancelForm(),
        },
    )


def _series_initial(year: int) -> dict:
    today = timezone.localdate()
    first = max(dt.date(year, 1, 1), today + dt.timedelta(days=1))
    return {"first_day": first, "last_day": dt.date(year, 12, 31)}


def _plan_days(request, body: Organization, days: list, at, location) -> None:
    try:
        planned = meeting_plan_series(
            organization=body, days=days, at=at, location=location, by=request.user
        )
    except ValidationError as error:
        report_errors(request, error)
        return
    count = len(planned)
    messages.success(
        request,
        ngettext("%(n)s møde er planlagt.", "%(n)s møder er planlagt.", count) % {"n": count},
    )


@staff_required
@require_POST
def plan_series(request, municipality, slug):
    body = _body_for(request, municipality, slug)
    require(permissions.is_secretary(request.user, body))
    form = SeriesForm(request.POST, locations=_locations(body))
    if form.is_valid():
        data = form.cleaned_data
        _plan_days(request, body, form.days(), data["at"], data["location"])
    else:
        _report_form_errors(request, form)
    return redirect(_plan_url(body, _year(request)))


@staff_required
@require_POST
def plan_add(request, municipality, slug):
    body = _body_for(request, municipality, slug)
    require(permissions.is_secretary(request.user, body))
    form = OneMeetingForm(request.POST, prefix="one", locations=_locations(body))
    if form.is_valid():
        data = form.cleaned_data
        _plan_days(request, body, [data["day"]], data["at"], data["location"])
    else:
        _report_form_errors(request, form)
    return redirect(_plan_url(body, _year(request)))


def _meeting_for(request, pk) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.alive().select_related("organization"), pk=pk)
    require(permissions.can_run_meeting(request.user, meeting))
    return meeting


@staff_required
@require_POST
def plan_move(request, pk):
    meeting = _meeting_for(request, pk)
    body = meeting.organization
    form = MoveForm(request.POST, prefix=f"m{meeting.pk}", locations=_locations(body))
    if not form.is_valid():
        _report_form_errors(request, form)
        return redirect(_plan_url(body, meeting.day.year))
    data = form.cleaned_data
    start = timezone.make_aware(dt.datetime.combine(data["day"], data["at"]))
    try:
        meeting_move(
            meeting=meeting,
            start=start,
            location=data["location"],
            reason=data["reason"],
            by=request.user,
        )
    except ValidationError as error:
        report_errors(request, error)
    else:
        messages.success(
            request,
            _("Mødet er flyttet til %(when)s; medlemmerne har fået besked.")
            % {"when": start.strftime("%d.%m.%Y kl. %H:%M")},
        )
    return redirect(_plan_url(body, data["day"].year))


@staff_required
@require_POST
def plan_cancel(request, pk):
    meeting = _meeting_for(request, pk)
    form = CancelForm(request.POST)
    year = meeting.day.year
    if not form.is_valid():
        messages.error(request, _("Angiv en begrundelse for aflysningen; den vises på mødet."))
        return redirect(_plan_url(meeting.organization, year))
    try:
        meeting_cancel(meeting=meeting, reason=form.cleaned_data["reason"], by=request.user)
    except ValidationError as error:
        report_errors(request, error)
    else:
        messages.success(request, _("Mødet er aflyst; medlemmerne har fået besked."))
    return redirect(_plan_url(meeting.organization, year))
