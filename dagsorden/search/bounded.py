"""Search whose cost does not grow with the number of matches.

A query that matches more than `SEARCH_EXACT_LIMIT` entries (found by counting at most
one more than that, or up front by PostgreSQL's planner estimate) is answered without
touching every match:

- the total and the facet counts are estimated from a sample: the matches inside a few
  narrow windows of item ids spread over the whole archive. A range on the item id is a
  seek in both match structures (FTS5's rowid, the primary key next to PostgreSQL's
  GIN index), so the sample costs what its size costs. The result says it is an
  estimate, and the page says "ca.";
- the page is ranked among a bounded candidate set: the newest
  `SEARCH_RANK_CANDIDATES` matches with a query word in the title, ranked by their
  title (both backends weight a title word far above the text, so these lead a full
  ranking too), then the other matches newest first, found by walking the entries by
  date and testing each one against the index until the page is full;
- paging stops after `SEARCH_ESTIMATED_PAGES` pages: beyond that a reader narrows the
  search with a facet or a date.

Below the limit everything stays exact (see `facade._run`)."""

import dataclasses
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings

from dagsorden.core.replica import read_connection

from .backends import MatchSql, current_backend
from .text import stem, tokens

# One row per case: a case treated in four bodies is one hit, shown by its best match.
# Items without a case are their own group (negative ids never meet a case id).
CASE_GROUP = "COALESCE(e.case_id, -e.item_id)"
FACETS = ("organization", "municipality", "year", "item_type", "outcome")
# The sample is this many narrow windows spread evenly over the item ids.
WINDOWS = 16
# Below this many sampled matches the estimate is too rough: the sample grows.
MIN_SAMPLE_HITS = 200
# … by eight times, at most twice: a rough estimate beats an unbounded sample.
SAMPLE_ATTEMPTS = 3
# A word in more than this share of the entries is read window by window, not through
# its (long) index entry …
COMMON_SHARE = 0.1
# … or in fewer, in a large archive: a window's entry costs about fifty list entries
# (its tsvector is read from TOAST; ~10 µs against ~0.2 µs on the 1 M archive), and a
# sample reads about 1.5 × MIN_SAMPLE_HITS × entries / matches of them, so the windows
# cost less than the list once matches² > 50 × 300 × entries (7 % of 3 M, 4.6 % of 7 M).
ROW_TO_LIST_COST = 50


def exact_limit() -> int:
    return getattr(settings, "SEARCH_EXACT_LIMIT", 5000)


def rank_candidates() -> int:
    return getattr(settings, "SEARCH_RANK_CANDIDATES", 300)


def estimated_pages() -> int:
    return getattr(settings, "SEARCH_ESTIMATED_PAGES", 25)


def _sample_rows() -> int:
    return getattr(settings, "SEARCH_SAMPLE_ROWS", 1000)


FACET_COLUMNS = (
    "e.organization_id, e.municipality_id, e.year, e.item_type, e.outcome, " + CASE_GROUP
)


def count_upto(match: MatchSql, where: str, params: list, limit: int) -> int:
    """The number of matches, counted no further than `limit`."""
    with read_connection().cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM (SELECT 1 FROM {match.from_sql} WHERE {where} LIMIT %s) m",
            [*params, limit],
        )
        return cursor.fetchone()[0]


def facet_rows(match: MatchSql, where: str, params: list, *, limit=None) -> list[tuple]:
    """The facet values and case group of the matches, at most `limit` rows."""
    sql = f"SELECT {FACET_COLUMNS} FROM {match.from_sql} WHERE {where}"
    with read_connection().cursor() as cursor:
        if limit is None:
            cursor.execute(sql, params)
        else:
            cursor.execute(sql + " LIMIT %s", [*params, limit])
        return cursor.fetchall()


def count_facets(rows: list[tuple], scale: float = 1.0) -> tuple[dict[str, Counter], int]:
    """Facet counts and the total in hits (distinct case groups) of `rows`, each count
    multiplied by `scale` (for a sample; scaled counts are rounded). A facet value counts
    hits too: the cases (and items without a case) with a match there, so choosing it
    gives the result its count promised. A case treated in three bodies counts once
    under each body."""
    columns = list(zip(*rows, strict=True)) or [()] * (len(FACETS) + 1)
    groups = columns[-1]
    facets = {
        name: Counter(value for value, _group in set(zip(column, groups, strict=True)))
        for name, column in zip(FACETS, columns, strict=False)
    }
    for counter in facets.values():
        counter.pop("", None)
        counter.pop(None, None)
    total = len(set(columns[-1]))
    if scale == 1.0:
        return facets, total
    for counter in facets.values():
        for value, count in counter.items():
            counter[value] = round_estimate(count * scale)
    return facets, round_estimate(total * scale)


@dataclass
class Estimate:
    total: int
    facets: dict[str, Counter]
    # How the page's matches after the title candidates are found (`newest_first`'s
    # keywords but the match and filters), where walking all entries would not do.
    rest: Callable | None = None
    # The match to find the page's title candidates with, where it differs.
    title_match: MatchSql | None = None
    # The index's lowest and highest item id, where the estimate asked for them.
    id_bounds: tuple | None = None


def estimate(
    match: MatchSql,
    where: str,
    params: list,
    *,
    at_least: int,
    planned: int | None = None,
    may_decline: bool = False,
    rows: int | None = None,
) -> Estimate | None:
    """Total (in hits: cases and items without a case) and facet counts, scaled up from
    the matches in the sample windows, rounded to two significant digits. `planned`
    (the planner's row estimate, where there is one) sizes the sample for about
    MIN_SAMPLE_HITS matches and says whether the word is so common that reading the
    windows' rows beats the index. With `may_decline`, a common query whose sample
    finds too few matches gives None (the caller counts instead). `rows` asks for a
    sample of about that many entries read window by window (a phrase of words found
    in most entries, see `phrase`)."""
    low, high = id_bounds()
    span = (high or 0) - (low or 0) + 1
    share = min(1.0, _sample_rows() / span)
    if planned:
        share = max(share, min(1.0, 1.5 * MIN_SAMPLE_HITS / planned))
    common = planned is not None and planned > common_from(span)
    if rows is not None:
        share, common = min(1.0, rows / span), True
    for _attempt in range(SAMPLE_ATTEMPTS):
        windows = _windows(low or 0, span, share)
        found = _sample(match, where, params, windows, common=common)
        if len(found) >= MIN_SAMPLE_HITS or share >= 1.0 or rows is not None:
            break
        if may_decline and (common or len(found) * span / _covered(windows) < exact_limit() / 2):
            # The planner expected a common query and the sample disagrees (a rare
            # phrase of common words), or finds clearly fewer matches than the limit:
            # say so rather than read ever more windows (the caller counts).
            return None
        share = min(1.0, share * 8)
    scale = span / _covered(windows)
    facets, total = count_facets(found, scale)
    return Estimate(total=max(at_least, total), facets=facets, id_bounds=(low, high))


def id_bounds() -> tuple[int | None, int | None]:
    """The lowest and highest item id in the index (None, None when it is empty)."""
    with read_connection().cursor() as cursor:
        # Two subqueries: each is one step in the primary key (a single MIN, MAX pair
        # would make SQLite scan the table).
        cursor.execute(
            "SELECT (SELECT MIN(item_id) FROM search_searchentry), "
            "(SELECT MAX(item_id) FROM search_searchentry)"
        )
        return cursor.fetchone()


def _covered(windows: list[tuple[int, int]]) -> int:
    return sum(last - first + 1 for first, last in windows)


def common_from(span: int) -> float:
    """Planned matches above which the sample reads window rows, not the query's list."""
    return min(COMMON_SHARE * span, math.sqrt(ROW_TO_LIST_COST * 1.5 * MIN_SAMPLE_HITS * span))


def round_estimate(value: float) -> int:
    """Two significant digits: an estimate should not look more precise than it is."""
    value = int(round(value))
    if value < 100:
        return value
    return int(round(value, 2 - len(str(value))))


def _windows(low: int, span: int, share: float) -> list[tuple[int, int]]:
    if share >= 1.0:
        return [(low, low + span - 1)]
    width = max(1, int(span * share / WINDOWS))
    step = span / WINDOWS
    return [
        (
            low + int(step * k + (step - width) / 2),
            low + int(step * k + (step - width) / 2) + width - 1,
        )
        for k in range(WINDOWS)
    ]


def _sample(match, where, params, windows, *, common: bool) -> list[tuple]:
    if common and match.window_from_sql:
        branch = (
            f"SELECT {FACET_COLUMNS} FROM {match.window_from_sql} WHERE {match.row_where(where)}"
        )
        all_params = [value for window in windows for value in (*window, *params)]
        sql = " UNION ALL ".join([branch] * len(windows))
    elif not match.windows_together:
        branch = (
            f"SELECT {FACET_COLUMNS} FROM {match.from_sql} "
            f"WHERE {where} AND {match.id_sql} BETWEEN %s AND %s"
        )
        all_params = [value for window in windows for value in (*params, *window)]
        sql = " UNION ALL ".join([branch] * len(windows))
    else:
        # One statement over all windows: the index's list for the query is read once,
        # not once per window (a phrase's pair list or a mid-frequency word's).
        ranges = " OR ".join([f"{match.id_sql} BETWEEN %s AND %s"] * len(windows))
        sql = f"SELECT {FACET_COLUMNS} FROM {match.from_sql} WHERE {where} AND ({ranges})"
        all_params = [*params, *(value for window in windows for value in window)]
    with read_connection().cursor() as cursor:
        cursor.execute(sql, all_params)
        return cursor.fetchall()


def one_per_case(from_sql: str, where: str, score_sql: str = "0") -> str:
    """SELECT item_id, start, score, case_group of each case's best match (lowest score,
    newest). The score is computed in its own subquery: FTS5's bm25() may not stand in
    a window."""
    scored = (
        f"SELECT e.item_id AS item_id, e.start AS start, {score_sql} AS score, "
        f"{CASE_GROUP} AS case_group FROM {from_sql} WHERE {where}"
    )
    return (
        "SELECT item_id, start, score, case_group FROM (SELECT item_id, start, score, "
        "case_group, ROW_NUMBER() OVER (PARTITION BY case_group ORDER BY score, "
        f"start DESC, item_id) AS n FROM ({scored}) scored) grouped WHERE n = 1"
    )


def title_window() -> int:
    return getattr(settings, "SEARCH_TITLE_WINDOW", 200_000)


# An estimated result's title window is sized to hold about this many times
# `rank_candidates()` title matches by the planner's estimate (the page ranks the newest
# of them; the rest is margin for the estimate's error).
TITLE_WINDOW_MARGIN = 4


def recent_titles(match: MatchSql, filters=None, bounds: tuple | None = None) -> MatchSql:
    """The match with its title candidates taken from the newest entries (by item id),
    for a query with an estimated total: a title phrase or word common in a national
    archive has tens of thousands of title matches, whose rows (not cached in a 22 GB
    archive) cost more than the page; its newest are what the page ranks anyway. The
    window is the newest `SEARCH_TITLE_WINDOW` entries at most, and fewer where the
    planner expects more title matches than the page ranks, so the rows read stay about
    `TITLE_WINDOW_MARGIN` × `SEARCH_RANK_CANDIDATES` however large the archive. Where
    the planner expects no more title matches than `SEARCH_EXACT_LIMIT`, all are read.
    `bounds` are the index's item ids (`id_bounds()`), where the caller has them.
    """
    oldest, newest = bounds or id_bounds()
    if not newest or not match.title_where_sql:
        return match
    span = newest - oldest + 1
    window = _title_window_for(match, filters, span)
    if window is None or min(window, title_window()) >= span:
        return match
    window = min(window, title_window())
    return dataclasses.replace(
        match,
        title_where_sql=f"{match.title_where_sql} AND {match.title_id_sql} > %s",
        title_params=[*match.title_params, newest - window],
    )


def _title_window_for(match: MatchSql, filters, span: int) -> int | None:
    """Entries that hold about TITLE_WINDOW_MARGIN × rank_candidates() title matches,
    by the planner's estimate of the title matches (with the request's filters); None
    (no window) when the title matches are countable."""
    filter_sql, filter_params = filters("e") if filters else ("", [])
    where = match.title_estimate_where_sql or match.title_where_sql
    planned = current_backend().planned_rows(
        f"SELECT 1 FROM {match.title_from_sql} WHERE {where}{filter_sql}",
        [*match.title_params, *filter_params],
    )
    wanted = TITLE_WINDOW_MARGIN * rank_candidates()
    if planned is not None and planned <= exact_limit():
        # Few title matches: their list and rows cost less than marking a window's
        # entries in the primary key (200,000 of them took 10 ms at 3 M items).
        return None
    if not planned:
        return span
    return max(wanted, math.ceil(wanted * span / planned))


def title_candidates(match: MatchSql, filters, stems: set[str]) -> list[tuple[int, int]]:
    """(item id, case group) of the newest title matches, ranked, one per case.

    They are ranked here, by the title alone: more of the query's words in it first,
    then more occurrences, then the shorter title, then the newest. No match's document
    is read and the rank is the same on both backends; for a single word it orders
    titles as bm25 and ts_rank do (a word once in a short title leads)."""
    # Without the filter on the municipality the match is scoped to (its own keys).
    filter_sql, filter_params = filters("e", match.scoped_to)
    sql = (
        f"SELECT e.item_id, e.start, e.title, {CASE_GROUP} FROM {match.title_from_sql} "
        f"WHERE {match.title_where_sql}{filter_sql} "
        f"ORDER BY {match.title_id_sql} DESC LIMIT %s"
    )
    with read_connection().cursor() as cursor:
        cursor.execute(sql, [*match.title_params, *filter_params, rank_candidates()])
        rows = cursor.fetchall()
    ranked = sorted(rows, key=lambda row: (_title_rank(row[2], stems), -_stamp(row[1]), row[0]))
    best: dict[int, int] = {}
    for item_id, _start, _title, group in ranked:
        best.setdefault(group, item_id)
    return [(item_id, group) for group, item_id in best.items()]


def _title_rank(title: str, stems: set[str]) -> tuple[int, int, int]:
    words = [stem(word) for word in tokens(title)]
    found = [word for word in words if word in stems]
    return (-len(set(found)), -len(found), len(words))


def _stamp(start) -> float:
    return start.timestamp() if hasattr(start, "timestamp") else 0.0


def newest_first(match: MatchSql, filters, *, exclude_groups, limit: int, offset: int) -> list[int]:
    """Matches newest first, one per case (its newest matching item), leaving out the
    case groups already shown. Walks the entries by date and tests each against the
    index, so a page of a common word stops after a page's worth of matches.
    `filters(alias, scoped_to=None)` gives the request's filter SQL and params for an
    entry alias (without the municipality's, when it is `scoped_to`)."""
    probe, probe_params = match.probe("e")
    filter_sql, filter_params = filters("e")
    later, later_params = match.probe("e2")
    later_filter_sql, later_filter_params = filters("e2")
    excluded = ""
    if exclude_groups:
        excluded = f" AND {CASE_GROUP} NOT IN (" + ", ".join(["%s"] * len(exclude_groups)) + ")"
    sql = (
        f"SELECT e.item_id FROM search_searchentry e WHERE {probe}{filter_sql}{excluded} "
        "AND (e.case_id IS NULL OR NOT EXISTS (SELECT 1 FROM search_searchentry e2 "
        "WHERE e2.case_id = e.case_id AND (e2.start > e.start OR "
        f"(e2.start = e.start AND e2.item_id < e.item_id)) AND {later}{later_filter_sql})) "
        "ORDER BY e.start DESC, e.item_id LIMIT %s OFFSET %s"
    )
    params = [
        *probe_params,
        *filter_params,
        *exclude_groups,
        *later_params,
        *later_filter_params,
        limit,
        offset,
    ]
    with read_connection().cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def ranked_page(match, filters, stems, *, offset: int, size: int, rest=None) -> list[int]:
    """The page out of: the ranked title candidates, then the other matches newest
    first (by `rest(exclude_groups, limit, offset)`, else by walking the entries)."""
    titled = title_candidates(match, filters, stems) if match.title_where_sql else []
    page = [item_id for item_id, _group in titled[offset : offset + size]]
    if len(page) == size:
        return page
    groups = [group for _item_id, group in titled]
    limit, rest_offset = size - len(page), max(0, offset - len(titled))
    if rest is not None:
        return page + rest(groups, limit, rest_offset)
    return page + newest_first(
        match, filters, exclude_groups=groups, limit=limit, offset=rest_offset
    )
