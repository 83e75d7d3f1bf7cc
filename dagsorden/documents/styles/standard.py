"""Our own clean default: decision after the case text, labelled journal number."""

from .base import (
    ATTACHMENTS,
    ATTACHMENTS_BULLETS,
    COMPETENCE,
    HISTORY,
    RECOMMENDATION,
    TYPE_NONE,
    DocumentStyle,
)

STYLE = DocumentStyle(
    name="standard",
    label="Standard",
    layout_family="generic",
    title_line="{kind}: {body}, {date}",
    participants_with_party=True,
    type_notation=TYPE_NONE,
    journal_label="Sagsnr.",
    order=(
        "sagens kerne",
        COMPETENCE,
        HISTORY,
        "sagsfremstilling",
        "økonomi",
        "økonomi og finansiering",
        "høring og kommunikation",
        RECOMMENDATION,
        ATTACHMENTS,
    ),
    decision_placement="last",
    headings={COMPETENCE: "Beslutningskompetence"},
    attachments_format=ATTACHMENTS_BULLETS,
    item_page_break=False,
    font_family="'DejaVu Sans', 'Liberation Sans', sans-serif",
    accent="#0b5563",
    base_size="10pt",
)
