"""The PDF read back with pypdf: contents page numbers, bookmarks, running header and
footer, tagging and metadata, the signature sheet, and the two variants."""

import pytest

from dagsorden.documents.from_db import document_from_meeting
from dagsorden.documents.pdf import to_pdf
from dagsorden.documents.styles import STYLES, style_get
from tests.documents.conftest import CLOSED_MARKER, SECRET_BILAG_MARKER
from tests.documents.pdftools import outline_entries, page_texts, reader, toc_pages

pytestmark = pytest.mark.django_db


def _pdf(world, variant="public", style="halsnaes"):
    document = document_from_meeting(world.meeting, variant=variant, style=style_get(style))
    return document, reader(to_pdf(document))


@pytest.mark.parametrize("style", ["halsnaes", "standard"])
def test_contents_page_numbers_point_at_item_starts(world, style):
    document, pdf = _pdf(world, style=style)
    texts = page_texts(pdf)
    toc = toc_pages(texts[0])
    assert len(toc) == len(document.items) + (1 if document.signature else 0)
    for item in document.items:
        printed = toc[item.title]
        assert item.heading in texts[printed - 1].replace("\n", " "), item.heading
    assert len({toc[item.title] for item in document.items}) > 1  # items really spread out


def test_one_bookmark_per_item_at_its_page(world):
    document, pdf = _pdf(world)
    outline = outline_entries(pdf)
    titles = [title for title, _page, _depth in outline]
    assert titles[: len(document.items)] == [item.heading for item in document.items]
    texts = page_texts(pdf)
    for title, page, _depth in outline:
        assert title in texts[page].replace("\n", " ")


def test_running_header_and_page_x_of_y_on_every_page(world):
    _document, pdf = _pdf(world)
    texts = page_texts(pdf)
    total = len(texts)
    for number, text in enumerate(texts, start=1):
        assert "Udvalget for Legepladser · 13-10-2026" in text
        assert f"Side {number} af {total}" in text


def test_tagged_pdf_with_language_and_title(world):
    document, pdf = _pdf(world)
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == "da"
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert pdf.metadata.title == document.title
    assert "pdfuaid" in root["/Metadata"].get_object().get_data().decode()


def test_public_variant_has_no_closed_item_text(world):
    _document, pdf = _pdf(world, variant="public")
    text = "\n".join(page_texts(pdf))
    assert CLOSED_MARKER not in text
    assert SECRET_BILAG_MARKER not in text
    assert "Kontraktforhold" in text  # the neutral public title
    assert "Fortroligt" not in text


def test_members_variant_has_the_closed_item_and_says_so_on_every_page(world):
    _document, pdf = _pdf(world, variant="members")
    texts = page_texts(pdf)
    assert CLOSED_MARKER in "\n".join(texts)
    assert SECRET_BILAG_MARKER in "\n".join(texts)
    assert all("Fortroligt – kun til medlemmer" in text for text in texts)


def test_signature_sheet_lists_the_members(world):
    _document, pdf = _pdf(world, style="halsnaes")
    last = page_texts(pdf)[-1]
    assert "Underskriftsark" in last
    for member in world.members:
        assert member.name in last


@pytest.mark.parametrize("name", sorted(STYLES))
def test_every_style_renders(world, name):
    document, pdf = _pdf(world, style=name)
    assert len(pdf.pages) >= 2
    assert document.items[0].heading in "\n".join(page_texts(pdf)).replace("\n", " ")
