"""PostgreSQL: a GIN index on the title's tsvector, so common words can be ranked among
the items with the word in their title without reading every match's document. SQLite
needs nothing: FTS5 filters by column within its own index."""

from django.db import migrations

from dagsorden.search.vendor_sql import vendor_statements

POSTGRES_FORWARD = [
    "CREATE INDEX IF NOT EXISTS search_entry_title_gin ON search_searchentry "
    "USING gin (to_tsvector('danish'::regconfig, coalesce(title, '')))",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS search_entry_title_gin"]


class Migration(migrations.Migration):
    dependencies = [("search", "0002_vendor_index")]

    operations = [
        vendor_statements({"postgresql": POSTGRES_FORWARD}, {"postgresql": POSTGRES_BACKWARD}),
    ]
