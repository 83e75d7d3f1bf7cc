"""PostgreSQL: the title's tsvector as a stored generated column with its own GIN index
(instead of the expression index of 0003). Walking the newest entries for title
candidates then tests a stored vector instead of stemming each title again."""

from django.db import migrations

POSTGRES_FORWARD = [
    "ALTER TABLE search_searchentry ADD COLUMN title_document tsvector GENERATED ALWAYS AS ("
    "to_tsvector('danish'::regconfig, coalesce(title, ''))) STORED",
    "CREATE INDEX search_entry_title_document_gin ON search_searchentry "
    "USING gin (title_document)",
    "DROP INDEX IF EXISTS search_entry_title_gin",
]
POSTGRES_BACKWARD = [
    "CREATE INDEX IF NOT EXISTS search_entry_title_gin ON search_searchentry "
    "USING gin (to_tsvector('danish'::regconfig, coalesce(title, '')))",
    "DROP INDEX IF EXISTS search_entry_title_document_gin",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS title_document",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0005_title_fts")]

    operations = [migrations.RunPython(_run(POSTGRES_FORWARD), _run(POSTGRES_BACKWARD))]
