"""PDF output through WeasyPrint: A4, tagged (PDF/UA-1), Danish, with bookmarks."""

from __future__ import annotations

from .html import to_html
from .model import Document


def to_pdf(document: Document) -> bytes:
    from weasyprint import HTML  # imported late: pango loads only when a PDF is made

    html = HTML(string=to_html(document, for_print=True), base_url=None)
    return html.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
