"""E-mail notices to members: the agenda is out; the minutes are approved.

Sent after the transaction commits, so nobody is told about something that was rolled
back. In development the console backend prints them."""

import logging

from django.conf import settings
from django.core.mail import send_mass_mail
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Meeting

logger = logging.getLogger(__name__)


def _member_addresses(meeting: Meeting) -> list[str]:
    day = timezone.localtime(meeting.start).date()
    memberships = meeting.organization.members_on(day)
    return sorted({m.person.email for m in memberships if m.person.email})


def _send(meeting: Meeting, subject: str, body: str) -> None:
    recipients = _member_addresses(meeting)
    if not recipients:
        return
    sender = getattr(settings, "DEFAULT_FROM_EMAIL", "dagsorden@localhost")
    messages = [(subject, body, sender, [address]) for address in recipients]
    try:
        send_mass_mail(messages, fail_silently=False)
    except OSError:
        # A mail server that is down must not undo a publication that already happened.
        logger.exception("Could not send notice for meeting %s", meeting.pk)


def notify_agenda_published(meeting: Meeting) -> None:
    subject = _("Dagsorden: %(meeting)s") % {"meeting": meeting}
    body = _("Dagsordenen til %(meeting)s er udsendt.") % {"meeting": meeting}
    _send(meeting, subject, body)


def notify_minutes_approved(meeting: Meeting) -> None:
    subject = _("Referat godkendt: %(meeting)s") % {"meeting": meeting}
    body = _("Referatet fra %(meeting)s er godkendt og offentliggjort.") % {"meeting": meeting}
    _send(meeting, subject, body)
