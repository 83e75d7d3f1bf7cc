"""The secretariat's start page and each body's planning: coming meetings and the cases
waiting for them ("kommende sager")."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from dagsorden.cases.models import Consultation
from dagsorden.cases.services import consultation_plan_meeting
from dagsorden.meetings.models import Meeting
from dagsorden.organisations.models import Organization

from .. import permissions
from ..selectors import body_args, body_get, desk_for, jobs_visible_to
from ._helpers import require, staff_required


@staff_required
def dashboard(request):
    """The secretariat's desk: what waits in the user's bodies."""
    return render(
        request,
        "staff/dashboard.html",
        {
            "bodies": permissions.staff_bodies(request.user).order_by("name"),
            "desk": desk_for(request.user),
            "failed_jobs": jobs_visible_to(request.user).filter(state="failed").count(),
        },
    )


def _coming_meetings(body: Organization):
    return (
        Meeting.objects.alive()
        .filter(organization=body, start__gte=timezone.now() - dt.timedelta(days=30))
        .exclude(state=Meeting.State.CANCELLED)
        .order_by("start")
    )


@staff_required
def body_planning(request, municipality, slug):
    body = body_get(municipality, slug)
    require(permissions.works_on(request.user, body))
    pipeline = (
        Consultation.objects.alive()
        .filter(organization=body, status__in=["waiting", "ready", "scheduled"])
        .select_related("case", "planned_meeting")
        .order_by("status", "case__title")
    )
    return render(
        request,
        "staff/body_planning.html",
        {
            "body": body,
            "meetings": _coming_meetings(body),
            "pipeline": pipeline,
            "can_plan": permissions.is_secretary(request.user, body),
        },
    )


@staff_required
@require_POST
def consultation_plan(request, pk):
    """Note which meeting a waiting case is expected at (the pipeline's planned meeting)."""
    consultation = get_object_or_404(Consultation.objects.alive(), pk=pk)
    require(permissions.is_secretary(request.user, consultation.organization))
    meeting = Meeting.objects.filter(
        pk=request.POST.get("meeting") or None, organization=consultation.organization
    ).first()
    consultation_plan_meeting(consultation=consultation, meeting=meeting, by=request.user)
    return redirect("staff:body_planning", *body_args(consultation.organization))


@login_required
def start(request):
    """Where a login lands: the secretariat for staff, my meetings for members."""
    if permissions.is_staff_user(request.user):
        return redirect("staff:dashboard")
    if permissions.person_of(request.user) is not None:
        return redirect("staff:my_meetings")
    raise PermissionDenied
