"""SQLite FTS5: the index holds Snowball stems we compute, ranked by FTS5's bm25()."""

from contextlib import nullcontext

from django.db import connection

from ..text import ParsedQuery, stem, stemmed_text
from . import MatchSql

# bm25 column weights: a word in the title counts ten times a word in the text.
TITLE_WEIGHT, BODY_WEIGHT = 10.0, 1.0


def write(documents) -> None:
    rows = [(doc.item_id, stemmed_text(doc.title), stemmed_text(doc.text)) for doc in documents]
    delete([row[0] for row in rows])
    with connection.cursor() as cursor:
        cursor.executemany("INSERT INTO search_fts (rowid, title, body) VALUES (%s, %s, %s)", rows)
        cursor.executemany(
            "INSERT INTO search_title_fts (rowid, title) VALUES (%s, %s)",
            [row[:2] for row in rows],
        )


def delete(item_ids) -> None:
    ids = [(item_id,) for item_id in item_ids]
    with connection.cursor() as cursor:
        cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", ids)
        cursor.executemany("DELETE FROM search_title_fts WHERE rowid = %s", ids)


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_fts")
        cursor.execute("DELETE FROM search_title_fts")


MAIN_FROM = "search_fts JOIN search_searchentry e ON e.item_id = search_fts.rowid"
# A MATCH with rowid = … is a seek in FTS5's doclists: cheap per entry.
PROBE = (
    "EXISTS (SELECT 1 FROM search_fts WHERE search_fts.rowid = {alias}.item_id "
    "AND search_fts MATCH %s)"
)


def reading():
    """Nothing to set for reading."""
    return nullcontext()


def planned_rows(sql: str, params: list) -> None:
    """No estimate: counting up to the limit is cheap in FTS5."""
    return None


def match(query: ParsedQuery, municipality: int | None = None) -> MatchSql:
    """The query's match. FTS5 keeps one list per stem; a municipality filter is
    applied to the matches (SQLite serves one or a few municipalities)."""
    single = len(query.words) + len(query.phrases) == 1
    return MatchSql(
        from_sql=MAIN_FROM,
        where_sql="search_fts MATCH %s",
        params=[fts_expression(query)],
        order_sql=f"bm25(search_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}), e.start DESC",
        rank_sql=f"bm25(search_fts, {TITLE_WEIGHT}, {BODY_WEIGHT})",
        # Title candidates, newest first. One word or phrase: from the titles' own table
        # (migration 0005), where only title matches are. More: from the main table,
        # where FTS5 intersects the words' lists and checks the title only there.
        title_from_sql=(
            "search_title_fts JOIN search_searchentry e ON e.item_id = search_title_fts.rowid"
            if single
            else MAIN_FROM
        ),
        title_where_sql="search_title_fts MATCH %s" if single else "search_fts MATCH %s",
        title_params=[any_expression(query) if single else all_and_title_expression(query)],
        title_id_sql="search_title_fts.rowid" if single else "search_fts.rowid",
        id_sql="search_fts.rowid",
        terms=len(query.words) + len(query.phrases),
        has_phrase=bool(query.phrases),
        probe_sql=PROBE,
        probe_params=[fts_expression(query)],
    )


def fts_expression(query: ParsedQuery) -> str:
    """All words and phrases must occur; every term is quoted, so nothing the user typed
    is read as FTS5 syntax."""
    return " AND ".join(_terms(query))


def all_and_title_expression(query: ParsedQuery) -> str:
    """Every word or phrase somewhere, and one of them in the title."""
    return fts_expression(query) + " AND title : (" + " OR ".join(_terms(query)) + ")"


def any_expression(query: ParsedQuery) -> str:
    """Any of the words or phrases (for the titles' table)."""
    return " OR ".join(_terms(query))


def _terms(query: ParsedQuery) -> list[str]:
    terms = [f'"{stem(word)}"' for word in query.words]
    terms += ['"' + " ".join(stem(word) for word in phrase) + '"' for phrase in query.phrases]
    return terms
