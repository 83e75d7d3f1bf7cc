"""PostgreSQL: every item's words (and its title's) also under its municipality's own
keys, so one municipality's matches of a word are one short posting list.

A word's GIN list is national: one municipality's search for "lokalplan" in a 3 M-item
archive read the word's 43,878 national entries and ANDed them with the municipality's
index, 9.6 ms for 453 matches, against 0.7 ms at 200k: the cost grew with the whole
archive. `dagsorden_local_words(municipality_id, document)` turns the item's stems into
keys "<municipality id> <stem>" ("12 lokalplan"); its expression index has one list per
municipality and word, as long as that municipality's matches.

An expression index, not a stored column: the keys are only read through the index
(a word match needs no positions, so GIN never asks for a recheck), and a bitmap of
one municipality's list is far below work_mem, so its pages stay exact and the function
is not recomputed per row. (The word pairs, 0007, are stored because a national pair
list can go lossy.) The keys are the stems themselves, not hashes like the pairs': a
hash shared with a common word of the same municipality would make a rare word's list
long."""

from django.db import migrations

from dagsorden.search.vendor_sql import vendor_statements

# chr(1) separates the stems while the municipality is put before each (a stem never
# holds a control character); an empty document gives the one key "<id> ", which no
# query asks for.
LOCAL_WORDS_FUNCTION = """
CREATE OR REPLACE FUNCTION dagsorden_local_words(municipality bigint, doc tsvector)
RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 500 AS $$
  SELECT array_to_tsvector(string_to_array(
    municipality::text || ' ' || array_to_string(tsvector_to_array(doc), chr(1) || municipality::text || ' '),
    chr(1)))
$$
"""
LOCAL_WORDS_INDEX = (
    "CREATE INDEX search_entry_local_words_gin ON search_searchentry "
    "USING gin (dagsorden_local_words(municipality_id, document))"
)
# The title's too: a municipality's title candidates were the title word's national list
# ANDed with the municipality's index (all of its entries).
LOCAL_TITLE_INDEX = (
    "CREATE INDEX search_entry_local_title_gin ON search_searchentry "
    "USING gin (dagsorden_local_words(municipality_id, title_document))"
)
POSTGRES_FORWARD = [LOCAL_WORDS_FUNCTION, LOCAL_WORDS_INDEX, LOCAL_TITLE_INDEX]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_local_title_gin",
    "DROP INDEX IF EXISTS search_entry_local_words_gin",
    "DROP FUNCTION IF EXISTS dagsorden_local_words(bigint, tsvector)",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0008_title_word_pairs")]

    operations = [
        vendor_statements({"postgresql": POSTGRES_FORWARD}, {"postgresql": POSTGRES_BACKWARD}),
    ]
