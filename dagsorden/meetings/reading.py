"""Which items changed since a member last marked the agenda as read.

An item's mark is its edit version and its bilag: a corrected text bumps the version,
a tillægsdagsorden brings items that were not there, and a bilag added later changes
the list. Comparing marks (not timestamps) does not depend on clocks or on which row
an edit touched."""

from dagsorden.organisations.models import Person

from .models import AgendaItem, AgendaReading, Meeting


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
