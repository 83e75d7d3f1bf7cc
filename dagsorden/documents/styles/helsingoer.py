"""Layout family where 'Sagen afgøres i' opens the item, the type is a title prefix
('Beslutning: …') and the dated decision block follows the Indstilling; items numbered
per meeting; history as a list of bodies and dates."""

from .base import (
    ATTACHMENTS,
    COMPETENCE,
    HISTORY,
    HISTORY_LIST,
    NUMBER_PER_MEETING,
    RECOMMENDATION,
    TYPE_PREFIX,
    DocumentStyle,
)

STYLE = DocumentStyle(
    name="helsingoer",
    label="Beslutning sidst med type foran titlen (Helsingør-layout)",
    layout_family="decision-last",
    title_line="{kind} {body} d. {date}",
    type_notation=TYPE_PREFIX,
    numbering=NUMBER_PER_MEETING,
    order=(
        COMPETENCE,
        "indledning",
        "retsgrundlag",
        "relation til vision og tværgående politikker",
        "sagsfremstilling",
        "økonomi/personaleforhold",
        "kommunikation/høring/borgerinddragelse",
        HISTORY,
        RECOMMENDATION,
        ATTACHMENTS,
    ),
    decision_placement="last",
    headings={COMPETENCE: "Sagen afgøres i:", HISTORY: "Sagens forløb:"},
    decision_heading_dated=True,
    recommendation_intro="{by} indstiller,",
    clause_prefix="at ",
    history_format=HISTORY_LIST,
    signature_sheet=False,
    font_family="'Liberation Serif', 'DejaVu Serif', serif",
    heading_font_family="'Liberation Sans', 'DejaVu Sans', sans-serif",
    accent="#7a1f2b",
)
