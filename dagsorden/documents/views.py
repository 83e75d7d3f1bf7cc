"""Public downloads of a meeting's agenda or minutes.

Only meetings that are public, and only the public variant: a closed item shows its
neutral title, its bilag are left out.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.views.decorators.http import require_safe

from dagsorden.meetings.selectors import meeting_public_get

from .model import PUBLIC, Document
from .render import CONTENT_TYPES, render


def _public_document(pk: int) -> Document:
    from .from_db import document_from_meeting

    return document_from_meeting(meeting_public_get(pk), variant=PUBLIC)


def _filename(document: Document, extension: str) -> str:
    kind = "referat" if document.kind == "minutes" else "dagsorden"
    return f"{kind}-{document.date_text}.{extension}"


def _respond(content: bytes, content_type: str, filename: str, *, inline: bool) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_safe
def meeting_document(request, pk: int, fmt: str):
    document = _public_document(pk)
    rendered = render(document, fmt)
    inline = fmt in ("html", "pdf")
    return _respond(
        rendered.content, rendered.content_type, _filename(document, fmt), inline=inline
    )


@require_safe
def meeting_combined_pdf(request, pk: int):
    from .combined import combined_pdf_cached

    document = _public_document(pk)
    content = combined_pdf_cached(document)
    filename = _filename(document, "pdf").replace(".pdf", "-med-bilag.pdf")
    return _respond(content, CONTENT_TYPES["pdf"], filename, inline=True)
