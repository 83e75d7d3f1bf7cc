"""Search backends: how the index matches and ranks, per database vendor.

A backend writes the vendor-specific part of the index and describes, as SQL fragments,
how to match a parsed query against `search_searchentry e` and how to rank the matches.
Everything else (filters, facets, paging, snippets) is shared in `dagsorden.search.facade`.
"""

from dataclasses import dataclass, field

from django.db import connection


@dataclass
class MatchSql:
    """FROM and WHERE fragments that select the matching entries, and the ORDER BY.
    `rank_sql` (smaller is better) is set for text matches. Without a probe, `where_sql` must
    name the entry as `e.` only (it is re-aliased for correlated tests)."""

    from_sql: str
    where_sql: str
    params: list
    order_sql: str
    # The test of an entry row already read (a sample window's), where `where_sql` is
    # shaped for an index whose key would be computed row by row (empty: `where_sql`).
    row_where_sql: str = ""
    # The municipality `where_sql` matches only in by itself (its own keys): a filter on
    # it would add nothing but the planner's choice of ANDing its index.
    scoped_to: int | None = None
    # The part of `where_sql` whose planner row estimate stands for the number of
    # matches (empty: all of it).
    estimate_where_sql: str = ""
    rank_sql: str = ""
    # The title candidates: matches with a query word in the title, newest first by
    # `title_id_sql` (the item id). Filters on `e.` follow `title_params`.
    title_from_sql: str = ""
    title_where_sql: str = ""
    title_params: list = field(default_factory=list)
    # `title_where_sql` for rows already read (empty: the same), as `row_where_sql`.
    title_row_where_sql: str = ""
    # The part of `title_where_sql` whose planner estimate is the number of title
    # matches (empty: all of it).
    title_estimate_where_sql: str = ""
    title_id_sql: str = "e.item_id"
    # How many words and phrases the query has (all must occur), and whether any is a
    # phrase (whose positions the backends' ranking reads in every candidate).
    terms: int = 0
    has_phrase: bool = False
    # The item id as the match structure sees it: a range on it is a seek in the index
    # (FTS5's rowid), which is how the bounded path samples id windows.
    id_sql: str = "e.item_id"
    # A FROM for one id window (its two bounds come first among the parameters), where
    # a range on `id_sql` alone would not keep the database from reading every match.
    window_from_sql: str = ""
    # Whether the windows of a sample are one statement (`id_sql` BETWEEN … OR …), so
    # the index's list is read once: PostgreSQL ANDs it with the primary key's ranges;
    # FTS5 would read the whole list for a rowid OR.
    windows_together: bool = False
    # `probe_sql.format(alias=…)` tests whether one entry row matches (with
    # `probe_params`): for walking the entries newest first and stopping at a page.
    probe_sql: str = ""
    probe_params: list = field(default_factory=list)
    # A query with a phrase whose positions are rechecked row by row (PostgreSQL): a
    # FROM (aliases `e` and `query.q`) for the items holding all of its words, which
    # the index finds without reading a row, and the whole query as one SQL expression
    # (see `dagsorden.search.phrase`).
    candidates_sql: str = ""
    candidates_params: list = field(default_factory=list)
    phrase_query_sql: str = ""
    phrase_query_params: list = field(default_factory=list)

    def row_where(self, where: str) -> str:
        """`where` (this match's `where_sql`, then filters) for rows already read."""
        if not self.row_where_sql:
            return where
        if not where.startswith(self.where_sql):
            raise ValueError("A row test is made from the match's own where_sql.")
        return self.row_where_sql + where[len(self.where_sql) :]

    def probe(self, alias: str) -> tuple[str, list]:
        if not self.probe_sql:
            return self.where_sql.replace("e.", f"{alias}."), list(self.params)
        return self.probe_sql.format(alias=alias), list(self.probe_params)


def current_backend():
    from . import postgres, sqlite

    backends = {"sqlite": sqlite, "postgresql": postgres}
    try:
        return backends[connection.vendor]
    except KeyError:
        raise NotImplementedError(f"No search backend for {connection.vendor}") from None
