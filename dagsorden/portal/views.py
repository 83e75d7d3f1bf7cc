"""Plain public pages: the list of meetings and one meeting with its agenda or minutes.

The public never sees a closed item's content: only its neutral title."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from dagsorden.cases.models import File
from dagsorden.meetings.models import Meeting
from dagsorden.meetings.selectors import (
    item_history,
    meeting_absences,
    meeting_items,
    meeting_participants,
    meeting_public_get,
    meetings_public,
)


def meeting_list(request):
    now = timezone.now()
    upcoming = meetings_public().filter(start__gte=now).order_by("start")[:20]
    past = Paginator(meetings_public().filter(start__lt=now).order_by("-start"), 25)
    return render(
        request,
        "portal/meeting_list.html",
        {"upcoming": upcoming, "past": past.get_page(request.GET.get("side"))},
    )


def meeting_detail(request, pk):
    meeting = meeting_public_get(pk)
    items = list(meeting_items(meeting))
    for item in items:
        item.history_entries = item_history(item) if item.public else []
        item.public_files = [bilag for bilag in item.files.all() if bilag.public]
    return render(
        request,
        "portal/meeting_detail.html",
        {
            "meeting": meeting,
            "items": items,
            "absences": meeting_absences(meeting) if meeting.state != Meeting.State.PLANNED else [],
            "participants": meeting_participants(meeting),
            "show_decisions": meeting.has_minutes,
        },
    )


def file_download(request, pk, name):
    """Serve a bilag only when everything around it is public."""
    bilag = get_object_or_404(File.objects.alive().select_related("agenda_item__meeting"), pk=pk)
    item = bilag.agenda_item
    visible = (
        bilag.public
        and bilag.file
        and item is not None
        and item.public
        and not item.deleted
        and item.meeting.is_public
    )
    if not visible:
        raise Http404
    return FileResponse(
        bilag.file.open("rb"),
        content_type=bilag.mime_type or "application/octet-stream",
        filename=bilag.file_name or f"bilag-{bilag.pk}.pdf",
    )
