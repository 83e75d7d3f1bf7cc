"""The agenda builder: order the items (buttons, or drag and drop), see what still blocks
publication, and publish."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dagsorden.meetings.checks import agenda_publication_problems
from dagsorden.meetings.models import AgendaItem, Meeting
from dagsorden.meetings.notices import NoticeRecipients, notice_failed_since, notice_recipients
from dagsorden.meetings.services import (
    agenda_deadline,
    agenda_item_create,
    agenda_item_move,
    agenda_reorder,
    meeting_publish_agenda,
)
from dagsorden.organisations.item_template import template_headings

from .. import permissions
from ..forms import NewItemForm, PublishForm
from ._helpers import names, report_errors, require, staff_required
from .confirm import publish_confirmation


def _meeting_for(request, pk) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.alive().select_related("organization"), pk=pk)
    require(permissions.works_on(request.user, meeting.organization))
    return meeting


@staff_required
def agenda_builder(request, pk):
    meeting = _meeting_for(request, pk)
    items = meeting.items.alive().order_by("order").select_related("consultation__case")
    return render(
        request,
        "staff/agenda_builder.html",
        {
            "meeting": meeting,
            "items": items,
            "problems": agenda_publication_problems(meeting),
            "deadline": agenda_deadline(meeting),
            "publish_form": PublishForm(),
            "new_item_form": NewItemForm(),
            "can_publish": permissions.can_run_meeting(request.user, meeting),
        },
    )


@staff_required
@require_POST
def agenda_move(request, pk):
    item = get_object_or_404(AgendaItem.objects.alive(), pk=pk)
    require(permissions.can_run_meeting(request.user, item.meeting))
    try:
        agenda_item_move(item=item, direction=request.POST.get("direction", ""), by=request.user)
    except ValidationError as error:
        report_errors(request, error)
    return redirect("staff:agenda_builder", pk=item.meeting_id)


@staff_required
@require_POST
def agenda_order(request, pk):
    """Drag and drop sends the whole new order as JSON."""
    meeting = _meeting_for(request, pk)
    require(permissions.can_run_meeting(request.user, meeting))
    try:
        ids = [int(value) for value in json.loads(request.body)["order"]]
    except (ValueError, KeyError, TypeError):
        return HttpResponseBadRequest(_("Ugyldig rækkefølge."))
    try:
        agenda_reorder(meeting=meeting, item_ids=ids, by=request.user)
    except ValidationError as error:
        return JsonResponse({"errors": error.messages}, status=409)
    return JsonResponse({"ok": True})


@staff_required
@require_POST
def agenda_publish(request, pk):
    meeting = _meeting_for(request, pk)
    require(permissions.can_run_meeting(request.user, meeting))
    form = PublishForm(request.POST)
    form.is_valid()
    started = timezone.now()
    try:
        meeting_publish_agenda(
            meeting=meeting, late_reason=form.cleaned_data.get("late_reason", ""), by=request.user
        )
    except ValidationError as error:
        return publish_confirmation(request, meeting, form, refused=error.messages)
    _report_notice(
        request, notice_recipients(meeting), failed=notice_failed_since(meeting, started)
    )
    return redirect("staff:meeting_live", pk=meeting.pk)


def _report_notice(request, recipients: NoticeRecipients, *, failed: bool) -> None:
    """Say who was told, and never claim "udsendt" when nobody was."""
    if failed:
        messages.error(
            request,
            _(
                "Dagsordenen er offentliggjort, men e-mailen kunne ikke sendes (postserveren "
                "svarede ikke), så medlemmerne har måske ikke fået besked: giv dem besked på "
                "anden vis."
            ),
        )
    elif recipients.notified:
        messages.success(
            request,
            _("Dagsordenen er udsendt pr. e-mail til %(names)s.")
            % {"names": names(recipients.notified)},
        )
    else:
        messages.warning(
            request,
            _(
                "Dagsordenen er offentliggjort, men ingen medlemmer har fået besked: "
                "ingen af dem har en e-mailadresse."
            ),
        )
    if recipients.notified and recipients.without_email and not failed:
        messages.warning(
            request,
            _("Uden e-mailadresse, har ikke fået besked: %(names)s.")
            % {"names": names(recipients.without_email)},
        )


@staff_required
@require_POST
def agenda_add_item(request, pk):
    """An item without a case (an orientation, a theme): drafted like any other."""
    meeting = _meeting_for(request, pk)
    form = NewItemForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Angiv en titel."))
        return redirect("staff:agenda_builder", pk=meeting.pk)
    public = form.cleaned_data["public"]
    template = template_headings(meeting.organization)
    try:
        item = agenda_item_create(
            meeting=meeting,
            title=form.cleaned_data["title"],
            public=public,
            public_title="" if public else str(AgendaItem.CLOSED_TITLE),
            sections=[(heading, "") for heading in template],
            by=request.user,
        )
    except ValidationError as error:
        report_errors(request, error)
        return redirect("staff:agenda_builder", pk=meeting.pk)
    return redirect("staff:item_edit", pk=item.pk)
