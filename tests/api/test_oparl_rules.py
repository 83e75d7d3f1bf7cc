"""The harvester's situation on a small council: filters and their links, soft-deleted
objects, wrong parameters, CORS, repeated requests (304), and minutes that are not yet
approved."""

import datetime as dt
import json

import pytest
from django.utils import timezone

from dagsorden.cases.models import File
from dagsorden.meetings.models import AgendaItem
from dagsorden.meetings.services import decision_record, meeting_approve_minutes, meeting_close
from tests.factories import local

pytestmark = pytest.mark.django_db

SECRET = "Hemmeligordet"


def _get(client, path, **headers):
    response = client.get(path, **headers)
    return response, json.loads(response.content) if response.content else None


def _list(published_case, kind):
    return f"/oparl/v1/body/{published_case['municipality'].pk}/{kind}"


@pytest.fixture
def held(published_case):
    """The committee's meeting held with a decision and a vote, minutes not approved."""
    item, meeting = published_case["item"], published_case["meeting"]
    voter = published_case["members"][0]
    decision_record(item=item, outcome="anbefales", text=SECRET, votes={voter: "imod"})
    meeting = meeting_close(meeting=meeting, end=local(2026, 10, 13, 18))
    return {**published_case, "meeting": meeting}


def test_system_leads_to_the_body_and_its_lists(client, published_case):
    response, system = _get(client, "/oparl/v1/system")
    assert response.status_code == 200
    assert system["oparlVersion"] == "https://schema.oparl.org/1.1/"
    _, bodies = _get(client, system["body"].removeprefix("http://testserver"))
    body = bodies["data"][0]
    assert body["name"] == published_case["municipality"].name
    _, meetings = _get(client, body["meeting"].removeprefix("http://testserver"))
    assert [m["id"] for m in meetings["data"]] == [
        f"http://testserver/oparl/v1/meeting/{published_case['meeting'].pk}"
    ]


def test_filters_select_by_time_and_are_carried_into_the_links(client, published_case):
    path = _list(published_case, "agendaitem")
    since = (timezone.now() - dt.timedelta(hours=1)).isoformat()
    _, page = _get(client, path, data={"created_since": since, "limit": "1"})
    assert len(page["data"]) == 1
    assert "created_since=" in page["links"]["first"] and "limit=1" in page["links"]["first"]
    later = (timezone.now() + dt.timedelta(hours=1)).isoformat()
    for name in ("created_since", "modified_since"):
        _, page = _get(client, path, data={name: later})
        assert page["data"] == [] and page["pagination"]["totalElements"] == 0
    for name in ("created_until", "modified_until"):
        _, page = _get(client, path, data={name: since})
        assert page["data"] == []
        _, page = _get(client, path, data={name: later})
        assert len(page["data"]) == 1


def test_an_unencoded_plus_in_a_date_is_understood(client, published_case):
    path = _list(published_case, "meeting")
    response = client.get(path + "?modified_since=2020-01-01T00:00:00+01:00")
    assert response.status_code == 200
    assert len(json.loads(response.content)["data"]) == 1


def test_soft_deleted_objects_appear_only_to_a_harvester_asking_for_changes(client, published_case):
    item = published_case["item"]
    before = (timezone.now() - dt.timedelta(minutes=1)).isoformat()
    AgendaItem.objects.filter(pk=item.pk).update(deleted=True, modified=timezone.now())
    path = _list(published_case, "agendaitem")
    _, plain = _get(client, path)
    assert plain["data"] == []
    _, changes = _get(client, path, data={"modified_since": before})
    assert changes["data"] == [
        {
            "id": f"http://testserver/oparl/v1/agendaitem/{item.pk}",
            "type": "https://schema.oparl.org/1.1/AgendaItem",
            "created": changes["data"][0]["created"],
            "modified": changes["data"][0]["modified"],
            "deleted": True,
        }
    ]
    response, stub = _get(client, f"/oparl/v1/agendaitem/{item.pk}")
    assert response.status_code == 200 and stub["deleted"] is True and "name" not in stub
    _, meeting = _get(client, f"/oparl/v1/meeting/{published_case['meeting'].pk}")
    assert "agendaItem" not in meeting  # empty lists are left out


@pytest.mark.parametrize(
    "query, word",
    [
        ("limit=0", "limit"),
        ("limit=100000", "limit"),
        ("limit=ti", "limit"),
        ("after=-3", "after"),
        ("created_since=igår", "created_since"),
        ("modified_until=2026-13-45T00:00:00", "modified_until"),
    ],
)
def test_bad_parameters_give_an_oparl_error_with_the_reason(client, published_case, query, word):
    response, error = _get(client, _list(published_case, "meeting") + "?" + query)
    assert response.status_code == 400
    assert error["type"] == "https://schema.oparl.org/1.1/Error"
    assert word in error["message"]
    assert response["Access-Control-Allow-Origin"] == "*"


def test_unknown_things_are_404_errors_and_writing_is_refused(client, published_case):
    for path in (
        f"/oparl/v1/body/{published_case['municipality'].pk}/sager",
        "/oparl/v1/body/99999",
        "/oparl/v1/body/99999/meeting",
        "/oparl/v1/meeting/99999",
        "/oparl/v1/kage/1",
    ):
        response, error = _get(client, path)
        assert response.status_code == 404, path
        assert error["type"] == "https://schema.oparl.org/1.1/Error"
    response = client.post("/oparl/v1/system")
    assert response.status_code == 405
    assert "read-only" in json.loads(response.content)["message"]


def test_every_answer_is_open_to_every_origin(client, published_case):
    for path in ("/oparl/v1/system", _list(published_case, "meeting")):
        response = client.get(path, HTTP_ORIGIN="https://example.org")
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["Content-Type"].startswith("application/json")


def test_a_repeated_request_gets_304_until_something_changes(client, published_case):
    path = f"/oparl/v1/meeting/{published_case['meeting'].pk}"
    first = client.get(path)
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert client.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(path, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    item = published_case["item"]
    item.title = "Ny titel"
    item.save()
    changed = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    listing = _list(published_case, "meeting")
    etag = client.get(listing)["ETag"]
    assert client.get(listing, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_unapproved_minutes_are_not_in_the_api(client, held):
    path = f"/oparl/v1/agendaitem/{held['item'].pk}"
    _, item = _get(client, path)
    assert "result" not in item and "dk:votes" not in item and SECRET not in json.dumps(item)
    _, meeting = _get(client, f"/oparl/v1/meeting/{held['meeting'].pk}")
    assert "dk:attendance" not in meeting and "participant" not in meeting
    assert SECRET not in json.dumps(meeting)


def test_approving_the_minutes_publishes_the_decision_as_a_change(client, held):
    _, before = _get(client, f"/oparl/v1/agendaitem/{held['item'].pk}")
    meeting_approve_minutes(meeting=held["meeting"])
    path = _list(held, "agendaitem")
    _, changes = _get(client, path, data={"modified_since": before["modified"]})
    item = changes["data"][0]
    assert item["resolutionText"] == SECRET and item["result"] == "Anbefales"
    assert item["dk:outcome"] == "anbefales"
    voter = held["members"][0]
    assert item["dk:votes"] == [
        {
            "person": f"http://testserver/oparl/v1/person/{voter.pk}",
            "vote": "imod",
            "party": voter.party.letter,
        }
    ]
    _, meeting = _get(client, f"/oparl/v1/meeting/{held['meeting'].pk}")
    assert len(meeting["participant"]) == 3


def test_a_closed_items_bilag_is_404_and_its_text_never_shown(client, published_case):
    item = published_case["item"]
    bilag = File.objects.create(
        municipality=published_case["municipality"],
        agenda_item=item,
        name="Bilag",
        file="bilag/x.pdf",
        file_name="x.pdf",
        text=SECRET,
    )
    response, data = _get(client, f"/oparl/v1/file/{bilag.pk}")
    assert response.status_code == 200 and data["text"] == SECRET
    AgendaItem.objects.filter(pk=item.pk).update(public=False, public_title="Personalesag")
    assert client.get(f"/oparl/v1/file/{bilag.pk}").status_code == 404
    _, files = _get(client, _list(published_case, "file"), data={"modified_since": "2000-01-01"})
    assert files["data"] == []
    _, closed = _get(client, f"/oparl/v1/agendaitem/{item.pk}")
    assert closed["name"] == "Personalesag" and closed["public"] is False
    assert "auxiliaryFile" not in closed and "consultation" not in closed
    # A case known only from a closed item is no Paper (not even a deleted stub).
    case = published_case["case"]
    assert client.get(f"/oparl/v1/paper/{case.pk}").status_code == 404
