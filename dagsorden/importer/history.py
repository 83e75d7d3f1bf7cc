"""History rows for bulk inserts: one INSERT … SELECT per model.

The rows are those django-simple-history's `bulk_history_create` writes ("+" rows,
no user, no change reason, one history date). simple_history builds a historical
model instance per row and Django prepares every value again on its way to the
database, which made history the most expensive part of an import. Here the database
copies the rows just inserted into their history table itself: the history holds
exactly what was stored, and no value passes through Python twice.
"""

from __future__ import annotations

import functools

from django.db import connection
from django.utils import timezone
from simple_history.utils import get_history_manager_for_model

# Columns of a historical model that do not come from the tracked model, and the
# value each gets (history_date is filled in per call).
_HISTORY_VALUES = {
    "history_date": None,
    "history_change_reason": None,  # as bulk_create_with_history leaves it
    "history_type": "+",
    "history_user_id": None,
}
CHUNK = 500  # keys per statement: below SQLite's bound-parameter limit


def insert_history(model, objects: list) -> None:
    """Write a "+" history row for each saved object of `model`."""
    keys = [obj.pk for obj in objects]
    if not keys:
        return
    if (plan := _plan(model)) is None:  # columns this path cannot fill: the slow way
        get_history_manager_for_model(model).bulk_history_create(objects)
        return
    sql, history_fields = plan
    values = {**_HISTORY_VALUES, "history_date": timezone.now()}
    fixed = [field.get_db_prep_save(values[field.attname], connection) for field in history_fields]
    with connection.cursor() as cursor:
        for start in range(0, len(keys), CHUNK):
            chunk = keys[start : start + CHUNK]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(sql.format(keys=marks), [*fixed, *chunk])


@functools.cache
def _plan(model) -> tuple[str, list] | None:
    """The INSERT … SELECT statement for `model` (with a `{keys}` slot) and the
    history-only fields whose values it binds first; None when the historical model
    has columns (custom history fields) that neither the row nor this module fills."""
    history = get_history_manager_for_model(model).model
    tracked = {field.attname: field for field in history.tracked_fields}
    targets, sources, history_fields = [], [], []
    quote = connection.ops.quote_name
    for field in history._meta.concrete_fields:
        if field.primary_key:
            continue  # history_id: the database numbers the rows
        if field.attname in tracked:
            sources.append(quote(tracked[field.attname].column))
        elif field.attname in _HISTORY_VALUES:
            sources.append("%s")
            history_fields.append(field)
        else:
            return None
        targets.append(quote(field.column))
    # Placeholders bind in SQL order: the history values (in column order) in the
    # SELECT list first, then the keys of the WHERE clause.
    pk = quote(model._meta.pk.column)
    sql = (
        f"INSERT INTO {quote(history._meta.db_table)} ({', '.join(targets)}) "
        f"SELECT {', '.join(sources)} FROM {quote(model._meta.db_table)} "
        f"WHERE {pk} IN ({{keys}}) ORDER BY {pk}"
    )
    return sql, history_fields
