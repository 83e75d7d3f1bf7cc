"""Styles are data: chosen per municipality, overridden per body, and they decide the
order of an item's blocks, the type notation and the numbering."""

import pytest

from dagsorden.documents.from_db import document_from_meeting
from dagsorden.documents.model import Block, arrange, display_title
from dagsorden.documents.styles import STYLES, style_for_layout, style_for_organization, style_get
from dagsorden.documents.styles.base import ATTACHMENTS, DECISION, RECOMMENDATION, TEXT
from dagsorden.documents.text import to_text
from tests.factories import MunicipalityFactory, OrganizationFactory


def test_six_styles_each_with_a_layout_family():
    assert set(STYLES) == {
        "standard",
        "halsnaes",
        "holbaek",
        "helsingoer",
        "slagelse",
        "kalundborg",
    }
    families = [style.layout_family for style in STYLES.values()]
    assert len(set(families)) == len(families)
    for style in STYLES.values():
        assert style_for_layout(style.layout_family) is style


def test_unknown_layout_gets_the_default():
    assert style_for_layout("nothing-like-it").name == "standard"


@pytest.mark.django_db
def test_municipality_style_and_body_override():
    municipality = MunicipalityFactory(document_style="holbaek")
    assert style_for_organization(OrganizationFactory(municipality=municipality)).name == "holbaek"
    body = OrganizationFactory(municipality=municipality, document_style="slagelse")
    assert style_for_organization(body).name == "slagelse"
    body.document_style = "ikke-et-layout"
    assert style_for_organization(body).name == "standard"


def test_type_notation():
    assert display_title(style_get("helsingoer"), "Budget", "orientering") == "Orientering: Budget"
    assert display_title(style_get("slagelse"), "Budget", "drøftelse") == "Budget (D)"
    assert display_title(style_get("halsnaes"), "Budget", "beslutning") == "Budget"


def _blocks():
    return [
        Block(TEXT, "Sagsfremstilling", "tekst"),
        Block(DECISION, "Beslutning", "Godkendt."),
        Block(TEXT, "Særligt afsnit", "kommunens eget"),
        Block(ATTACHMENTS, "Bilag"),
        Block(RECOMMENDATION, "Indstilling", "at"),
        Block(TEXT, "Sagens kerne", "kort"),
    ]


def test_arrange_follows_the_template_and_places_the_decision():
    halsnaes = [b.heading for b in arrange(_blocks(), style_get("halsnaes"))]
    assert halsnaes == [
        "Sagens kerne",
        "Indstilling",
        "Sagsfremstilling",
        "Særligt afsnit",
        "Bilag",
        "Beslutning",
    ]
    holbaek = [b.heading for b in arrange(_blocks(), style_get("holbaek"))]
    assert holbaek[0] == "Beslutning"
    assert holbaek.index("Særligt afsnit") == holbaek.index("Sagsfremstilling") + 1


@pytest.mark.django_db
def test_numbering_per_meeting_or_as_stored(world):
    world.items[0].number = 41
    world.items[0].save()
    running = document_from_meeting(world.meeting, style=style_get("halsnaes"))
    per_meeting = document_from_meeting(world.meeting, style=style_get("slagelse"))
    assert running.items[0].heading.startswith("Punkt 41:")
    assert per_meeting.items[0].heading == "Punkt 1: Udskiftning af legeredskaber, etape 1 (B)"


@pytest.mark.django_db
def test_text_output_follows_the_style(world):
    text = to_text(document_from_meeting(world.meeting, style=style_get("helsingoer")))
    assert "Punkt 1: Beslutning: Udskiftning af legeredskaber, etape 1" in text
    assert "Direktionen indstiller,\n\n1. at etape 1 godkendes" in text


def test_css_string_cannot_leave_the_style_element():
    from dagsorden.documents.templatetags.documents import css_string

    escaped = css_string('Udvalg "A" </style><script>alert(1)</script>')
    assert "<" not in escaped and ">" not in escaped
    assert '\\"A\\"' in escaped
