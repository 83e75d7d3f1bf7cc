"""Member pages: my meetings, the agenda with closed items of my own bodies, my notes,
and signing the minutes (underskriftsark)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from dagsorden.cases.models import File
from dagsorden.core.audit import audit_read
from dagsorden.documents.from_db import document_from_meeting
from dagsorden.documents.model import MEMBERS
from dagsorden.documents.render import render as render_document
from dagsorden.meetings.models import AgendaItem, Meeting, Note
from dagsorden.meetings.selectors import item_history, meeting_items, meetings_public
from dagsorden.meetings.services import approval_record, note_delete, note_save

from .. import permissions
from ..forms import NoteForm
from ._helpers import member_required, report_errors, require


@member_required
def my_meetings(request):
    person = permissions.person_of(request.user)
    bodies = person.memberships.alive().values("organization")
    meetings = meetings_public().filter(organization__in=bodies).order_by("-start")[:50]
    return render(
        request,
        "staff/my_meetings.html",
        {"person": person, "meetings": meetings, "now": timezone.now()},
    )


def _visible_notes(item: AgendaItem, person):
    shared = Q(shared_with_party=True, author__party=person.party_id) if person.party_id else Q()
    return item.notes.alive().filter(Q(author=person) | shared).select_related("author")


def _reader_check(user, meeting: Meeting):
    """Which earlier closed treatments this reader may see in "Sagens forløb": their own
    body's, and any other body's whose closed items they may read themselves."""
    return lambda earlier: (
        earlier.meeting.organization_id == meeting.organization_id
        or permissions.can_read_closed(user, earlier.meeting)
    )


def _audit_closed_read(request, meeting: Meeting, items, what: str) -> None:
    closed = [item.pk for item in items if not item.public]
    if closed:
        audit_read(what=what, obj=meeting, by=request.user, summary=str(meeting), items=closed)


@member_required
def member_meeting(request, pk):
    meeting = get_object_or_404(meetings_public(), pk=pk)
    require(permissions.is_member(request.user, meeting))
    person = permissions.person_of(request.user)
    items = list(meeting_items(meeting))
    reader = _reader_check(request.user, meeting)
    for item in items:
        item.history_entries = item_history(item, may_read_closed=reader)
        item.visible_notes = _visible_notes(item, person)
    _audit_closed_read(request, meeting, items, "member_meeting")
    return render(
        request,
        "staff/member_meeting.html",
        {
            "meeting": meeting,
            "items": items,
            "person": person,
            "note_form": NoteForm(),
            "can_sign": meeting.state == Meeting.State.HELD
            and permissions.can_sign(request.user, meeting),
            "signed": meeting.approvals.filter(person=person).first(),
        },
    )


@member_required
@require_POST
def note_add(request, pk):
    item = get_object_or_404(AgendaItem.objects.alive().select_related("meeting"), pk=pk)
    require(permissions.is_member(request.user, item.meeting))
    form = NoteForm(request.POST)
    if form.is_valid():
        note_save(
            item=item,
            author=permissions.person_of(request.user),
            by=request.user,
            **form.cleaned_data,
        )
    else:
        messages.error(request, _("Noten er ikke gemt: skriv en tekst."))
    return redirect(reverse("staff:member_meeting", args=[item.meeting_id]) + f"#punkt-{item.pk}")


@member_required
@require_POST
def note_remove(request, pk):
    note = get_object_or_404(Note.objects.alive().select_related("item"), pk=pk)
    note_delete(note=note, author=permissions.person_of(request.user), by=request.user)
    return redirect(
        reverse("staff:member_meeting", args=[note.item.meeting_id]) + f"#punkt-{note.item_id}"
    )


@member_required
@require_POST
def minutes_sign(request, pk):
    meeting = get_object_or_404(meetings_public(), pk=pk)
    require(permissions.can_sign(request.user, meeting))
    try:
        approval_record(
            meeting=meeting, person=permissions.person_of(request.user), by=request.user
        )
    except ValidationError as error:
        report_errors(request, error)
    else:
        messages.success(request, _("Du har godkendt referatet."))
    return redirect("staff:member_meeting", pk=meeting.pk)


@member_required
@require_safe
def member_document_pdf(request, pk):
    """The members' variant of the agenda or minutes: closed items included, and every
    page says so."""
    meeting = get_object_or_404(meetings_public(), pk=pk)
    require(permissions.is_member(request.user, meeting))
    document = document_from_meeting(meeting, variant=MEMBERS)
    _audit_closed_read(request, meeting, meeting.items.alive(), "member_pdf")
    rendered = render_document(document, "pdf")
    response = HttpResponse(rendered.content, content_type=rendered.content_type)
    kind = "referat" if document.kind == "minutes" else "dagsorden"
    response["Content-Disposition"] = f'inline; filename="{kind}-fortrolig-{meeting.pk}.pdf"'
    return response


@login_required
@require_safe
def member_bilag(request, pk, name):
    """A bilag of one of my meetings, closed ones included (members and the people
    preparing the body's meetings); reading a closed one is written to the audit log."""
    bilag = get_object_or_404(
        File.objects.alive().select_related("agenda_item__meeting__organization"), pk=pk
    )
    item = bilag.agenda_item
    if item is None or item.deleted or not bilag.file or not item.meeting.is_public:
        raise Http404
    require(permissions.can_read_closed(request.user, item.meeting))
    if not (bilag.public and item.public):
        audit_read(what="bilag", obj=bilag, by=request.user, summary=bilag.name, item=item.pk)
    try:
        stream = bilag.file.open("rb")
    except OSError:
        raise Http404(_("Bilagets fil findes ikke.")) from None
    response = FileResponse(
        stream,
        content_type=bilag.mime_type or "application/octet-stream",
        filename=bilag.file_name or f"bilag-{bilag.pk}.pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response
