"""`dagsorden render` with a meeting id: formats, variants, style override, errors."""

import pytest
from django.core.management import CommandError, call_command

from tests.documents.conftest import CLOSED_MARKER
from tests.documents.pdftools import outline_entries, reader

pytestmark = pytest.mark.django_db


def _render(world, tmp_path, *options) -> bytes:
    target = tmp_path / "out"
    call_command("render", str(world.meeting.pk), *options, "-o", str(target))
    return target.read_bytes()


def test_members_variant_contains_the_closed_item(world, tmp_path):
    text = _render(world, tmp_path, "--format", "md", "--variant", "members").decode()
    assert CLOSED_MARKER in text
    assert text.startswith("Fortroligt – kun til medlemmer")


def test_public_is_the_default_variant(world, tmp_path):
    text = _render(world, tmp_path, "--format", "txt").decode()
    assert CLOSED_MARKER not in text
    assert "Punktet behandles for lukkede døre." in text


def test_style_override(world, tmp_path):
    text = _render(world, tmp_path, "--format", "txt", "--style", "slagelse").decode()
    assert "Punkt 1: Udskiftning af legeredskaber, etape 1 (B)" in text


def test_combined_pdf_from_the_command(world, tmp_path):
    pdf = reader(_render(world, tmp_path, "--format", "pdf", "--bilag", "--variant", "members"))
    nested = [title for title, _page, depth in outline_entries(pdf) if depth == 1]
    assert "Kort over legepladser" in nested
    assert f"Tilbud {CLOSED_MARKER}" in nested  # members see the closed item's bilag


def test_unknown_meeting_is_an_error(db):
    with pytest.raises(CommandError, match="no meeting with id 999999"):
        call_command("render", "999999", "--format", "txt")


def test_draft_marks_the_text_and_every_pdf_page(world, tmp_path):
    from tests.documents.pdftools import page_texts

    text = _render(world, tmp_path, "--format", "txt", "--draft").decode()
    assert text.startswith("UDKAST – ikke udsendt")
    pages = page_texts(reader(_render(world, tmp_path, "--draft")))
    assert pages and all("UDKAST" in page for page in pages)
    published = page_texts(reader(_render(world, tmp_path)))
    assert not any("UDKAST" in page for page in published)  # the cache kept them apart
