"""Layout families: hints about which known template a document follows.

Every family implements :class:`LayoutFamily`: it scores how well a document fits
(its signature headings, their order, numbering and decision placement). The
best-scoring family names the layout in the parse result and may add heading labels;
the document is always read by the one generic reader (:mod:`engine`), so a document
from a system we have never seen is read just the same (``layout: generic``).

Families are described by structure only. None is keyed to a municipality's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from .document import Document
from .engine import ParseRules, parse_document
from .parsed import ParsedMeeting
from .sections import HeadingRules
from .vocabulary import DECISION_HEADING, TEXT

MIN_CONFIDENCE = 0.45


@runtime_checkable
class LayoutFamily(Protocol):
    name: str

    def confidence(self, doc: Document) -> float:
        """0..1: how well the document's structure matches this family."""

    def parse(self, doc: Document) -> ParsedMeeting:
        """Parse the document with this family's rules."""


@dataclass(frozen=True)
class TemplateFamily:
    """A family recognised by its ordered signature headings and a few line shapes."""

    name: str
    description: str
    signature: tuple[str, ...]  # casefolded headings in template order
    distinctive: tuple[str, ...] = ()  # at least one of these headings must occur
    line_patterns: tuple[re.Pattern, ...] = ()  # shapes typical of the family
    extra_headings: dict[str, str] = field(default_factory=dict)
    numbered_items: bool = True

    def confidence(self, doc: Document) -> float:
        keys = doc.key_set
        if self.distinctive and not keys.intersection(self.distinctive):
            return 0.0
        present = [h for h in self.signature if h in keys]
        if len(present) < max(2, (len(self.signature) + 1) // 2):
            return 0.0  # a few common headings alone do not make a template
        coverage = len(present) / len(self.signature)
        order = _order_score(doc.standalone_keys, present)
        shapes = _shape_score(doc, self.line_patterns)
        return round(0.55 * coverage + 0.25 * order + 0.2 * shapes, 3)

    def parse(self, doc: Document) -> ParsedMeeting:
        rules = ParseRules(HeadingRules(extra=self.extra_headings), self.numbered_items)
        return parse_document(doc, rules, self.name)


def _order_score(keys: list[str], present: list[str]) -> float:
    """Share of consecutive signature headings that first appear in template order."""
    first = {}
    for position, key in enumerate(keys):
        first.setdefault(key, position)
    positions = [first[h] for h in present]
    pairs = list(zip(positions, positions[1:], strict=False))
    return sum(a < b for a, b in pairs) / len(pairs) if pairs else 0.0


def _shape_score(doc: Document, patterns: tuple[re.Pattern, ...]) -> float:
    if not patterns:
        return 0.5
    texts = [line.text for line in doc.lines if line.text]
    hits = sum(1 for pattern in patterns if any(pattern.search(t) for t in texts))
    return hits / len(patterns)


@dataclass(frozen=True)
class GenericFamily:
    """Fallback for unknown layouts: whole vocabulary, numbered items allowed."""

    name: str = "generic"

    def confidence(self, doc: Document) -> float:
        return MIN_CONFIDENCE

    def parse(self, doc: Document) -> ParsedMeeting:
        return parse_document(doc, ParseRules(HeadingRules(), numbered_items=True), self.name)


_KLE_LINE = re.compile(r"^\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d+-\d{2}$")
_HISTORY_LINE = re.compile(r"^\d{2}/\d{2}/\d{4} [A-ZÆØÅ]")
_TYPE_SUFFIX = re.compile(r"^(?:#+\s*)?(?:punkt|pkt\.?)\s*\d+.*\((?:B|O|D)\)\s*$", re.I)
_DATED_DECISION = re.compile(DECISION_HEADING.pattern + r"(?<=\d)", re.I)

FAMILIES: tuple[LayoutFamily, ...] = (
    TemplateFamily(
        name="core-first",
        distinctive=("sagens kerne", "beslutningskompetence"),
        description="Sagens kerne opens the item; Indstilling before Beslutningskompetence "
        "and Sagsfremstilling; KLE journal numbers under the item heading.",
        signature=(
            "sagens kerne",
            "indstilling",
            "beslutningskompetence",
            "sagsfremstilling",
            "økonomi",
            "bilag",
        ),
        line_patterns=(_KLE_LINE,),
    ),
    TemplateFamily(
        name="decision-first-casetype",
        distinctive=("sagsgang og sagstype",),
        description="Beslutning printed first, then an empty Sagsfremstilling container, "
        "Indstilling, Resume, 'Sagsgang og sagstype', Beskrivelse af sagen.",
        signature=(
            "beslutning",
            "sagsfremstilling",
            "indstilling",
            "resume",
            "sagsgang og sagstype",
            "beskrivelse af sagen",
            "økonomiske konsekvenser",
            "miljø- og klimamæssige konsekvenser",
        ),
        line_patterns=(_HISTORY_LINE,),
    ),
    TemplateFamily(
        name="decision-first-treatment",
        distinctive=("resume og sagens baggrund", "behandling"),
        description="Beslutning printed first, then Resume og sagens baggrund, "
        "Indstillinger, Behandling (route of bodies) and the case text.",
        signature=(
            "beslutning",
            "sagsfremstilling",
            "resume og sagens baggrund",
            "indstillinger",
            "behandling",
            "økonomiske konsekvenser",
            "sagens forløb",
            "bilag",
        ),
        line_patterns=(_HISTORY_LINE,),
    ),
    TemplateFamily(
        name="decision-last",
        distinctive=("sagen afgøres i",),
        description="'Sagen afgøres i' opens the item; the decision block "
        "'Beslutning(er) <body> den <date>' follows the Indstilling.",
        signature=(
            "sagen afgøres i",
            "indledning",
            "retsgrundlag",
            "sagsfremstilling",
            "indstilling",
        ),
        line_patterns=(_DATED_DECISION,),
    ),
    TemplateFamily(
        name="type-code",
        distinctive=("beslutningstema", "kompetence"),
        description="Item titles end in a type code (B)/(O)/(D); Kompetence and "
        "Beslutningstema precede the Indstilling, then Sagens indhold.",
        signature=(
            "sagsfremstilling",
            "kompetence",
            "beslutningstema",
            "indstilling",
            "sagens indhold",
            "retligt grundlag",
            "økonomiske og personalemæssige konsekvenser",
            "sagens videre forløb",
        ),
        line_patterns=(_TYPE_SUFFIX,),
        extra_headings={"sagens indhold": TEXT},
    ),
)
GENERIC = GenericFamily()


def detect(doc: Document) -> tuple[LayoutFamily, float]:
    """The family that fits the document best, or the generic fallback."""
    scored = [(family.confidence(doc), family) for family in FAMILIES]
    best_score, best = max(scored, key=lambda pair: pair[0])
    if best_score < MIN_CONFIDENCE:
        return GENERIC, best_score
    return best, best_score
