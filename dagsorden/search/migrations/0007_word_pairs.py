"""PostgreSQL: an index of adjacent word pairs, so a phrase is found from its pairs'
posting lists instead of rechecking the positions of every item that holds its words.

`dagsorden_word_pairs(document)`, stored as the generated column `word_pairs` with a
GIN index, turns an item's tsvector into one key per pair of
stems at neighbouring positions (what the phrase operator `<->` tests). The key is the
first five hex digits of the pair's md5: about a million keys, however many distinct
pairs the archive has (they run into the tens of millions; on the 200k archive the
index of the pairs themselves took 440 MB, of their keys 176 MB). A key then
also holds the items of the few other pairs that share it, so the index is a candidate
filter and the phrase itself is always rechecked on the candidates (see
`dagsorden.search.backends.postgres`)."""

from django.db import migrations

from dagsorden.search.vendor_sql import vendor_statements

PAIRS_FUNCTION = """
CREATE OR REPLACE FUNCTION dagsorden_word_pairs(doc tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $$
  WITH u AS (SELECT lexeme, unnest(positions) AS pos FROM unnest(doc))
  SELECT coalesce(array_to_tsvector(array_agg(left(md5(a.lexeme || ' ' || b.lexeme), 5))), ''::tsvector)
  FROM u a JOIN u b ON b.pos = a.pos + 1
$$
"""
# The same expression as `document` (0002), whose positions the pairs must share; a
# generated column may not read another one. Stored, not an expression index: a
# bitmap heap scan rechecks its condition on every row of a lossy page (a common pair
# at national size), and recomputing the pairs costs about 0.1 ms a row.
PAIRS_COLUMN = (
    "ALTER TABLE search_searchentry ADD COLUMN word_pairs tsvector GENERATED ALWAYS AS ("
    "dagsorden_word_pairs(setweight(to_tsvector('danish'::regconfig, coalesce(title, '')), 'A')"
    " || setweight(to_tsvector('danish'::regconfig, coalesce(text, '')), 'B'))) STORED"
)
PAIRS_INDEX = (
    "CREATE INDEX search_entry_word_pairs_gin ON search_searchentry USING gin (word_pairs)"
)
POSTGRES_FORWARD = [PAIRS_FUNCTION, PAIRS_COLUMN, PAIRS_INDEX]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_word_pairs_gin",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS word_pairs",
    "DROP FUNCTION IF EXISTS dagsorden_word_pairs(tsvector)",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0006_title_document")]

    operations = [
        vendor_statements({"postgresql": POSTGRES_FORWARD}, {"postgresql": POSTGRES_BACKWARD}),
    ]
