"""The portal's Åbne data page: what a visitor sees before the first archive is built,
after a build, and when a rebuild fails (the last good archive stays)."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from dagsorden.api import export


@pytest.fixture
def data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"
    return settings.DATA_DIR


def test_before_the_first_build_the_page_says_so_and_the_download_explains(client, db, data_dir):
    page = client.get(reverse("portal:open_data"))
    assert page.status_code == 200
    assert "Arkivet er ikke bygget endnu" in page.content.decode()
    assert ".zip" not in page.content.decode()
    # The API it points to instead answers.
    assert 'href="/oparl/v1/system"' in page.content.decode()
    assert client.get("/oparl/v1/system").status_code == 200
    download = client.get(reverse("portal:open_data_archive"))
    assert download.status_code == 404
    assert "Arkivet er ikke bygget endnu" in download.content.decode()


def test_after_a_build_the_page_shows_date_and_size(client, db, data_dir):
    call_command("export", "--archive")
    info = export.archive_info()
    assert info is not None and info.size > 0
    text = client.get(reverse("portal:open_data")).content.decode()
    assert "Hent arkivet (zip)" in text and "bygget" in text
    assert "dagsorden-aabne-data.zip" in text
    response = client.get(reverse("portal:open_data_archive"))
    assert response.status_code == 200
    assert "dagsorden-aabne-data.zip" in response["Content-Disposition"]


def test_a_failed_rebuild_keeps_the_last_archive(db, data_dir, monkeypatch):
    call_command("export", "--archive")
    before = export.archive_path().read_bytes()

    def broken(directory):
        (directory / "half.csv").write_text("half")
        raise export.ExportError("disk full")

    monkeypatch.setitem(export.FORMATS, "csv", broken)
    with pytest.raises(CommandError, match="disk full"):
        call_command("export", "--archive")
    assert export.archive_path().read_bytes() == before
    assert [p.name for p in export.archive_path().parent.iterdir()] == [export.ARCHIVE_NAME]
