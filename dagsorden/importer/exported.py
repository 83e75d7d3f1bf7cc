"""What the loader adds for agenda systems' exports: the export's meeting identifier
(so a later export of the same meeting finds it even when its time moved) and bilag
files stored once by their SHA-512.

Documents have neither: for them these functions fall back to what the loader did
before (bilag titles only, the meeting found by body and time).
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
from pathlib import PurePosixPath

from django.core.files.base import ContentFile

from dagsorden.cases.models import File, file_upload_path
from dagsorden.cases.pdf_sanitize import UnreadablePdf, pdf_sanitize
from dagsorden.meetings.models import AgendaItem, Meeting

from .models import ExportKey
from .parsed import ParsedAttachment, ParsedItem, ParsedMeeting

logger = logging.getLogger(__name__)


class ExportIdentity:
    """The export's meeting identifier: looked up once, written once (two queries at most)."""

    def __init__(self, parsed: ParsedMeeting):
        self.system = parsed.export_system
        self.export_id = (parsed.export_id or "")[:200]
        self.known: ExportKey | None = None

    def meeting(self) -> Meeting | None:
        """The meeting an earlier export with the same identifier was loaded into."""
        if not (self.system and self.export_id):
            return None
        self.known = (
            ExportKey.objects.filter(system=self.system, export_id=self.export_id)
            .select_related("meeting")
            .first()
        )
        return self.known.meeting if self.known else None

    def remember(self, meeting: Meeting) -> None:
        if not (self.system and self.export_id):
            return
        if self.known is None:
            ExportKey.objects.create(system=self.system, export_id=self.export_id, meeting=meeting)
        elif self.known.meeting_id != meeting.pk:
            self.known.meeting = meeting
            self.known.save(update_fields=["meeting"])


def bilag_rows(municipality, item: AgendaItem, case, parsed: ParsedItem) -> list[File]:
    """The item's bilag as unsaved rows: with their file where the export carried it."""
    details = parsed.attachment_files or [ParsedAttachment(title=t) for t in parsed.attachments]
    rows = []
    for order, attachment in enumerate(details, start=1):
        row = File(
            municipality=municipality,
            agenda_item=item,
            case=case,
            name=attachment.title[:300],
            public=parsed.public and attachment.public,
            order=order,
        )
        if attachment.data:
            _with_file(row, attachment)
        rows.append(row)
    return rows


def _with_file(row: File, attachment: ParsedAttachment) -> None:
    """Point the row at the stored file with this SHA-512, storing it the first time."""
    data, digest = _without_active_content(attachment)
    name = PurePosixPath(attachment.file_name or attachment.title).name[:255] or "bilag"
    row.sha512, row.size, row.text = digest, len(data), attachment.text
    row.file_name = name
    row.mime_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    row.file.name = _stored_path(row, name, data)


def _without_active_content(attachment: ParsedAttachment) -> tuple[bytes, str]:
    """A PDF bilag as it is stored: without JavaScript, actions and embedded files
    (the same result for the same export, so re-imports still match by SHA-512)."""
    if not attachment.data.startswith(b"%PDF-"):
        return attachment.data, attachment.sha512
    try:
        data, removed = pdf_sanitize(attachment.data)
    except UnreadablePdf as error:
        # Kept as delivered (the archive's record); the combined PDF leaves it out.
        logger.warning("bilag %r is not a readable PDF: %s", attachment.title, error)
        return attachment.data, attachment.sha512
    if not removed:
        return data, attachment.sha512
    logger.info("bilag %r: removed %s", attachment.title, ", ".join(sorted(removed.kinds)))
    return data, hashlib.sha512(data).hexdigest()


# SHA-512 -> storage path of files stored in this process, also those whose rows are not
# inserted yet (a meeting's bilag rows are inserted together, after all are built).
_STORED: dict[str, str] = {}


def _stored_path(row: File, name: str, data: bytes) -> str:
    storage = File._meta.get_field("file").storage
    path = _STORED.get(row.sha512)
    if path is None:
        stored = File.objects.filter(sha512=row.sha512).exclude(file="")
        path = stored.values_list("file", flat=True).first()
    if path is None or not storage.exists(path):
        path = storage.save(file_upload_path(row, name), ContentFile(data))
    if len(_STORED) > 10_000:
        _STORED.clear()
    _STORED[row.sha512] = path
    return path


def bilag_changed(existing: list[File], fresh: list[File]) -> bool:
    def signature(files):
        return [(f.name, f.sha512 or "", f.public) for f in files]

    return signature(existing) != signature(fresh)
