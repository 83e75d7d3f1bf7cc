"""The combined PDF ("samlet dagsorden med bilag"): the document, then each item's PDF
bilag in order, every bilag bookmarked under its item.

Each bilag is sanitised again as it goes in (uploads are sanitised when stored, but a
file stored before that, or put in place by other means, must not carry JavaScript or
actions into the public document)."""

from __future__ import annotations

import hashlib
import io
import logging
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError

from dagsorden.cases.pdf_sanitize import UnreadablePdf, pdf_sanitize

from .cache import cached, pdf_cached
from .model import Document, Item

logger = logging.getLogger(__name__)


def combined_cache_key(document: Document) -> str:
    return hashlib.sha256(f"combined:{document.fingerprint()}".encode()).hexdigest()


def combined_pdf_cached(document: Document) -> bytes:
    return cached(
        combined_cache_key(document), lambda: combined_pdf(document, pdf_cached(document))
    )


def combined_pdf(document: Document, main_pdf: bytes) -> bytes:
    main = PdfReader(io.BytesIO(main_pdf))
    writer = PdfWriter()
    writer.append(main, import_outline=False)
    starts = _item_start_pages(main)
    for item in document.items:
        parent = None
        if item.heading in starts:
            parent = writer.add_outline_item(title=item.heading, page_number=starts[item.heading])
        for attachment in _pdf_attachments(item):
            first_page = len(writer.pages)
            if _append(writer, attachment.path):
                writer.add_outline_item(
                    title=attachment.name, page_number=first_page, parent=parent
                )
    for title, page in starts.items():  # the signature sheet and anything not an item
        if title not in {item.heading for item in document.items}:
            writer.add_outline_item(title=title, page_number=page)
    writer.add_metadata(main.metadata or {})
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _item_start_pages(reader: PdfReader) -> dict[str, int]:
    """Outline title -> page index, from the bookmarks WeasyPrint wrote."""
    starts = {}
    for entry in reader.outline:
        if isinstance(entry, list):
            continue  # nested entries: items are on the first level
        starts[entry.title] = reader.get_destination_page_number(entry)
    return starts


def _pdf_attachments(item: Item):
    if item.withheld:
        return []
    return [a for a in item.attachments if a.is_pdf and a.path]


def _append(writer: PdfWriter, path: str) -> bool:
    """Append a bilag; an unreadable file is skipped (and logged), never a broken download."""
    try:
        clean, _removed = pdf_sanitize(Path(path).read_bytes())
        writer.append(PdfReader(io.BytesIO(clean)), import_outline=False)
    except (OSError, PdfReadError, UnreadablePdf, ValueError) as exc:
        logger.warning("bilag %s left out of the combined PDF: %s", path, exc)
        return False
    return True
