"""Importing many files: discovery, parsing, loading, progress and a summary.

Documents are loaded in chunks of `CHUNK_DOCUMENTS`: each chunk is one transaction in
which every document has its own savepoint (`load`'s atomic block). A document that
fails rolls back its savepoint only and is reported; the chunk's other documents are
kept. Search indexing waits for the end of the chunk and runs inside its transaction,
so the index never lags committed data and each item is indexed once, with few queries.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from django.core.exceptions import ValidationError
from django.db import connection, transaction

from dagsorden.search.facade import deferred_indexing

from .document import Document
from .extract import ExtractionError, extract_bytes
from .loader import LoadCache, MeetingUnplaceable, document_sha256, load
from .parse import parse_doc
from .vendor import exports_in

DOCUMENT_SUFFIXES = {
    ".txt", ".md", ".markdown", ".text", ".pdf", ".html", ".htm", ".xhtml", ".docx",
}  # fmt: skip
# Agenda systems' exports (FirstAgenda JSON, eDoc XML, SBSYS ZIP); recognised by content.
EXPORT_SUFFIXES = {".json", ".xml", ".zip"}
BILAG_FOLDERS = {"enclosures", "attachments"}  # SBSYS and eDoc keep bilag files there
# Documents per transaction: enough to share commits and index passes, few enough that
# a writer lock on SQLite is held for about a second.
CHUNK_DOCUMENTS = 50
# SQLite settings for the import session only: a 64 MiB page cache instead of 2 MiB,
# so a growing archive's indexes stay in memory while thousands of rows are added.
# (temp_store cannot change inside a transaction, which callers may hold.)
IMPORT_PRAGMAS = {"cache_size": "-65536"}


@dataclass
class ImportSummary:
    files: int = 0  # files looked at
    documents: int = 0  # newly imported
    unchanged: int = 0  # imported before (same bytes)
    failed: int = 0
    items: int = 0
    warnings: int = 0
    problems: list[str] = field(default_factory=list)

    def text(self) -> str:
        lines = [
            f"Imported {self.documents} document(s) with {self.items} item(s); "
            f"{self.unchanged} unchanged, {self.failed} failed, {self.warnings} warning(s)."
        ]
        lines += [f"  {problem}" for problem in self.problems[:50]]
        return "\n".join(lines)


def discover(paths: Iterable[str | Path]) -> list[Path]:
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if _importable(p))
        else:
            found.append(path)
    return found


def _importable(path: Path) -> bool:
    """A document or export; bilag folders unpacked from an export are its files, not
    documents of their own."""
    if not path.is_file() or path.suffix.lower() not in DOCUMENT_SUFFIXES | EXPORT_SUFFIXES:
        return False
    return not any(part.casefold() in BILAG_FOLDERS for part in path.parent.parts[-1:])


def import_paths(
    paths: Iterable[str | Path],
    *,
    municipality: str | None = None,
    progress: bool = True,
    stderr: TextIO | None = None,
    on_file: Callable[[int, int, ImportSummary], None] | None = None,
) -> ImportSummary:
    """Import every document and export under `paths`; `on_file(done, total, summary)`
    is called after each file (the staff import page shows it as progress)."""
    files = discover(paths)
    summary = ImportSummary(files=len(files))
    bar = None
    if progress and len(files) > 1:
        from tqdm import tqdm

        bar = tqdm(total=len(files), desc="import", unit="doc", file=stderr)
    # Django's start-up objects never die; keeping them out of the collector's way
    # saves about a tenth of a long import.
    gc.freeze()
    cache = LoadCache()
    done = 0
    try:
        with _import_session():
            for chunk in _chunks(files, CHUNK_DOCUMENTS):
                _import_chunk(chunk, summary, municipality=municipality, cache=cache, bar=bar)
                if on_file is not None:
                    on_file(min(len(files), done + len(chunk)), len(files), summary)
                done += len(chunk)
    finally:
        gc.unfreeze()
        if bar is not None:
            bar.close()
    return summary


@contextmanager
def _import_session():
    """`IMPORT_PRAGMAS` on SQLite while the import runs; the previous values after."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        before = {}
        for name, value in IMPORT_PRAGMAS.items():
            before[name] = cursor.execute(f"PRAGMA {name}").fetchone()[0]
            cursor.execute(f"PRAGMA {name} = {value}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for name, value in before.items():
                cursor.execute(f"PRAGMA {name} = {value}")


def _chunks(paths: list[Path], size: int) -> Iterator[list[Path]]:
    for start in range(0, len(paths), size):
        yield paths[start : start + size]


def _import_chunk(
    paths: list[Path], summary: ImportSummary, *, municipality, cache, bar=None
) -> None:
    # The index pass ends inside the transaction, so it commits with the rows it reads.
    # An interrupted chunk rolls back whole; importing again loads it (idempotent).
    try:
        with transaction.atomic(), deferred_indexing():
            for path in paths:
                import_one(path, summary, municipality=municipality, cache=cache)
                if bar is not None:
                    bar.update(1)
    except Exception:
        cache.clear()  # the whole chunk rolled back (a failed commit or index pass)
        raise


def import_one(
    path: Path,
    summary: ImportSummary,
    *,
    municipality: str | None = None,
    cache: LoadCache | None = None,
) -> None:
    try:
        data = path.read_bytes()
        exports = exports_in(data, source=str(path), folder=path.parent)
        if exports is None:  # not an agenda system's export: a document
            extracted = extract_bytes(data, name=path.name)
    except (OSError, ExtractionError) as exc:
        summary.failed += 1
        summary.problems.append(f"{path}: {getattr(exc, 'strerror', None) or exc}")
        return
    if exports is not None:
        for export in exports:  # each export in its own savepoint
            _load_one(export.parsed, export.source, export.sha256, summary, municipality, cache)
        return
    doc = Document.from_text(extracted.text, source=str(path), page_count=extracted.page_count)
    doc.warnings.extend(extracted.warnings)
    parsed = parse_doc(doc)
    _load_one(parsed, str(path), document_sha256(data), summary, municipality, cache)


def _load_one(parsed, source: str, sha256: str, summary: ImportSummary, municipality, cache):
    try:
        result = load(
            parsed,
            source=source,
            sha256=sha256,
            municipality_name=municipality,
            cache=cache,
        )
    except MeetingUnplaceable as exc:
        summary.failed += 1
        summary.problems.append(f"{source}: {exc}")
        return
    except ValidationError as exc:  # refused by the meeting's rules (approved minutes)
        summary.failed += 1
        summary.problems.append(f"{source}: {' '.join(exc.messages)}")
        return
    except Exception as exc:  # noqa: BLE001 - its savepoint rolled back; keep the others
        summary.failed += 1
        summary.problems.append(f"{source}: could not be loaded: {exc!r}")
        return
    if result.created:
        summary.documents += 1
        summary.items += result.items
        summary.warnings += len(result.warnings)
        summary.problems += [f"{source}: warning: {w}" for w in result.warnings]
    else:
        summary.unchanged += 1
