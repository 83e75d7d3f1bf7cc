"""Entry points: parse text or a file into a :class:`ParsedMeeting`."""

from __future__ import annotations

from pathlib import Path

from .document import Document
from .extract import ExtractionError, extract_text
from .layouts import GENERIC, detect
from .parsed import ParsedMeeting
from .vendor import read_export


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
    """Read and parse one document or export; raises ExtractionError for unreadable input."""
    if (exported := read_export(path)) is not None:  # an agenda system's export, by content
        return exported
    extracted = extract_text(Path(path))
    doc = Document.from_text(extracted.text, source=str(path), page_count=extracted.page_count)
    doc.warnings.extend(extracted.warnings)
    return parse_doc(doc)


__all__ = ["ExtractionError", "parse_doc", "parse_file", "parse_text"]
