"""File → blocks: PDF (PyMuPDF), HTML (its DOM), Word (.docx) and plain text.

Each format has its own module that returns :class:`~dagsorden.importer.blocks.Block`
in reading order, keeping what a reader sees (headings and their prominence, bold,
lists, table rows and cells, page). :func:`extract_bytes` sniffs the format from the
content (never only from the name), refuses what is not a document with a clear
:class:`ExtractionError`, and returns the blocks together with their Markdown-ish text,
which is what the reader reads. Libraries are imported lazily so that parsing a text
file stays fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..blocks import Block, blocks_to_text

_BINARY_SAMPLE = 8192
_HTML_HINT = re.compile(rb"<(?:!doctype\s+html|html|body|div|p|h[1-6]|table)\b", re.I)
# Larger files are refused before reading: a runaway file must not hold the import for
# minutes. PDFs may carry scanned appendices, so they get more room than text, whose
# largest real agenda is a few hundred kilobytes.
MAX_BYTES = 200 * 1024 * 1024
MAX_TEXT_BYTES = 16 * 1024 * 1024


class ExtractionError(Exception):
    """The file cannot be read as a document (empty, binary, no text layer ...)."""


@dataclass
class Extracted:
    text: str
    kind: str  # "text" | "pdf" | "html" | "docx"
    page_count: int | None = None
    warnings: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)


def extract_text(path: Path) -> Extracted:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ExtractionError(_too_large(size))
        data = path.read_bytes()
    except OSError as exc:
        raise ExtractionError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return extract_bytes(data, name=path.name)


def _too_large(size: int, limit: int = MAX_BYTES) -> str:
    return (
        f"the file is too large for a document of its kind ({size / 1024 / 1024:.0f} MB; "
        f"at most {limit // 1024 // 1024} MB)"
    )


def extract_bytes(data: bytes, *, name: str = "") -> Extracted:
    if len(data) > MAX_BYTES:
        raise ExtractionError(_too_large(len(data)))
    if not data.strip():
        raise ExtractionError("the file is empty")
    head = data.lstrip()[:5]
    if head == b"%PDF-":
        from .pdf import pdf_blocks

        return _done(*pdf_blocks(data), kind="pdf")
    if len(data) > MAX_TEXT_BYTES and head[:4] != b"PK\x03\x04":
        raise ExtractionError(_too_large(len(data), MAX_TEXT_BYTES))
    if head[:4] == b"PK\x03\x04":
        from .docx import docx_blocks

        return _done(*docx_blocks(data), kind="docx")
    if name.lower().endswith((".html", ".htm", ".xhtml")) or _HTML_HINT.search(data[:4096]):
        from .html import html_blocks

        return _done(*html_blocks(decode(data)), kind="html")
    text = decode(data)
    return Extracted(text, "text")


def _done(blocks: list[Block], page_count: int | None, warnings: list[str], *, kind: str):
    if not any(block.text.strip() for block in blocks):
        raise ExtractionError(f"the {kind.upper()} document has no text")
    return Extracted(blocks_to_text(blocks), kind, page_count, warnings, blocks)


def decode(data: bytes) -> str:
    sample = data[:_BINARY_SAMPLE]
    if b"\x00" in sample:
        raise ExtractionError("the file is binary, not a text, PDF, Word or HTML document")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("latin-1")
    control = sum(1 for ch in text[:_BINARY_SAMPLE] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if control > len(text[:_BINARY_SAMPLE]) * 0.05:
        raise ExtractionError("the file is binary, not a text, PDF, Word or HTML document")
    return text
