"""Layout family with 'Sagens kerne' first: Indstilling right after it, then
Beslutningskompetence and Sagsfremstilling; KLE journal number under the heading;
items numbered through the year; party letters in the participant list."""

from .base import ATTACHMENTS, COMPETENCE, HISTORY, RECOMMENDATION, DocumentStyle

STYLE = DocumentStyle(
    name="halsnaes",
    label="Sagens kerne først (Halsnæs-layout)",
    layout_family="core-first",
    title_line="{kind} {body} d. {date}",
    participants_with_party=True,
    order=(
        "sagens kerne",
        RECOMMENDATION,
        COMPETENCE,
        "sagsfremstilling",
        "spørgsmål til drøftelse",
        "lov- og plangrundlag",
        "økonomi",
        HISTORY,
        ATTACHMENTS,
    ),
    decision_placement="last",
    headings={COMPETENCE: "Beslutningskompetence", RECOMMENDATION: "Indstilling"},
    recommendation_intro="{by} indstiller, at:",
    accent="#00594f",
)
