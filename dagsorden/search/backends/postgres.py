"""PostgreSQL full text with the 'danish' configuration (Snowball stemming, Danish stop
words). The generated `document` column is maintained by PostgreSQL itself; ranking is
ts_rank with the title weighted above the text (PostgreSQL has no built-in bm25)."""

import json
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connections, transaction

from dagsorden.core.replica import current_read_alias, read_connection

from ..text import ParsedQuery
from . import MatchSql

# The title's own stored tsvector (migration 0006), with its own GIN index.
TITLE_VECTOR = "e.title_document"


def write(documents) -> None:
    """Nothing to do: the tsvector is a generated column of search_searchentry."""


def delete(item_ids) -> None:
    """Nothing to do: the tsvector goes with its row."""


def clear() -> None:
    """Nothing to do: the tsvector goes with its row."""


@contextmanager
def reading():
    """Search statements use the indexes, never a whole-table scan: the planner's
    guess for a word outside its statistics (or a phrase) can be far too high, and a
    scan that tests every document for a rare phrase takes seconds. Each statement of
    the bounded search is an index walk that stops early or a lookup of few rows.

    And no parallel workers: each statement reads a page's worth, where starting
    workers costs ~20 ms, and a planner that guesses a list long (a municipality's keys
    are guessed at 0.5 % of the table: 15,000 rows at 3 M for a list of 450) would start
    them for every search, on a server that serves many searches at once."""
    # On the request's read database (the replica for a public page): the transaction
    # and its SET LOCAL must be where the search statements run.
    alias = current_read_alias()
    with transaction.atomic(using=alias):
        with connections[alias].cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        yield


def planned_rows(sql: str, params: list) -> int:
    """The planner's estimate of the rows `sql` returns: free, and close for common
    words (their frequencies are in the column statistics), so a common word need not
    be counted before it is known to be common."""
    with read_connection().cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def match(query: ParsedQuery, municipality: int | None = None) -> MatchSql:
    """The query's match; with `municipality` (a search filtered to it), its words are
    found through that municipality's own keys (migration 0009) where they can be."""
    parts, params = [], []
    for word in query.words:
        parts.append("plainto_tsquery('danish'::regconfig, %s)")
        params.append(word)
    for phrase in query.phrases:
        parts.append("phraseto_tsquery('danish'::regconfig, %s)")
        params.append(" ".join(phrase))
    every, anyone = " && ".join(parts), " || ".join(parts)
    keys = phrase_pairs(query.phrases)
    local = None if query.phrases or not municipality else local_tsqueries(query, municipality)
    # The query's tsqueries once per statement: all words (q), any word (tq) and, for a
    # phrase of adjacent words, its pairs' keys (pq), or for words in one municipality,
    # all and any of their keys there (lq, ltq).
    columns = f"{every} AS q, {anyone} AS tq"
    extra = []
    if keys:
        columns, extra = columns + ", %s::tsquery AS pq", [pairs_tsquery(keys)]
    elif local:
        columns += ", %s::tsquery AS lq, %s::tsquery AS ltq"
        extra = [local.every, local.anyone]
    subquery = f"(SELECT {columns}) query"
    from_sql = f"search_searchentry e CROSS JOIN {subquery}"
    from_params = [*params, *params, *extra]
    shared = {
        "from_sql": from_sql,
        # The window's rows first (OFFSET 0 keeps the planner from merging it), then
        # the match on just those: else a common word's whole GIN posting list is read
        # for every window.
        "window_from_sql": "(SELECT * FROM search_searchentry WHERE item_id BETWEEN %s "
        f"AND %s OFFSET 0) e CROSS JOIN {subquery}",
        "windows_together": True,
        "params": from_params,
        # Normalisation 1: divide by 1 + log(length), so long bilag do not win by size.
        "order_sql": "ts_rank(e.document, query.q, 1) DESC, e.start DESC",
        "rank_sql": "-ts_rank(e.document, query.q, 1)",
        "title_from_sql": from_sql,
        "title_params": from_params,
        "terms": len(parts),
        "has_phrase": bool(query.phrases),
        "probe_sql": "{alias}.document @@ (" + every + ")",
        "probe_params": list(params),
    }
    if keys:
        return _pairs_match(shared, len(parts))
    if local:
        return _local_match(shared, len(parts), municipality)
    # Every word of the query, phrase or not: plainto_tsquery ANDs them.
    all_words = " ".join([*query.words, *(" ".join(phrase) for phrase in query.phrases)])
    return MatchSql(
        **shared,
        where_sql="e.document @@ query.q",
        # One word or phrase: a title match is a match, and no document is read.
        title_where_sql=f"{TITLE_VECTOR} @@ query.tq"
        + ("" if len(parts) == 1 else " AND e.document @@ query.q"),
        candidates_sql=(
            "search_searchentry e CROSS JOIN "
            "(SELECT plainto_tsquery('danish'::regconfig, %s) AS q) query"
        )
        if query.phrases
        else "",
        candidates_params=[all_words],
        phrase_query_sql=every,
        phrase_query_params=list(params),
    )


def phrase_pairs(phrases: list[list[str]]) -> list[str]:
    """The keys of the adjacent stem pairs of the query's phrases, as
    `dagsorden_word_pairs` (migration 0007) indexes them, computed by PostgreSQL from
    the phrase itself: a pair the phrase operator accepts has exactly these keys. Words
    a stop word separates make no pair (such a phrase is found as before)."""
    if not phrases:
        return []
    with read_connection().cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT unnest(tsvector_to_array(dagsorden_word_pairs("
            "to_tsvector('danish'::regconfig, p)))) FROM unnest(%s::text[]) AS p",
            [[" ".join(phrase) for phrase in phrases]],
        )
        return sorted(row[0] for row in cursor.fetchall())


def pairs_tsquery(keys: list[str]) -> str:
    """Every key, ANDed, as tsquery input (hex digits: nothing to quote)."""
    return " & ".join(f"'{key}'" for key in keys)


@dataclass
class LocalTsqueries:
    """A query's words as one municipality's keys of `dagsorden_local_words`
    (migration 0009), as tsquery input: every word (`every`) and any word (`anyone`)."""

    every: str
    anyone: str


def local_tsqueries(query: ParsedQuery, municipality: int) -> LocalTsqueries | None:
    """The keys of the query's words in the municipality, leaving out a word without a
    stem (a stop word, which `plainto_tsquery` drops too); None when no word has one.
    The stems come from PostgreSQL's own parser and dictionary, so they are
    the document's: what `plainto_tsquery` ANDs for each word."""
    with read_connection().cursor() as cursor:
        cursor.execute(
            "SELECT tsvector_to_array(to_tsvector('danish'::regconfig, w)) "
            "FROM unnest(%s::text[]) WITH ORDINALITY AS t(w, n) ORDER BY n",
            [list(query.words)],
        )
        words = [sorted(row[0]) for row in cursor.fetchall() if row[0]]
    if not words:
        return None
    keyed = [
        " & ".join(_quoted_lexeme(f"{int(municipality)} {stem}") for stem in stems)
        for stems in words
    ]
    return LocalTsqueries(every=" & ".join(keyed), anyone=" | ".join(f"({word})" for word in keyed))


def _quoted_lexeme(lexeme: str) -> str:
    """A lexeme as tsquery input: quoted, a quote doubled and a backslash escaped."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


LOCAL_MATCH = "dagsorden_local_words(e.municipality_id, e.document) @@ query.lq"
LOCAL_TITLE_MATCH = "dagsorden_local_words(e.municipality_id, e.title_document) @@ query.ltq"


def _local_match(shared: dict, parts: int, municipality: int) -> MatchSql:
    """Words (no phrase) in one municipality: its own keys' lists, each as long as the
    word's matches there, find the matches and the title candidates (the words'
    national lists grow with the whole archive). A row already read (a sample window,
    the walk through its newest entries) is tested against its tsvectors, and the
    planner's estimate is the national word's share of the municipality (the keys'
    statistics are not used by the planner, which guesses 0.5 % of the table). The keys
    hold the municipality: the statements leave out the filter on it, or the planner,
    guessing the lists long, ANDs them with the municipality's index (all its entries:
    1.9 ms for a title list of 23 at 3 M items)."""
    several = parts > 1
    return MatchSql(
        **shared,
        scoped_to=municipality,
        where_sql=LOCAL_MATCH,
        row_where_sql="e.document @@ query.q",
        estimate_where_sql="e.document @@ query.q",
        title_where_sql=LOCAL_TITLE_MATCH + (f" AND {LOCAL_MATCH}" if several else ""),
        title_row_where_sql=f"{TITLE_VECTOR} @@ query.tq"
        + (" AND e.document @@ query.q" if several else ""),
        title_estimate_where_sql=f"{TITLE_VECTOR} @@ query.tq",
    )


PAIRS_MATCH = "{alias}.word_pairs @@ query.pq"
# The recheck of the whole query on the pairs' candidates, as a function call: the
# operator `@@` would let the planner AND the candidates with the words' own GIN lists,
# which for common words are long (reading them costs more than the recheck).
RECHECK = "ts_match_vq({alias}.document, query.q)"


TITLE_PAIRS_MATCH = "e.title_word_pairs @@ query.pq"


def _pairs_title_where(parts: int) -> str:
    """Title candidates of a query with a phrase. One phrase: the title's own pairs
    (migration 0008) are one list as long as the titles holding the phrase, whose
    statistics know how rare it is, and the phrase in the title is a match. With more
    words or phrases a title need hold only one of them: the title's words, the item's
    pairs (the planner estimates a title phrase as the AND of its words in titles and
    would walk every title newest first for a rare one) and the whole query."""
    if parts == 1:
        return f"{TITLE_PAIRS_MATCH} AND ts_match_vq({TITLE_VECTOR}, query.tq)"
    return (
        f"{TITLE_VECTOR} @@ query.tq AND {PAIRS_MATCH.format(alias='e')} "
        f"AND {RECHECK.format(alias='e')}"
    )


def _pairs_match(shared: dict, parts: int) -> MatchSql:
    """A query with a phrase of adjacent words: its pairs' short posting lists (the
    `word_pairs` index) select the candidates, and only those are tested for the whole
    query, so the cost follows the phrase's matches, not its words' (4,500 ms before
    for a phrase of two common words on the 200k archive)."""
    return MatchSql(
        **shared,
        where_sql=f"{PAIRS_MATCH.format(alias='e')} AND {RECHECK.format(alias='e')}",
        # The pairs' estimate is the phrase's (the recheck removes the few items of
        # other pairs with the same key; the planner would take a third for it).
        estimate_where_sql=PAIRS_MATCH.format(alias="e"),
        title_where_sql=_pairs_title_where(parts),
        title_estimate_where_sql=TITLE_PAIRS_MATCH if parts == 1 else "",
        # No candidate listing (`dagsorden.search.phrase`): the pairs' items are the
        # matches but for a few sharing a key, so a common phrase is sampled and walked
        # like a common word.
    )
