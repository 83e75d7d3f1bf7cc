"""The minutes after the meeting: who has signed, closing the approval, and corrections
to approved minutes as visible remarks."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dagsorden.meetings.models import AgendaItem, Meeting
from dagsorden.meetings.notices import notice_failed_since
from dagsorden.meetings.selectors import meeting_participants
from dagsorden.meetings.services import decision_add_remark, meeting_approve_minutes

from .. import permissions
from ..forms import RemarkForm
from ._helpers import report_errors, require, staff_required


@staff_required
def minutes(request, pk):
    meeting = get_object_or_404(Meeting.objects.alive().select_related("organization"), pk=pk)
    require(permissions.can_run_meeting(request.user, meeting))
    signed = {a.person_id: a for a in meeting.approvals.all()}
    participants = [(row, signed.get(row.person_id)) for row in meeting_participants(meeting)]
    items = (
        meeting.items.alive()
        .order_by("order")
        .select_related("decision")
        .prefetch_related("decision__remarks")
    )
    return render(
        request,
        "staff/minutes.html",
        {
            "meeting": meeting,
            "participants": participants,
            "items": items,
            "remark_form": RemarkForm(),
        },
    )


@staff_required
@require_POST
def minutes_approve(request, pk):
    """The secretary closes the approval (members who have not signed are noted)."""
    meeting = get_object_or_404(Meeting.objects.alive(), pk=pk)
    require(permissions.can_run_meeting(request.user, meeting))
    started = timezone.now()
    try:
        meeting_approve_minutes(meeting=meeting, by=request.user)
    except ValidationError as error:
        report_errors(request, error)
    else:
        messages.success(request, _("Referatet er godkendt og offentliggjort."))
        if notice_failed_since(meeting, started):
            messages.error(
                request,
                _(
                    "E-mailen om det godkendte referat kunne ikke sendes (postserveren svarede "
                    "ikke): giv medlemmerne besked på anden vis."
                ),
            )
    return redirect("staff:minutes", pk=meeting.pk)


@staff_required
@require_POST
def remark_add(request, pk):
    item = get_object_or_404(AgendaItem.objects.alive().select_related("decision"), pk=pk)
    require(permissions.can_run_meeting(request.user, item.meeting))
    form = RemarkForm(request.POST)
    if form.is_valid() and hasattr(item, "decision"):
        try:
            decision_add_remark(decision=item.decision, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            report_errors(request, error)
    else:
        messages.error(request, _("Bemærkningen kunne ikke gemmes."))
    return redirect("staff:minutes", pk=item.meeting_id)
