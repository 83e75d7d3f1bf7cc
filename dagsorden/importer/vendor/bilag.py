"""Text of a bilag file that came with an export, behind one function so the PDF
library can change in one place (pypdf today, as for uploaded bilag)."""

from __future__ import annotations

PDF_MAGIC = b"%PDF-"


def attachment_text(data: bytes | None) -> str:
    """Extracted text of a PDF bilag; empty for other files or a PDF without text."""
    if not data or data.lstrip()[:5] != PDF_MAGIC:
        return ""
    from dagsorden.cases.extraction import pdf_text

    return pdf_text(data)
