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
    `rank_sql` (smaller is better) is set for text matches; `title_where_sql` (with
    `title_params` after `params`) narrows them to those with a query word in the title,
    the cheap pre-filter for ranking common words."""

    from_sql: str
    where_sql: str
    params: list
    order_sql: str
    rank_sql: str = ""
    title_where_sql: str = ""
    title_params: list = field(default_factory=list)


def current_backend():
    from . import postgres, sqlite

    backends = {"sqlite": sqlite, "postgresql": postgres}
    try:
        return backends[connection.vendor]
    except KeyError:
        raise NotImplementedError(f"No search backend for {connection.vendor}") from None
