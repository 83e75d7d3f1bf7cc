"""Reading rendered PDFs back with pypdf, the way a test (or an archive) sees them."""

import io
import re

from pypdf import PdfReader

_TOC_LINE = re.compile(r"^(?P<title>.+?)[\s.]*\.\s*(?P<page>\d+)\s*$")


def reader(content: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(content))


def page_texts(pdf: PdfReader) -> list[str]:
    return [page.extract_text() or "" for page in pdf.pages]


def toc_pages(first_page_text: str) -> dict[str, int]:
    """'Title . . . . 4' lines of the contents page -> {title: printed page number}."""
    entries = {}
    for line in first_page_text.splitlines():
        match = _TOC_LINE.match(line.strip())
        if match and ". ." in line:
            entries[re.sub(r"^\d+\.\s*", "", match.group("title")).strip()] = int(match["page"])
    return entries


def outline_entries(pdf: PdfReader) -> list[tuple[str, int, int]]:
    """(title, page index, depth) for every bookmark."""
    found = []

    def walk(entries, depth):
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                found.append((entry.title, pdf.get_destination_page_number(entry), depth))

    walk(pdf.outline, 0)
    return found
