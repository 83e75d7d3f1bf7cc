"""Rendered PDFs cached on disk by content.

The key is the render model's fingerprint (everything the document shows, plus the
renderer version), so a PDF is rebuilt exactly when something visible changed, and
never for a change that does not show (a timestamp, an internal note).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

from .model import Document

# Old versions of a document are never asked for again; keep the most recently used.
DEFAULT_MAX_FILES = 500


def cache_dir() -> Path:
    directory = Path(settings.DATA_DIR) / "cache" / "documents"
    # The cache holds the members' confidential variant: for the installation's user only.
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    return directory


def cached(key: str, build: Callable[[], bytes]) -> bytes:
    """The bytes stored under `key`, built (and stored atomically) when missing."""
    path = cache_dir() / f"{key}.pdf"
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        pass
    else:
        os.utime(path)  # mark as recently used, for pruning
        return content
    content = build()
    _write_atomically(path, content)
    prune(getattr(settings, "DOCUMENTS_CACHE_MAX_FILES", DEFAULT_MAX_FILES))
    return content


def prune(max_files: int) -> int:
    """Delete the least recently used files beyond `max_files`; returns how many went."""
    files = sorted(cache_dir().glob("*.pdf"), key=_mtime, reverse=True)
    removed = 0
    for path in files[max_files:]:
        path.unlink(missing_ok=True)
        removed += 1
    return removed


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return 0.0


def pdf_cached(document: Document) -> bytes:
    from .pdf import to_pdf

    return cached(document.fingerprint(), lambda: to_pdf(document))


def _write_atomically(path: Path, content: bytes) -> None:
    # Two workers rendering the same document at once must never serve half a file.
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
