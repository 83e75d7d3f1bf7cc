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


def cache_dir() -> Path:
    directory = Path(settings.DATA_DIR) / "cache" / "documents"
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def cached(key: str, build: Callable[[], bytes]) -> bytes:
    """The bytes stored under `key`, built (and stored atomically) when missing."""
    path = cache_dir() / f"{key}.pdf"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    content = build()
    _write_atomically(path, content)
    return content


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
