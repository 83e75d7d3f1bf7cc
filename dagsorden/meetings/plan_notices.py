"""E-mail to the members when their meeting is moved or cancelled.

Kept apart from the publication notices: these go out for meetings whose agenda may not
exist yet, and they say what changed. Sent after the transaction commits."""

import logging

from django.conf import settings
from django.core.mail import send_mass_mail
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Meeting

logger = logging.getLogger(__name__)


def _addresses(meeting: Meeting) -> list[str]:
    day = timezone.localtime(meeting.start).date()
    return sorted({m.person.email for m in meeting.organization.members_on(day) if m.person.email})


def _send(meeting: Meeting, subject: str, body: str) -> int:
    recipients = _addresses(meeting)
    sender = getattr(settings, "DEFAULT_FROM_EMAIL", "dagsorden@localhost")
    try:
        send_mass_mail([(subject, body, sender, [address]) for address in recipients])
    except OSError:
        # A mail server that is down must not undo a change that already happened.
        logger.exception("Could not send plan notice for meeting %s", meeting.pk)
        return 0
    return len(recipients)


def _when(start) -> str:
    return timezone.localtime(start).strftime("%d.%m.%Y kl. %H:%M")


def notify_meeting_moved(meeting: Meeting, *, earlier, reason: str = "") -> int:
    subject = _("Mødet er flyttet: %(body)s") % {"body": meeting.organization}
    body = _("Mødet i %(body)s den %(old)s er flyttet til %(new)s.") % {
        "body": meeting.organization,
        "old": _when(earlier),
        "new": _when(meeting.start),
    }
    if reason:
        body += "\n\n" + _("Begrundelse: %(reason)s") % {"reason": reason}
    return _send(meeting, subject, body)


def notify_meeting_cancelled(meeting: Meeting, *, moved_to=None) -> int:
    subject = _("Mødet er aflyst: %(body)s") % {"body": meeting.organization}
    body = _("Mødet i %(body)s den %(when)s er aflyst.") % {
        "body": meeting.organization,
        "when": _when(meeting.start),
    }
    body += "\n\n" + _("Begrundelse: %(reason)s") % {"reason": meeting.cancel_reason}
    if moved_to is not None:
        body += "\n\n" + _("Sagerne er flyttet til mødet den %(when)s.") % {
            "when": _when(moved_to.start)
        }
    return _send(meeting, subject, body)
