"""The public data set as CSV tables: meetings, items, decisions, votes and attendance.

Every table reads through the portal's selectors, so the rules are the portal's and the
API's: only meetings whose agenda is out, closed items by their neutral title alone, and
decisions, votes and attendance only once the minutes are approved."""

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from dagsorden.meetings.selectors import meetings_public
from dagsorden.portal import selectors

Row = list[object]
CHUNK = 2000  # rows per query: memory stays flat for a 100,000-item archive


@dataclass(frozen=True)
class Table:
    name: str
    header: list[str]
    rows: Callable[[], Iterable[Row]]


def _when(value) -> str:
    return timezone.localtime(value).isoformat() if value else ""


def _web(name: str, pk: int) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, args=[pk])


def _party(party) -> str:
    return party.letter if party else ""


def meeting_rows() -> Iterator[Row]:
    meetings = (
        meetings_public()
        .select_related("organization__municipality")
        .order_by("start", "id")
        .iterator(chunk_size=CHUNK)
    )
    for m in meetings:
        yield [
            m.pk,
            m.organization.municipality.code,
            m.organization_id,
            m.organization.name,
            _when(m.start),
            _when(m.end),
            str(m.location) if m.location else "",
            m.state,
            _when(m.agenda_published_at),
            _when(m.minutes_published_at) if m.has_minutes else "",
            _when(m.cancelled_at),
            _when(m.modified),
            _web("portal:meeting_detail", m.pk),
        ]


def item_rows() -> Iterator[Row]:
    items = (
        selectors.items_visible()
        .select_related("consultation__case")
        .order_by("meeting__start", "meeting_id", "order", "number", "id")
        .iterator(chunk_size=CHUNK)
    )
    for item in items:
        # A closed item is a number and a neutral title, nothing else.
        case = item.case if item.public else None
        yield [
            item.pk,
            item.meeting_id,
            item.number or "",
            item.order,
            "true" if item.public else "false",
            item.title_for(can_see_closed=False),
            item.item_type if item.public else "",
            item.placement if item.public else "",
            case.pk if case else "",
            case.journal_number if case else "",
            _when(item.modified),
            _web("portal:item_detail", item.pk),
        ]


def decision_rows() -> Iterator[Row]:
    decisions = (
        selectors.decisions_public()
        .select_related("item")
        .prefetch_related("remarks")
        .order_by("item__meeting__start", "item__meeting_id", "item__order", "item_id")
        .iterator(chunk_size=CHUNK)
    )
    for decision in decisions:
        remarks = " | ".join(
            f"{remark.get_kind_display()}: {remark.text}"
            for remark in decision.remarks.all()
            if not remark.deleted
        )
        yield [
            decision.item_id,
            decision.item.meeting_id,
            decision.outcome,
            decision.get_outcome_display(),
            decision.text,
            remarks,
        ]


def vote_rows() -> Iterator[Row]:
    votes = (
        selectors.votes_public()
        .select_related("item", "person", "party")
        .order_by("item__meeting__start", "item__meeting_id", "item__order", "item_id", "id")
        .iterator(chunk_size=CHUNK)
    )
    for vote in votes:
        yield [
            vote.item_id,
            vote.item.meeting_id,
            vote.person_id,
            vote.person.name,
            _party(vote.party),
            vote.choice,
        ]


def attendance_rows() -> Iterator[Row]:
    rows = (
        selectors.attendances_public()
        .select_related("person__party")
        .order_by("meeting__start", "meeting_id", "id")
        .iterator(chunk_size=CHUNK)
    )
    for row in rows:
        yield [
            row.meeting_id,
            "",
            row.person_id,
            row.person.name,
            _party(row.person.party),
            row.status,
            row.reason,
            row.substitute_for_id or "",
        ]
    exceptions = (
        selectors.item_exceptions_public()
        .select_related("item", "person__party")
        .order_by("item__meeting__start", "item__meeting_id", "item__order", "id")
        .iterator(chunk_size=CHUNK)
    )
    for row in exceptions:
        yield [
            row.item.meeting_id,
            row.item_id,
            row.person_id,
            row.person.name,
            _party(row.person.party),
            row.kind,
            row.note,
            "",
        ]


TABLES = [
    Table(
        "meetings",
        [
            "id",
            "kommunekode",
            "organization_id",
            "organization",
            "start",
            "end",
            "location",
            "state",
            "agenda_published_at",
            "minutes_published_at",
            "cancelled_at",
            "modified",
            "web",
        ],
        meeting_rows,
    ),
    Table(
        "items",
        [
            "id",
            "meeting_id",
            "number",
            "order",
            "public",
            "title",
            "item_type",
            "placement",
            "case_id",
            "journal_number",
            "modified",
            "web",
        ],
        item_rows,
    ),
    Table(
        "decisions",
        ["item_id", "meeting_id", "outcome", "outcome_label", "text", "remarks"],
        decision_rows,
    ),
    Table(
        "votes",
        ["item_id", "meeting_id", "person_id", "person", "party", "choice"],
        vote_rows,
    ),
    Table(
        "attendance",
        [
            "meeting_id",
            "item_id",
            "person_id",
            "person",
            "party",
            "status",
            "reason",
            "substitute_for_id",
        ],
        attendance_rows,
    ),
]


def write_csv(directory: Path) -> dict[str, int]:
    """One UTF-8 CSV file per table in `directory`/csv; returns the row count per table."""
    directory = directory / "csv"
    directory.mkdir(exist_ok=True)
    counts = {}
    for table in TABLES:
        with open(directory / f"{table.name}.csv", "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(table.header)
            count = 0
            for row in table.rows():
                writer.writerow(row)
                count += 1
        counts[table.name] = count
    return counts
