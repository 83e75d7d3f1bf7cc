"""PostgreSQL full text with the 'danish' configuration (Snowball stemming, Danish stop
words). The generated `document` column is maintained by PostgreSQL itself; ranking is
ts_rank with the title weighted above the text (PostgreSQL has no built-in bm25)."""

from ..text import ParsedQuery
from . import MatchSql

TITLE_VECTOR = "to_tsvector('danish'::regconfig, coalesce(e.title, ''))"


def write(documents) -> None:
    """Nothing to do: the tsvector is a generated column of search_searchentry."""


def delete(item_ids) -> None:
    """Nothing to do: the tsvector goes with its row."""


def clear() -> None:
    """Nothing to do: the tsvector goes with its row."""


def match(query: ParsedQuery) -> MatchSql:
    parts, params = [], []
    for word in query.words:
        parts.append("plainto_tsquery('danish'::regconfig, %s)")
        params.append(word)
    for phrase in query.phrases:
        parts.append("phraseto_tsquery('danish'::regconfig, %s)")
        params.append(" ".join(phrase))
    every, anyone = " && ".join(parts), " || ".join(parts)
    return MatchSql(
        from_sql=f"search_searchentry e CROSS JOIN (SELECT {every} AS q, {anyone} AS tq) query",
        where_sql="e.document @@ query.q",
        params=params + params,
        # Normalisation 1: divide by 1 + log(length), so long bilag do not win by size.
        order_sql="ts_rank(e.document, query.q, 1) DESC, e.start DESC",
        rank_sql="-ts_rank(e.document, query.q, 1)",
        # Served by the title's own GIN index (migration 0003), without reading documents.
        title_from_sql=f"search_searchentry e CROSS JOIN (SELECT {every} AS q, {anyone} AS tq) query",
        title_where_sql=f"{TITLE_VECTOR} @@ query.tq AND e.document @@ query.q",
        title_params=params + params,
        # Candidates rank by their title alone (as on SQLite): no document is read.
        title_rank_sql=f"-ts_rank({TITLE_VECTOR}, query.tq, 1)",
        terms=len(parts),
        probe_sql="{alias}.document @@ (" + every + ")",
        probe_params=list(params),
    )
