"""E-mail notices to members: the agenda is out; the minutes are approved.

Sent by a background job that starts after the transaction commits, so nobody is told
about something that was rolled back. In development the console backend prints them.
Every notice links to the meeting with an absolute address (settings.SITE_URL), since an
e-mail has no "current site" to resolve a relative link against."""

import datetime as dt
import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
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


def notice_deliver(
    meeting: Meeting,
    *,
    subject: str,
    body: str,
    already_sent: Collection[str] = (),
    sent: Callable[[str], None] = lambda address: None,
) -> None:
    """Send the notice to every member address not in `already_sent`, one message each,
    calling `sent(address)` after each one went out.

    Runs in a background job (meetings.tasks): a mail server that is down raises, the job
    is retried, and a retry (or a second delivery after a lost worker) skips the
    addresses already served, so nobody gets the notice twice."""
    recipients = sorted({p.email for p in notice_recipients(meeting).notified} - set(already_sent))
    if not recipients:
        return
    sender = getattr(settings, "DEFAULT_FROM_EMAIL", "dagsorden@localhost")
    connection = get_connection()
    for address in recipients:
        EmailMessage(subject, body, sender, [address], connection=connection).send()
        sent(address)


def notice_failed_record(meeting: Meeting, *, subject: str, error: str) -> None:
    """A notice could not be sent even after retries. Publication is not undone, but it
    must not pass for a notice sent either: the change log records it, and the page that
    published reads it back (notice_failed_since)."""
    audit_record(action="notice_failed", obj=meeting, summary=subject, error=error[:200])


def notice_failed_since(meeting: Meeting, moment: dt.datetime) -> bool:
    """Whether a notice about the meeting failed to go out at or after `moment`."""
    return AuditEntry.objects.filter(
        action="notice_failed",
        object_type=meeting._meta.label_lower,
        object_id=str(meeting.pk),
        at__gte=moment,
    ).exists()


def agenda_published_notice(meeting: Meeting) -> tuple[str, str]:
    """Subject and body of the notice that the agenda is out."""
    subject = _("Dagsorden: %(meeting)s") % {"meeting": meeting}
    body = _(
        "Dagsordenen til %(meeting)s er udsendt.\n\n"
        "Læs dagsordenen med lukkede punkter og dine noter: %(member_url)s\n"
        "Den offentlige side: %(public_url)s"
    ) % {"meeting": meeting, **meeting_links(meeting)}
    return subject, body


def minutes_approved_notice(meeting: Meeting) -> tuple[str, str]:
    subject = _("Referat godkendt: %(meeting)s") % {"meeting": meeting}
    body = _(
        "Referatet fra %(meeting)s er godkendt og offentliggjort.\n\nSe referatet: %(public_url)s"
    ) % {"meeting": meeting, **meeting_links(meeting)}
    return subject, body


NOTICES = {
    "agenda_published": agenda_published_notice,
    "minutes_approved": minutes_approved_notice,
}
