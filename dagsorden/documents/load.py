"""Build the render model for a MEETING argument: a meeting id or a document's path."""

from __future__ import annotations

from pathlib import Path

from .model import Document
from .styles import DocumentStyle


class SourceNotFound(LookupError):
    pass


def document_for(
    source: str, *, variant: str, style: DocumentStyle | None = None
) -> tuple[Document, list[str]]:
    """The render model and any warnings; a path is read by the importer, without the DB."""
    path = Path(source)
    if path.exists():
        from dagsorden.importer.parse import parse_file

        from .from_parsed import document_from_parsed

        parsed = parse_file(path)
        return document_from_parsed(parsed, variant=variant, style=style), parsed.warnings
    if source.isdigit():
        from dagsorden.meetings.models import Meeting

        from .from_db import document_from_meeting

        meeting = Meeting.objects.alive().filter(pk=int(source)).first()
        if meeting is None:
            raise SourceNotFound(f"no meeting with id {source}")
        return document_from_meeting(meeting, variant=variant, style=style), []
    raise SourceNotFound(f"{source}: neither a meeting id nor an existing file")
