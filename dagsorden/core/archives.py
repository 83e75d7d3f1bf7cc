"""Zip-based office documents (.docx, .odt) checked before anything is inflated.

A .docx is a zip archive; a few kilobytes can declare a document.xml of gigabytes (a
"zip bomb") that python-docx or LibreOffice would inflate in memory. The archive's
directory states every member's unpacked size, so the check reads only that. Reading a
member later cannot exceed its stated size (zipfile stops there), so the stated sizes
bound the memory."""

import io
import zipfile

MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # all members together
MAX_MEMBERS = 5_000
MAX_RATIO = 200  # unpacked / packed, for members over 1 MB: text compresses far less


class ArchiveRefused(ValueError):
    """The archive would unpack to too much; `unpacked_mb` says how much it declares."""

    def __init__(self, reason: str, unpacked_mb: int = 0):
        super().__init__(reason)
        self.unpacked_mb = unpacked_mb


def check_office_archive(data: bytes) -> None:
    """Raise ArchiveRefused when the zip archive would unpack beyond the limits.
    Data that is not a zip archive passes (the reader reports what it is)."""
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError):
        return
    if len(infos) > MAX_MEMBERS:
        raise ArchiveRefused(f"{len(infos)} members (at most {MAX_MEMBERS})")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNPACKED_BYTES:
        raise ArchiveRefused(f"unpacks to {total // 2**20} MB", total // 2**20)
    for info in infos:
        if info.file_size > 2**20 and info.file_size / max(info.compress_size, 1) > MAX_RATIO:
            raise ArchiveRefused(
                f"{info.filename} unpacks {info.file_size // max(info.compress_size, 1)}-fold",
                total // 2**20,
            )
