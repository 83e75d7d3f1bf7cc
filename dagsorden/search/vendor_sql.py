"""Raw SQL in the search app's migrations: each database vendor has its own match
structure (FTS5 tables on SQLite, generated tsvectors and GIN indexes on PostgreSQL), so
a migration runs the statements of the vendor it is applied to and no others."""

from django.db import migrations


def vendor_statements(forward: dict[str, list[str]], backward: dict[str, list[str]]):
    """A RunPython operation that executes `forward[vendor]` (and, reversed,
    `backward[vendor]`) on the migrated database's vendor; nothing on the others."""
    return migrations.RunPython(_executor(forward), _executor(backward))


def _executor(statements_by_vendor: dict[str, list[str]]):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run
