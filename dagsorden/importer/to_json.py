"""ParsedMeeting -> the JSON contract of ../shared/eval/README.md."""

from __future__ import annotations

from datetime import datetime

from .parsed import ParsedHistoryEntry, ParsedItem, ParsedMeeting


def meeting_to_dict(meeting: ParsedMeeting) -> dict:
    return {
        "kind": meeting.kind,
        "municipality": meeting.municipality,
        "body": meeting.body,
        "start": _start(meeting.start),
        "location": meeting.location,
        "participants": [
            {"name": p.name, "party": p.party, "note": p.note} for p in meeting.participants
        ],
        "items": [item_to_dict(item) for item in meeting.items],
        "toc": [{"title": e.title, "page": e.page} for e in meeting.toc],
        "layout": meeting.layout,
        "warnings": list(meeting.warnings),
    }


def _start(start: datetime | None) -> str | None:
    if start is None:
        return None
    if start.hour == 0 and start.minute == 0:
        return start.date().isoformat()
    return start.strftime("%Y-%m-%dT%H:%M")


def item_to_dict(item: ParsedItem) -> dict:
    return {
        "number": item.number_value,
        "title": item.title,
        "public": item.public,
        "type": item.type,
        "case_number": item.case_number,
        "sections": [s.heading for s in item.sections],
        "recommendation_by": item.recommendation_by,
        "recommendation_clauses": len(item.recommendation_clauses),
        "decision": item.decision,
        "absent": list(item.absent),
        "attachments": list(item.attachments),
        "history": [history_to_dict(h) for h in item.history],
        "references": len(item.references),
    }


def history_to_dict(entry: ParsedHistoryEntry) -> dict:
    return {
        "date": entry.date.isoformat() if entry.date else None,
        "body": entry.body,
        "decision": entry.decision,
        "absent": list(entry.absent),
    }
