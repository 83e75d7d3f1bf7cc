"""List parameters (filters, limit, cursor), OParl pagination and the Error object.

Pages are cut by id (keyset: `after=<last id>` in `links.next`), so the 1000th page of
a 100,000-row list costs the same as the first and a harvest never skips or repeats a
row when rows are added meanwhile."""

import datetime as dt
import math
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
DATE_FILTERS = {
    "created_since": ("created__gte", "created"),
    "created_until": ("created__lte", "created"),
    "modified_since": ("changed__gte", "modified"),
    "modified_until": ("changed__lte", "modified"),
}


class BadParameter(ValueError):
    """A query parameter the API cannot use; the message is shown to the client."""


@dataclass
class ListParams:
    limit: int
    after: int | None
    dates: dict[str, dt.datetime]
    raw_dates: dict[str, str]

    @property
    def with_deleted(self) -> bool:
        """OParl: deleted objects are listed only to a harvester asking for changes."""
        return "modified_since" in self.dates


def parse_params(query) -> ListParams:
    dates, raw = {}, {}
    for name in DATE_FILTERS:
        if name in query:
            raw[name] = query[name]
            dates[name] = _parse_moment(name, query[name])
    return ListParams(
        limit=_parse_int(query, "limit", DEFAULT_LIMIT, low=1, high=MAX_LIMIT),
        after=_parse_int(query, "after", None, low=0, high=2**63 - 1),
        dates=dates,
        raw_dates=raw,
    )


def _parse_int(query, name: str, default, *, low: int, high: int):
    if name not in query:
        return default
    text = query[name].strip()
    if not text.isdigit() or not low <= int(text) <= high:
        raise BadParameter(f"{name} must be a whole number from {low} to {high}, got {text!r}")
    return int(text)


def _parse_moment(name: str, text: str) -> dt.datetime:
    """ISO 8601 date-time (a '+' sent unencoded arrives as a space) or a date."""
    text = text.strip().replace(" ", "+")
    try:
        moment = parse_datetime(text)
        if moment is None and (day := parse_date(text)) is not None:
            moment = dt.datetime.combine(day, dt.time())
    except ValueError:
        moment = None
    if moment is None:
        raise BadParameter(
            f"{name} must be an ISO 8601 date-time such as 2026-01-31T00:00:00+01:00, got {text!r}"
        )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def apply_filters(queryset: QuerySet, params: ListParams) -> QuerySet:
    for name, moment in params.dates.items():
        queryset = queryset.filter(**{DATE_FILTERS[name][0]: moment})
    return queryset


@dataclass
class Page:
    rows: list
    total: int
    has_next: bool


def page_of(queryset: QuerySet, params: ListParams) -> Page:
    """The rows after the cursor, one more fetched to know whether a next page exists."""
    total = queryset.count()
    if params.after is not None:
        queryset = queryset.filter(pk__gt=params.after)
    rows = list(queryset[: params.limit + 1])
    return Page(rows=rows[: params.limit], total=total, has_next=len(rows) > params.limit)


def list_body(page: Page, data: list[dict], params: ListParams, *, url: str) -> dict:
    """The OParl list object: data, pagination, links (filters carried into each link)."""
    carried = dict(params.raw_dates)
    if params.limit != DEFAULT_LIMIT:
        carried["limit"] = str(params.limit)

    def link(**extra) -> str:
        query = urlencode({**carried, **extra})
        return f"{url}?{query}" if query else url

    links = {"first": link()}
    if page.has_next:
        links["next"] = link(after=page.rows[-1].pk)
    return {
        "data": data,
        "pagination": {
            "totalElements": page.total,
            "elementsPerPage": params.limit,
            "totalPages": max(1, math.ceil(page.total / params.limit)),
        },
        "links": links,
    }


def oparl_error(message: str, *, status: int) -> dict:
    return {"type": "https://schema.oparl.org/1.1/Error", "message": message, "status": status}
