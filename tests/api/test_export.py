"""`dagsorden export`: an archivist exports the demo municipality (with closed items
carrying marker words, an agenda not yet sent out and minutes not yet approved) as CSV,
as OParl JSON and as the portal's zip archive. Only public rows arrive, closed items by
their neutral title alone; the JSON lists are what the API serves; the leak crawl walks
every exported file. The demo is loaded once for the module: it is the slow part."""

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import reverse

from dagsorden.meetings.models import (
    AgendaItem,
    Attendance,
    Decision,
    ItemAttendance,
    Meeting,
    Vote,
)
from dagsorden.meetings.selectors import PUBLIC_STATES
from tests.portal.closed_world import MARKERS, plant_closed_demo

pytestmark = pytest.mark.django_db

HEADERS = {
    "meetings": "id,kommunekode,organization_id,organization,start,end,location,state,"
    "agenda_published_at,minutes_published_at,cancelled_at,modified,web",
    "items": "id,meeting_id,number,order,public,title,item_type,placement,case_id,"
    "journal_number,modified,web",
    "decisions": "item_id,meeting_id,outcome,outcome_label,text,remarks",
    "votes": "item_id,meeting_id,person_id,person,party,choice",
    "attendance": "meeting_id,item_id,person_id,person,party,status,reason,substitute_for_id",
}
UNPUBLISHED = "Blorptakket"  # title of an item on an agenda not yet sent out
UNAPPROVED = "Snarvelkum"  # decision in minutes not yet approved
SECRETS = {**MARKERS, "unpublished": UNPUBLISHED, "unapproved": UNAPPROVED}


def public_counts() -> dict[str, int]:
    """The public rows, counted straight from the tables by the written rules."""
    meetings = Meeting.objects.filter(deleted=False, state__in=PUBLIC_STATES)
    approved = meetings.filter(state=Meeting.State.MINUTES_APPROVED)
    items = AgendaItem.objects.filter(deleted=False, meeting__in=meetings)
    open_approved = items.filter(public=True, meeting__in=approved)
    return {
        "meetings": meetings.count(),
        "items": items.count(),
        "decisions": Decision.objects.filter(deleted=False, item__in=open_approved).count(),
        "votes": Vote.objects.filter(deleted=False, item__in=open_approved).count(),
        "attendance": Attendance.objects.filter(deleted=False, meeting__in=approved).count()
        + ItemAttendance.objects.filter(deleted=False, item__in=open_approved).count(),
    }


def build_world():
    """The demo with closed items, plus an agenda not sent out and minutes not approved."""
    planted = plant_closed_demo()
    held = Meeting.objects.filter(state=Meeting.State.MINUTES_APPROVED).order_by("-start")
    planned = Meeting.objects.filter(state=Meeting.State.PLANNED).first()
    AgendaItem.objects.create(meeting=planned, number=1, order=1, title=UNPUBLISHED)
    unapproved = held[2]
    unapproved.state = Meeting.State.HELD
    unapproved.save()
    item = unapproved.items.filter(public=True, decision__isnull=False).first()
    item.decision.text = UNAPPROVED
    item.decision.save()
    return planted.closed_items, unapproved


def api_list(client, url: str) -> list[dict]:
    """A list the way a harvester reads it: page by page through links.next."""
    objects = []
    while url:
        page = client.get(url).json()
        objects += page["data"]
        url = page["links"].get("next")
    return objects


@pytest.fixture(scope="module")
def exported(django_db_setup, django_db_blocker, tmp_path_factory):
    root = tmp_path_factory.mktemp("export")
    with (
        django_db_blocker.unblock(),
        override_settings(SITE_URL="http://testserver", DATA_DIR=root / "data"),
    ):
        closed, unapproved = build_world()
        call_command("export", str(root / "both"))
        call_command("export", "--archive")
        client = Client()
        body = client.get("/oparl/v1/body").json()["data"][0]
        served = {
            key: api_list(client, url)
            for key, url in body.items()
            if key != "id" and isinstance(url, str) and "/body/" in url
        }
        result = {
            "root": root,
            "closed": [item.pk for item in closed],
            "unapproved": unapproved.pk,
            "counts": public_counts(),
            "served": served,
            "body": body,
        }
        yield result
        call_command("flush", interactive=False, verbosity=0)


def read_tables(directory: Path) -> dict[str, list[list[str]]]:
    tables = {}
    for name in HEADERS:
        with open(directory / "csv" / f"{name}.csv", encoding="utf-8", newline="") as f:
            tables[name] = list(csv.reader(f))
    return tables


def secrets_in(text: str) -> list[str]:
    return [name for name, word in SECRETS.items() if word in text]


def test_csv_has_the_public_rows_and_nothing_else(exported):
    tables = read_tables(exported["root"] / "both")
    assert {name: ",".join(rows[0]) for name, rows in tables.items()} == HEADERS
    assert {name: len(rows) - 1 for name, rows in tables.items()} == exported["counts"]
    assert all(count > 0 for count in exported["counts"].values())
    # The closed items are there, by number and neutral title only.
    items = {row[0]: row for row in tables["items"][1:]}
    for pk in exported["closed"]:
        assert items[str(pk)][4:10] == ["false", "Personalesag", "", "", "", ""]
    # The meeting whose minutes are not approved: its agenda, nothing from the minutes.
    held = str(exported["unapproved"])
    assert held in {row[0] for row in tables["meetings"][1:]}
    assert held in {row[1] for row in tables["items"][1:]}
    for name in ("decisions", "votes"):
        assert held not in {row[1] for row in tables[name][1:]}
    assert held not in {row[0] for row in tables["attendance"][1:]}


def test_json_lists_are_what_the_api_serves(exported):
    folder = exported["root"] / "both" / "oparl"
    body_dirs = [p for p in folder.iterdir() if p.is_dir()]
    assert len(body_dirs) == 1
    assert json.loads((body_dirs[0] / "body.json").read_text()) == exported["body"]
    assert len(exported["served"]) == 10
    for key, served in exported["served"].items():
        kind = exported["body"][key].rsplit("/", 1)[1]
        exported_list = json.loads((body_dirs[0] / f"{kind}.json").read_text())
        assert exported_list["data"] == served, key
        assert exported_list["pagination"]["totalElements"] == len(served) > 0
    meetings = json.loads((body_dirs[0] / "meeting.json").read_text())["data"]
    assert len(meetings) == exported["counts"]["meetings"]


def test_leak_crawl_of_every_exported_file(exported):
    files = [p for p in (exported["root"] / "both").rglob("*") if p.is_file()]
    assert len(files) == 5 + 1 + 11  # CSV tables, system, body and its ten lists
    leaks = {str(path): secrets_in(path.read_text(encoding="utf-8")) for path in files}
    assert {path: found for path, found in leaks.items() if found} == {}


def test_leak_crawl_of_the_archive_the_portal_links_to(exported, client, settings):
    settings.DATA_DIR = exported["root"] / "data"
    # Found the way a visitor finds it: footer → Åbne data → the download link.
    assert reverse("portal:open_data") in client.get("/").content.decode()
    page = client.get(reverse("portal:open_data")).content.decode()
    [link] = re.findall(r'href="([^"]+\.zip)"', page)
    response = client.get(link)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = archive.namelist()
    assert {f"csv/{name}.csv" for name in HEADERS} | {"oparl/system.json"} <= set(names)
    assert len([n for n in names if n.startswith("oparl/body-")]) == 11
    leaks = {name: secrets_in(archive.read(name).decode()) for name in names}
    assert {name: found for name, found in leaks.items() if found} == {}
    assert "Personalesag" in archive.read("csv/items.csv").decode()


def test_a_soft_deleted_meeting_leaves_the_next_export(exported, tmp_path):
    meeting = Meeting.objects.filter(state=Meeting.State.MINUTES_APPROVED).first()
    meeting.deleted = True
    meeting.save()
    call_command("export", "--format", "csv", str(tmp_path / "x"))
    tables = read_tables(tmp_path / "x")
    assert str(meeting.pk) not in {row[0] for row in tables["meetings"][1:]}
    assert str(meeting.pk) not in {row[1] for row in tables["items"][1:]}
    assert len(tables["meetings"]) - 1 == exported["counts"]["meetings"] - 1


@pytest.mark.parametrize(
    "setup, args, reason",
    [
        ("file", ["--format", "csv"], "ikke en mappe"),
        ("full", ["--format", "csv"], "ikke tom"),
        ("orphan", ["--format", "csv"], "findes ikke"),
        ("new", ["--format", "xml"], "Ukendt format xml"),
        ("none", ["--format", "csv"], "either a directory or --archive"),
        ("new", ["--archive"], "either a directory or --archive"),
    ],
)
def test_bad_directory_or_format_is_refused_with_a_reason(tmp_path, setup, args, reason):
    target = tmp_path / "target"
    if setup == "file":
        target.write_text("mine")
    elif setup == "full":
        target.mkdir()
        (target / "old.csv").write_text("keep me")
    elif setup == "orphan":
        target = tmp_path / "missing" / "target"
    positional = [] if setup == "none" else [str(target)]
    with pytest.raises(CommandError, match=reason):
        call_command("export", *args, *positional)
    # Nothing of the person's own is lost or overwritten, nothing half-written is left.
    if setup == "file":
        assert target.read_text() == "mine"
    if setup == "full":
        assert [p.name for p in target.iterdir()] == ["old.csv"]
    if setup == "new":
        assert not target.exists()
