"""Read scaling: public reads go to a PostgreSQL streaming replica, everything else to
the primary.

The choice is made once per request by `ReplicaRoutingMiddleware` and kept in a context
variable that `PrimaryReplicaRouter` reads, so a model never decides on its own where it
is read from. A request reads from the replica only when all of these hold:

- a replica is configured (`DATABASE_REPLICA_URL`, alias "replica");
- it is a GET or HEAD to the public portal, its documents or the open-data API;
- it carries neither a session cookie (possibly logged in: staff and members always see
  the primary) nor an Authorization header;
- it carries no valid "recently wrote" cookie: every unsafe request (POST, PUT, ...)
  sets a signed cookie that keeps that browser on the primary for
  `REPLICA_STICKY_SECONDS`, so a visitor never sees the replica's older state of
  something they just changed;
- the replica's replay lag, measured at most every `REPLICA_LAG_CHECK_SECONDS`, is at
  most `REPLICA_MAX_LAG_SECONDS`; an unreachable replica counts as lagging.

Because the sticky time is at least the lag bound plus the check interval, a visitor
whose cookie has expired reads from a replica that has replayed a commit made after
their write, hence their write too (commits replay in order).

Inside a transaction on the primary every read stays there: it must see its own writes.
"""

import contextlib
import contextvars
import logging
import time

from django.conf import settings
from django.core import signing
from django.db import DatabaseError, connections
from django.urls import Resolver404, resolve

logger = logging.getLogger(__name__)

PRIMARY = "default"
REPLICA = "replica"
# URL namespaces whose GET requests show only public data.
PUBLIC_NAMESPACES = frozenset({"portal", "kommune", "documents", "api", "oparl"})
SAFE_METHODS = frozenset({"GET", "HEAD"})
STICKY_COOKIE = "dagsorden_wrote"
STICKY_SALT = "dagsorden.core.replica.sticky"

_read_alias = contextvars.ContextVar("dagsorden_read_alias", default=PRIMARY)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


@contextlib.contextmanager
def reads_from(alias: str):
    """Route this context's reads to `alias` (PRIMARY or REPLICA)."""
    token = _read_alias.set(alias)
    try:
        yield
    finally:
        _read_alias.reset(token)


def current_read_alias() -> str:
    """Where a read made now goes (the router's answer)."""
    if (
        _read_alias.get() == REPLICA
        and replica_configured()
        and not connections[PRIMARY].in_atomic_block
    ):
        return REPLICA
    return PRIMARY


def read_connection():
    """The connection for raw SQL reads, which the router never sees: the same database
    the request's ORM reads use, so both show the same moment."""
    return connections[current_read_alias()]


class PrimaryReplicaRouter:
    """Reads follow the request's choice; writes and migrations only ever go to the
    primary (the replica is read-only and receives the schema by streaming)."""

    def db_for_read(self, model, **hints):
        return current_read_alias()

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # both aliases hold the same rows

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA


# --- replica lag ----------------------------------------------------------------------

# Why a heartbeat and not WAL positions: on an idle or busy primary the replica's receive
# and replay positions differ by a partly sent record, and the primary's WAL positions
# run ahead of what it has flushed, so neither "received == replayed" nor "replica at the
# primary's position" says whether a commit is missing. A committed stamp does: when the
# replica's copy of the stamp is T seconds old, it has every commit older than T seconds.
HEARTBEAT_TABLE = "core_replicaheartbeat"
BEAT_SQL = (
    f"INSERT INTO {HEARTBEAT_TABLE} (id, at) VALUES (1, clock_timestamp()) "
    "ON CONFLICT (id) DO UPDATE SET at = EXCLUDED.at"
)
AGE_SQL = f"SELECT EXTRACT(EPOCH FROM clock_timestamp() - at) FROM {HEARTBEAT_TABLE} WHERE id = 1"

# (monotonic time measured, lag in seconds or None when unknown), per process.
_last_lag: tuple[float, float | None] = (float("-inf"), None)


def replica_heartbeat_beat() -> None:
    """Stamp the heartbeat on the primary (its own autocommit statement)."""
    with connections[PRIMARY].cursor() as cursor:
        cursor.execute(BEAT_SQL)


def replica_lag_seconds() -> float | None:
    """An upper bound of the replica's lag: the age of its copy of the heartbeat, which
    this check then stamps anew. None when the replica cannot be asked or has no stamp
    yet (the next check knows)."""
    connection = connections[REPLICA]
    if connection.vendor != "postgresql":
        return 0.0  # a test mirror of an embedded database: the same data
    try:
        with connection.cursor() as cursor:
            cursor.execute(AGE_SQL)
            row = cursor.fetchone()
    except DatabaseError:
        logger.warning("The read replica cannot be reached; reading from the primary.")
        connection.close()
        return None
    if not connections[PRIMARY].in_atomic_block:
        try:
            replica_heartbeat_beat()
        except DatabaseError:
            # The page can still be served; the replica's stamp just ages.
            logger.exception("Could not stamp the replica heartbeat on the primary.")
    return float(row[0]) if row else None


def replica_is_fresh() -> bool:
    """Whether the replica's lag (measured at most every REPLICA_LAG_CHECK_SECONDS) is
    within REPLICA_MAX_LAG_SECONDS."""
    global _last_lag
    measured_at, lag = _last_lag
    now = time.monotonic()
    if now - measured_at >= settings.REPLICA_LAG_CHECK_SECONDS:
        lag = replica_lag_seconds()
        _last_lag = (now, lag)
    return lag is not None and lag <= settings.REPLICA_MAX_LAG_SECONDS


def forget_replica_lag() -> None:
    """Measure again on the next request (tests pause and resume the replica)."""
    global _last_lag
    _last_lag = (float("-inf"), None)


# --- the per-request choice -----------------------------------------------------------


def recently_wrote(request) -> bool:
    try:
        request.get_signed_cookie(
            STICKY_COOKIE, salt=STICKY_SALT, max_age=settings.REPLICA_STICKY_SECONDS
        )
    except (KeyError, signing.BadSignature):
        return False  # absent, tampered with or expired
    return True


def is_public_read(request) -> bool:
    if request.method not in SAFE_METHODS:
        return False
    # An emptied session cookie (after logging out) is no session.
    if request.COOKIES.get(settings.SESSION_COOKIE_NAME) or "HTTP_AUTHORIZATION" in request.META:
        return False
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return bool(PUBLIC_NAMESPACES.intersection(match.namespaces))


def read_alias_for(request) -> str:
    """PRIMARY or REPLICA for this request (see the module's docstring)."""
    if not replica_configured() or not is_public_read(request) or recently_wrote(request):
        return PRIMARY
    return REPLICA if replica_is_fresh() else PRIMARY


class ReplicaRoutingMiddleware:
    """Sets where this request reads from, and marks browsers that just wrote."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with reads_from(read_alias_for(request)):
            response = self.get_response(request)
        if request.method not in SAFE_METHODS and replica_configured():
            response.set_signed_cookie(
                STICKY_COOKIE,
                "1",
                salt=STICKY_SALT,
                max_age=settings.REPLICA_STICKY_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response
