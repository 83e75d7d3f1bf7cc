"""When a meeting may be run, and when it ended.

A meeting is run from its own day on: nothing can be decided before the day it is held.
A past meeting can be recorded "efter mødet", but then with its real times; the end of a
meeting is the time the secretary enters, or the moment it is closed on its own day,
never the moment someone happens to record it later.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import Meeting


def _day_text(day: dt.date) -> str:
    return date_format(day, "j. F Y")


def ensure_meeting_day_reached(meeting: Meeting, now: dt.datetime | None = None) -> None:
    """Refuse anything of the meeting itself (decisions, votes, closing) before its day."""
    today = timezone.localdate(now or timezone.now())
    if today < meeting.day:
        raise ValidationError(
            _(
                "Mødet holdes først den %(day)s. Beslutninger og afslutning kan registreres "
                "fra mødedagen."
            )
            % {"day": _day_text(meeting.day)},
            code="before_meeting_day",
        )


def actual_times(
    meeting: Meeting,
    *,
    start: dt.datetime | None,
    end: dt.datetime | None,
    now: dt.datetime | None = None,
) -> tuple[dt.datetime, dt.datetime]:
    """The meeting's real start and end for the minutes, checked."""
    now = now or timezone.now()
    ensure_meeting_day_reached(meeting, now)
    start = start or meeting.start
    if timezone.localdate(start) != meeting.day:
        raise ValidationError(
            _("Mødet begyndte den %(day)s; et møde på en anden dag skal flyttes i mødeplanen.")
            % {"day": _day_text(meeting.day)},
            code="start_other_day",
        )
    if end is None:
        if timezone.localdate(now) != meeting.day or now <= start:
            raise ValidationError(
                _("Angiv, hvornår mødet sluttede (mødet registreres efter mødet)."),
                code="end_missing",
            )
        end = now
    if end <= start:
        raise ValidationError(
            _("Mødet kan ikke slutte, før det begynder."), code="end_before_start"
        )
    if end > now:
        raise ValidationError(_("Sluttidspunktet ligger i fremtiden."), code="end_in_future")
    if end - start > dt.timedelta(hours=24):
        raise ValidationError(_("Et møde kan højst vare et døgn."), code="too_long")
    return start, end
