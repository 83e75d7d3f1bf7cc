"""What a document style is: the layout facts of one municipal template, as data.

A style never contains code paths of its own; the render model builder and the
templates read these fields. Adding a municipality's layout means adding one module
with one :class:`DocumentStyle` value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Roles of the blocks an item is made of. Text sections are ordered by their heading;
# the other roles by these keys in `DocumentStyle.order`.
TEXT = "text"
RECOMMENDATION = "@recommendation"
DECISION = "@decision"
HISTORY = "@history"
ATTACHMENTS = "@attachments"
COMPETENCE = "@competence"
CASE_TYPE = "@case_type"

TYPE_PREFIX = "prefix"  # "Beslutning: Godkendelse af dagsorden"
TYPE_SUFFIX = "suffix"  # "Godkendelse af dagsorden (B)"
TYPE_NONE = "none"

NUMBER_STORED = "stored"  # the number the item carries (running through year or term)
NUMBER_PER_MEETING = "per_meeting"  # 1, 2, 3 … on every agenda

HISTORY_DATED = "dated"  # "06/10/2025 Direktionen", the decision, "Afbud: …"
HISTORY_LIST = "list"  # "- Direktionen den 6. oktober 2025"

ATTACHMENTS_LINES = "lines"
ATTACHMENTS_NUMBERED = "numbered"
ATTACHMENTS_BULLETS = "bullets"

# Headings different templates give the same block: which body decides the case.
COMPETENCE_HEADINGS = frozenset(
    {"sagen afgøres i", "beslutningskompetence", "kompetence", "behandling"}
)

DEFAULT_HEADINGS = {
    RECOMMENDATION: "Indstilling",
    DECISION: "Beslutning",
    HISTORY: "Sagens forløb",
    ATTACHMENTS: "Bilag",
    COMPETENCE: "Beslutningskompetence",
    CASE_TYPE: "Sagstype",
}


@dataclass(frozen=True)
class DocumentStyle:
    name: str
    label: str
    layout_family: str | None = None  # the importer's layout family printed in this style
    # Header block
    title_line: str = "{kind} {body} d. {date}"  # kind is upper-cased, date dd-mm-yyyy
    header_fields: tuple[str, ...] = ("Mødedato", "Mødested", "Mødedeltagere")
    participants_with_party: bool = False
    toc_heading: str = "Indholdsfortegnelse"
    # Items
    item_heading: str = "Punkt {number}: {title}"
    type_notation: str = TYPE_NONE
    numbering: str = NUMBER_STORED
    journal_label: str = ""  # printed before the journal number; empty prints it bare
    order: tuple[str, ...] = ()  # casefolded headings and role keys, template order
    decision_placement: str = "first"  # "first" or "last" in the item
    headings: dict[str, str] = field(default_factory=dict)
    decision_heading_dated: bool = False  # "Beslutninger <body> den <dd-mm-yyyy>"
    recommendation_intro: str = "{by} indstiller, at:"
    recommendation_numbered: bool = True
    clause_prefix: str = ""  # "at " when the clauses are printed as "1. at …"
    history_format: str = HISTORY_DATED
    attachments_format: str = ATTACHMENTS_LINES
    absence_label: str = "Fraværende"
    signature_sheet: bool = True
    signature_heading: str = "Underskriftsark"
    item_page_break: bool = True
    # Typography (CSS values)
    font_family: str = "'Liberation Sans', 'DejaVu Sans', sans-serif"
    heading_font_family: str = ""
    accent: str = "#1f3a5f"
    base_size: str = "10.5pt"

    def heading(self, role: str) -> str:
        return self.headings.get(role) or DEFAULT_HEADINGS[role]

    @property
    def decision_first(self) -> bool:
        return self.decision_placement == "first"

    def rank(self, key: str) -> int | None:
        """Position of a heading or role key in the template, None when not in it."""
        try:
            return self.order.index(key)
        except ValueError:
            return None
