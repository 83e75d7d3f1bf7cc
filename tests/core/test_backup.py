"""`dagsorden backup` and `dagsorden restore`: the demo municipality goes into one file
and comes back into an empty installation with every table row by row and every file
byte for byte; a non-empty installation and a damaged backup are refused."""

import datetime as dt
import hashlib
import io
import json
import tarfile
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from dagsorden.core.backup import media_files
from dagsorden.demo.build import demo_load
from dagsorden.search.backends import current_backend
from dagsorden.search.models import SearchEntry

NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))
pytestmark = pytest.mark.django_db(transaction=True)


# SQLite's full-text tables (the search index and its titles-only twin).
FTS_TABLES = ("search_fts", "search_title_fts")


def _is_fts_shadow(table: str) -> bool:
    # SQLite keeps a full-text table's index in shadow tables whose bytes depend on how
    # the index was built; the full-text table itself is compared row by row instead.
    return any(table.startswith(f"{fts}_") for fts in FTS_TABLES)


def _tables() -> dict[str, list]:
    names = connection.introspection.table_names()
    if connection.vendor == "sqlite":
        names += [fts for fts in FTS_TABLES if fts not in names]
    tables = {}
    with connection.cursor() as cursor:
        for table in sorted(names):
            if table == "django_migrations" or _is_fts_shadow(table):
                continue
            rowid = "rowid, " if table in FTS_TABLES else ""
            cursor.execute(f"SELECT {rowid}* FROM {connection.ops.quote_name(table)}")
            tables[table] = sorted((tuple(row) for row in cursor.fetchall()), key=repr)
    return tables


def _files() -> dict[str, str]:
    return {name: hashlib.sha256(path.read_bytes()).hexdigest() for name, path in media_files()}


@pytest.fixture
def installation(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DATA_DIR = tmp_path / "data"
    settings.DATA_DIR.mkdir()
    (settings.DATA_DIR / "secret_key").write_text("the-installation's-own-secret")
    yield settings
    # The next test finds an empty search index too (SQLite's is outside Django's flush).
    SearchEntry.objects.all().delete()
    current_backend().clear()


def _empty_installation(settings) -> None:
    call_command("flush", interactive=False, verbosity=0)
    for _name, path in media_files():
        path.unlink()
    (settings.DATA_DIR / "secret_key").unlink()


@pytest.mark.slow
def test_the_demo_comes_back_row_by_row_and_file_by_file(installation, tmp_path):
    demo_load(now=NOW, admin_password="backup-adgangskode")
    tables, files = _tables(), _files()
    assert sum(len(rows) for rows in tables.values()) > 1000
    assert len(files) >= 5
    backup = tmp_path / "dagsorden.tar.gz"

    call_command("backup", str(backup), verbosity=0)
    assert backup.stat().st_mode & 0o077 == 0
    _empty_installation(installation)
    assert _files() == {}
    call_command("restore", str(backup), verbosity=0)

    restored = _tables()
    assert restored.keys() == tables.keys()
    for table, rows in tables.items():
        assert restored[table] == rows, f"table {table} differs after restore"
    assert _files() == files
    secret = (installation.DATA_DIR / "secret_key").read_text()
    assert secret == "the-installation's-own-secret"


@pytest.fixture
def small_backup(installation, tmp_path, council_setup):
    backup = tmp_path / "lille.tar.gz"
    call_command("backup", str(backup), verbosity=0)
    return backup


def test_a_non_empty_installation_is_refused_and_left_alone(small_backup, council_setup):
    before = _tables()
    with pytest.raises(CommandError, match="Installationen er ikke tom") as refused:
        call_command("restore", str(small_backup), verbosity=0)
    assert "organisations." in str(refused.value)
    assert _tables() == before


def test_files_in_the_media_folder_are_refused_too(small_backup, installation):
    _empty_installation(installation)
    (installation.MEDIA_ROOT / "bilag").mkdir(parents=True)
    (installation.MEDIA_ROOT / "bilag" / "fremmed.pdf").write_bytes(b"%PDF")
    with pytest.raises(CommandError, match="indeholder allerede 1 filer"):
        call_command("restore", str(small_backup), verbosity=0)


def test_a_damaged_file_in_the_backup_restores_nothing(installation, tmp_path, council_setup):
    bilag = installation.MEDIA_ROOT / "bilag" / "a.pdf"
    bilag.parent.mkdir(parents=True)
    bilag.write_bytes(b"%PDF-1.7 original")
    backup = tmp_path / "backup.tar.gz"
    call_command("backup", str(backup), verbosity=0)
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(backup) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            content = source.extractfile(member).read()
            if member.name == "media/bilag/a.pdf":
                content = b"%PDF-1.7 changed!"
            member.size = len(content)
            target.addfile(member, io.BytesIO(content))
    _empty_installation(installation)
    with pytest.raises(CommandError, match="beskadiget"):
        call_command("restore", str(damaged), verbosity=0)
    assert _files() == {}
    from dagsorden.organisations.models import Organization

    assert not Organization.objects.exists()


@pytest.mark.parametrize("content", [b"", b"not a backup", "tar-without-manifest", "truncated"])
def test_something_else_than_a_backup_is_refused(installation, tmp_path, db, content):
    path = tmp_path / "x.tar.gz"
    if content == "truncated":
        call_command("backup", str(path), verbosity=0)
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
        _empty_installation(installation)
    elif content == "tar-without-manifest":
        with tarfile.open(path, "w:gz") as archive:
            archive.addfile(tarfile.TarInfo("hello.txt"), io.BytesIO(b""))
    else:
        path.write_bytes(content)
    with pytest.raises(CommandError, match="sikkerhedskopi|manifest"):
        call_command("restore", str(path), verbosity=0)


def test_a_backup_from_a_newer_version_is_refused(installation, tmp_path, db):
    path = tmp_path / "newer.tar.gz"
    manifest = {
        "format": "dagsorden-backup",
        "version": 1,
        "migrations": [["meetings", "9999_from_the_future"]],
        "files": {},
    }
    with tarfile.open(path, "w:gz") as archive:
        data = json.dumps(manifest).encode()
        info = tarfile.TarInfo("manifest.json")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    with pytest.raises(CommandError, match="nyere Dagsorden"):
        call_command("restore", str(path), verbosity=0)


def test_backup_names_a_missing_folder(tmp_path, db):
    with pytest.raises(CommandError, match="findes ikke"):
        call_command("backup", str(tmp_path / "nowhere" / "x.tar.gz"))
