"""Layout family where the title ends in a type code (B)/(O)/(D); Kompetence and
Beslutningstema precede the Indstilling, then 'Sagens indhold'; per-meeting numbers."""

from .base import (
    ATTACHMENTS,
    ATTACHMENTS_NUMBERED,
    COMPETENCE,
    HISTORY,
    NUMBER_PER_MEETING,
    RECOMMENDATION,
    TYPE_SUFFIX,
    DocumentStyle,
)

STYLE = DocumentStyle(
    name="slagelse",
    label="Typekode efter titlen (Slagelse-layout)",
    layout_family="type-code",
    title_line="{kind} {body} d. {date}",
    type_notation=TYPE_SUFFIX,
    numbering=NUMBER_PER_MEETING,
    order=(
        "sagsfremstilling",
        COMPETENCE,
        "beslutningstema",
        RECOMMENDATION,
        "sagens indhold",
        "retligt grundlag",
        "økonomiske og personalemæssige konsekvenser",
        "tværgående konsekvenser",
        "sagens videre forløb",
        HISTORY,
        ATTACHMENTS,
    ),
    decision_placement="last",
    headings={COMPETENCE: "Kompetence"},
    recommendation_intro="{by} indstiller,",
    clause_prefix="at ",
    attachments_format=ATTACHMENTS_NUMBERED,
    signature_sheet=False,
    font_family="'Liberation Sans', 'DejaVu Sans', sans-serif",
    accent="#2d6a2e",
)
