"""Bulk export of the public data set for archives: OParl JSON files and CSV tables,
written to a directory (`dagsorden export --format oparl-json|csv DIR`) or built into
the one zip archive the portal offers for download (`dagsorden export --archive`)."""

import datetime as dt
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from .csv_tables import write_csv
from .oparl_json import write_oparl_json

FORMATS = {"oparl-json": write_oparl_json, "csv": write_csv}
ARCHIVE_NAME = "dagsorden-aabne-data.zip"


class ExportError(Exception):
    """A reason the export could not be written, for the person who asked for it."""


def export_directory(directory: Path) -> Path:
    """The target directory, created if missing; refused if it is a file, cannot be
    written, or already holds files (an export never mixes with older files)."""
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise ExportError(_("%(path)s findes og er ikke en mappe.") % {"path": directory})
    if not directory.exists():
        if not directory.parent.is_dir():
            raise ExportError(
                _("Mappen %(path)s findes ikke, så %(name)s kan ikke oprettes i den.")
                % {"path": directory.parent, "name": directory.name}
            )
        try:
            directory.mkdir()
        except OSError as error:
            raise ExportError(
                _("%(path)s kan ikke oprettes: %(error)s")
                % {"path": directory, "error": error.strerror}
            ) from None
    elif any(directory.iterdir()):
        raise ExportError(
            _("Mappen %(path)s er ikke tom; vælg en tom eller ny mappe.") % {"path": directory}
        )
    probe = directory / ".dagsorden-write-test"
    try:
        probe.touch()
        probe.unlink()
    except OSError as error:
        raise ExportError(
            _("Der kan ikke skrives i %(path)s: %(error)s")
            % {"path": directory, "error": error.strerror}
        ) from None
    return directory


def export_write(*, directory: Path, formats: list[str]) -> dict[str, dict[str, int]]:
    """Write the chosen formats into `directory`; returns the counts per format."""
    unknown = [name for name in formats if name not in FORMATS]
    if unknown or not formats:
        raise ExportError(
            _("Ukendt format %(name)s; vælg blandt: %(choices)s.")
            % {"name": ", ".join(unknown) or '""', "choices": ", ".join(FORMATS)}
        )
    directory = export_directory(directory)
    counts = {}
    for name in formats:
        counts[name] = FORMATS[name](directory)
    return counts


# --- the downloadable archive ------------------------------------------------------------


def archive_path() -> Path:
    return Path(settings.DATA_DIR) / "open-data" / ARCHIVE_NAME


@dataclass(frozen=True)
class ArchiveInfo:
    path: Path
    built: dt.datetime
    size: int


def archive_info() -> ArchiveInfo | None:
    """The last built archive, or None before the first build."""
    path = archive_path()
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    built = dt.datetime.fromtimestamp(stat.st_mtime, tz=dt.UTC)
    return ArchiveInfo(path=path, built=built, size=stat.st_size)


def archive_build() -> tuple[ArchiveInfo, dict[str, dict[str, int]]]:
    """Export both formats into a fresh zip and put it in place in one step, so the portal
    serves either the old archive or the whole new one, never half of it."""
    target = archive_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as work:
        folder = Path(work) / "export"
        counts = export_write(directory=folder, formats=list(FORMATS))
        partial = Path(work) / ARCHIVE_NAME
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(folder).as_posix())
        shutil.move(partial, target)
    return archive_info(), counts
