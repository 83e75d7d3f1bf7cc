"""Writing many unsaved model instances with PostgreSQL's COPY (psycopg 3), for the
synthetic archive: COPY streams rows in one statement per table and batch, where
`bulk_create` builds and plans a multi-row INSERT per thousand rows.

The column values are what the ORM itself would write (`pre_save`, so `auto_now`
stamps are set, then `get_db_prep_save`), so rows written either way are the same.
Primary keys are taken from the table's own identity sequence first, so the
instances know their ids before related rows are built. Like `bulk_create`, this
sends no signals and calls no `save()`."""

from django.db import DEFAULT_DB_ALIAS, connection, connections, models


def reserve_ids(model: type[models.Model], count: int) -> list[int]:
    """`count` fresh ids from the identity sequence of `model`'s table."""
    if not count:
        return []
    table = model._meta.db_table
    pk = model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [connection.ops.quote_name(table), pk, count],
        )
        return [row[0] for row in cursor.fetchall()]


def assign_ids(objects: list[models.Model]) -> None:
    """Give unsaved instances (all of one model) ids from its sequence."""
    if objects:
        for obj, pk in zip(objects, reserve_ids(type(objects[0]), len(objects)), strict=True):
            obj.pk = pk


def copy_objects(objects: list[models.Model]) -> None:
    """COPY instances of one model that all have their primary key set."""
    if not objects:
        return
    model = type(objects[0])
    fields = model._meta.concrete_fields
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    sql = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
    # The connection itself, not the thread-local proxy: it is asked once per value.
    real = connections[DEFAULT_DB_ALIAS]
    # The psycopg cursor under Django's wrapper: COPY is not a DB-API call.
    with connection.cursor() as wrapper, wrapper.cursor.copy(sql) as copy:
        for obj in objects:
            copy.write_row(
                [field.get_db_prep_save(field.pre_save(obj, True), real) for field in fields]
            )
