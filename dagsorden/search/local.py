"""One municipality's search for words that are common nationally (PostgreSQL).

A filter on the municipality is applied to the query's GIN list, and that list is
national: a word or phrase pair in a tenth of a 3 M-item archive has 300,000 entries,
read whole (about 0.2 µs each) however few of them are in the municipality, so the
cost of a municipality's search grew with the whole archive.

When the planner expects more than `SEARCH_LOCAL_SAMPLE_FROM` matches nationally and
a sample of the municipality's entries costs less than the national list (the sample
reads about 300 × its entries / its matches rows, each ~50 list entries' worth), the
total and the facets are estimated from the municipality's own rows instead: its
entries in a few date windows spread over its meetings, read through its
(municipality, start) index and each tested against the query. The page is then made
as for any estimate: the ranked title candidates and the municipality's matches
newest first, walked by date, and the title candidates are the title matches among
the municipality's newest entries (a title's tsvector is small and stored in the row),
not the national GIN list of the title's words. Where a word is rare in the
municipality the exact path stays (a sample would have to read most of its entries),
and there the word is found through the municipality's own keys (migration 0009, see
`backends.postgres.local_tsqueries`), whose list holds only its matches there."""

import dataclasses
import datetime as dt

from django.conf import settings

from dagsorden.core.replica import read_connection

from . import bounded
from .backends import MatchSql, current_backend

WINDOWS = 16
ENTRIES = "search_searchentry e"


def sample_from() -> int:
    return getattr(settings, "SEARCH_LOCAL_SAMPLE_FROM", 50_000)


def applies(match: MatchSql, municipality_id: int | None, planned: int | None) -> bool:
    """Whether one municipality's search should be sampled from its own rows."""
    if not municipality_id or planned is None or not match.from_sql.startswith(ENTRIES):
        return False
    backend = current_backend()
    where = match.estimate_where_sql or match.where_sql
    national = backend.planned_rows(f"SELECT 1 FROM {match.from_sql} WHERE {where}", match.params)
    if national is None or national <= sample_from():
        return False
    sample_rows = 1.5 * bounded.MIN_SAMPLE_HITS * _size(municipality_id) / max(1, planned)
    return bounded.ROW_TO_LIST_COST * sample_rows < national


def estimate(match: MatchSql, filter_sql: str, filter_params: list, *, municipality_id, planned):
    """Total and facets scaled up from the matches among the municipality's entries in
    date windows (grown eightfold, at most twice, while they hold too few matches)."""
    size = _size(municipality_id)
    with read_connection().cursor() as cursor:
        cursor.execute(
            "SELECT MIN(start), MAX(start) FROM search_searchentry WHERE municipality_id = %s",
            [municipality_id],
        )
        first, last = cursor.fetchone()
    if first is None:
        return bounded.Estimate(total=0, facets=bounded.count_facets([])[0])
    share = min(1.0, max(bounded._sample_rows() / size, 1.5 * bounded.MIN_SAMPLE_HITS / planned))
    for _attempt in range(bounded.SAMPLE_ATTEMPTS):
        windows = _windows(first, last, share)
        rows = _read(match, filter_sql, filter_params, municipality_id, windows)
        hits = [row[:-1] for row in rows if row[-1]]
        if len(hits) >= bounded.MIN_SAMPLE_HITS or share >= 1.0:
            break
        share = min(1.0, share * 8)
    facets, total = bounded.count_facets(hits, size / max(1, len(rows)))
    return bounded.Estimate(
        total=total, facets=facets, title_match=_newest_titles(match, municipality_id)
    )


def _newest_titles(match: MatchSql, municipality_id: int) -> MatchSql:
    """The match with its title candidates found among the municipality's newest
    `SEARCH_LOCAL_TITLE_WALK` entries (its (municipality, start) index, each title
    tested): a bounded walk, where the title words' GIN list is national. Older title
    matches are not ranked first; they follow among the matches newest first."""
    newest = (
        "(SELECT * FROM search_searchentry WHERE municipality_id = %s "
        "ORDER BY start DESC LIMIT %s) e"
    )
    return dataclasses.replace(
        match,
        title_from_sql=f"{newest}{match.title_from_sql[len(ENTRIES) :]}",
        # Each walked row is tested itself (a municipality's keys would be computed).
        title_where_sql=match.title_row_where_sql or match.title_where_sql,
        title_params=[municipality_id, title_walk(), *match.title_params],
        title_id_sql="e.start DESC, e.item_id",
    )


def title_walk() -> int:
    return getattr(settings, "SEARCH_LOCAL_TITLE_WALK", 5000)


def _size(municipality_id: int) -> int:
    """The municipality's entries, as the planner counts them (its statistics hold
    each municipality's share)."""
    return max(
        1,
        current_backend().planned_rows(
            "SELECT 1 FROM search_searchentry e WHERE e.municipality_id = %s", [municipality_id]
        ),
    )


def _windows(first, last, share: float) -> list[tuple]:
    """`WINDOWS` date ranges [start, end) covering `share` of first..last, evenly spread."""
    span = last - first
    if share >= 1.0 or not span:
        return [(first, last + dt.timedelta(seconds=1))]
    width, step = span * share / WINDOWS, span / WINDOWS
    return [
        (first + step * k + (step - width) / 2, first + step * k + (step + width) / 2)
        for k in range(WINDOWS)
    ]


def _read(match, filter_sql, filter_params, municipality_id, windows) -> list[tuple]:
    """Facet values and whether it matches, of each entry of the municipality in the
    windows (the window's rows first: OFFSET 0 keeps the planner from reading the
    query's GIN list instead)."""
    window = (
        "(SELECT * FROM search_searchentry WHERE municipality_id = %s "
        "AND start >= %s AND start < %s OFFSET 0) e"
    )
    test = match.row_where(f"{match.where_sql}{filter_sql}")
    branch = (
        f"SELECT {bounded.FACET_COLUMNS}, CASE WHEN {test} THEN 1 "
        f"ELSE 0 END FROM {window}{match.from_sql[len(ENTRIES) :]}"
    )
    all_params = [
        value
        for start, end in windows
        for value in (*filter_params, municipality_id, start, end, *match.params)
    ]
    with read_connection().cursor() as cursor:
        cursor.execute(" UNION ALL ".join([branch] * len(windows)), all_params)
        return cursor.fetchall()
