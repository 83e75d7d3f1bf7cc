"""Operations on meetings: building and publishing the agenda, the meeting itself
(attendance, decisions, votes, postponement) and the approval of the minutes.

Every function is keyword-only, atomic and writes an audit row. A broken rule raises
ValidationError with a message for the user, and nothing is written.
"""

from .agenda import (
    EditConflict,
    agenda_deadline,
    agenda_item_create,
    agenda_item_move,
    agenda_reorder,
    case_schedule,
    item_sections_replace,
    item_set_draft_state,
    item_update,
    meeting_create,
    meeting_publish_agenda,
)
from .minutes import approval_record, meeting_approve_minutes
from .notes import note_delete, note_save
from .session import (
    attendance_record_absence,
    attendance_record_present,
    decision_add_remark,
    decision_record,
    item_attendance_clear,
    item_attendance_record,
    item_postpone,
    meeting_close,
)

__all__ = [
    "EditConflict",
    "agenda_deadline",
    "agenda_item_create",
    "agenda_item_move",
    "agenda_reorder",
    "attendance_record_present",
    "item_attendance_clear",
    "item_attendance_record",
    "item_set_draft_state",
    "item_update",
    "note_delete",
    "note_save",
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
