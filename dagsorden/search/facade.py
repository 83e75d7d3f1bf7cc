"""The one way into search: `search()` for readers, `index_item()`/`index_meeting()`/
`remove_items()`/`reindex_all()` for keeping the index in step with the data.

The backend (SQLite FTS5 or PostgreSQL full text) is chosen by the database vendor; the
filters, facets, paging and snippets here are the same for both."""

import datetime as dt
from collections import Counter
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from dagsorden.cases.models import File
from dagsorden.core.replica import read_connection
from dagsorden.meetings.models import AgendaItem, Meeting
from dagsorden.meetings.wording import decision_addition_of
from dagsorden.organisations.models import Municipality, Organization

from . import bounded, local, phrase
from .backends import MatchSql, current_backend
from .documents import ItemDocument, item_document
from .models import SearchEntry
from .text import ParsedQuery, highlight, highlight_all, parse_query

PAGE_SIZE = 20
FACETS = bounded.FACETS
# Above this many matches only the title candidates are ranked: see _ranked_page. Each
# ranked match costs a read of its whole tsvector (TOAST on PostgreSQL): at 1,000 a
# municipality's search page in a 3 M-item archive spent 14 of its 34 ms ranking.
RANK_ALL_LIMIT = 100
# Item ids waiting for the end of a `deferred_indexing()` block; None outside one.
_deferred_ids: ContextVar[set[int] | None] = ContextVar("deferred_search_ids", default=None)
DEFERRED_CHUNK = 500  # ids per index pass: below SQLite's bound-parameter limit


@dataclass
class SearchRequest:
    """What the reader asked for. Facet filters narrow the result; dates are inclusive."""

    text: str = ""
    organization: int | None = None
    municipality: int | None = None
    year: int | None = None
    item_type: str = ""
    outcome: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    page: int = 1
    page_size: int = PAGE_SIZE

    @property
    def has_filters(self) -> bool:
        return any(
            [
                self.organization,
                self.municipality,
                self.year,
                self.item_type,
                self.outcome,
                self.date_from,
                self.date_to,
            ]
        )


@dataclass
class Hit:
    item_id: int
    meeting_id: int
    case_id: int | None
    organization: str
    start: dt.datetime
    title: SafeString
    snippet: SafeString
    item_type: str
    outcome: str
    journal_number: str
    case: "CaseSummary | None" = None
    municipality: str = ""


@dataclass
class CaseSummary:
    """A case across its public treatments: how many bodies, and the latest decision."""

    bodies: int
    treatments: int
    decided_by: str = ""
    decided_on: dt.datetime | None = None
    outcome: str = ""
    decision_text: str = ""


@dataclass
class SearchResult:
    request: SearchRequest
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    # facet name → Counter of value → count
    facets: dict[str, Counter] = field(default_factory=dict)
    # True when the query matched too many items to count: total and facet counts are
    # then estimates (rounded), and paging stops at SEARCH_ESTIMATED_PAGES.
    estimated: bool = False

    @property
    def pages(self) -> int:
        pages = max(1, -(-self.total // self.request.page_size))
        return min(pages, bounded.estimated_pages()) if self.estimated else pages

    @property
    def truncated(self) -> bool:
        """More hits exist than the pages offered."""
        return self.estimated and self.total > self.pages * self.request.page_size


# --- reading ---------------------------------------------------------------------------


def search(request: SearchRequest) -> SearchResult:
    with current_backend().reading():
        return _search(request)


def _search(request: SearchRequest) -> SearchResult:
    parsed = parse_query(request.text)
    if parsed.journal_number:
        result = _run(request, _journal_match(parsed.journal_number), parsed)
        if result.total:
            return result
        parsed = parse_query(request.text.replace("/", " ").replace("-", " "))
    if parsed.is_empty:
        if not request.has_filters:
            return SearchResult(request=request)
        return _run(request, _browse_match(), parsed)
    return _run(request, current_backend().match(parsed, request.municipality), parsed)


def _journal_match(journal_number: str) -> MatchSql:
    return MatchSql(
        from_sql="search_searchentry e",
        where_sql="e.journal_key = %s",
        params=[journal_number.lower()],
        order_sql="e.start DESC",
    )


def _browse_match() -> MatchSql:
    return MatchSql(
        from_sql="search_searchentry e", where_sql="1 = 1", params=[], order_sql="e.start DESC"
    )


def _filters(request: SearchRequest, alias: str = "e", scoped_to=None) -> tuple[str, list]:
    """The request's filters as SQL on the entry `alias`; the municipality's left out
    where the match is `scoped_to` it already."""
    clauses, params = [], []
    simple = {
        "organization_id": request.organization,
        "municipality_id": None if request.municipality == scoped_to else request.municipality,
        "year": request.year,
        "item_type": request.item_type,
        "outcome": request.outcome,
    }
    for column, value in simple.items():
        if value:
            clauses.append(f"{alias}.{column} = %s")
            params.append(value)
    if request.date_from:
        clauses.append(f"{alias}.start >= %s")
        params.append(_local_midnight(request.date_from))
    if request.date_to:
        clauses.append(f"{alias}.start < %s")
        params.append(_local_midnight(request.date_to + dt.timedelta(days=1)))
    return "".join(f" AND {clause}" for clause in clauses), params


def _local_midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def _run(request: SearchRequest, match: MatchSql, parsed: ParsedQuery) -> SearchResult:
    """Exact below `SEARCH_EXACT_LIMIT` matches, bounded above it (see `bounded`)."""
    filter_sql, filter_params = _filters(request, scoped_to=match.scoped_to)
    where = f"{match.where_sql}{filter_sql}"
    params = match.params + filter_params
    rows, found = _rows_or_estimate(
        match,
        where,
        params,
        filter_sql,
        filter_params,
        request.municipality,
        _planned(match, request),
    )
    if found is not None:
        return _run_estimated(request, match, found, parsed)
    offset = (max(1, request.page) - 1) * request.page_size
    facets, total = bounded.count_facets(rows)
    if match.rank_sql:
        item_ids = _ranked_page(request, match, where, params, offset, total)
    else:
        item_ids = _select_ids(
            bounded.one_per_case(match.from_sql, where)
            + " ORDER BY start DESC, item_id LIMIT %s OFFSET %s",
            [*params, request.page_size, offset],
        )
    return SearchResult(request=request, hits=_hits(item_ids, parsed), total=total, facets=facets)


def _planned(match: MatchSql, request: SearchRequest) -> int | None:
    """The planner's estimate of the matches, with every filter of the request (also
    the municipality's where the match is scoped to it: the estimate of its keys is a
    guess, the national word's share of the municipality is not)."""
    filter_sql, filter_params = _filters(request)
    where = f"{match.estimate_where_sql or match.where_sql}{filter_sql}"
    return current_backend().planned_rows(
        f"SELECT 1 FROM {match.from_sql} WHERE {where}", [*match.params, *filter_params]
    )


def _rows_or_estimate(match, where, params, filter_sql, filter_params, municipality, planned):
    """(facet rows of every match, None) when the matches are countable, else
    (None, an estimate). Each branch reads no more than the limit's worth of matches,
    or (one municipality, words common nationally) a sample of its own entries."""
    limit = bounded.exact_limit()
    if local.applies(match, municipality, planned):
        return None, local.estimate(
            match, filter_sql, filter_params, municipality_id=municipality, planned=planned
        )
    if phrase.applies(match, planned):
        return phrase.rows_or_estimate(match, filter_sql, filter_params, planned)
    if planned is not None and planned > limit:
        # The planner expects many: sample first, count only if the sample disagrees.
        found = bounded.estimate(
            match, where, params, at_least=0, planned=planned, may_decline=True
        )
        if found is not None and found.total > limit:
            return None, found
        # The sample disagrees: read the facet values of up to one past the limit (one
        # pass, which counts by the way; counting first would read the rows twice).
        rows = bounded.facet_rows(match, where, params, limit=limit + 1)
        if len(rows) > limit:
            return None, bounded.estimate(match, where, params, at_least=limit + 1)
        return rows, None
    if planned is not None or match.terms > 1 or match.has_phrase:
        # The planner expects few, or several words or a phrase (their matches are
        # mostly few): one pass reads the facet values of up to one past the limit, and
        # counts by the way. (Every pass over a pair reads the common word's list.)
        rows = bounded.facet_rows(match, where, params, limit=limit + 1)
        if len(rows) > limit:
            return None, bounded.estimate(match, where, params, at_least=limit + 1)
        return rows, None
    if bounded.count_upto(match, where, params, limit + 1) > limit:
        # Counting stops one past the limit: for a common word that is quick.
        return None, bounded.estimate(match, where, params, at_least=limit + 1)
    return bounded.facet_rows(match, where, params), None


def _ranked_page(request, match, where, params, offset, total) -> list[int]:
    """Exact path (a countable number of matches). A single word (not a phrase) with up
    to RANK_ALL_LIMIT matches: every match is ranked by the backend (bm25, ts_rank).
    Otherwise ranking every match is what costs (ts_rank reads each match's whole
    tsvector; FTS5's bm25 reads the whole list of every phrase and word, also the
    common ones of a pair), so the title candidates lead, ranked by their titles, and
    the other matches follow newest first, one per case."""
    single = match.terms == 1 and not match.has_phrase
    if not match.title_where_sql or (single and total <= RANK_ALL_LIMIT):
        return _select_ids(
            bounded.one_per_case(match.from_sql, where, match.rank_sql)
            + " ORDER BY score, start DESC, item_id LIMIT %s OFFSET %s",
            [*params, request.page_size, offset],
        )

    def rest(groups, limit, rest_offset):
        excluded = ""
        if groups:
            excluded = f" AND {bounded.CASE_GROUP} NOT IN ({', '.join(['%s'] * len(groups))})"
        return _select_ids(
            bounded.one_per_case(match.from_sql, where + excluded)
            + " ORDER BY start DESC, item_id LIMIT %s OFFSET %s",
            [*params, *groups, limit, rest_offset],
        )

    return bounded.ranked_page(
        match,
        lambda alias, scoped_to=None: _filters(request, alias, scoped_to),
        parse_query(request.text).stems(),
        offset=offset,
        size=request.page_size,
        rest=rest,
    )


def _run_estimated(request, match, found, parsed) -> SearchResult:
    """Many matches: estimated total and facets, the page from a bounded candidate set,
    and no pages beyond `SEARCH_ESTIMATED_PAGES`."""
    page = min(max(1, request.page), bounded.estimated_pages())
    offset = (page - 1) * request.page_size
    filters = lambda alias, scoped_to=None: _filters(request, alias, scoped_to)  # noqa: E731
    match = found.title_match or bounded.recent_titles(match, filters, found.id_bounds)
    if match.rank_sql:
        rest = None
        if found.rest is not None:
            rest = lambda groups, limit, rest_offset: found.rest(  # noqa: E731
                exclude_groups=groups, limit=limit, offset=rest_offset
            )
        item_ids = bounded.ranked_page(
            match, filters, parsed.stems(), offset=offset, size=request.page_size, rest=rest
        )
    else:
        item_ids = bounded.newest_first(
            match, filters, exclude_groups=[], limit=request.page_size, offset=offset
        )
    return SearchResult(
        request=request,
        hits=_hits(item_ids, parsed),
        total=found.total,
        facets=found.facets,
        estimated=True,
    )


def _select_ids(sql: str, params: list) -> list[int]:
    with read_connection().cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def _hits(item_ids: list[int], parsed: ParsedQuery) -> list[Hit]:
    entries = SearchEntry.objects.in_bulk(item_ids)
    names = dict(
        Organization.objects.filter(
            pk__in={e.organization_id for e in entries.values()}
        ).values_list("pk", "name")
    )
    municipalities = dict(
        Municipality.objects.filter(
            pk__in={e.municipality_id for e in entries.values()}
        ).values_list("pk", "name")
    )
    stems = parsed.stems()
    hits = [_hit(entries[pk], names, stems) for pk in item_ids if pk in entries]
    summaries = case_summaries({hit.case_id for hit in hits if hit.case_id})
    for hit in hits:
        hit.case = summaries.get(hit.case_id)
        hit.municipality = municipalities.get(entries[hit.item_id].municipality_id, "")
    return hits


def case_summaries(case_ids: set[int]) -> dict[int, CaseSummary]:
    """Each case's public treatments, read from the index (which holds public items
    and public decisions only, so nothing closed can show here)."""
    if not case_ids:
        return {}
    entries = (
        SearchEntry.objects.filter(case_id__in=case_ids)
        .select_related("organization", "item__decision")
        .order_by("start")
    )
    summaries: dict[int, CaseSummary] = {}
    bodies: dict[int, set[int]] = {}
    for entry in entries:
        summary = summaries.setdefault(entry.case_id, CaseSummary(bodies=0, treatments=0))
        bodies.setdefault(entry.case_id, set()).add(entry.organization_id)
        summary.treatments += 1
        summary.bodies = len(bodies[entry.case_id])
        if entry.outcome:  # a decision the public may read (approved minutes)
            decision = entry.item.decision
            summary.decided_by = entry.organization.name
            summary.decided_on = entry.start
            summary.outcome = decision.get_outcome_display()
            summary.decision_text = decision_addition_of(decision)
    return summaries


def _hit(entry: SearchEntry, names: dict, stems: set[str]) -> Hit:
    return Hit(
        item_id=entry.item_id,
        meeting_id=entry.meeting_id,
        case_id=entry.case_id,
        organization=names.get(entry.organization_id, ""),
        start=entry.start,
        title=mark_safe(highlight_all(entry.title, stems)),  # noqa: S308 - escaped in highlight
        snippet=mark_safe(highlight(entry.text, stems)),  # noqa: S308 - escaped in highlight
        item_type=entry.item_type,
        outcome=entry.outcome,
        journal_number=entry.journal_number,
    )


# --- writing ---------------------------------------------------------------------------


def items_for_indexing():
    """Agenda items with everything `item_document` reads, in few queries."""
    return AgendaItem.objects.select_related(
        "meeting__organization", "consultation__case", "decision", "recommendation"
    ).prefetch_related(
        "sections",
        "decision__remarks",
        Prefetch("files", queryset=File.objects.order_by("order", "id")),
    )


@transaction.atomic
def index_documents(documents: list[ItemDocument], *, remove_ids=()) -> None:
    """Write `documents` (replacing earlier versions) and drop `remove_ids`."""
    backend = current_backend()
    stale = [doc.item_id for doc in documents] + list(remove_ids)
    SearchEntry.objects.filter(item_id__in=stale).delete()
    backend.delete(stale)
    SearchEntry.objects.bulk_create([entry_of(doc) for doc in documents], batch_size=1000)
    backend.write(documents)


def entry_of(doc: ItemDocument) -> SearchEntry:
    """The unsaved index row of a document."""
    return SearchEntry(
        item_id=doc.item_id,
        meeting_id=doc.meeting_id,
        organization_id=doc.organization_id,
        municipality_id=doc.municipality_id,
        case_id=doc.case_id,
        start=doc.start,
        year=doc.year,
        item_type=doc.item_type,
        outcome=doc.outcome,
        journal_number=doc.journal_number,
        journal_key=doc.journal_number.lower(),
        title=doc.title,
        text=doc.text,
    )


def index_items(item_ids) -> None:
    """Bring the index up to date for these items: indexed if public, else removed.
    Inside `deferred_indexing()` the ids are only noted, and indexed when it ends."""
    item_ids = set(item_ids)
    if (pending := _deferred_ids.get()) is not None:
        pending.update(item_ids)
        return
    documents = []
    for item in items_for_indexing().filter(pk__in=item_ids):
        if (doc := item_document(item)) is not None:
            documents.append(doc)
    indexed = {doc.item_id for doc in documents}
    index_documents(documents, remove_ids=item_ids - indexed)


def index_item(item: AgendaItem) -> None:
    index_items([item.pk])


def index_meeting(meeting: Meeting) -> None:
    index_items(AgendaItem.objects.filter(meeting_id=meeting.pk).values_list("pk", flat=True))


@contextmanager
def deferred_indexing():
    """Index the items asked for inside the block once, when it ends.

    Bulk writers (the importer) touch each item several times and index a few items per
    call; one pass over all of them at the end does the same work with far fewer
    queries. `index_items` reads the items as they are then, so an id noted twice is
    indexed once, and an id whose row was rolled back is simply dropped from the index.
    A nested block joins the outer one. When the block raises inside a transaction,
    nothing is indexed: that transaction is failing and its rows go with it. Raising
    outside a transaction still indexes what was noted, which was committed already.
    """
    if _deferred_ids.get() is not None:
        yield
        return
    pending: set[int] = set()
    token = _deferred_ids.set(pending)
    try:
        yield
    except BaseException:
        _deferred_ids.reset(token)
        if not connection.in_atomic_block:
            _index_in_chunks(pending)
        raise
    _deferred_ids.reset(token)
    _index_in_chunks(pending)


def _index_in_chunks(item_ids: set[int]) -> None:
    ordered = sorted(item_ids)
    for start in range(0, len(ordered), DEFERRED_CHUNK):
        index_items(ordered[start : start + DEFERRED_CHUNK])


def remove_items(item_ids) -> None:
    index_documents([], remove_ids=list(item_ids))


def reindex_all(*, batch_size: int = 500, progress=None) -> int:
    """Rebuild the whole index from the data; returns the number of indexed items."""
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        current_backend().clear()
    ids = list(AgendaItem.objects.order_by("pk").values_list("pk", flat=True))
    count = 0
    for start in range(0, len(ids), batch_size):
        batch = ids[start : start + batch_size]
        documents = [
            doc
            for item in items_for_indexing().filter(pk__in=batch)
            if (doc := item_document(item)) is not None
        ]
        index_documents(documents)
        count += len(documents)
        if progress:
            progress(start + len(batch), len(ids))
    return count
