"""Word bilag become PDF with LibreOffice, where it is installed."""

import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .docx_import import refuse_archive_bomb

WORD_SUFFIXES = {".doc", ".docx", ".odt", ".rtf"}


def libreoffice_binary() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def word_to_pdf(data: bytes, file_name: str) -> bytes:
    refuse_archive_bomb(data)  # .docx and .odt are zip archives
    binary = libreoffice_binary()
    if binary is None:
        raise ValidationError(
            _("Word-filer kan kun vedhæftes, når LibreOffice er installeret. Gem filen som PDF."),
            code="no_libreoffice",
        )
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / Path(file_name).name
        source.write_bytes(data)
        result = subprocess.run(
            [binary, "--headless", "--convert-to", "pdf", "--outdir", folder, str(source)],
            capture_output=True,
            timeout=120,
            check=False,
        )
        target = source.with_suffix(".pdf")
        if result.returncode != 0 or not target.exists():
            raise ValidationError(_("Word-filen kunne ikke konverteres til PDF."), code="convert")
        return target.read_bytes()
