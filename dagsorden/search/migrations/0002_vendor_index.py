"""The matching structure of the search index, for the running database only.

SQLite: an FTS5 table of Snowball stems (title, body), rowid = agenda item id.
PostgreSQL: a generated tsvector column ('danish', title weighted A, text B) + GIN index.
"""

from django.db import migrations

from dagsorden.search.vendor_sql import vendor_statements

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, body, tokenize = 'unicode61 remove_diacritics 0')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_fts"]

POSTGRES_FORWARD = [
    "ALTER TABLE search_searchentry ADD COLUMN document tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('danish'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('danish'::regconfig, coalesce(text, '')), 'B')) STORED",
    "CREATE INDEX search_entry_document_gin ON search_searchentry USING gin (document)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_document_gin",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS document",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        vendor_statements(
            {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD},
            {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD},
        ),
    ]
