"""Agenda item numbers under a body's numbering rule.

Numbers run per meeting, through the calendar year or through the legislative term. An
item gets a number when it is created (the next one after the items of this and earlier
meetings); when the agenda is published the meeting's items are numbered again, in agenda
order, continuing from the earlier meetings. Published numbers then stay as printed.
"""

from django.db.models import Max, QuerySet
from django.utils import timezone

from dagsorden.organisations.models import Organization

from .models import AgendaItem, Meeting


def _items_in_scope(meeting: Meeting) -> QuerySet[AgendaItem]:
    rule = meeting.organization.item_numbering
    items = AgendaItem.objects.alive().filter(meeting__organization=meeting.organization_id)
    if rule == Organization.Numbering.PER_YEAR:
        return items.filter(meeting__start__year=timezone.localtime(meeting.start).year)
    if rule == Organization.Numbering.PER_TERM and meeting.term_id:
        return items.filter(meeting__term=meeting.term_id)
    return items.filter(meeting=meeting)


def _highest(items: QuerySet[AgendaItem]) -> int:
    return items.aggregate(highest=Max("number"))["highest"] or 0


def agenda_item_next_number(*, meeting: Meeting) -> int:
    """The next number for a new item on `meeting`. Callers lock the body first."""
    return _highest(_items_in_scope(meeting).filter(meeting__start__lte=meeting.start)) + 1


def agenda_first_number(*, meeting: Meeting) -> int:
    """The number the meeting's first item gets when its agenda is published."""
    earlier = _items_in_scope(meeting).filter(meeting__start__lt=meeting.start)
    return _highest(earlier.exclude(meeting=meeting)) + 1
