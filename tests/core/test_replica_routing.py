"""Where a request reads from when a read replica is configured, decided without one:
the per-request choice, the write marker, the router and the lag check's cache. The
real standby is exercised by tests/replica (make test-replica)."""

import time

import pytest
import time_machine
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from dagsorden.core import replica
from dagsorden.core.replica import (
    PRIMARY,
    REPLICA,
    STICKY_COOKIE,
    PrimaryReplicaRouter,
    ReplicaRoutingMiddleware,
    current_read_alias,
    read_alias_for,
    reads_from,
)

factory = RequestFactory()


@pytest.fixture
def with_replica(monkeypatch):
    """As if DATABASE_REPLICA_URL were set and the replica were fresh."""
    monkeypatch.setattr(replica, "replica_configured", lambda: True)
    monkeypatch.setattr(replica, "replica_is_fresh", lambda: True)
    replica.forget_replica_lag()
    yield
    replica.forget_replica_lag()


def _marked_cookie() -> str:
    """The write marker a browser gets back from a POST."""
    middleware = ReplicaRoutingMiddleware(lambda request: HttpResponse("ok"))
    response = middleware(factory.post("/sprog/"))
    return response.cookies[STICKY_COOKIE].value


def test_without_a_replica_everything_reads_from_the_primary(monkeypatch):
    monkeypatch.setattr(replica, "replica_configured", lambda: False)
    assert read_alias_for(factory.get(reverse("portal:home"))) == PRIMARY
    with reads_from(REPLICA):
        assert current_read_alias() == PRIMARY
    response = ReplicaRoutingMiddleware(lambda request: HttpResponse())(factory.post("/sprog/"))
    assert STICKY_COOKIE not in response.cookies


@pytest.mark.parametrize(
    "url",
    [
        reverse("portal:home"),
        reverse("kommune:home", kwargs={"kommune": "eksempel"}),
        reverse("portal:search") + "?q=skole",
        reverse("portal:ical"),
        reverse("portal:body_rss", args=[1]),
        reverse("documents:meeting_pdf", args=[1]),
    ],
)
def test_anonymous_public_reads_go_to_the_replica(with_replica, url):
    assert read_alias_for(factory.get(url)) == REPLICA
    assert read_alias_for(factory.head(url)) == REPLICA


@pytest.mark.parametrize(
    "url", ["/sekretariat/", "/medlem/", "/admin/", "/log-ind/", "/findes/ikke/her/"]
)
def test_staff_member_admin_and_unknown_pages_go_to_the_primary(with_replica, url):
    assert read_alias_for(factory.get(url)) == PRIMARY


def test_writes_and_anything_possibly_logged_in_go_to_the_primary(with_replica, settings):
    home = reverse("portal:home")
    assert read_alias_for(factory.post(home)) == PRIMARY
    factory.cookies[settings.SESSION_COOKIE_NAME] = "abc"
    try:
        assert read_alias_for(factory.get(home)) == PRIMARY
        factory.cookies[settings.SESSION_COOKIE_NAME] = ""  # emptied by logging out
        assert read_alias_for(factory.get(home)) == REPLICA
    finally:
        factory.cookies.clear()
    assert read_alias_for(factory.get(home, HTTP_AUTHORIZATION="Bearer x")) == PRIMARY


def test_a_browser_that_wrote_reads_from_the_primary_for_the_sticky_time(with_replica, settings):
    home = reverse("portal:home")
    with time_machine.travel(time.time(), tick=False) as clock:
        marker = _marked_cookie()
        assert read_alias_for(factory.get(home, HTTP_COOKIE=f"{STICKY_COOKIE}={marker}")) == (
            PRIMARY
        )
        clock.shift(settings.REPLICA_STICKY_SECONDS + 1)
        assert read_alias_for(factory.get(home, HTTP_COOKIE=f"{STICKY_COOKIE}={marker}")) == (
            REPLICA
        )


def test_a_forged_or_garbled_marker_is_ignored(with_replica):
    home = reverse("portal:home")
    for value in ["1", "1:abc:def", "", "ø"]:
        request = factory.get(home)
        request.COOKIES[STICKY_COOKIE] = value
        assert read_alias_for(request) == REPLICA


def test_the_marker_cookie_is_signed_httponly_and_expires(with_replica, settings):
    middleware = ReplicaRoutingMiddleware(lambda request: HttpResponse("ok"))
    cookie = middleware(factory.post("/sprog/")).cookies[STICKY_COOKIE]
    assert cookie["httponly"] and cookie["max-age"] == settings.REPLICA_STICKY_SECONDS
    assert cookie.value.startswith("1:")
    assert STICKY_COOKIE not in middleware(factory.get("/")).cookies


def test_a_lagging_or_unreachable_replica_is_bypassed(monkeypatch):
    monkeypatch.setattr(replica, "replica_configured", lambda: True)
    home = factory.get(reverse("portal:home"))
    for lag, expected in [(0.2, REPLICA), (60.0, PRIMARY), (None, PRIMARY)]:
        monkeypatch.setattr(replica, "replica_lag_seconds", lambda lag=lag: lag)
        replica.forget_replica_lag()
        assert read_alias_for(home) == expected


def test_the_lag_is_measured_at_most_once_per_interval(monkeypatch, settings):
    settings.REPLICA_LAG_CHECK_SECONDS = 60
    calls = []
    monkeypatch.setattr(replica, "replica_lag_seconds", lambda: calls.append(1) or 0.0)
    replica.forget_replica_lag()
    assert all(replica.replica_is_fresh() for _ in range(5))
    assert len(calls) == 1
    replica.forget_replica_lag()


def test_the_router_reads_where_the_request_chose_and_writes_to_the_primary(with_replica):
    router = PrimaryReplicaRouter()
    assert router.db_for_read(None) == PRIMARY
    with reads_from(REPLICA):
        assert router.db_for_read(None) == REPLICA
        assert router.db_for_write(None) == PRIMARY
    assert router.db_for_read(None) == PRIMARY
    assert router.allow_migrate(REPLICA, "meetings") is False
    assert router.allow_migrate(PRIMARY, "meetings") is True


@pytest.mark.django_db
def test_inside_a_transaction_reads_stay_on_the_primary(with_replica):
    # A test transaction is open here, as in a service function: it must see its writes.
    with reads_from(REPLICA):
        assert current_read_alias() == PRIMARY
