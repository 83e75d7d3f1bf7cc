"""Loading parsed documents: idempotency, agenda + minutes, cases across documents."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command

from dagsorden.cases.models import Case, Consultation, File
from dagsorden.core.models import AuditEntry
from dagsorden.importer.batch import ImportSummary, import_one, import_paths
from dagsorden.importer.loader import MeetingUnplaceable, decision_outcome, load
from dagsorden.importer.models import ImportedDocument
from dagsorden.importer.parse import parse_text
from dagsorden.meetings.models import (
    AgendaItem,
    Attendance,
    Decision,
    ItemAttendance,
    Meeting,
    Section,
)
from dagsorden.organisations.models import Municipality, Organization, Person

pytestmark = pytest.mark.django_db

HEADER = """{word} Vejudvalget d. 03-04-2025

Mødedato Torsdag d. 3. april 2025 kl. 16:00

Mødested Mødelokale 2

Mødedeltagere Ane Lund (A), Bo Hald (V), Carl Ry (Ø){absent}

"""
ITEM_ROAD = """Punkt 5: Ny belægning på Skovvej

25-004411

{decision}Sagsfremstilling

Vejen er slidt.

Indstilling

Direktøren indstiller, at belægningen fornyes.

Sagens forløb

12/03/2025 Direktionen

Anbefales.

20/03/2025 Teknisk Råd

Anbefales.

Afbud: Dina Bæk

Bilag

Tilbud på asfalt

"""
ITEM_CLOSED = """Punkt 6: Lukket punkt: Køb af ejendom

25-009001

{decision}Sagsfremstilling

Fortroligt.

"""


def _agenda() -> str:
    return (
        HEADER.format(word="DAGSORDEN", absent="")
        + ITEM_ROAD.format(decision="")
        + ITEM_CLOSED.format(decision="")
    )


def _minutes() -> str:
    return (
        HEADER.format(word="REFERAT", absent=" (Afbud)")
        + ITEM_ROAD.format(decision="Beslutning\n\nGodkendt.\n\nFraværende: Bo Hald\n\n")
        + ITEM_CLOSED.format(decision="Beslutning\n\nUdsat.\n\n")
    )


def _load(text: str, name: str = "doc.txt"):
    data = text.encode()
    return load(parse_text(text), source=name, sha256=_sha(data), municipality_name="Egeby")


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _counts() -> dict[str, int]:
    models = (Meeting, AgendaItem, Section, Case, Consultation, File, Person, AuditEntry)
    return {model.__name__: model.objects.count() for model in models}


def test_agenda_then_minutes_fill_one_meeting():
    _load(_agenda(), "agenda.txt")
    meeting = Meeting.objects.get()
    assert meeting.state == Meeting.State.AGENDA_PUBLISHED
    assert meeting.start == dt.datetime(2025, 4, 3, 14, 0, tzinfo=dt.UTC)  # 16:00 in Copenhagen
    _load(_minutes(), "minutes.txt")
    meeting = Meeting.objects.get()
    assert meeting.state == Meeting.State.MINUTES_APPROVED
    road, closed = meeting.items.order_by("number")
    assert (road.number, road.title) == (5, "Ny belægning på Skovvej")
    assert road.decision.outcome == Decision.Outcome.APPROVED
    assert [s.heading for s in road.sections.all()] == [
        "Beslutning", "Sagsfremstilling", "Indstilling", "Sagens forløb", "Bilag",
    ]  # fmt: skip
    assert road.recommendation.by == "Direktøren"
    assert [f.name for f in road.files.all()] == ["Tilbud på asfalt"]
    assert closed.public is False and closed.public_title == "Lukket punkt"
    assert closed.decision.outcome == Decision.Outcome.POSTPONED
    absent = ItemAttendance.objects.get(item=road)
    assert absent.person.name == "Bo Hald"
    assert Attendance.objects.get(meeting=meeting, person__given_name="Carl").status == "afbud"


def test_same_bytes_twice_change_nothing():
    first = _load(_minutes())
    before = _counts()
    second = _load(_minutes())
    assert first.created and not second.created
    assert _counts() == before
    assert ImportedDocument.objects.count() == 1


def test_sagens_forloeb_becomes_consultations_of_earlier_bodies():
    _load(_minutes())
    case = Case.objects.get(journal_number="25-004411")
    route = [
        (c.organization.name, c.recorded_date, c.recorded_result, c.recorded_absent, c.status)
        for c in case.consultations.order_by("order")
    ]
    assert route == [
        ("Direktionen", dt.date(2025, 3, 12), "Anbefales.", [], "done"),
        ("Teknisk Råd", dt.date(2025, 3, 20), "Anbefales.", ["Dina Bæk"], "done"),
        ("Vejudvalget", dt.date(2025, 4, 3), "Godkendt.", [], "done"),
    ]
    item = AgendaItem.objects.get(number=5)
    assert item.case == case


def test_same_journal_number_in_two_documents_gives_one_case_with_full_history():
    _load(_minutes())
    council = (
        "REFERAT Byrådet d. 23-04-2025\n\nMødedato Onsdag d. 23. april 2025 kl. 19:00\n\n"
        "Punkt 88: Ny belægning på Skovvej\n\n25-004411\n\nBeslutning\n\nGodkendt.\n\n"
        "Sagens forløb\n\n03/04/2025 Vejudvalget\n\nGodkendt.\n"
    )
    _load(council, "council.txt")
    case = Case.objects.get(journal_number="25-004411")
    bodies = [c.organization.name for c in case.consultations.order_by("order")]
    assert bodies == ["Direktionen", "Teknisk Råd", "Vejudvalget", "Byrådet"]
    assert case.consultations.filter(organization__name="Vejudvalget").count() == 1
    assert Organization.objects.get(name="Byrådet").kind == Organization.Kind.COUNCIL


def test_minutes_imported_before_agenda_are_kept():
    _load(_minutes(), "minutes.txt")
    _load(_agenda(), "agenda.txt")
    meeting = Meeting.objects.get()
    assert meeting.state == Meeting.State.MINUTES_APPROVED
    assert meeting.items.get(number=5).decision.text == "Godkendt."


def test_document_without_body_or_date_is_refused():
    with pytest.raises(MeetingUnplaceable):
        _load("Punkt 1: Noget\n\nSagsfremstilling\n\nTekst.\n")
    assert Meeting.objects.count() == 0


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Anbefales.", "anbefales"),
        ("Taget til efterretning.", "efterretning"),
        ("Indstillingerne godkendt.", "godkendt"),
        ("Punktet blev udsat til næste møde.", "udsat"),
        ("Ikke godkendt.", "ikke_godkendt"),
        ("Orientering foretaget.", "orientering"),
        ("Drøftet.", "droeftet"),
        ("-", "andet"),
    ],
)
def test_decision_outcome_from_wording(text, outcome):
    assert decision_outcome(text) == outcome


def test_import_one_counts_failures_and_warnings(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    summary = ImportSummary()
    import_one(empty, summary)
    assert summary.failed == 1 and "empty" in summary.problems[0]


def test_import_command_reports_a_summary(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(_agenda(), encoding="utf-8")
    (tmp_path / "b.txt").write_text(_minutes(), encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")  # not a document suffix: ignored
    call_command("import", str(tmp_path), "--municipality", "Egeby", "--no-progress")
    out = capsys.readouterr().out
    assert "Imported 2 document(s) with 4 item(s); 0 unchanged, 0 failed" in out
    call_command("import", str(tmp_path), "--no-progress")
    assert "0 document(s)" in capsys.readouterr().out and Meeting.objects.count() == 1
    (tmp_path / "bad.txt").write_text("")
    with pytest.raises(CommandError, match="1 document"):
        call_command("import", str(tmp_path), "--no-progress")


def test_seed_documents_import_with_cases_and_history(shared):
    summary = import_paths([shared / "corpus" / "seeds"], progress=False)
    assert summary.failed == 0 and summary.documents == 5
    assert Meeting.objects.count() == 5
    assert Consultation.objects.exclude(recorded_result="").count() > 10
    again = import_paths([shared / "corpus" / "seeds"], progress=False)
    assert again.unchanged == 5 and again.documents == 0


def test_failed_document_empties_the_cache(monkeypatch):
    from dagsorden.importer import loader

    cache = loader.LoadCache()
    _load(_agenda())  # the municipality exists now

    def explode(self):
        raise RuntimeError("disk full")

    monkeypatch.setattr(loader._Writer, "write", explode)
    with pytest.raises(RuntimeError):
        load(parse_text(_minutes()), source="m.txt", sha256="f" * 64, cache=cache)
    assert cache.municipalities == {} and cache.bodies == {}
    assert not ImportedDocument.objects.filter(sha256="f" * 64).exists()


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Oparl", "oparl-kommune"), ("Admin", "admin-kommune"), ("Moeder", "moeder-kommune")],
)
def test_a_municipality_named_like_a_portal_path_gets_a_slug_of_its_own(client, name, slug):
    load(parse_text(_agenda()), source="a.txt", sha256="a" * 64, municipality_name=name)
    municipality = Municipality.objects.get(name=name)
    assert municipality.slug == slug
    municipality.full_clean()  # what the admin form would accept
    assert client.get(f"/{slug}/").status_code == 200
    assert client.get("/oparl/v1/system").json()["type"].endswith("/System")
    assert client.get("/admin/").status_code == 302  # to the admin's log-in


def test_a_second_reserved_name_gets_the_next_free_slug():
    Municipality.objects.create(name="Oparl Kommune", slug="oparl-kommune")
    load(parse_text(_agenda()), source="a.txt", sha256="a" * 64, municipality_name="Oparl")
    assert Municipality.objects.get(name="Oparl").slug == "oparl-kommune-2"
