"""E-mail notices to members: the agenda is out; the minutes are approved.

Sent after the transaction commits, so nobody is told about something that was rolled
back. In development the console backend prints them. Every notice links to the
meeting with an absolute address (settings.SITE_URL), since an e-mail has no "current
site" to resolve a relative link against."""

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mass_mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dagsorden.core.audit import audit_record
from dagsorden.core.models import AuditEntry
from dagsorden.organisations.models import Person

from .models import Meeting

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class NoticeRecipients:
    """Who a notice about a meeting reaches, and which members it cannot reach."""

    notified: list[Person] = field(default_factory=list)
    without_email: list[Person] = field(default_factory=list)


def notice_recipients(meeting: Meeting) -> NoticeRecipients:
    """The body's members on the meeting day, split by whether they have an address."""
    day = timezone.localtime(meeting.start).date()
    people = sorted({m.person for m in meeting.organization.members_on(day)}, key=lambda p: p.name)
    return NoticeRecipients(
        notified=[p for p in people if p.email],
        without_email=[p for p in people if not p.email],
    )


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def meeting_links(meeting: Meeting) -> dict[str, str]:
    return {
        "member_url": absolute_url(reverse("staff:member_meeting", args=[meeting.pk])),
        "public_url": absolute_url(reverse("portal:meeting_detail", args=[meeting.pk])),
    }


def _send(meeting: Meeting, subject: str, body: str) -> None:
    recipients = sorted({p.email for p in notice_recipients(meeting).notified})
    if not recipients:
        return
    sender = getattr(settings, "DEFAULT_FROM_EMAIL", "dagsorden@localhost")
    messages = [(subject, body, sender, [address]) for address in recipients]
    try:
        send_mass_mail(messages, fail_silently=False)
    except OSError as error:
        # A mail server that is down must not undo a publication that already happened,
        # but it must not pass for a notice sent either: the change log records it, and
        # the page that published reads it back (notice_failed_since).
        logger.exception("Could not send notice for meeting %s", meeting.pk)
        audit_record(action="notice_failed", obj=meeting, summary=subject, error=str(error)[:200])


def notice_failed_since(meeting: Meeting, moment: dt.datetime) -> bool:
    """Whether a notice about the meeting failed to go out at or after `moment`."""
    return AuditEntry.objects.filter(
        action="notice_failed",
        object_type=meeting._meta.label_lower,
        object_id=str(meeting.pk),
        at__gte=moment,
    ).exists()


def notify_agenda_published(meeting: Meeting) -> None:
    subject = _("Dagsorden: %(meeting)s") % {"meeting": meeting}
    body = _(
        "Dagsordenen til %(meeting)s er udsendt.\n\n"
        "Læs dagsordenen med lukkede punkter og dine noter: %(member_url)s\n"
        "Den offentlige side: %(public_url)s"
    ) % {"meeting": meeting, **meeting_links(meeting)}
    _send(meeting, subject, body)


def notify_minutes_approved(meeting: Meeting) -> None:
    subject = _("Referat godkendt: %(meeting)s") % {"meeting": meeting}
    body = _(
        "Referatet fra %(meeting)s er godkendt og offentliggjort.\n\nSe referatet: %(public_url)s"
    ) % {"meeting": meeting, **meeting_links(meeting)}
    _send(meeting, subject, body)
