"""The staff import page: a file uploaded, imported by a background job (in-process
here), its progress and outcome shown; bad files refused or reported in Danish."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dagsorden.core.models import BackgroundJob
from dagsorden.meetings.models import Meeting

DOCS = Path(__file__).resolve().parents[1] / "importer" / "docs"


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path


def _upload(client, world, capture, name: str, content: bytes):
    client.force_login(world["users"]["secretary_own"])
    municipality = world["body"].municipality
    with capture(execute=True):
        return client.post(
            reverse("staff:import"),
            {"fil": SimpleUploadedFile(name, content), "kommune": municipality.pk},
            follow=True,
        )


def test_an_uploaded_agenda_is_imported_in_the_background(
    client, world, django_capture_on_commit_callbacks
):
    before = Meeting.objects.count()
    content = (DOCS / "acadre_like.txt").read_bytes()
    html = _upload(client, world, django_capture_on_commit_callbacks, "dagsorden.txt", content)
    html = html.content.decode()
    assert "Filen er modtaget og importeres i baggrunden" in html
    job = BackgroundJob.objects.get(task="importer.import_upload")
    assert job.state == BackgroundJob.State.DONE and job.percent == 100
    assert job.progress["documents"] == 1 and job.progress["items"] > 0
    assert Meeting.objects.count() == before + 1
    page = client.get(reverse("staff:import")).content.decode()
    assert "dagsorden.txt" in page and "1 nye dokumenter med" in page and "færdig" in page
    assert 'http-equiv="refresh"' not in page  # nothing left running

    # The same file again: idempotent, nothing new.
    _upload(client, world, django_capture_on_commit_callbacks, "dagsorden.txt", content)
    assert Meeting.objects.count() == before + 1
    again = BackgroundJob.objects.filter(task="importer.import_upload").order_by("-id").first()
    assert again.progress["unchanged"] == 1 and again.progress["documents"] == 0


def test_a_file_that_is_no_document_fails_with_a_danish_reason_and_no_retries(
    client, world, django_capture_on_commit_callbacks
):
    broken = b"%PDF-1.7\n" + bytes(range(256)) * 4
    _upload(client, world, django_capture_on_commit_callbacks, "skadet.pdf", broken)
    job = BackgroundJob.objects.get(task="importer.import_upload")
    assert job.state == BackgroundJob.State.FAILED and job.attempts == 1
    assert job.last_error.startswith("Intet blev importeret fra skadet.pdf")
    page = client.get(reverse("staff:import")).content.decode()
    assert "Intet blev importeret fra skadet.pdf" in page and "fejlet" in page
    assert "Fejlede efter 1 forsøg" in client.get(reverse("staff:jobs")).content.decode()


def test_an_unknown_file_type_is_refused_before_any_job(
    client, world, django_capture_on_commit_callbacks
):
    response = _upload(client, world, django_capture_on_commit_callbacks, "virus.exe", b"MZ..")
    assert "virus.exe kan ikke importeres" in response.content.decode()
    assert not BackgroundJob.objects.exists()


def test_a_file_and_a_municipality_are_required(client, world):
    client.force_login(world["users"]["secretary_own"])
    response = client.post(reverse("staff:import"), {}, follow=True)
    assert "Vælg en fil at importere" in response.content.decode()
    upload = SimpleUploadedFile("a.txt", b"Dagsorden")
    response = client.post(reverse("staff:import"), {"fil": upload, "kommune": 0}, follow=True)
    assert "Vælg kommunen" in response.content.decode()
    assert not BackgroundJob.objects.exists()


@pytest.mark.parametrize("role", ["case_officer_own", "member_own", "plain_user"])
def test_only_secretaries_import(client, world, role):
    client.force_login(world["users"][role])
    assert client.get(reverse("staff:import")).status_code == 403


def test_a_secretary_imports_only_into_their_own_municipality(client, world):
    client.force_login(world["users"]["secretary_elsewhere"])
    page = client.get(reverse("staff:import")).content.decode()
    assert "Andenby Kommune" in page and world["body"].municipality.name not in page
    upload = SimpleUploadedFile("a.txt", b"Dagsorden")
    other = world["body"].municipality.pk
    response = client.post(reverse("staff:import"), {"fil": upload, "kommune": other}, follow=True)
    assert "Vælg kommunen" in response.content.decode()
    assert not BackgroundJob.objects.exists()
