"""The agenda (or minutes) as a draft PDF before it goes out: "UDKAST" on every page,
only for the people preparing the body's meetings, never cached or served publicly."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from dagsorden.documents.from_db import document_from_meeting
from dagsorden.documents.model import MEMBERS, PUBLIC
from dagsorden.documents.render import render as render_document
from dagsorden.meetings.models import Meeting

from .. import permissions
from ._helpers import require, staff_required

# A draft is for what is not yet final: the agenda before it is sent, the minutes
# before they are approved.
DRAFT_STATES = {Meeting.State.PLANNED, Meeting.State.HELD}


@staff_required
@require_safe
def agenda_draft_pdf(request, pk):
    meeting = get_object_or_404(Meeting.objects.alive().select_related("organization"), pk=pk)
    require(permissions.works_on(request.user, meeting.organization))
    if meeting.state not in DRAFT_STATES:
        raise Http404("no draft in this state")
    variant = MEMBERS if request.GET.get("lukkede") else PUBLIC
    document = document_from_meeting(meeting, variant=variant, draft=True)
    # Not cached: a draft changes with every edit and must never stand in for the
    # published document.
    rendered = render_document(document, "pdf", cached=False)
    response = HttpResponse(rendered.content, content_type=rendered.content_type)
    kind = "referat" if document.kind == "minutes" else "dagsorden"
    response["Content-Disposition"] = f'inline; filename="{kind}-udkast-{meeting.pk}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
