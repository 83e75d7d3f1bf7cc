"""One entry point for every output, used by the command, the views and the benchmark."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import translation

from .model import Document

FORMATS = ("html", "pdf", "md", "txt")
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "md": "text/markdown; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
}


@dataclass(frozen=True)
class Rendered:
    content: bytes
    content_type: str


def render(
    document: Document, fmt: str, *, cached: bool = True, with_bilag: bool = False
) -> Rendered:
    """The document in one format; PDFs come from the content cache when unchanged.

    Always in Danish: the agenda and the minutes are the municipality's record, whatever
    language the visitor's pages are shown in.
    """
    with translation.override("da"):
        return _render(document, fmt, cached=cached, with_bilag=with_bilag)


def _render(document: Document, fmt: str, *, cached: bool, with_bilag: bool) -> Rendered:
    if fmt == "pdf" and with_bilag:
        from .combined import combined_pdf_cached

        content = combined_pdf_cached(document)
    elif fmt == "pdf":
        from .cache import pdf_cached
        from .pdf import to_pdf

        content = pdf_cached(document) if cached else to_pdf(document)
    elif fmt == "html":
        from .html import to_html

        content = to_html(document).encode()
    elif fmt in ("md", "txt"):
        from .text import to_markdown, to_text

        content = (to_markdown(document) if fmt == "md" else to_text(document)).encode()
    else:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    return Rendered(content, CONTENT_TYPES[fmt])
