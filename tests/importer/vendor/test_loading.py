"""Exports through the loader: idempotent, agenda then minutes, one case across exports,
bilag files stored once, per-export transactions, nothing closed on public pages."""

import hashlib
import json

import pytest
from django.urls import reverse

from dagsorden.cases.models import Case, Consultation, File
from dagsorden.importer import exported
from dagsorden.importer.batch import import_paths
from dagsorden.importer.models import ExportKey, ImportedDocument
from dagsorden.meetings.models import AgendaItem, Attendance, Meeting, Section

from .exports import edoc_xml, firstagenda, pdf_bytes, sbsys_zip

pytestmark = pytest.mark.django_db


def write(folder, name, data):
    path = folder / name
    path.write_bytes(data)
    return path


def run(*paths, municipality=None):
    return import_paths(paths, municipality=municipality, progress=False)


def test_importing_an_export_again_changes_nothing(tmp_path):
    path = write(tmp_path, "miljo.json", firstagenda())
    first = run(path)
    assert (first.documents, first.items, first.failed) == (1, 3, 0)
    counts = (Meeting.objects.count(), AgendaItem.objects.count(), File.objects.count())
    again = run(path)
    assert (again.documents, again.unchanged) == (0, 1)
    assert counts == (Meeting.objects.count(), AgendaItem.objects.count(), File.objects.count())
    meeting = Meeting.objects.get()
    assert meeting.organization.municipality.name == "Eksempel"
    assert ImportedDocument.objects.get().layout == "firstagenda"


def test_the_same_export_with_other_bytes_changes_no_rows(tmp_path):
    """A re-download (re-indented, keys reordered) is read again and finds its own rows."""
    first = write(tmp_path, "a.json", firstagenda())
    again = write(tmp_path, "b.json", json.dumps(json.loads(firstagenda()), indent=2).encode())
    run(first)
    counts = [m.objects.count() for m in (Meeting, AgendaItem, Section, File, Case, Consultation)]
    assert run(again).documents == 1  # other bytes: read again …
    assert counts == [m.objects.count() for m in (Meeting, AgendaItem, Section, File, Case,
                                                  Consultation)]  # fmt: skip  # … same rows


def test_agenda_then_minutes_fill_the_same_meeting_even_when_its_time_moved(tmp_path):
    agenda = write(tmp_path, "agenda.json", firstagenda(concluded=False))
    minutes = write(
        tmp_path, "referat.json", firstagenda(concluded=True, date="2026-02-11T09:30:00+01:00")
    )
    run(agenda)
    assert Meeting.objects.get().state == Meeting.State.AGENDA_PUBLISHED
    run(minutes)
    meeting = Meeting.objects.get()  # found by the export's meeting id, not by its time
    assert meeting.state == Meeting.State.MINUTES_APPROVED
    assert meeting.start.hour == 8 and meeting.start.day == 11  # 09:30 in Copenhagen
    assert meeting.items.count() == 3
    park = meeting.items.get(number=1)
    assert park.decision.text == "Godkendt."
    assert [a.person.given_name for a in park.attendance_exceptions.all()] == ["Tove"]
    statuses = {str(a.person): a.status for a in meeting.attendances.all()}
    assert statuses["Tove Krog"] == Attendance.Status.APOLOGY
    assert statuses["Jens Vang"] == Attendance.Status.ABSENT
    assert ExportKey.objects.get().meeting == meeting


def test_a_case_number_in_several_exports_is_one_case_with_its_route(tmp_path):
    february = write(tmp_path, "feb.json", firstagenda())
    march = write(
        tmp_path,
        "mar.json",
        firstagenda(english=True, meeting_id="second", date="2026-03-10T16:00:00+01:00"),
    )
    run(february, march)
    case = Case.objects.get(journal_number="26-000101")
    route = [(c.organization.name, str(c.recorded_date)) for c in case.consultations.all()]
    assert route == [
        ("Teknikudvalget", "2026-02-02"),
        ("Miljøudvalget", "2026-02-10"),
        ("Miljøudvalget", "2026-03-10"),
    ]


def test_bilag_files_are_stored_once_by_sha512(tmp_path):
    run(write(tmp_path, "pub.zip", sbsys_zip(same_content=True)))
    files = list(File.objects.exclude(file="").order_by("pk"))
    assert len(files) == 3
    digest = hashlib.sha512(pdf_bytes("Bilag med samme indhold")).hexdigest()
    assert {f.sha512 for f in files} == {digest}
    assert len({f.file.name for f in files}) == 1  # one file on disk for three bilag
    assert all("Bilag med samme indhold" in f.text for f in files)
    assert files[0].file.read() == pdf_bytes("Bilag med samme indhold")


def test_missing_enclosures_keep_their_titles_and_are_reported(tmp_path):
    summary = run(write(tmp_path, "pub.zip", sbsys_zip(enclosures=(2,))))
    assert summary.documents == 1 and summary.warnings == 1
    assert any("Enclosures/1.pdf" in p for p in summary.problems)
    names = list(File.objects.order_by("pk").values_list("name", "size"))
    assert names[0] == ("Kort over stien", 0) and names[1][1] > 0


def test_a_malformed_export_is_named_and_the_others_are_kept(tmp_path):
    write(tmp_path, "good.json", firstagenda())
    write(tmp_path, "bad.json", b'{"Dagsordenpunkter": [')
    write(tmp_path, "evil.zip", sbsys_zip().replace(b"Publication901/E", b"../../../../E"))
    summary = run(tmp_path)
    assert (summary.documents, summary.failed) == (1, 2)
    assert any("bad.json" in p and "invalid FirstAgenda JSON" in p for p in summary.problems)
    assert any("evil.zip" in p for p in summary.problems)
    assert Meeting.objects.count() == 1


def test_an_export_failing_while_loading_leaves_nothing(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("dagsorden.importer.loader.bilag_rows", broken)
    summary = run(write(tmp_path, "pub.zip", sbsys_zip()))
    assert summary.failed == 1 and "disk full" in summary.problems[0]
    assert not Meeting.objects.exists() and not AgendaItem.objects.exists()
    assert not ExportKey.objects.exists() and not ImportedDocument.objects.exists()
    monkeypatch.setattr("dagsorden.importer.loader.bilag_rows", exported.bilag_rows)
    assert run(write(tmp_path, "pub.zip", sbsys_zip())).documents == 1  # and can be retried


def test_imported_meetings_show_on_the_portal_without_closed_content(client, tmp_path):
    (tmp_path / "Attachments").mkdir()
    write(tmp_path / "Attachments", "plan-1.pdf", pdf_bytes("Legepladsens plan"))
    run(
        write(tmp_path, "miljo.json", firstagenda()),
        write(tmp_path, "pub.zip", sbsys_zip()),
        write(tmp_path, "edoc.xml", edoc_xml()),
    )
    assert Meeting.objects.count() == 3
    for meeting in Meeting.objects.all():
        page = client.get(reverse("portal:meeting_detail", args=[meeting.pk]))
        assert page.status_code == 200
        html = page.content.decode()
        assert "HEMMELIGPRIS" not in html
        assert "Lukket punkt" in html
    for bilag in File.objects.exclude(file=""):
        url = reverse("portal:file_download", args=[bilag.pk, bilag.file_name])
        response = client.get(url)
        if bilag.public:
            assert response.status_code == 200
            assert b"".join(response.streaming_content).startswith(b"%PDF-")
        else:
            assert response.status_code == 404, bilag.name
    assert File.objects.filter(public=False).exclude(file="").exists()
    for word in ("ejendommen", "grunden", "hemmeligpris"):  # words of the closed items only
        found = client.get(reverse("portal:search"), {"q": word}).content.decode()
        assert "HEMMELIGPRIS" not in found and "Salg af ejendom" not in found
    park = client.get(reverse("portal:search"), {"q": "bænke"}).content.decode()
    assert "Mølleparken" in park  # the open item is found, so the search did run


def test_bilag_without_a_file_show_their_title_without_a_dead_link(client, tmp_path):
    run(write(tmp_path, "miljo.json", firstagenda()))  # FirstAgenda JSON carries no files
    meeting = Meeting.objects.get()
    html = client.get(reverse("portal:meeting_detail", args=[meeting.pk])).content.decode()
    for bilag in File.objects.all():
        assert bilag.name in html
        assert reverse("portal:file_download", args=[bilag.pk, "bilag.pdf"]) not in html
