"""Imported section texts as readers see them: tables as tables, no literal tags, and a
title that names its type is not given the type a second time."""

import hashlib

import pytest
from django.urls import reverse

from dagsorden.documents.model import display_title
from dagsorden.documents.styles import style_get
from dagsorden.importer.loader import load
from dagsorden.importer.parse import parse_text
from dagsorden.importer.tables import imported_markdown
from dagsorden.meetings.models import AgendaItem, Section
from dagsorden.meetings.wording import title_names_type

DOCUMENT = """REFERAT Vejudvalget d. 03-04-2025

Mødedato Torsdag d. 3. april 2025 kl. 16:00

Punkt 1: Orientering: Vejenes tilstand

25-004411

Sagsfremstilling

Tilstanden er målt.

Strækning\tKm\tTilstand

Skovvej\t4,2\t<i>God</i>

Bakkevej\t1,8\tDårlig

Beslutning

Orientering foretaget.

"""


def test_tab_separated_rows_become_a_markdown_table():
    text = "Før.\n\nÅr\tBudget\n\n2025\t1.200\n\n2026\t1.300\n\nEfter."
    assert imported_markdown(text) == (
        "Før.\n\n| År | Budget |\n| --- | --- |\n| 2025 | 1.200 |\n| 2026 | 1.300 |\n\nEfter."
    )


def test_literal_formatting_tags_become_emphasis_and_a_pipe_in_a_cell_is_kept():
    assert imported_markdown("<i>Bemærk</i> og <b>vigtigt</b><br>ny") == (
        "*Bemærk* og **vigtigt** ny"
    )
    assert "a \\| b" in imported_markdown("x\ty\n\na | b\tz")


def test_one_tab_line_is_not_a_table():
    assert imported_markdown("Sagsnr.:\t25/1234") == "Sagsnr.:\t25/1234"


@pytest.mark.django_db
def test_an_imported_table_is_shown_as_a_table_on_the_public_page(client):
    load(
        parse_text(DOCUMENT),
        source="vej.txt",
        sha256=hashlib.sha256(DOCUMENT.encode()).hexdigest(),
        municipality_name="Egeby",
    )
    body = Section.objects.get(heading="Sagsfremstilling").body
    assert "| Skovvej | 4,2 | *God* |" in body
    item = AgendaItem.objects.get()
    page = client.get(reverse("portal:item_detail", args=[item.pk])).content.decode()
    assert "<table>" in page and "<td>Skovvej</td>" in page
    assert "&lt;i&gt;" not in page


@pytest.mark.django_db
def test_an_imported_title_naming_its_type_gets_no_second_type_badge(client):
    load(
        parse_text(DOCUMENT),
        source="vej.txt",
        sha256=hashlib.sha256(DOCUMENT.encode()).hexdigest(),
        municipality_name="Egeby",
    )
    item = AgendaItem.objects.get()
    item.item_type = AgendaItem.Type.ORIENTATION
    item.save()
    page = client.get(reverse("portal:item_detail", args=[item.pk])).content.decode()
    assert "Orientering: Vejenes tilstand" in page
    assert '<span class="badge">Orientering</span>' not in page


@pytest.mark.parametrize(
    ("title", "item_type", "named"),
    [
        ("Orientering: Vejenes tilstand", "orientering", True),
        ("Beslutningssag – Ny skole", "beslutning", True),
        ("Orienteringsmøde om veje", "orientering", False),
        ("Vejenes tilstand", "orientering", False),
        ("Orientering: Vejenes tilstand", "beslutning", False),
    ],
)
def test_a_title_naming_its_type(title, item_type, named):
    assert title_names_type(title, item_type) is named


def test_a_document_does_not_print_the_type_twice():
    prefix, suffix = style_get("helsingoer"), style_get("slagelse")  # "Type: …", "… (O)"
    for style in (prefix, suffix):
        printed = display_title(style, "Orientering: Vejenes tilstand", "orientering")
        assert printed == "Orientering: Vejenes tilstand"
    assert display_title(prefix, "Vejenes tilstand", "orientering") == (
        "Orientering: Vejenes tilstand"
    )
