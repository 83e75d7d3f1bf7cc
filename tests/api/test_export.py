"""`dagsorden export`: an archivist exports the demo municipality as CSV and OParl JSON;
only public rows arrive, closed items by their neutral title alone, and bad directories
or formats are refused with a reason."""

import csv
import json

import pytest
from django.core.management import CommandError, call_command

from dagsorden.meetings.models import (
    AgendaItem,
    Attendance,
    Decision,
    ItemAttendance,
    Meeting,
    Vote,
)
from dagsorden.meetings.selectors import PUBLIC_STATES
from tests.portal.closed_world import MARKERS, demo_with_secrets  # noqa: F401 - fixture

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


def read_tables(directory):
    tables = {}
    for name in HEADERS:
        with open(directory / "csv" / f"{name}.csv", encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        tables[name] = rows
    return tables


def all_text(directory) -> str:
    return "\n".join(
        path.read_text(encoding="utf-8") for path in directory.rglob("*") if path.is_file()
    )


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


@pytest.fixture
def world(demo_with_secrets):  # noqa: F811 - the fixture imported above
    """The demo with closed items, plus an agenda not sent out and minutes not approved."""
    planned = Meeting.objects.filter(state=Meeting.State.PLANNED).first()
    assert planned is not None, "the demo has a planned meeting"
    AgendaItem.objects.create(meeting=planned, number=1, order=1, title=UNPUBLISHED)
    held = Meeting.objects.filter(state=Meeting.State.MINUTES_APPROVED).first()
    held.state = Meeting.State.HELD
    held.save()
    item = held.items.filter(public=True, decision__isnull=False).first()
    item.decision.text = UNAPPROVED
    item.decision.save()
    demo_with_secrets.unapproved = held
    return demo_with_secrets


def test_csv_export_has_the_public_rows_and_nothing_else(world, tmp_path):
    target = tmp_path / "export"
    call_command("export", "--format", "csv", str(target))

    tables = read_tables(target)
    assert {name: ",".join(rows[0]) for name, rows in tables.items()} == HEADERS
    assert {name: len(rows) - 1 for name, rows in tables.items()} == public_counts()
    assert all(count > 0 for count in public_counts().values())

    text = all_text(target)
    assert [name for name, word in MARKERS.items() if word in text] == []
    assert UNPUBLISHED not in text and UNAPPROVED not in text
    # The closed items are there, by number and neutral title only.
    items = {row[0]: row for row in tables["items"][1:]}
    for closed in world.closed_items:
        row = items[str(closed.pk)]
        assert row[4:10] == ["false", "Personalesag", "", "", "", ""]
    # Nothing from the meeting whose minutes are not approved but its agenda.
    held = str(world.unapproved.pk)
    assert held in {row[0] for row in tables["meetings"][1:]}
    assert held in {row[1] for row in tables["items"][1:]}
    for name in ("decisions", "votes"):
        assert held not in {row[1] for row in tables[name][1:]}
    assert held not in {row[0] for row in tables["attendance"][1:]}


def test_a_soft_deleted_meeting_leaves_the_export(world, tmp_path):
    meeting = Meeting.objects.filter(state=Meeting.State.MINUTES_APPROVED).first()
    meeting.deleted = True
    meeting.save()
    call_command("export", "--format", "csv", str(tmp_path / "x"))
    tables = read_tables(tmp_path / "x")
    assert str(meeting.pk) not in {row[0] for row in tables["meetings"][1:]}
    assert str(meeting.pk) not in {row[1] for row in tables["items"][1:]}
    assert len(tables["meetings"]) - 1 == public_counts()["meetings"]


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
def test_bad_directory_or_format_is_refused_with_a_reason(db, tmp_path, setup, args, reason):
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
    # Nothing of the person's own is lost or overwritten.
    if setup == "file":
        assert target.read_text() == "mine"
    if setup == "full":
        assert [p.name for p in target.iterdir()] == ["old.csv"]


def api_list(client, url: str) -> list[dict]:
    """A list the way a harvester reads it: page by page through links.next."""
    objects = []
    while url:
        page = client.get(url).json()
        objects += page["data"]
        url = page["links"].get("next")
    return objects


def test_json_export_is_what_the_api_serves_without_closed_content(
    world, tmp_path, client, settings
):
    settings.SITE_URL = "http://testserver"
    call_command("export", "--format", "oparl-json", str(tmp_path / "j"))
    root = tmp_path / "j" / "oparl"
    system = json.loads((root / "system.json").read_text())
    assert system == client.get("/oparl/v1/system").json()
    [body_dir] = [p for p in root.iterdir() if p.is_dir()]
    body = json.loads((body_dir / "body.json").read_text())
    lists = [k for k, v in body.items() if k != "id" and isinstance(v, str) and "/body/" in v]
    assert len(lists) == 10
    for key in lists:
        exported = json.loads((body_dir / f"{body[key].rsplit('/', 1)[1]}.json").read_text())
        served = api_list(client, body[key])
        assert exported["data"] == served, key
        assert exported["pagination"]["totalElements"] == len(served)
    meetings = json.loads((body_dir / "meeting.json").read_text())["data"]
    assert len(meetings) == Meeting.objects.filter(state__in=PUBLIC_STATES).count()
    text = all_text(tmp_path / "j")
    assert [name for name, word in MARKERS.items() if word in text] == []
    assert UNPUBLISHED not in text and UNAPPROVED not in text
