"""PostgreSQL: the adjacent word pairs of the title alone (as 0007 for the whole item),
stored as `title_word_pairs` with a GIN index.

A phrase's title candidates were found by ANDing the title words' GIN lists with the
whole item's pair list. For a phrase that is common in a national archive that pair
list is long (160,000–280,000 entries at 3 M items) though the page ranks at most a few
hundred titles; the title's own pairs are one list as long as the titles holding the
phrase, and their planner statistics say how many there are."""

from django.db import migrations

from dagsorden.search.vendor_sql import vendor_statements

TITLE_PAIRS_COLUMN = (
    "ALTER TABLE search_searchentry ADD COLUMN title_word_pairs tsvector GENERATED ALWAYS AS ("
    "dagsorden_word_pairs(to_tsvector('danish'::regconfig, coalesce(title, '')))) STORED"
)
TITLE_PAIRS_INDEX = (
    "CREATE INDEX search_entry_title_word_pairs_gin ON search_searchentry "
    "USING gin (title_word_pairs)"
)
POSTGRES_FORWARD = [TITLE_PAIRS_COLUMN, TITLE_PAIRS_INDEX]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_title_word_pairs_gin",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS title_word_pairs",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0007_word_pairs")]

    operations = [
        vendor_statements({"postgresql": POSTGRES_FORWARD}, {"postgresql": POSTGRES_BACKWARD}),
    ]
