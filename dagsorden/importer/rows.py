"""Writing an import's rows: bulk inserts with their history rows, a re-read item's
content changed only where it differs, and a case's route kept in date order."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from dagsorden.cases.models import Case, Consultation, File
from dagsorden.meetings.models import (
    AgendaItem,
    Decision,
    ItemAttendance,
    Recommendation,
    Section,
)
from dagsorden.organisations.models import Organization

from .exported import bilag_changed
from .history import insert_history


def consultation_put(
    route: list[Consultation], case: Case, body: Organization, day: dt.date | None, fields
) -> Consultation:
    """The body's treatment of the case on that day: updated, or new (inserted later)."""
    found = next(
        (c for c in route if c.organization_id == body.pk and c.recorded_date == day), None
    )
    if found is None:
        order = max((c.order for c in route), default=0) + 1
        found = Consultation(case=case, organization=body, order=order, recorded_date=day)
        route.append(found)
    elif all(getattr(found, name) == value for name, value in fields.items()):
        return found
    for name, value in fields.items():
        setattr(found, name, value)
    if found.pk is not None:
        found.save()
    return found


def route_resequence(route: list[Consultation]) -> None:
    """Keep the route in date order (documents may be imported in any order)."""
    wanted = sorted(route, key=lambda c: (c.recorded_date or dt.date.max, c.order))
    if all(c.order == n for n, c in enumerate(wanted, start=1)):
        return
    offset = max(c.order for c in route) + 1
    for consultation in route:  # two steps: (case, order) is unique
        Consultation.objects.filter(pk=consultation.pk).update(order=consultation.order + offset)
    for order, consultation in enumerate(wanted, start=1):
        Consultation.objects.filter(pk=consultation.pk).update(order=order)
        consultation.order = order


def bulk_insert(model, objects: list) -> None:
    """Insert with history rows. Bulk inserts send no signals: the search index is
    brought up to date by the audit row that ends the document's import.

    The history rows are written by `insert_history` (one executemany per model)
    where the backend returns the new keys from a bulk insert; the caller's atomic
    block keeps each row and its history together."""
    if not objects:
        return
    if not connection.features.can_return_rows_from_bulk_insert:
        bulk_create_with_history(objects, model)  # it re-reads the keys it needs
        return
    model._default_manager.bulk_create(objects)
    insert_history(model, objects)


ITEM_FIELDS = ["order", "title", "public", "public_title", "item_type", "consultation",
                "draft_state"]  # fmt: skip


def item_content_update(item: AgendaItem, rows: dict) -> None:
    """Bring a re-read item's content up to date, changing only what differs.

    Rows are updated in place where possible: deleting them would make every watcher
    (history, search) work once per row, and the document's audit row re-indexes anyway.
    """
    _replace_by_order(item.sections.order_by("order"), rows[Section], Section,
                      ["order", "heading", "body"])  # fmt: skip
    _replace_one(Recommendation, item, rows[Recommendation], ["by", "clauses"])
    _replace_one(Decision, item, rows[Decision], ["outcome", "text"])
    absent = {a.person_id for a in ItemAttendance.objects.filter(item=item, kind="absent")}
    bulk_insert(ItemAttendance, [a for a in rows[ItemAttendance] if a.person_id not in absent])
    # Bilag the importer wrote (titles, and files from exports: the same names) are
    # replaced when they changed; other bilag a secretary attached by hand stay.
    fresh_names = {f.name for f in rows[File]}
    imported = [f for f in item.files.order_by("order") if not f.file or f.name in fresh_names]
    if bilag_changed(imported, rows[File]):
        item.files.filter(pk__in=[f.pk for f in imported]).delete()
        bulk_insert(File, rows[File])


def _replace_by_order(existing, new: list, model, fields: list[str]) -> None:
    existing = list(existing)
    for old, fresh in zip(existing, new, strict=False):
        _copy_fields(fresh, old, fields)
    if existing[: len(new)]:
        bulk_update_with_history(existing[: len(new)], model, fields)
    bulk_insert(model, new[len(existing) :])
    surplus = [old.pk for old in existing[len(new) :]]
    if surplus:
        model.objects.filter(pk__in=surplus).delete()


def _replace_one(model, item: AgendaItem, new: list, fields: list[str]) -> None:
    old = model.objects.filter(item=item).first()
    if old is None:
        bulk_insert(model, new)
    elif not new:
        old.delete()
    elif any(getattr(old, f) != getattr(new[0], f) for f in fields):
        _copy_fields(new[0], old, fields)
        bulk_update_with_history([old], model, fields)


def _copy_fields(source, target, fields: list[str]) -> None:
    for name in fields:
        setattr(target, name, getattr(source, name))
