"""Entry points: a file or a text → :class:`ParsedMeeting`.

The design is one pipeline for every document:

    file ──extract──▶ blocks (typography kept) ──▶ lines ──one reader──▶ ParsedMeeting

:mod:`extract` turns PDF, HTML, Word and text into blocks (:mod:`blocks`); the reader
(:mod:`engine` with :mod:`items`, :mod:`sections`, :mod:`header`, :mod:`toc`) finds the
header, items, sections and decisions the same way for every layout. A known template
family (:mod:`layouts`) is only a hint: it names the layout and may add heading labels,
but the reader never needs one.
"""

from __future__ import annotations

from pathlib import Path

from .document import Document
from .engine import ParseRules, parse_document
from .extract import ExtractionError, extract_text
from .layouts import GENERIC, detect
from .parsed import ParsedMeeting
from .sections import HeadingRules
from .vendor import read_export


def parse_text(text: str, *, source: str = "", page_count: int | None = None) -> ParsedMeeting:
    doc = Document.from_text(text, source=source, page_count=page_count)
    return parse_doc(doc)


def parse_doc(doc: Document) -> ParsedMeeting:
    hint, _score = detect(doc)
    extra = getattr(hint, "extra_headings", {}) if hint is not GENERIC else {}
    return parse_document(doc, ParseRules(HeadingRules(extra=dict(extra))), hint.name)


def parse_file(path: str | Path) -> ParsedMeeting:
    """Read and parse one document or export; raises ExtractionError for unreadable input."""
    if (exported := read_export(path)) is not None:  # an agenda system's export, by content
        return exported
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


__all__ = ["ExtractionError", "document_from_file", "parse_doc", "parse_file", "parse_text"]
