"""Test plumbing for the read replica (imported by tests/conftest.py).

Without DATABASE_REPLICA_URL none of this does anything. With it, the "replica" alias is
a test mirror of the primary's test database and every database test may use both
aliases. With DAGSORDEN_TEST_STREAMING_REPLICA=1 as well (`make test-replica`, after
scripts/pg-replica.sh started a hot standby), the alias is pointed at the standby,
which receives the test database by streaming; before each request the harness waits
until the standby has replayed everything committed so far, so a test that commits
and then reads sees its data, from the standby. `paused_replica` stops that wait and
the standby's replay, to show what a stale replica would serve."""

import contextlib
import os
import time

import dj_database_url
import psycopg
import pytest
from django.conf import settings
from django.core.signals import request_started
from django.db import connections
from django.db.backends.signals import connection_created

from dagsorden.core.replica import (
    BEAT_SQL,
    HEARTBEAT_TABLE,
    PRIMARY,
    REPLICA,
    forget_replica_lag,
)

STREAMING = os.environ.get("DAGSORDEN_TEST_STREAMING_REPLICA") == "1"
DB_FIXTURES = {"db", "transactional_db", "live_server", "django_db_reset_sequences"}
_replay = {"paused": False}


def replica_in_settings() -> bool:
    return REPLICA in settings.DATABASES


def adapt_database_tests(items) -> None:
    """Database tests may query the replica alias too (the router sends reads there).
    Against a streaming standby they also commit (transactional tests): a test's rolled
    back transaction never reaches the standby, and a request inside it reads from the
    primary, so only committed data makes the pages come from the standby."""
    if not replica_in_settings():
        return
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker is None and not DB_FIXTURES.intersection(item.fixturenames):
            continue
        args, kwargs = (marker.args, dict(marker.kwargs)) if marker else ((), {})
        kwargs["databases"] = "__all__"
        if STREAMING:
            args, kwargs["transaction"] = (), True
        item.add_marker(pytest.mark.django_db(*args, **kwargs), append=False)


def _scalar(alias: str, sql: str, params=()):
    """One value, on a connection of its own: the harness's questions stay out of the
    queries a test captures on the aliases."""
    of = connections[alias].settings_dict
    with psycopg.connect(
        host=of["HOST"] or None,
        port=of["PORT"] or None,
        user=of["USER"] or None,
        password=of["PASSWORD"] or None,
        dbname=of["NAME"],
        autocommit=True,
        connect_timeout=5,
    ) as connection:
        return connection.execute(sql, params).fetchone()[0]


def wait_for_replay(timeout: float = 30.0) -> None:
    """Until the standby has replayed every commit made so far: a heartbeat committed
    now has arrived (WAL positions cannot say it, see dagsorden/core/replica.py)."""
    stamp = _scalar(PRIMARY, f"{BEAT_SQL} RETURNING at")
    deadline = time.monotonic() + timeout
    seen_sql = f"SELECT count(*) FROM {HEARTBEAT_TABLE} WHERE at >= %s"
    while not _scalar(REPLICA, seen_sql, [stamp]):
        if time.monotonic() > deadline:
            raise AssertionError(f"the standby did not replay the commit of {stamp} in {timeout} s")
        time.sleep(0.005)


def point_replica_at_standby() -> None:
    """The alias keeps the primary's test database name but connects to the standby."""
    standby = dj_database_url.parse(os.environ["DATABASE_REPLICA_URL"])
    connection = connections[REPLICA]
    connection.close()
    connection.settings_dict = {
        **connections[PRIMARY].settings_dict,
        "HOST": standby["HOST"],
        "PORT": standby["PORT"],
        "TEST": {**connections[PRIMARY].settings_dict["TEST"], "MIRROR": PRIMARY},
    }


_standby_queries = {"count": 0}


def _count_standby_query(execute, sql, params, many, context):
    _standby_queries["count"] += 1
    return execute(sql, params, many, context)


def _count_on_standby(sender, connection, **kwargs) -> None:
    if connection.alias == REPLICA:
        connection.execute_wrappers.append(_count_standby_query)


def standby_summary(terminalreporter) -> None:
    """How much the standby answered: proof that the run really read from it."""
    if STREAMING and replica_in_settings():
        standby = dj_database_url.parse(os.environ["DATABASE_REPLICA_URL"])
        terminalreporter.write_line(
            f"streaming replica at {standby['HOST']}:{standby['PORT']}: "
            f"{_standby_queries['count']} queries answered by the standby"
        )


def _catch_up_before_request(**kwargs) -> None:
    if not _replay["paused"] and not connections[PRIMARY].in_atomic_block:
        wait_for_replay()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    if not replica_in_settings():
        yield
        return
    if not STREAMING:
        yield
        # A test mirror's own connection would keep the test database from being dropped.
        connections[REPLICA].close()
        return
    with django_db_blocker.unblock():
        point_replica_at_standby()
        # The test database was created after the standby started: wait until it exists.
        deadline = time.monotonic() + 60
        while True:
            try:
                wait_for_replay()
                break
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
    request_started.connect(_catch_up_before_request, dispatch_uid="replica-catch-up")
    connection_created.connect(_count_on_standby, dispatch_uid="replica-count")
    yield
    connections[REPLICA].close()
    request_started.disconnect(dispatch_uid="replica-catch-up")
    connection_created.disconnect(dispatch_uid="replica-count")


@contextlib.contextmanager
def paused_replica():
    """The standby stops replaying (it still receives WAL) until the block ends."""
    _scalar(REPLICA, "SELECT pg_wal_replay_pause()")
    _replay["paused"] = True
    forget_replica_lag()
    try:
        yield
    finally:
        _scalar(REPLICA, "SELECT pg_wal_replay_resume()")
        _replay["paused"] = False
        forget_replica_lag()
