"""PostgreSQL: the title's tsvector as a stored generated column with its own GIN index
(instead of the expression index of 0003). Walking the newest entries for title
candidates then tests a stored vector instead of stemming each title again."""

from django.db import migrations

from dagsorden.search.vendor_sql import vendor_statements

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


class Migration(migrations.Migration):
    dependencies = [("search", "0005_title_fts")]

    operations = [
        vendor_statements({"postgresql": POSTGRES_FORWARD}, {"postgresql": POSTGRES_BACKWARD}),
    ]
