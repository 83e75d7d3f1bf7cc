"""Member pages: my meetings, the agenda with closed items of my own bodies, my notes,
and signing the minutes (underskriftsark)."""

from csp.decorators import csp_replace
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST, require_safe

from dagsorden.cases.models import File
from dagsorden.core.audit import audit_read
from dagsorden.core.templatetags.dagsorden import long_date
from dagsorden.documents.from_db import document_from_meeting
from dagsorden.documents.model import MEMBERS
from dagsorden.documents.render import render as render_document
from dagsorden.meetings.models import AgendaItem, Meeting, Note
from dagsorden.meetings.selectors import (
    item_history,
    meeting_absences,
    meeting_items,
    meeting_participants,
    meetings_of_member,
    meetings_public,
)
from dagsorden.meetings.services import (
    approval_record,
    note_delete,
    note_save,
)

from .. import permissions
from ..forms import NoteForm
from ..reading import agenda_mark_read, items_changed_since, reading_of
from ._helpers import member_required, report_errors, require


@member_required
def my_meetings(request):
    person = permissions.person_of(request.user)
    meetings = meetings_of_member(person)[:50]
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


def _not_a_member_reason(meeting: Meeting) -> str:
    return _(
        "Du sad ikke i %(body)s på mødets dag (%(date)s) og var ikke indkaldt som "
        "stedfortræder, så du kan ikke se mødets lukkede punkter. Den offentlige "
        "dagsorden kan alle læse."
    ) % {"body": meeting.organization.name, "date": long_date(meeting.start)}


def _member_meeting_get(request, pk) -> Meeting:
    """The meeting, if the user sits on its body that day or was called in to it."""
    meeting = get_object_or_404(meetings_public(), pk=pk)
    require(permissions.is_member(request.user, meeting), _not_a_member_reason(meeting))
    return meeting


@member_required
@require_safe
def member_meeting(request, pk):
    meeting = _member_meeting_get(request, pk)
    person = permissions.person_of(request.user)
    items = list(meeting_items(meeting))
    reader = _reader_check(request.user, meeting)
    reading = reading_of(person=person, meeting=meeting)
    changes = items_changed_since(reading, items)
    for item in items:
        item.history_entries = item_history(item, may_read_closed=reader)
        item.visible_notes = _visible_notes(item, person)
        # A heading over an empty text says nothing: closed items often have some.
        item.filled_sections = [s for s in item.sections.all() if s.body.strip()]
        item.change = changes.get(item.pk, "")
    _audit_closed_read(request, meeting, items, "member_meeting")
    return render(
        request,
        "staff/member_meeting.html",
        {
            "meeting": meeting,
            "items": items,
            "person": person,
            "note_form": NoteForm(),
            "reading": reading,
            "changed_count": len(changes),
            "absences": meeting_absences(meeting) if meeting.state != Meeting.State.PLANNED else [],
            "participants": meeting_participants(meeting),
            "show_decisions": meeting.has_minutes,
            "can_sign": meeting.state == Meeting.State.HELD
            and permissions.can_sign(request.user, meeting),
            "signed": meeting.approvals.filter(person=person).first(),
        },
    )


@member_required
@require_POST
def agenda_read(request, pk):
    meeting = _member_meeting_get(request, pk)
    agenda_mark_read(
        person=permissions.person_of(request.user),
        meeting=meeting,
        items=list(meeting_items(meeting)),
    )
    messages.success(
        request, _("Dagsordenen er markeret som læst. Ændringer herefter bliver markeret.")
    )
    return redirect("staff:member_meeting", pk=meeting.pk)


@member_required
@require_POST
def note_add(request, pk):
    item = get_object_or_404(AgendaItem.objects.alive().select_related("meeting"), pk=pk)
    _member_meeting_get(request, item.meeting_id)
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
    require(
        permissions.can_sign(request.user, meeting),
        _("Kun mødets deltagere kan godkende referatet."),
    )
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
    return _members_pdf(request, _member_meeting_get(request, pk), with_bilag=False)


@member_required
@require_safe
def member_combined_pdf(request, pk):
    """Everything in one PDF for reading offline: the members' document and every bilag,
    closed ones included, each bookmarked under its item."""
    return _members_pdf(request, _member_meeting_get(request, pk), with_bilag=True)


def _members_pdf(request, meeting: Meeting, *, with_bilag: bool) -> HttpResponse:
    document = document_from_meeting(meeting, variant=MEMBERS)
    _audit_closed_read(request, meeting, meeting.items.alive(), "member_pdf")
    rendered = render_document(document, "pdf", with_bilag=with_bilag)
    response = HttpResponse(rendered.content, content_type=rendered.content_type)
    kind = "referat" if document.kind == "minutes" else "dagsorden"
    suffix = "-med-bilag" if with_bilag else ""
    disposition = "attachment" if with_bilag else "inline"
    response["Content-Disposition"] = (
        f'{disposition}; filename="{kind}-fortrolig-{meeting.pk}{suffix}.pdf"'
    )
    return response


@login_required
@require_safe
@xframe_options_sameorigin  # shown in the member page's own PDF viewer (both headers)
@csp_replace({"frame-ancestors": ["'self'"]})
def member_bilag(request, pk, name=""):
    """A bilag of one of my meetings, closed ones included (members and the people
    preparing the body's meetings): inline for the viewer, a download with ?hent=1.
    Reading a closed one is written to the audit log."""
    bilag = get_object_or_404(
        File.objects.alive().select_related("agenda_item__meeting__organization"), pk=pk
    )
    item = bilag.agenda_item
    if item is None or item.deleted or not item.meeting.is_public:
        raise Http404
    require(
        permissions.can_read_closed(request.user, item.meeting), _not_a_member_reason(item.meeting)
    )
    if not bilag.file:
        raise Http404(_("Bilaget har ingen fil; kun titlen er kendt."))
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
        as_attachment=request.GET.get("hent") == "1",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
