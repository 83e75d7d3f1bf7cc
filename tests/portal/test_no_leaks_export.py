"""The leak crawl of the bulk export: the archive the portal links to, opened file by
file, holds no closed item's content, and neither does a directory export."""

import io
import re
import zipfile

from django.core.management import call_command
from django.urls import reverse

from .closed_world import MARKERS


def test_no_closed_content_in_the_downloadable_archive(
    client, demo_with_secrets, settings, tmp_path
):
    settings.DATA_DIR = tmp_path / "data"
    call_command("export", "--archive")

    # Found the way a visitor finds it: footer → Åbne data → the download link.
    home = client.get("/").content.decode()
    assert reverse("portal:open_data") in home
    page = client.get(reverse("portal:open_data")).content.decode()
    [link] = re.findall(r'href="([^"]+\.zip)"', page)
    response = client.get(link)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))

    names = archive.namelist()
    for expected in (
        "csv/meetings.csv",
        "csv/items.csv",
        "csv/decisions.csv",
        "csv/votes.csv",
        "csv/attendance.csv",
        "oparl/system.json",
    ):
        assert expected in names
    assert len([n for n in names if n.startswith("oparl/body-")]) == 11  # body + 10 lists
    leaks = {
        name: [key for key, word in MARKERS.items() if word in archive.read(name).decode()]
        for name in names
    }
    assert {name: found for name, found in leaks.items() if found} == {}
    # The closed items are in it, by their neutral title.
    assert "Personalesag" in archive.read("csv/items.csv").decode()


def test_no_closed_content_in_a_directory_export(demo_with_secrets, tmp_path):
    call_command("export", str(tmp_path / "out"))  # both formats
    files = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert len(files) == 5 + 1 + 11
    leaks = {
        str(path): [key for key, word in MARKERS.items() if word in path.read_text()]
        for path in files
    }
    assert {name: found for name, found in leaks.items() if found} == {}
