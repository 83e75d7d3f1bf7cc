"""HTML output: one semantic, self-contained page per document (also the PDF's source)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation

from .model import Document


def to_html(document: Document, *, for_print: bool = False) -> str:
    context = {"document": document, "style": document.style, "for_print": for_print}
    with translation.override("da"):
        return render_to_string("documents/document.html", context)
