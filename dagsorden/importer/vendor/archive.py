"""Reading ZIP exports safely: nothing is extracted to disk, and an archive whose
member names climb out of it (path traversal) or whose content would unpack to far
more than it weighs (a zip bomb) is refused before anything is read.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass

from .common import ExportError

MAX_MEMBERS = 20_000
MAX_TOTAL_BYTES = 2 * 1024**3  # all members together, as unpacked
MAX_MEMBER_BYTES = 200 * 1024**2  # one bilag is at most 100 MB (cases.File), plus room
MAX_RATIO = 200  # unpacked / packed: PDFs and XML compress far less than this


def is_zip(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04" or data[:4] == b"PK\x05\x06"


@dataclass
class SafeZip:
    """A ZIP archive whose member names and sizes were checked; members read on demand."""

    archive: zipfile.ZipFile
    names: list[str]  # normalised ('/' separators), directories left out

    @classmethod
    def open(cls, data: bytes) -> SafeZip:
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError) as exc:
            raise ExportError(f"the ZIP archive is damaged: {exc}") from exc
        infos = [info for info in archive.infolist() if not info.is_dir()]
        if len(infos) > MAX_MEMBERS:
            raise ExportError(f"the ZIP archive has {len(infos)} files (at most {MAX_MEMBERS})")
        total = 0
        for info in infos:
            _check_name(info.filename)
            _check_size(info)
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise ExportError(
                f"the ZIP archive would unpack to {total // 1024**2} MB; refused as a zip bomb"
            )
        return cls(archive, [_normal(info.filename) for info in infos])

    def read(self, name: str) -> bytes:
        """One member's bytes; a member that unpacks beyond its declared size is refused."""
        info = self.archive.getinfo(self._raw_name(name))
        with self.archive.open(info) as stream:
            data = stream.read(info.file_size + 1)
        if len(data) > info.file_size:
            raise ExportError(f"{name} in the ZIP archive is larger than it declares")
        return data

    def find(self, name: str) -> str | None:
        """The member with this path, compared case-insensitively ('Enclosures\\1.pdf')."""
        wanted = _normal(name).casefold()
        return next((n for n in self.names if n.casefold() == wanted), None)

    def _raw_name(self, name: str) -> str:
        for info in self.archive.infolist():
            if _normal(info.filename) == name:
                return info.filename
        raise KeyError(name)


def _normal(name: str) -> str:
    name = name.replace("\\", "/")
    while name.startswith("./"):
        name = name[2:]
    return name


def _check_name(name: str) -> None:
    normal = name.replace("\\", "/")
    parts = normal.split("/")
    unsafe = (
        normal.startswith("/")
        or (len(normal) > 1 and normal[1] == ":")  # 'C:/…'
        or ".." in parts
        or posixpath.normpath(normal).startswith("..")
    )
    if unsafe:
        raise ExportError(f"the ZIP archive holds an unsafe path {name!r}; refused")


def _check_size(info: zipfile.ZipInfo) -> None:
    if info.file_size > MAX_MEMBER_BYTES:
        raise ExportError(
            f"{info.filename} in the ZIP archive unpacks to {info.file_size // 1024**2} MB; "
            "refused as a zip bomb"
        )
    packed = max(info.compress_size, 1)
    if info.file_size > 1024**2 and info.file_size / packed > MAX_RATIO:
        raise ExportError(
            f"{info.filename} in the ZIP archive unpacks {info.file_size // packed}-fold; "
            "refused as a zip bomb"
        )
