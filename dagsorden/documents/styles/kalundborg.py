"""Layout family with the decision first, then 'Resume og sagens baggrund',
Indstillinger, Behandling (the route of bodies), the case text and 'Sagens forløb' as
dated entries; items numbered per meeting."""

from .base import (
    ATTACHMENTS,
    COMPETENCE,
    HISTORY,
    NUMBER_PER_MEETING,
    RECOMMENDATION,
    DocumentStyle,
)

STYLE = DocumentStyle(
    name="kalundborg",
    label="Beslutning først med behandling (Kalundborg-layout)",
    layout_family="decision-first-treatment",
    title_line="{kind} {body} d. {date}",
    numbering=NUMBER_PER_MEETING,
    order=(
        "sagsfremstilling",
        "resume og sagens baggrund",
        RECOMMENDATION,
        COMPETENCE,
        "økonomiske konsekvenser",
        HISTORY,
        ATTACHMENTS,
    ),
    decision_placement="first",
    headings={RECOMMENDATION: "Indstillinger", COMPETENCE: "Behandling"},
    recommendation_intro="{by} indstiller, at",
    recommendation_numbered=False,
    absence_label="Afbud",
    font_family="'DejaVu Sans', 'Liberation Sans', sans-serif",
    accent="#3b3b8f",
    base_size="10pt",
)
