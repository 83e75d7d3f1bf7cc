"""Operations on meetings: building and publishing the agenda, the meeting itself
(attendance, decisions, votes, postponement) and the approval of the minutes.

Every function is keyword-only, atomic and writes an audit row. A broken rule raises
ValidationError with a message for the user, and nothing is written.
"""

from .agenda import (
    agenda_deadline,
    agenda_item_create,
    case_schedule,
    item_sections_replace,
    meeting_create,
    meeting_publish_agenda,
)
from .minutes import approval_record, meeting_approve_minutes
from .session import (
    attendance_record_absence,
    decision_add_remark,
    decision_record,
    item_postpone,
    meeting_close,
)

__all__ = [
    "agenda_deadline",
    "agenda_item_create",
    "approval_record",
    "attendance_record_absence",
    "case_schedule",
    "decision_add_remark",
    "decision_record",
    "item_postpone",
    "item_sections_replace",
    "meeting_approve_minutes",
    "meeting_close",
    "meeting_create",
    "meeting_publish_agenda",
]
