"""PostgreSQL full text with the 'danish' configuration (Snowball stemming, Danish stop
words). The generated `document` column is maintained by PostgreSQL itself; ranking is
ts_rank with the title weighted above the text (PostgreSQL has no built-in bm25)."""

import json
from contextlib import contextmanager

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
    the bounded search is an index walk that stops early or a lookup of few rows."""
    # On the request's read database (the replica for a public page): the transaction
    # and its SET LOCAL must be where the search statements run.
    alias = current_read_alias()
    with transaction.atomic(using=alias):
        with connections[alias].cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
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


def match(query: ParsedQuery) -> MatchSql:
    parts, params = [], []
    for word in query.words:
        parts.append("plainto_tsquery('danish'::regconfig, %s)")
        params.append(word)
    for phrase in query.phrases:
        parts.append("phraseto_tsquery('danish'::regconfig, %s)")
        params.append(" ".join(phrase))
    every, anyone = " && ".join(parts), " || ".join(parts)
    # Every word of the query, phrase or not: plainto_tsquery ANDs them.
    all_words = " ".join([*query.words, *(" ".join(phrase) for phrase in query.phrases)])
    from_sql = f"search_searchentry e CROSS JOIN (SELECT {every} AS q, {anyone} AS tq) query"
    return MatchSql(
        from_sql=from_sql,
        # The window's rows first (OFFSET 0 keeps the planner from merging it), then
        # the match on just those: else a common word's whole GIN posting list is read
        # for every window.
        window_from_sql="(SELECT * FROM search_searchentry WHERE item_id BETWEEN %s AND %s "
        f"OFFSET 0) e CROSS JOIN (SELECT {every} AS q, {anyone} AS tq) query",
        where_sql="e.document @@ query.q",
        params=params + params,
        # Normalisation 1: divide by 1 + log(length), so long bilag do not win by size.
        order_sql="ts_rank(e.document, query.q, 1) DESC, e.start DESC",
        rank_sql="-ts_rank(e.document, query.q, 1)",
        title_from_sql=from_sql,
        # One word or phrase: a title match is a match, and no document is read.
        title_where_sql=f"{TITLE_VECTOR} @@ query.tq"
        + ("" if len(parts) == 1 else " AND e.document @@ query.q"),
        title_params=params + params,
        terms=len(parts),
        has_phrase=bool(query.phrases),
        probe_sql="{alias}.document @@ (" + every + ")",
        probe_params=list(params),
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
