"""Entry points: parse text or a file into a :class:`ParsedMeeting`."""

from __future__ import annotations

from pathlib import Path

from .document import Document
from .extract import ExtractionError, extract_text
from .layouts import GENERIC, detect
from .parsed import ParsedMeeting


def parse_text(text: str, *, source: str = "", page_count: int | None = None) -> ParsedMeeting:
    doc = Document.from_text(text, source=source, page_count=page_count)
    return parse_doc(doc)


def parse_doc(doc: Document) -> ParsedMeeting:
    family, score = detect(doc)
    meeting = family.parse(doc)
    if family is not GENERIC and len(meeting.items) == 0:
        meeting = GENERIC.parse(doc)  # a family that found nothing: let the fallback try
    if meeting.layout == GENERIC.name:
        meeting.warn(f"layout not recognised (best family score {score:.2f}); generic rules used")
    return meeting


def parse_file(path: str | Path) -> ParsedMeeting:
    """Read and parse one document; raises ExtractionError for unreadable input."""
    return parse_doc(document_from_file(path))


def document_from_file(path: str | Path) -> Document:
    """File → blocks → the lines the reader reads (the blocks kept for --explain)."""
    extracted = extract_text(Path(path))
    doc = Document.from_text(
        extracted.text,
        source=str(path),
        page_count=extracted.page_count,
        blocks=extracted.blocks,
    )
    doc.warnings.extend(extracted.warnings)
    return doc


__all__ = ["ExtractionError", "parse_doc", "parse_file", "parse_text"]
