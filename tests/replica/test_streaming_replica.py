"""Against a real hot standby (make test-replica): public reads are served by the
standby, writes and staff pages by the primary, and nobody sees the standby's stale
state of something they just changed."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import DatabaseError, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dagsorden.core.replica import PRIMARY, REPLICA, forget_replica_lag, replica_lag_seconds
from dagsorden.meetings.services import meeting_create
from dagsorden.organisations.models import Organization
from dagsorden.staff.models import Assignment
from tests.factories import committee_with_members, local
from tests.replica_harness import STREAMING, paused_replica, wait_for_replay

pytestmark = [
    pytest.mark.replica,
    pytest.mark.skipif(
        not STREAMING,
        reason="needs a streaming replica: run `make test-replica` (scripts/pg-replica.sh)",
    ),
    pytest.mark.django_db(transaction=True, databases="__all__"),
]


@pytest.fixture(autouse=True)
def trusting_replica(settings):
    # A paused standby must still be trusted, to show that it is the one answering;
    # the lag bound has its own test.
    settings.REPLICA_MAX_LAG_SECONDS = 3600
    settings.REPLICA_LAG_CHECK_SECONDS = 0
    caches["pages"].clear()
    forget_replica_lag()
    yield
    forget_replica_lag()


@pytest.fixture
def body():
    body, _members = committee_with_members(name="Teknik- og Miljøudvalget", slug="tmu")
    return body


@pytest.fixture
def secretary(client, body):
    user = get_user_model().objects.create_user("sekretaer", password="pw-sekretaer")
    Assignment.objects.create(user=user, role="secretary", organization=body)
    client.force_login(user)
    return client


def _queries(alias: str):
    return CaptureQueriesContext(connections[alias])


def test_a_write_on_the_primary_appears_on_the_standby_which_refuses_writes(body):
    body.name = "Klimaudvalget"
    body.save()
    wait_for_replay()
    assert Organization.objects.using(REPLICA).get(pk=body.pk).name == "Klimaudvalget"
    with connections[REPLICA].cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery()")
        assert cursor.fetchone()[0] is True
    with pytest.raises(DatabaseError, match="read-only"), connections[REPLICA].cursor() as c:
        c.execute("UPDATE organisations_organization SET name = 'x'")


def test_an_anonymous_page_is_served_by_the_standby(client, body):
    url = reverse("portal:body_detail", args=[body.pk])
    with _queries(REPLICA) as on_replica, _queries(PRIMARY) as on_primary:
        assert client.get(url).status_code == 200
    assert len(on_replica) > 1
    # The primary only gets the lag check's heartbeat stamp.
    assert [query["sql"].split()[:3] for query in on_primary] == [
        ["INSERT", "INTO", "core_replicaheartbeat"]
    ]

    # Proof by content: with replay paused, a change on the primary is not on the page.
    with paused_replica():
        Organization.objects.filter(pk=body.pk).update(name="Omdøbt udvalg")
        html = client.get(url).content.decode()
        assert "Teknik- og Miljøudvalget" in html and "Omdøbt udvalg" not in html
    wait_for_replay()
    assert "Omdøbt udvalg" in client.get(url).content.decode()


def test_staff_pages_and_logged_in_reads_use_the_primary(secretary, body):
    with _queries(REPLICA) as on_replica:
        assert secretary.get(reverse("staff:dashboard")).status_code == 200
        assert secretary.get(reverse("portal:body_detail", args=[body.pk])).status_code == 200
    assert on_replica.captured_queries == []


def test_a_staff_write_is_seen_by_the_same_user_while_the_standby_is_paused(secretary, body):
    meeting = meeting_create(organization=body, start=local(2027, 6, 8))
    url = reverse("portal:meeting_detail", args=[meeting.pk])
    wait_for_replay()
    with paused_replica():
        response = secretary.post(
            reverse("staff:plan_cancel", args=[meeting.pk]), {"reason": "Formanden er syg."}
        )
        assert response.status_code == 302
        # Logged in: the primary.
        assert "Formanden er syg." in secretary.get(url).content.decode()
        # Logged out (a POST, which marks the browser): still the primary.
        secretary.post(reverse("staff:logout"))
        assert not secretary.cookies["sessionid"].value
        with _queries(REPLICA) as on_replica:
            assert "Formanden er syg." in secretary.get(url).content.decode()
        assert on_replica.captured_queries == []
        # Someone else, anonymous, is served the standby's older page.
        assert "Formanden er syg." not in Client().get(url).content.decode()


def test_a_forged_write_marker_does_not_keep_a_browser_on_the_primary(client, body):
    url = reverse("portal:body_detail", args=[body.pk])
    client.cookies["dagsorden_wrote"] = "1:forged:signature"
    with _queries(REPLICA) as on_replica:
        client.get(url)
    assert len(on_replica) > 0


def test_a_lagging_standby_is_bypassed(settings, client, body):
    settings.REPLICA_MAX_LAG_SECONDS = 0.5
    url = reverse("portal:body_detail", args=[body.pk])
    wait_for_replay()  # the standby has a fresh heartbeat stamp
    with paused_replica():
        Organization.objects.filter(pk=body.pk).update(name="Nyt navn")
        time.sleep(1.0)  # the standby now lags more than the bound
        assert replica_lag_seconds() >= 1.0
        forget_replica_lag()
        with _queries(REPLICA) as on_replica:
            html = client.get(url).content.decode()
        assert "Nyt navn" in html
        # Only the heartbeat was asked of the standby; the page came from the primary.
        assert len(on_replica) == 1 and "core_replicaheartbeat" in on_replica[0]["sql"]
    wait_for_replay()
    forget_replica_lag()
    with _queries(REPLICA) as on_replica:
        assert "Nyt navn" in client.get(url).content.decode()
    assert len(on_replica) > 1
