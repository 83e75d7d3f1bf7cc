"""Creating a case with its route, and putting it on a meeting's agenda."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from dagsorden.cases.models import Case, Consultation
from dagsorden.cases.services import case_create
from dagsorden.meetings.models import Meeting
from dagsorden.meetings.services import case_schedule
from dagsorden.meetings.services.carry import earliest_meeting_start

from .. import permissions
from ..forms import CaseForm, RouteFormSet, ScheduleForm
from ._helpers import report_errors, require, staff_required


@staff_required
def case_new(request):
    bodies = permissions.staff_bodies(request.user)
    all_bodies = bodies.model.objects.alive().filter(municipality__in=bodies.values("municipality"))
    form = CaseForm(request.POST or None)
    route = RouteFormSet(request.POST or None, form_kwargs={"bodies": all_bodies})
    if request.method == "POST" and form.is_valid() and route.is_valid():
        steps = [
            (step["organization"], step["role"])
            for step in route.cleaned_data
            if step.get("organization") and step.get("role")
        ]
        case = _case_create_checked(request, form.cleaned_data, steps)
        if case is not None:
            return redirect("staff:case_detail", pk=case.pk)
    return render(request, "staff/case_new.html", {"form": form, "route": route})


def _case_create_checked(request, fields: dict, steps: list) -> Case | None:
    if not steps:
        messages.error(request, _("Angiv mindst ét udvalg på sagens rute."))
        return None
    if not permissions.works_on(request.user, steps[0][0]):
        messages.error(request, _("Du kan kun oprette sager, der starter i dine egne udvalg."))
        return None
    try:
        return case_create(
            municipality=steps[0][0].municipality, route=steps, by=request.user, **fields
        )
    except ValidationError as error:
        report_errors(request, error)
        return None


def _can_see_case(user, case: Case) -> bool:
    return any(permissions.works_on(user, c.organization) for c in case.consultations.all())


def _as_seen_by(user, item):
    """A case travels through bodies; another body's closed item shows only its neutral
    title, and no link into its editor."""
    item.shown_title = item.title_for(
        can_see_closed=permissions.can_read_closed(user, item.meeting)
    )
    item.can_open = permissions.can_edit_item(user, item)
    return item


@staff_required
def case_detail(request, pk):
    case = get_object_or_404(Case.objects.alive(), pk=pk)
    require(_can_see_case(request.user, case))
    consultations = case.consultations.alive().select_related("organization", "planned_meeting")
    ready = next((c for c in consultations if c.status == Consultation.Status.READY), None)
    schedule_form = None
    if ready and permissions.works_on(request.user, ready.organization):
        schedule_form = ScheduleForm(
            meetings=_open_meetings(ready), initial={"meeting": ready.planned_meeting}
        )
    items = [
        _as_seen_by(request.user, item)
        for c in consultations
        for item in c.agenda_items.alive().select_related("meeting__organization")
    ]
    return render(
        request,
        "staff/case_detail.html",
        {
            "case": case,
            "consultations": consultations,
            "ready": ready,
            "schedule_form": schedule_form,
            "items": items,
        },
    )


def _open_meetings(consultation: Consultation):
    """The body's meetings the case can still go on: not held, and after the previous
    body's decision."""
    meetings = Meeting.objects.alive().filter(
        organization=consultation.organization,
        state__in=[Meeting.State.PLANNED, Meeting.State.AGENDA_PUBLISHED],
    )
    earliest = earliest_meeting_start(consultation)
    if earliest is not None:
        meetings = meetings.filter(start__gt=earliest)
    return meetings.order_by("start")


@staff_required
def case_schedule_view(request, pk):
    consultation = get_object_or_404(Consultation.objects.alive(), pk=pk)
    require(permissions.works_on(request.user, consultation.organization))
    form = ScheduleForm(request.POST or None, meetings=_open_meetings(consultation))
    if request.method == "POST" and form.is_valid():
        try:
            # Drafted from the previous body's item, or from the body's template.
            item = case_schedule(
                consultation=consultation, meeting=form.cleaned_data["meeting"], by=request.user
            )
        except ValidationError as error:
            report_errors(request, error)
        else:
            return redirect("staff:item_edit", pk=item.pk)
    return redirect("staff:case_detail", pk=consultation.case_id)
