"""Which items changed since a member last marked the agenda as read.

An item's mark is its edit version and its bilag: a corrected text bumps the version,
a tillægsdagsorden brings items that were not there, and a bilag added later changes
the list. Comparing marks (not timestamps) does not depend on clocks or on which row
an edit touched."""

from django.db import transaction
from django.utils import timezone

from dagsorden.meetings.models import AgendaItem, Meeting
from dagsorden.organisations.models import Person

from .models import AgendaReading


def item_mark(item: AgendaItem) -> str:
    files = ",".join(str(f.pk) for f in item.files.all() if not f.deleted)
    return f"v{item.version}:{files}"


def reading_of(*, person: Person, meeting: Meeting) -> AgendaReading | None:
    return AgendaReading.objects.filter(person=person, meeting=meeting).first()


def items_changed_since(reading: AgendaReading | None, items: list[AgendaItem]) -> dict[int, str]:
    """Item id → "new" (added after the reading) or "changed" (corrected since)."""
    if reading is None:
        return {}
    changes = {}
    for item in items:
        before = reading.item_marks.get(str(item.pk))
        if before is None:
            changes[item.pk] = "new"
        elif before != item_mark(item):
            changes[item.pk] = "changed"
    return changes


@transaction.atomic
def agenda_mark_read(*, person: Person, meeting: Meeting, items: list[AgendaItem]) -> AgendaReading:
    """Remember every item as the member has now seen it."""
    reading, _created = AgendaReading.objects.update_or_create(
        person=person,
        meeting=meeting,
        defaults={
            "read_at": timezone.now(),
            "item_marks": {str(item.pk): item_mark(item) for item in items},
        },
    )
    return reading
