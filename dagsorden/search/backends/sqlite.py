"""SQLite FTS5: the index holds Snowball stems we compute, ranked by FTS5's bm25()."""

from django.db import connection

from ..text import ParsedQuery, stem, stemmed_text
from . import MatchSql

# bm25 column weights: a word in the title counts ten times a word in the text.
TITLE_WEIGHT, BODY_WEIGHT = 10.0, 1.0


def write(documents) -> None:
    rows = [(doc.item_id, stemmed_text(doc.title), stemmed_text(doc.text)) for doc in documents]
    with connection.cursor() as cursor:
        cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [(r[0],) for r in rows])
        cursor.executemany("INSERT INTO search_fts (rowid, title, body) VALUES (%s, %s, %s)", rows)


def delete(item_ids) -> None:
    with connection.cursor() as cursor:
        cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [(i,) for i in item_ids])


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_fts")


def match(query: ParsedQuery) -> MatchSql:
    return MatchSql(
        from_sql="search_fts JOIN search_searchentry e ON e.item_id = search_fts.rowid",
        where_sql="search_fts MATCH %s",
        params=[fts_expression(query)],
        order_sql=f"bm25(search_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}), e.start DESC",
        rank_sql=f"bm25(search_fts, {TITLE_WEIGHT}, {BODY_WEIGHT})",
        title_where_sql="search_fts MATCH %s",
        title_params=[title_expression(query)],
        id_sql="search_fts.rowid",
        # A MATCH with rowid = … is a seek in FTS5's doclists: cheap per entry.
        probe_sql="EXISTS (SELECT 1 FROM search_fts WHERE search_fts.rowid = {alias}.item_id "
        "AND search_fts MATCH %s)",
        probe_params=[fts_expression(query)],
    )


def fts_expression(query: ParsedQuery) -> str:
    """All words and phrases must occur; every term is quoted, so nothing the user typed
    is read as FTS5 syntax."""
    return " AND ".join(_terms(query))


def title_expression(query: ParsedQuery) -> str:
    """Any of the words or phrases in the title column."""
    return "title : (" + " OR ".join(_terms(query)) + ")"


def _terms(query: ParsedQuery) -> list[str]:
    terms = [f'"{stem(word)}"' for word in query.words]
    terms += ['"' + " ".join(stem(word) for word in phrase) + '"' for phrase in query.phrases]
    return terms
