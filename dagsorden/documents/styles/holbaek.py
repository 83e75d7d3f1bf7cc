"""Layout family with the decision first, an empty 'Sagsfremstilling' container, then
Indstilling, Resume, 'Sagsgang og sagstype' and the case description; history as
dated lines ('29/09/2025 <body>')."""

from .base import ATTACHMENTS, CASE_TYPE, HISTORY, RECOMMENDATION, DocumentStyle

STYLE = DocumentStyle(
    name="holbaek",
    label="Beslutning først med sagstype (Holbæk-layout)",
    layout_family="decision-first-casetype",
    title_line="{kind} {body} d. {date}",
    order=(
        "sagsfremstilling",
        RECOMMENDATION,
        "alternativ indstilling",
        "resume",
        CASE_TYPE,
        "sagshistorik, henvisninger",
        "beskrivelse af sagen",
        "økonomiske konsekvenser",
        "miljø- og klimamæssige konsekvenser",
        "lovgrundlag",
        HISTORY,
        ATTACHMENTS,
    ),
    decision_placement="first",
    headings={CASE_TYPE: "Sagsgang og sagstype", RECOMMENDATION: "Indstilling"},
    recommendation_intro="{by} indstiller, at:",
    absence_label="Fraværende",
    font_family="'Liberation Sans', 'DejaVu Sans', sans-serif",
    accent="#004b87",
)
