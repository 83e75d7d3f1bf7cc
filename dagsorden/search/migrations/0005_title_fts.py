"""SQLite: a second FTS5 table with the titles' stems alone. Ranking a common word
starts from the items with a query word in the title; in the main table a column filter
reads every match's positions, in this table only title matches are there at all.
PostgreSQL has its title index already (0003)."""

from django.db import migrations

from dagsorden.search.vendor_sql import vendor_statements

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_title_fts USING fts5("
    "title, tokenize = 'unicode61 remove_diacritics 0')",
    "INSERT INTO search_title_fts (rowid, title) SELECT rowid, title FROM search_fts",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_title_fts"]


class Migration(migrations.Migration):
    dependencies = [("search", "0004_searchentry_municipality")]

    operations = [
        vendor_statements({"sqlite": SQLITE_FORWARD}, {"sqlite": SQLITE_BACKWARD}),
    ]
