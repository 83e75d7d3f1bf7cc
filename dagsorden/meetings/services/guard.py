"""The one gate every change to a meeting's content passes.

Staff pages, the Django admin and the importer all call these two functions around a
change to an item, its sections, recommendation or bilag, a decision, remark, vote,
attendance or approval:

- `content_change_allowed` before: the meeting is locked for the transaction and the
  change is refused with a Danish reason when its minutes are approved (they are the
  legal record) or the meeting is cancelled;
- `published_item_changed` after a change to what an item says: once the agenda is
  out, the public reads the item at once, so the CPR check runs again (a hit refuses
  the whole change) and the item's approval ("godkendt") is re-opened until the
  secretary approves it again.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from dagsorden.cases.models import File
from dagsorden.core.audit import audit_record

from ..checks import cpr_problems
from ..models import (
    AgendaItem,
    Attendance,
    Decision,
    DecisionRemark,
    ItemAttendance,
    Meeting,
    Section,
    Vote,
)
from ._common import ensure_editable, meeting_for_update

# Once the agenda is out, an item's text is public as soon as it is saved.
PUBLISHED_STATES = (Meeting.State.AGENDA_PUBLISHED, Meeting.State.HELD)


def content_change_allowed(*, meeting_ids: Iterable[int | None]) -> list[Meeting]:
    """Lock each meeting the change touches and refuse if any of them is closed for
    changes. Call inside the change's transaction; returns the fresh meetings."""
    meetings = []
    for meeting_id in sorted({pk for pk in meeting_ids if pk is not None}):
        meeting = meeting_for_update(meeting_id)
        ensure_editable(meeting)
        meetings.append(meeting)
    return meetings


def content_change_refusal(*, meetings: Iterable[Meeting | None]) -> str | None:
    """The reason a change to these meetings would be refused, without locking: for
    forms that show the reason next to what the user typed (the admin)."""
    for meeting in meetings:
        if meeting is None:
            continue
        try:
            ensure_editable(meeting)
        except ValidationError as error:
            return " ".join(error.messages)
    return None


def minutes_record(meeting: Meeting) -> tuple:
    """Everything the minutes say, as plain values: two equal records are the same
    minutes (for writers that rewrite rows with the same content, like the importer)."""
    items = AgendaItem.objects.filter(meeting=meeting, deleted=False)

    def rows(queryset, *fields):
        return sorted(tuple(str(value) for value in row) for row in queryset.values_list(*fields))

    return (
        rows(items, "number", "title", "public", "public_title", "item_type"),
        rows(
            Section.objects.filter(item__in=items, deleted=False), "item__number", "heading", "body"
        ),
        rows(Decision.objects.filter(item__in=items), "item__number", "outcome", "text"),
        rows(DecisionRemark.objects.filter(decision__item__in=items), "kind", "text"),
        rows(Vote.objects.filter(item__in=items), "item__number", "person", "choice"),
        rows(Attendance.objects.filter(meeting=meeting), "person", "status", "substitute_for"),
        rows(ItemAttendance.objects.filter(item__in=items), "item__number", "person", "kind"),
        rows(File.objects.filter(agenda_item__in=items, deleted=False), "name", "sha512", "public"),
    )


def published_item_changed(*, item: AgendaItem, by=None, what: str = "") -> None:
    """After a change to what the item says: on a published agenda, refuse a CPR number
    the public would read, and send the item back to "kladde" for approval again."""
    item = AgendaItem.objects.select_related("meeting").get(pk=item.pk)
    if item.meeting.state not in PUBLISHED_STATES:
        return
    problems = cpr_problems(item)
    if problems:
        raise ValidationError(
            [
                _(
                    "Ændringen er ikke gemt: dagsordenen er udsendt, og offentligheden ville "
                    "se et CPR-nummer."
                ),
                *(str(problem) for problem in problems),
            ],
            code="cpr",
        )
    if item.is_standard or item.draft_state == AgendaItem.DraftState.DRAFT:
        return
    item.draft_state = AgendaItem.DraftState.DRAFT
    item.draft_state_by = by if getattr(by, "is_authenticated", False) else None
    item.draft_state_at = timezone.now()
    item.save(update_fields=["draft_state", "draft_state_by", "draft_state_at", "modified"])
    audit_record(action="item_approval_reopened", obj=item, by=by, summary=what)
