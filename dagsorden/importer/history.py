"""History rows for bulk inserts: one COPY (PostgreSQL) or executemany per model.

The rows are those django-simple-history's `bulk_history_create` writes ("+" rows,
no user, no change reason, one history date), but built as plain value tuples:
simple_history builds a historical model instance per row and Django compiles each
value through the insert compiler, which made history the most expensive part of an
import. Values still pass through each field's `get_db_prep_save`, so they are stored
exactly as the ORM would store them, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.db import connection
from django.utils import timezone
from simple_history.utils import get_history_manager_for_model

# Columns of a historical model that do not come from the tracked model.
_HISTORY_COLUMNS = {"history_date", "history_change_reason", "history_type", "history_user_id"}


@dataclass(frozen=True)
class _Plan:
    sql: str  # INSERT … VALUES (%s, …)
    copy_sql: str  # COPY … FROM STDIN, same columns
    fields: tuple  # (historical field, attname on the tracked object or None)


class UnsupportedHistory(Exception):
    """The historical model has columns this fast path does not know how to fill."""


def insert_history(model, objects: list) -> None:
    """Write a "+" history row for each saved object of `model`."""
    if not objects:
        return
    plan = _plan(model)
    extra = {  # the same for every row: prepared once
        "history_date": timezone.now(),
        "history_change_reason": None,  # as bulk_create_with_history leaves it
        "history_type": "+",
        "history_user_id": None,
    }
    fixed = {
        field.attname: field.get_db_prep_save(extra[field.attname], connection)
        for field, source in plan.fields
        if source is None
    }
    rows = [
        [
            field.get_db_prep_save(getattr(obj, source), connection)
            if source
            else fixed[field.attname]
            for field, source in plan.fields
        ]
        for obj in objects
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _copy(cursor.cursor, plan, rows)
        else:
            cursor.executemany(plan.sql, rows)  # SQLite: a loop in C, no round trips


def _copy(cursor, plan: _Plan, rows: list) -> None:
    """PostgreSQL: COPY sends all rows in one stream; an INSERT per row (even pipelined)
    or one long multi-row INSERT cost several times more in round trips or parsing."""
    with cursor.copy(plan.copy_sql) as copy:
        for row in rows:
            copy.write_row(row)


@functools.cache
def _plan(model) -> _Plan:
    history = get_history_manager_for_model(model).model
    tracked = {field.attname for field in history.tracked_fields}
    fields = []
    for field in history._meta.concrete_fields:
        if field.primary_key:
            continue  # history_id: the database numbers the rows
        if field.attname in tracked:
            fields.append((field, field.attname))
        elif field.attname in _HISTORY_COLUMNS:
            fields.append((field, None))
        else:
            raise UnsupportedHistory(f"{history.__name__}.{field.attname}")
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field, _ in fields)
    marks = ", ".join(["%s"] * len(fields))
    table = quote(history._meta.db_table)
    return _Plan(
        sql=f"INSERT INTO {table} ({columns}) VALUES ({marks})",
        copy_sql=f"COPY {table} ({columns}) FROM STDIN",
        fields=tuple(fields),
    )
