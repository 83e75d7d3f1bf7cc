"""Text of uploaded bilag, for search and for the CPR check."""

import io
import logging

from pypdf import PdfReader
from pypdf.errors import PdfReadError

logger = logging.getLogger(__name__)


def pdf_text(data: bytes) -> str:
    """All text of a PDF, page by page; empty for a PDF without a text layer or a broken one."""
    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n".join(page.extract_text() or "" for page in reader.pages).strip()
    except (PdfReadError, ValueError, KeyError) as error:
        logger.warning("Could not read text from PDF: %s", error)
        return ""
