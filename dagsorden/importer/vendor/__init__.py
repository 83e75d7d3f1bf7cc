"""Exports of the agenda systems municipalities use, recognised by content.

- FirstAgenda publication JSON (`firstagenda.py`)
- SBSYS eDagsorden publication: a ZIP with `PublicationNNN.xml` and `Enclosures/` (`sbsys.py`)
- eDoc (Fujitsu) agenda XML in the `edoc:` namespace, with its `Attachments/` (`edoc.py`)

Each reader turns one export into the same `ParsedMeeting` documents give, with
bilag files and the export's own identifiers added. A ZIP that is not an SBSYS
publication may hold many exports (FirstAgenda JSON, eDoc XML): each is one export.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..parsed import ParsedMeeting
from . import edoc, firstagenda, sbsys
from .archive import SafeZip, is_zip
from .common import ExportError

Fetch = Callable[[str], bytes | None]


@dataclass
class Export:
    """One export read from a file or from a member of a ZIP archive."""

    source: str
    sha256: str  # of the export's own bytes (the whole ZIP for an SBSYS publication)
    parsed: ParsedMeeting


def sniff(data: bytes) -> str | None:
    """'firstagenda', 'sbsys', 'edoc', 'zip' or None (not an export: a document)."""
    if is_zip(data):
        return None if _is_office_document(data) else "zip"
    if firstagenda.looks_like(data):
        return firstagenda.SYSTEM
    if sbsys.looks_like(data):
        return sbsys.SYSTEM
    if edoc.looks_like(data):
        return edoc.SYSTEM
    return None


def _is_office_document(data: bytes) -> bool:
    """A Word (.docx) file is a ZIP too; it is a document for the block reader."""
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError):
        return False  # a damaged ZIP: the export reader says what is wrong with it
    return "[Content_Types].xml" in names and any(n.startswith("word/") for n in names)


def exports_in(data: bytes, *, source: str, folder: Path | None = None) -> list[Export] | None:
    """The exports a file holds, or None when it is no export. Raises ExportError."""
    kind = sniff(data)
    if kind is None:
        return None
    if kind != "zip":
        parsed = _read_one(kind, data, source=source, fetch=_folder_fetch(folder))
        return [Export(source, _sha256(data), parsed)]
    archive = SafeZip.open(data)
    if publication := sbsys.publication_xml(archive):
        parsed = sbsys.read_zip(archive, publication, source=source)
        return [Export(source, _sha256(data), parsed)]
    return _exports_in_zip(archive, source)


def read_export(path: str | Path) -> ParsedMeeting | None:
    """One export file as a ParsedMeeting (for `dagsorden parse`); None for a document."""
    path = Path(path)
    if path.suffix.lower() == ".docx":
        return None  # Word, even when damaged: the document reader says what is wrong
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExportError(f"cannot read {path}: {exc.strerror or exc}") from exc
    exports = exports_in(data, source=str(path), folder=path.parent)
    if exports is None:
        return None
    if len(exports) != 1:
        raise ExportError(
            f"the ZIP archive holds {len(exports)} exports; `dagsorden import` reads them all"
        )
    return exports[0].parsed


def _read_one(kind: str, data: bytes, *, source: str, fetch: Fetch) -> ParsedMeeting:
    if kind == firstagenda.SYSTEM:
        return firstagenda.read(data, source=source)
    if kind == edoc.SYSTEM:
        return edoc.read(data, source=source, fetch=fetch)
    return sbsys.read_xml(data, source=source, fetch=fetch)


def _exports_in_zip(archive: SafeZip, source: str) -> list[Export]:
    found = []
    for name in archive.names:
        if not name.lower().endswith((".json", ".xml")):
            continue
        data = archive.read(name)
        kind = sniff(data)
        if kind in (None, "zip"):
            continue
        fetch = _zip_fetch(archive, str(PurePosixPath(name).parent))
        parsed = _read_one(kind, data, source=f"{source}!{name}", fetch=fetch)
        found.append(Export(f"{source}!{name}", _sha256(data), parsed))
    if not found:
        raise ExportError(
            "the ZIP archive holds no export (no SBSYS Publication XML, FirstAgenda JSON "
            "or eDoc XML)"
        )
    return found


def _folder_fetch(folder: Path | None) -> Fetch:
    """Files an export refers to by a relative path, looked up beside it on disk."""

    def fetch(relative: str) -> bytes | None:
        if folder is None:
            return None
        parts = [p for p in relative.replace("\\", "/").split("/") if p and p != "."]
        if ".." in parts:
            return None  # an export never points outside its own folder
        candidate = folder.joinpath(*parts)
        return candidate.read_bytes() if candidate.is_file() else None

    return fetch


def _zip_fetch(archive: SafeZip, base: str) -> Fetch:
    def fetch(relative: str) -> bytes | None:
        relative = relative.replace("\\", "/").lstrip("/")
        base_dir = "" if base in ("", ".") else base + "/"
        name = archive.find(base_dir + relative)
        return archive.read(name) if name else None

    return fetch


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


__all__ = ["Export", "ExportError", "exports_in", "read_export", "sniff"]
