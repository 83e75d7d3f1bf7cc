"""A phrase of common words without an adjacent pair, bounded (PostgreSQL).

A phrase of adjacent words is found through the pair index (migration 0007, see
`backends.postgres`); this path is for a phrase whose words a stop word separates
("skole og budget"), which makes no pair.

GIN finds the items holding all of a phrase's words from its posting lists alone, but
whether the words stand next to each other is rechecked in each candidate's stored
tsvector, which must be read (detoasted) row by row: a phrase of two common words
("strategibus landsbybudgettet", 19,000 candidates for 255 matches on the 200k
archive) costs every candidate, on every pass that reads all matches.

So when the planner expects more than `SEARCH_PHRASE_CANDIDATES` candidates (and at most
`SEARCH_PHRASE_LIST_LIMIT`; above it the words are in most items and `bounded`'s id
window sample and walk by date test about as many), the ids of
all candidates are listed (posting lists and one heap visit per row, no tsvector read)
and the phrase is tested on a bounded set of them only:

- with at most that many candidates (the planner guessed high) all are tested: the
  result is exact, as for a rare phrase;
- else an even spread of that many candidates over the archive is tested, and the
  total and facets are that sample's matches scaled up by candidates / tested (marked
  as an estimate, as the other estimated paths are);
- the page's other matches (after the title candidates) are found by testing the
  candidates newest first, chunk by chunk, until the page is full or
  `SEARCH_PHRASE_WALK` candidates have been tested.
"""

from dataclasses import dataclass

from django.conf import settings

from dagsorden.core.replica import read_connection

from . import bounded
from .backends import MatchSql

CHUNK = 500


def candidate_limit() -> int:
    return getattr(settings, "SEARCH_PHRASE_CANDIDATES", 2000)


def walk_limit() -> int:
    return getattr(settings, "SEARCH_PHRASE_WALK", 20_000)


def list_limit() -> int:
    return getattr(settings, "SEARCH_PHRASE_LIST_LIMIT", 50_000)


def applies(match: MatchSql, planned: int | None) -> bool:
    """A phrase whose words the planner expects in many items (it estimates a phrase
    as the AND of its words, which is what the candidates are)."""
    return bool(match.candidates_sql) and planned is not None and planned > candidate_limit()


@dataclass
class Candidates:
    """Items holding every word of the query (phrase or not), newest first."""

    match: MatchSql
    filter_sql: str
    filter_params: list
    ids: list[int]

    @classmethod
    def read(cls, match: MatchSql, filter_sql: str, filter_params: list) -> "Candidates":
        sql = (
            f"SELECT e.item_id FROM {match.candidates_sql} WHERE e.document @@ query.q"
            f"{filter_sql} ORDER BY e.start DESC, e.item_id"
        )
        with read_connection().cursor() as cursor:
            cursor.execute(sql, [*match.candidates_params, *filter_params])
            ids = [row[0] for row in cursor.fetchall()]
        return cls(match, filter_sql, filter_params, ids)

    def facet_rows(self, ids: list[int]) -> list[tuple]:
        """Facet values and case group of those of `ids` that match the query."""
        if not ids:
            return []
        return self._select(bounded.FACET_COLUMNS, ids)

    def matching(self, ids: list[int]) -> list[tuple[int, int]]:
        """(item id, case group) of those of `ids` that match, in the order of `ids`."""
        if not ids:
            return []
        found = dict(self._select(f"e.item_id, {bounded.CASE_GROUP}", ids))
        return [(item_id, found[item_id]) for item_id in ids if item_id in found]

    def _select(self, columns: str, ids: list[int]) -> list[tuple]:
        # The ids through the primary key first (OFFSET 0 keeps the planner from
        # merging them with the match): else the phrase's whole GIN list is rechecked.
        sql = (
            f"SELECT {columns} FROM (SELECT * FROM search_searchentry WHERE item_id = ANY(%s) "
            f"OFFSET 0) e CROSS JOIN (SELECT {self.match.phrase_query_sql} AS q) query "
            f"WHERE e.document @@ query.q{self.filter_sql}"
        )
        with read_connection().cursor() as cursor:
            cursor.execute(sql, [ids, *self.match.phrase_query_params, *self.filter_params])
            return cursor.fetchall()

    def spread(self, size: int) -> list[int]:
        """`size` candidates evenly spread over the archive (by item id)."""
        ordered = sorted(self.ids)
        step = len(ordered) / size
        return [ordered[int(step * k)] for k in range(size)]

    def newest_first(self, *, exclude_groups, limit: int, offset: int) -> list[int]:
        """Matches newest first, one per case (its newest match), leaving out the case
        groups already shown; stops when the page is full or the walk is spent."""
        seen, page = set(exclude_groups), []
        for start in range(0, min(len(self.ids), walk_limit()), CHUNK):
            chunk = self.ids[start : start + CHUNK]
            for item_id, group in self.matching(chunk):
                if group in seen:
                    continue
                seen.add(group)
                page.append(item_id)
            if len(page) >= offset + limit:
                break
        return page[offset : offset + limit]


def rows_or_estimate(match: MatchSql, filter_sql: str, filter_params: list, planned: int):
    """(facet rows of every match, None) when all candidates could be tested, else
    (None, an estimate whose page walks the candidates newest first)."""
    if planned > list_limit():
        # The words are in most entries: a sample of that many entries read window by
        # window tests about as many candidates, and the walk by date finds the page.
        where = f"{match.where_sql}{filter_sql}"
        params = [*match.params, *filter_params]
        return None, bounded.estimate(match, where, params, at_least=0, rows=candidate_limit())
    candidates = Candidates.read(match, filter_sql, filter_params)
    limit = candidate_limit()
    if len(candidates.ids) <= limit:
        rows = candidates.facet_rows(candidates.ids)
        if len(rows) <= bounded.exact_limit():
            return rows, None
        # Counted exactly, but too many to rank and page in full.
        facets, total = bounded.count_facets(rows)
        return None, bounded.Estimate(total=total, facets=facets, rest=candidates.newest_first)
    tested = candidates.spread(limit)
    rows = candidates.facet_rows(tested)
    facets, total = bounded.count_facets(rows, len(candidates.ids) / len(tested))
    return None, bounded.Estimate(total=total, facets=facets, rest=candidates.newest_first)
