"""Restore a backup (see `backup.py`) into an empty installation.

Empty means: no rows in any table but those migrate itself fills (content types,
permissions) or that only come and go (sessions, login attempts), and no uploaded
files. Anything else is refused with what was found, so a restore never mixes two
installations or overwrites one.

The schema is first brought to the backup's migrations, the rows are loaded in one
transaction (foreign keys are checked at its end), the files are written and checked
against their SHA-256, then the schema is migrated to this version and the search
index rebuilt (SQLite's full-text table is derived data, not in the backup).
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from .backup import FORMAT, VERSION, backed_up_models, copy_secret_key, media_files

# Filled by migrate, or transient: present in a fresh installation, replaced by the backup.
REPLACED = ("contenttypes.contenttype", "auth.permission", "sessions.session", "axes.")


class RestoreRefused(Exception):
    """Why the backup cannot be restored here (Danish, shown to the operator)."""


@dataclass
class RestoreSummary:
    rows: int
    files: int


def backup_restore(*, path: Path) -> RestoreSummary:
    try:
        with tarfile.open(path, "r:gz") as archive:
            rows, files = _restore_from(archive, path)
    except (OSError, EOFError, zlib.error, tarfile.TarError) as error:
        raise RestoreRefused(
            f"{path} er ikke en (hel) sikkerhedskopi fra Dagsorden: {error}"
        ) from error
    call_command("migrate", interactive=False, verbosity=0)
    from dagsorden.search.facade import reindex_all

    reindex_all()
    return RestoreSummary(rows=rows, files=files)


def _restore_from(archive: tarfile.TarFile, path: Path) -> tuple[int, int]:
    manifest = _manifest(archive, path)
    call_command("migrate", interactive=False, verbosity=0)
    executor = MigrationExecutor(connection)
    _check_migrations_known(manifest, executor)
    _check_empty()
    _write_files(archive, manifest["files"], write=False)  # a damaged file stops it here
    _migrate_to(executor, manifest["migrations"])
    rows = _load_rows(archive)
    files = _write_files(archive, manifest["files"], write=True)
    if manifest.get("secret_key"):
        copy_secret_key(
            archive.extractfile("secret_key"),
            destination=Path(settings.DATA_DIR) / "secret_key",
        )
    return rows, files


def _manifest(archive: tarfile.TarFile, path: Path) -> dict:
    try:
        manifest = json.load(archive.extractfile("manifest.json"))
    except (KeyError, ValueError, tarfile.TarError) as error:
        raise RestoreRefused(f"{path} har ingen læsbar manifest.json.") from error
    if manifest.get("format") != FORMAT or not isinstance(manifest.get("version"), int):
        raise RestoreRefused(f"{path} er ikke en sikkerhedskopi fra Dagsorden.")
    if manifest["version"] > VERSION:
        raise RestoreRefused(
            f"Sikkerhedskopien har format {manifest['version']}; denne version læser højst "
            f"{VERSION}. Gendan med en nyere Dagsorden."
        )
    return manifest


def _check_migrations_known(manifest: dict, executor: MigrationExecutor) -> None:
    unknown = [tuple(pair) for pair in manifest["migrations"]]
    unknown = [pair for pair in unknown if pair not in executor.loader.graph.nodes]
    if unknown:
        names = ", ".join(f"{app}.{name}" for app, name in unknown[:5])
        raise RestoreRefused(
            f"Sikkerhedskopien er fra en nyere Dagsorden (ukendte migreringer: {names}). "
            "Opgrader først, og gendan derefter."
        )


def _check_empty() -> None:
    found = [
        f"{model._meta.label_lower} ({count})"
        for model in backed_up_models()
        if not model._meta.label_lower.startswith(REPLACED)
        and (count := model._base_manager.count())
    ]
    if found:
        raise RestoreRefused(
            "Installationen er ikke tom, så intet er gendannet. Databasen har allerede data i "
            + ", ".join(found[:8])
            + (" …" if len(found) > 8 else "")
            + ". Gendan i en ny installation (tom database og datamappe)."
        )
    if files := media_files():
        raise RestoreRefused(
            f"Installationen er ikke tom, så intet er gendannet: {settings.MEDIA_ROOT} "
            f"indeholder allerede {len(files)} filer."
        )


def _migrate_to(executor: MigrationExecutor, applied: list[list[str]]) -> None:
    """The schema as it was when the backup was taken (an older version's backup)."""
    applied_set = {tuple(pair) for pair in applied}
    if applied_set == set(executor.loader.applied_migrations):
        return
    graph = executor.loader.graph
    targets = []
    for app in sorted({app for app, _name in graph.nodes}):
        leaves = [
            node
            for node in applied_set
            if node[0] == app
            and not any(
                child in applied_set and child[0] == app for child in graph.node_map[node].children
            )
        ]
        targets.extend(leaves or [(app, None)])
    plan = executor.migration_plan(targets)
    if plan:
        executor.migrate(targets, plan=plan)


def _load_rows(archive: tarfile.TarFile) -> int:
    members = [m for m in archive.getmembers() if m.name.startswith("database/")]
    count = 0
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                for model in backed_up_models():
                    if model._meta.label_lower.startswith(REPLACED):
                        table = connection.ops.quote_name(model._meta.db_table)
                        cursor.execute(f"DELETE FROM {table}")  # noqa: S608 (our table names)
            for member in members:
                label = PurePosixPath(member.name).stem
                _model_for(label)
                stream = io.TextIOWrapper(archive.extractfile(member), encoding="utf-8")
                for row in serializers.deserialize("jsonl", stream):
                    row.m2m_data = {}  # the many-to-many tables are restored as tables
                    row.save()
                    count += 1
            _reset_sequences()
    except (IntegrityError, DatabaseError, serializers.base.DeserializationError) as error:
        raise RestoreRefused(f"Databasen kunne ikke gendannes, intet er gemt: {error}") from error
    return count


def _model_for(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError) as error:
        raise RestoreRefused(f"Sikkerhedskopien har en ukendt tabel: {label}.") from error


def _reset_sequences() -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), backed_up_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _write_files(archive: tarfile.TarFile, expected: dict[str, str], *, write: bool) -> int:
    root = Path(settings.MEDIA_ROOT)
    written = 0
    for name, sha256 in expected.items():
        relative = PurePosixPath(name)
        if relative.is_absolute() or ".." in relative.parts:
            raise RestoreRefused(f"Sikkerhedskopien har et ugyldigt filnavn: {name}.")
        try:
            member = archive.getmember(f"media/{name}")
        except KeyError as error:
            raise RestoreRefused(f"Filen {name} mangler i sikkerhedskopien.") from error
        if not member.isfile():
            raise RestoreRefused(f"{name} i sikkerhedskopien er ikke en almindelig fil.")
        content = archive.extractfile(member).read()
        if hashlib.sha256(content).hexdigest() != sha256:
            raise RestoreRefused(f"Filen {name} i sikkerhedskopien er beskadiget (SHA-256).")
        if not write:
            continue
        target = root.joinpath(*relative.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written += 1
    return written
