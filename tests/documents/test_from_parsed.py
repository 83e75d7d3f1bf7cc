"""A document read by the importer, rendered without the database: its own layout kept,
another layout on request, closed items withheld from the public."""

import datetime as dt

from dagsorden.documents.from_parsed import document_from_parsed
from dagsorden.documents.styles import style_get
from dagsorden.documents.text import to_text
from dagsorden.importer.parsed import ParsedItem, ParsedMeeting, ParsedSection

SECRET = "Gråspurvekontrakten"


def _parsed() -> ParsedMeeting:
    return ParsedMeeting(
        kind="minutes",
        body="Udvalget for Havne",
        start=dt.datetime(2026, 3, 4, 15, 30),
        location="Havnekontoret",
        layout="decision-first-treatment",
        items=[
            ParsedItem(
                number="7",
                title="Beslutning: Ny kran til lystbådehavnen",
                type="beslutning",
                case_number="26-000123",
                sections=[
                    ParsedSection("Beslutning", "Godkendt.\n\nAfbud: Ib Andersen"),
                    ParsedSection("Resume og sagens baggrund", "Kranen er fra 1987."),
                    ParsedSection("Indstillinger", "Havnechefen indstiller, at kranen købes."),
                    ParsedSection("Behandling", "Udvalget for Havne."),
                ],
            ),
            ParsedItem(
                number="8",
                title=f"Lukket punkt: {SECRET}",
                public=False,
                sections=[ParsedSection("Beslutning", f"{SECRET} forlænges.")],
            ),
        ],
    )


def test_own_layout_keeps_headings_order_and_number():
    text = to_text(document_from_parsed(_parsed(), variant="members"))
    assert "Punkt 7: Ny kran til lystbådehavnen" in text
    headings = ["Beslutning", "Resume og sagens baggrund", "Indstillinger", "Behandling"]
    positions = [text.index(f"\n{heading}\n") for heading in headings]
    assert positions == sorted(positions)
    assert "Afbud: Ib Andersen" in text
    assert SECRET in text


def test_another_layout_reorders_and_relabels():
    document = document_from_parsed(_parsed(), variant="members", style=style_get("helsingoer"))
    item = document.items[0]
    assert item.heading == "Punkt 1: Beslutning: Ny kran til lystbådehavnen"
    headings = [block.heading for block in item.blocks]
    # Behandling and Indstillinger said the way this layout says them, in its order;
    # the decision after the case text; the unknown section keeps its place.
    assert headings == [
        "Resume og sagens baggrund",
        "Sagen afgøres i:",
        "Indstilling",
        "Beslutning",
    ]


def test_public_variant_withholds_closed_items():
    document = document_from_parsed(_parsed(), variant="public")
    closed = document.items[1]
    assert closed.withheld and not closed.blocks
    assert SECRET not in to_text(document)
