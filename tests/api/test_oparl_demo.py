"""The demo municipality, with closed items carrying marker words, harvested through the
OParl API from /oparl/v1/system: every answer validates against the OParl 1.1 schemas,
and the rules the schemas do not encode hold (created/modified everywhere, `next` on
every page but the last, each id resolves to the same object, no closed content)."""

import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from dagsorden.cases.models import Case
from dagsorden.meetings.models import Meeting
from tests.portal.closed_world import MARKERS, plant_closed_demo

from .harvest import harvest, local_path
from .schemas import errors, schemas_skip_reason

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

OPARL = "https://schema.oparl.org/1.1/"
LISTS = [
    "organization",
    "person",
    "membership",
    "meeting",
    "agendaitem",
    "paper",
    "consultation",
    "file",
    "location",
    "legislativeterm",
]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        planted = plant_closed_demo()
        answers = harvest(Client(), follow_files=True)
        yield {
            "answers": answers,
            "closed": planted.closed_items,
            "secret_case": planted.secret_case,
        }
        call_command("flush", interactive=False, verbosity=0)


def _objects(value):
    """Every OParl object in a JSON value, embedded ones included."""
    if isinstance(value, dict):
        if str(value.get("type", "")).startswith(OPARL) and "id" in value:
            yield value
        for child in value.values():
            yield from _objects(child)
    elif isinstance(value, list):
        for child in value:
            yield from _objects(child)


def _api_answers(world):
    return {
        path: data
        for path, (status, data) in world["answers"].items()
        if path.startswith("/oparl/") and status == 200
    }


def test_the_harvest_reaches_every_list_and_every_answer_is_ok(world):
    answers = world["answers"]
    api = _api_answers(world)
    assert len(api) > 300, "the harvest should reach the whole demo"
    assert {path: status for path, (status, _) in answers.items() if status != 200} == {}
    for kind in LISTS:
        assert any(path.endswith(f"/{kind}") and "body/" in path for path in api), kind
        assert any(f"/oparl/v1/{kind}/" in path for path in api), kind


def test_every_object_and_list_page_validates_against_the_schemas(world):
    if schemas_skip_reason():
        pytest.skip(schemas_skip_reason())
    problems = []
    for data in _api_answers(world).values():
        items = data.get("data", [data])
        for obj in items:
            problems += errors(obj)
    assert problems == []


def test_every_object_has_created_and_modified(world):
    missing = [
        obj["id"]
        for data in _api_answers(world).values()
        for obj in _objects(data)
        if not obj.get("created") or not obj.get("modified")
    ]
    assert missing == []


def test_every_id_resolves_to_the_same_object(world):
    api = _api_answers(world)
    mismatched = []
    for data in api.values():
        for obj in _objects(data):
            fetched = api.get(local_path(obj["id"]))
            assert fetched is not None, f"{obj['id']} was not reached"
            # Embedded objects may leave out the link back to their parent.
            if {key: fetched.get(key) for key in obj} != obj:
                mismatched.append(obj["id"])
    assert mismatched == []


@pytest.mark.parametrize("kind", LISTS)
def test_lists_page_through_links_next_to_every_object(world, kind):
    client = Client()
    body = json.loads(client.get("/oparl/v1/system").content)["body"]
    first_body = json.loads(client.get(local_path(body)).content)["data"][0]["id"]
    url = local_path(first_body) + f"/{kind}?limit=3"
    pages, ids = [], []
    while url:
        page = json.loads(client.get(url).content)
        pages.append(page)
        ids += [obj["id"] for obj in page["data"]]
        url = local_path(page["links"]["next"]) if "next" in page["links"] else None
        assert len(pages) < 500
    total = pages[0]["pagination"]["totalElements"]
    assert len(ids) == len(set(ids)) == total > 0
    assert len(pages) == pages[0]["pagination"]["totalPages"]
    assert all("next" in page["links"] for page in pages[:-1])
    assert all(len(page["data"]) == 3 for page in pages[:-1])
    assert ids == sorted(ids, key=lambda i: int(i.rsplit("/", 1)[1]))  # stable order


def test_no_closed_content_in_any_answer_or_file(world):
    leaks = {
        path: [name for name, word in MARKERS.items() if word.lower() in json.dumps(data).lower()]
        for path, (status, data) in world["answers"].items()
    }
    assert {path: found for path, found in leaks.items() if found} == {}


def test_closed_items_show_only_their_neutral_title(world):
    client = Client()
    for item in world["closed"]:
        data = json.loads(client.get(f"/oparl/v1/agendaitem/{item.pk}").content)
        assert data["public"] is False
        assert data["name"] == "Personalesag"
        assert set(data) <= {
            "id", "type", "created", "modified", "meeting", "number", "order", "name",
            "public", "web",
        }  # fmt: skip
        for bilag in item.files.all():
            assert client.get(f"/oparl/v1/file/{bilag.pk}").status_code == 404
            assert client.get(f"/bilag/{bilag.pk}/bilag.pdf").status_code == 404
    # A case known only from closed items is no Paper at all.
    assert client.get(f"/oparl/v1/paper/{world['secret_case'].pk}").status_code == 404


def test_unpublished_agendas_are_not_in_the_api(world):
    client = Client()
    planned = Meeting.objects.filter(state=Meeting.State.PLANNED)
    assert planned.exists(), "the demo should have planned meetings"
    listed = {
        obj["id"]
        for path, data in _api_answers(world).items()
        for obj in data.get("data", [])
        if "/meeting" in path
    }
    for meeting in planned:
        assert client.get(f"/oparl/v1/meeting/{meeting.pk}").status_code == 404
        assert f"http://testserver/oparl/v1/meeting/{meeting.pk}" not in listed
        for item in meeting.items.all():
            assert client.get(f"/oparl/v1/agendaitem/{item.pk}").status_code == 404


def test_approved_minutes_carry_votes_attendance_and_decisions(world):
    api = _api_answers(world)
    items = [obj for data in api.values() for obj in _objects(data) if "AgendaItem" in obj["type"]]
    assert any(obj.get("dk:votes") for obj in items)
    assert any(obj.get("result") and obj.get("dk:outcome") for obj in items)
    assert any(obj.get("dk:sections") and obj.get("dk:recommendation") for obj in items)
    meetings = [obj for data in api.values() for obj in _objects(data) if "Meeting" in obj["type"]]
    assert any(obj.get("dk:attendance") for obj in meetings)
    bodies = [obj for data in api.values() for obj in _objects(data) if "Body" in obj["type"]]
    assert all(obj.get("dk:kommunekode") for obj in bodies)
    papers = [obj for data in api.values() for obj in _objects(data) if "Paper" in obj["type"]]
    assert all(obj["reference"] == obj["dk:journalNumber"] for obj in papers if "reference" in obj)


@pytest.mark.parametrize("kind", ["meeting", "agendaitem", "paper", "person", "organization"])
def test_a_list_page_costs_the_same_queries_whatever_its_size(world, kind):
    client = Client()
    path = f"/oparl/v1/body/{Case.objects.first().municipality_id}/{kind}"
    counts = []
    for limit in (20, 200):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"{path}?limit={limit}").status_code == 200
        counts.append(len(queries))
    # One query per prefetched relation, whatever the page size (a relation without
    # rows on the smaller page, e.g. no decision remarks yet, skips its query there).
    assert counts[1] - counts[0] <= 1, counts
    assert counts[1] <= 14, counts
