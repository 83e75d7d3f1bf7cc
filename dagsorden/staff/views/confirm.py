"""Confirmation pages for the steps that cannot be undone: sending the agenda, closing
the meeting, postponing an item, closing the approval of the minutes and signing them.

Each page says what will happen and warns about what the user would regret (members
nobody can notify, items without a decision, members who have not signed); its button
posts to the action's own view, which still checks every rule itself."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from dagsorden.meetings.checks import agenda_publication_problems
from dagsorden.meetings.models import AgendaItem, Meeting
from dagsorden.meetings.notices import notice_recipients
from dagsorden.meetings.selectors import (
    meeting_next_of_body,
    meeting_undecided_items,
    meeting_unsigned_participants,
    meetings_public,
)
from dagsorden.meetings.services import agenda_deadline

from .. import permissions
from ..forms import CloseMeetingForm, PublishForm
from ._helpers import member_required, names, require, staff_required


def _page(request, **context):
    """Render the shared confirmation page; `blocked` hides the button and says why."""
    context.setdefault("warnings", [])
    context.setdefault("listing", [])
    context.setdefault("blocked", [])
    return render(request, "staff/confirm.html", context)


def _secretary_meeting(request, pk) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.alive().select_related("organization"), pk=pk)
    require(permissions.can_run_meeting(request.user, meeting))
    return meeting


@staff_required
def agenda_publish_confirm(request, pk):
    return publish_confirmation(request, _secretary_meeting(request, pk))


def publish_confirmation(request, meeting: Meeting, form=None, refused=()):
    """The page before sending; after a refused send it shows again with the reasons and
    with what the user typed (the late reason), so nothing is lost."""
    recipients = notice_recipients(meeting)
    consequences = [
        _("Dagsordenen bliver offentlig på portalen, og punkternes numre ligger fast."),
        _("Punkterne kan derefter ikke længere flyttes."),
    ]
    warnings = []
    if recipients.notified:
        consequences.append(
            _("Besked pr. e-mail med link til mødet sendes til %(names)s.")
            % {"names": names(recipients.notified)}
        )
        if recipients.without_email:
            warnings.append(
                _("Uden e-mailadresse, får ikke besked: %(names)s.")
                % {"names": names(recipients.without_email)}
            )
    else:
        warnings.append(_("Ingen af udvalgets medlemmer har en e-mailadresse: ingen får besked."))
    deadline = agenda_deadline(meeting)
    if timezone.now() > deadline:
        warnings.append(_("Fristen for udsendelse er overskredet: angiv en begrundelse."))
    problems = [str(problem) for problem in agenda_publication_problems(meeting)]
    blocked = [problem for problem in problems if problem not in refused]
    if meeting.state != Meeting.State.PLANNED:
        blocked.append(_("Dagsordenen er allerede udsendt."))
    return _page(
        request,
        meeting=meeting,
        title=_("Udsend dagsordenen til %(meeting)s?") % {"meeting": meeting},
        consequences=consequences,
        warnings=warnings,
        blocked=blocked,
        refused=list(refused),
        form=form or PublishForm(),
        action=reverse("staff:agenda_publish", args=[meeting.pk]),
        button=_("Ja, udsend dagsordenen"),
        cancel=reverse("staff:agenda_builder", args=[meeting.pk]),
        draft_links=True,
    )


@staff_required
def meeting_close_confirm(request, pk):
    meeting = _secretary_meeting(request, pk)
    undecided = meeting_undecided_items(meeting)
    warnings = []
    if undecided:
        warnings.append(
            ngettext(
                "%(count)s punkt har ingen beslutning og står uden beslutning i referatet:",
                "%(count)s punkter har ingen beslutning og står uden beslutning i referatet:",
                len(undecided),
            )
            % {"count": len(undecided)}
        )
    blocked = []
    if meeting.state != Meeting.State.AGENDA_PUBLISHED:
        blocked.append(
            _("Mødet kan ikke afsluttes, når det har status »%(state)s«.")
            % {"state": meeting.get_state_display()}
        )
    return _page(
        request,
        meeting=meeting,
        title=_("Afslut mødet %(meeting)s?") % {"meeting": meeting},
        consequences=[
            _("Medlemmer uden registreret afbud eller fravær registreres som til stede."),
            _("Referatet dannes og sendes til godkendelse på underskriftsarket."),
        ],
        warnings=warnings,
        listing=[f"{item.number}. {item.title}" for item in undecided],
        blocked=blocked,
        form=_close_form(meeting),
        action=reverse("staff:meeting_close", args=[meeting.pk]),
        button=_("Afslut mødet alligevel") if undecided else _("Ja, afslut mødet"),
        cancel=reverse("staff:meeting_live", args=[meeting.pk]),
    )


def _close_form(meeting: Meeting) -> CloseMeetingForm:
    """The meeting's real times: the end is required when it is recorded after its day."""
    form = CloseMeetingForm(initial={"start_time": timezone.localtime(meeting.start).time()})
    if meeting.is_after_its_day():
        form.fields["end_time"].required = True
    else:
        form.fields["end_time"].help_text = _("Tomt: mødet slutter nu.")
    return form


@staff_required
def item_postpone_confirm(request, pk):
    item = get_object_or_404(AgendaItem.objects.alive().select_related("meeting"), pk=pk)
    meeting = _secretary_meeting(request, item.meeting_id)
    target = meeting_next_of_body(meeting)
    blocked = []
    if target is None:
        blocked.append(
            _("%(body)s har intet senere møde at udsætte punktet til. Planlæg mødet først.")
            % {"body": meeting.organization}
        )
    consequences = [
        _("Punktet får beslutningen »Udsat« på dette møde."),
    ]
    if target is not None:
        consequences.append(
            _("Punktet flyttes med tekst og bilag til mødet %(meeting)s.") % {"meeting": target}
        )
    return _page(
        request,
        meeting=meeting,
        title=_("Udsæt punkt %(number)s: %(title)s?")
        % {"number": item.number, "title": item.title},
        consequences=consequences,
        blocked=blocked,
        reason_field=True,
        action=reverse("staff:item_postpone", args=[item.pk]),
        button=_("Ja, udsæt punktet"),
        cancel=reverse("staff:meeting_live", args=[meeting.pk]) + f"#punkt-{item.pk}",
    )


@staff_required
def minutes_approve_confirm(request, pk):
    meeting = _secretary_meeting(request, pk)
    unsigned = meeting_unsigned_participants(meeting)
    warnings = []
    if unsigned:
        warnings.append(
            _("Har ikke underskrevet, noteres som ikke underskrevet: %(names)s.")
            % {"names": names(unsigned)}
        )
    blocked = []
    if meeting.state != Meeting.State.HELD:
        blocked.append(
            _("Referatet kan ikke godkendes, når mødet har status »%(state)s«.")
            % {"state": meeting.get_state_display()}
        )
    return _page(
        request,
        meeting=meeting,
        title=_("Luk godkendelsen af referatet fra %(meeting)s?") % {"meeting": meeting},
        consequences=[
            _(
                "Referatet offentliggøres og kan derefter ikke ændres; kun en synlig rettelse "
                "kan tilføjes."
            ),
            _("Afgjorte sager sendes videre til næste udvalg på deres vej."),
            _("Udvalgets medlemmer får besked pr. e-mail."),
        ],
        warnings=warnings,
        blocked=blocked,
        action=reverse("staff:minutes_approve", args=[meeting.pk]),
        button=_("Ja, godkend og offentliggør referatet"),
        cancel=reverse("staff:minutes", args=[meeting.pk]),
    )


@member_required
def minutes_sign_confirm(request, pk):
    meeting = get_object_or_404(meetings_public(), pk=pk)
    require(permissions.can_sign(request.user, meeting))
    blocked = []
    if meeting.state != Meeting.State.HELD:
        blocked.append(_("Referatet er ikke til godkendelse."))
    return _page(
        request,
        meeting=meeting,
        title=_("Godkend referatet fra %(meeting)s?") % {"meeting": meeting},
        consequences=[
            _(
                "Din godkendelse noteres med tidspunkt på underskriftsarket og kan ikke "
                "trækkes tilbage."
            ),
            _("Når alle deltagere har godkendt, offentliggøres referatet."),
        ],
        blocked=blocked,
        action=reverse("staff:minutes_sign", args=[meeting.pk]),
        button=_("Ja, jeg godkender referatet"),
        cancel=reverse("staff:member_meeting", args=[meeting.pk]),
    )
