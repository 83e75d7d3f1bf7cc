"""Backup and restore of a whole installation: database, bilag (media) and the data
that lives in settings files (the generated secret key).

The archive is a gzipped tar that any machine can read: `manifest.json` (format,
database vendor, applied migrations, row counts, a SHA-256 per file),
`database/<app.model>.jsonl` (Django's JSON Lines serialisation, one file per model,
rows in primary-key order), `media/…` and `secret_key`. Being model-level, a backup
taken on SQLite restores on PostgreSQL and back.

Consistency while the server runs: the database is read from one snapshot — on
PostgreSQL one REPEATABLE READ, READ ONLY transaction (writers are not blocked); on
SQLite a copy made with SQLite's online backup API, then read at leisure. Bilag are
stored under their content's hash and never rewritten, so copying them after the
snapshot gives every file the snapshot refers to.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, connections, models
from django.db.migrations.recorder import MigrationRecorder
from django.db.utils import load_backend

FORMAT = "dagsorden-backup"
VERSION = 1
SNAPSHOT_ALIAS = "backup_snapshot"


@dataclass
class BackupSummary:
    path: Path
    rows: dict[str, int] = field(default_factory=dict)
    files: int = 0

    @property
    def row_total(self) -> int:
        return sum(self.rows.values())


def backed_up_models() -> list[type[models.Model]]:
    """Every table Django manages, the many-to-many tables included, in a fixed order."""
    chosen = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]
    return sorted(chosen, key=lambda model: model._meta.label_lower)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def media_files() -> list[tuple[str, Path]]:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    return sorted(
        (path.relative_to(root).as_posix(), path) for path in root.rglob("*") if path.is_file()
    )


def secret_key_file() -> Path:
    return Path(settings.DATA_DIR) / "secret_key"


def backup_write(*, path: Path) -> BackupSummary:
    """Write the installation to `path` (atomically: a half-written backup never has
    the final name)."""
    path = Path(path)
    summary = BackupSummary(path=path)
    partial = path.with_name(path.name + ".part")
    with tarfile.open(partial, "w:gz") as archive, tempfile.TemporaryDirectory() as scratch:
        with database_snapshot(Path(scratch)) as alias:
            migrations = sorted(
                MigrationRecorder.Migration.objects.using(alias).values_list("app", "name")
            )
            for model in backed_up_models():
                summary.rows[model._meta.label_lower] = _add_model(archive, model, alias)
        files = {}
        for name, file_path in media_files():
            files[name] = sha256_of(file_path)
            archive.add(file_path, arcname=f"media/{name}", recursive=False)
        summary.files = len(files)
        key = secret_key_file()
        if key.exists():
            archive.add(key, arcname="secret_key")
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created": dt.datetime.now(dt.UTC).isoformat(),
            "vendor": connection.vendor,
            "migrations": [list(pair) for pair in migrations],
            "rows": summary.rows,
            "files": files,
            "secret_key": key.exists(),
        }
        _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=1).encode())
    os.replace(partial, path)
    return summary


def _add_model(archive: tarfile.TarFile, model, alias: str) -> int:
    rows = model._base_manager.using(alias).order_by("pk")
    with tempfile.TemporaryFile() as spool:
        text = io.TextIOWrapper(spool, encoding="utf-8", write_through=True)
        counter = _Counter(rows.iterator(chunk_size=2000))
        serializers.serialize("jsonl", counter, stream=text, cls=ExactJSONEncoder)
        text.flush()
        size = spool.seek(0, io.SEEK_END)
        spool.seek(0)
        info = tarfile.TarInfo(f"database/{model._meta.label_lower}.jsonl")
        info.size, info.mode = size, 0o600
        archive.addfile(info, spool)
        text.detach()
    return counter.count


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder cuts times to milliseconds (for JavaScript); a backup keeps
    every microsecond, or a restored row would differ from the original."""

    def default(self, o):
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


class _Counter:
    def __init__(self, iterable):
        self.iterable, self.count = iterable, 0

    def __iter__(self):
        for row in self.iterable:
            self.count += 1
            yield row


def _add_bytes(archive: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode = len(content), 0o600
    info.mtime = int(dt.datetime.now(dt.UTC).timestamp())
    archive.addfile(info, io.BytesIO(content))


@contextlib.contextmanager
def database_snapshot(scratch: Path):
    """A database alias that reads one consistent state of the default database."""
    if connection.vendor == "sqlite":
        yield from _sqlite_snapshot(scratch)
    elif connection.vendor == "postgresql" and not connection.in_atomic_block:
        from django.db import transaction

        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield "default"
    else:
        # Already inside a transaction (tests) or another database: read in place.
        yield "default"


def _sqlite_snapshot(scratch: Path):
    copy = scratch / "snapshot.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(copy)
    try:
        connection.connection.backup(target)  # one consistent copy, writers go on
    finally:
        target.close()
    # A connection of its own, made here rather than configured in settings: it exists
    # only for the length of the backup.
    snapshot_settings = {**connections.settings["default"], "NAME": str(copy)}
    backend = load_backend(snapshot_settings["ENGINE"])
    connections[SNAPSHOT_ALIAS] = backend.DatabaseWrapper(snapshot_settings, SNAPSHOT_ALIAS)
    try:
        yield SNAPSHOT_ALIAS
    finally:
        connections[SNAPSHOT_ALIAS].close()
        del connections[SNAPSHOT_ALIAS]


def copy_secret_key(source, *, destination: Path) -> None:
    destination.parent.mkdir(parents=True, exist_ok=True)
    with destination.open("wb") as stream:
        shutil.copyfileobj(source, stream)
    destination.chmod(0o600)
