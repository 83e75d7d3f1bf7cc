"""A .docx bomb (a small zip declaring a huge document.xml) is refused before anything
is inflated: quickly, with bounded memory and a clear message, in the staff upload and
in the importer."""

import io
import time
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError

from dagsorden.core.archives import ArchiveRefused, check_office_archive
from dagsorden.importer.extract import ExtractionError, extract_bytes
from dagsorden.staff.docx_import import docx_sections

UNPACKED_MB = 150


def make_docx_bomb() -> bytes:
    """Well under 1 MB packed; document.xml unpacks to 150 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"<w:p/>" * (2**20 // 6)
            for _ in range(UNPACKED_MB):
                member.write(chunk)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def docx_bomb() -> bytes:
    return make_docx_bomb()


def _refuse_measured(call):
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises((ValidationError, ExtractionError, ArchiveRefused)) as refused:
            call()
        elapsed = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return refused.value, elapsed, peak


def test_the_bomb_is_small_and_declares_a_huge_document(docx_bomb):
    assert len(docx_bomb) < 2 * 2**20
    info = zipfile.ZipFile(io.BytesIO(docx_bomb)).getinfo("word/document.xml")
    assert info.file_size >= UNPACKED_MB * 2**20 * 0.99


def test_staff_word_import_refuses_the_bomb_quickly_and_in_little_memory(docx_bomb):
    error, elapsed, peak = _refuse_measured(lambda: docx_sections(docx_bomb, ["Sagsfremstilling"]))
    assert "zip-bombe" in " ".join(error.messages)
    # Generous guards: inflating it would take seconds and 150+ MB.
    assert elapsed < 1.0
    assert peak < 20 * 2**20


def test_importer_refuses_the_bomb(docx_bomb):
    error, elapsed, peak = _refuse_measured(lambda: extract_bytes(docx_bomb, name="bombe.docx"))
    assert "zip bomb" in str(error)
    assert elapsed < 1.0 and peak < 20 * 2**20


def test_a_dense_member_is_refused_by_its_ratio_even_under_the_total():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\x00" * (20 * 2**20))
    with pytest.raises(ArchiveRefused, match="fold"):
        check_office_archive(buffer.getvalue())


def test_an_ordinary_word_file_passes():
    import docx

    document = docx.Document()
    document.add_heading("Sagsfremstilling", level=1)
    document.add_paragraph("Kommunen bygger en ny hal.")
    buffer = io.BytesIO()
    document.save(buffer)
    check_office_archive(buffer.getvalue())
    sections = docx_sections(buffer.getvalue(), ["Sagsfremstilling"])
    assert sections == [("Sagsfremstilling", "Kommunen bygger en ny hal.")]
