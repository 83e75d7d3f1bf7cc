"""Words of Danish municipal agenda templates.

These are facts about the genre, not about one municipality: the section headings
that case templates use, the words for case types and the labels of the meeting
header. Layout families add their own signature headings on top of this list.
"""

from __future__ import annotations

import re

from .textutil import ANY_DATE

DECISION = "decision"
RECOMMENDATION = "recommendation"
ALT_RECOMMENDATION = "alt_recommendation"
HISTORY = "history"
ATTACHMENTS = "attachments"
REFERENCES = "references"
CASE_TYPE = "case_type"
TEXT = "text"

# Casefolded heading text (no trailing colon) -> role of the section.
SECTION_HEADINGS: dict[str, str] = {
    # decision
    "beslutning": DECISION,
    "beslutninger": DECISION,
    "afgørelse": DECISION,
    "udvalgets beslutning": DECISION,
    "beslutning i mødet": DECISION,
    "protokol": DECISION,
    "protokollat": DECISION,
    # recommendation
    "indstilling": RECOMMENDATION,
    "indstillinger": RECOMMENDATION,
    "forslag til beslutning": RECOMMENDATION,
    "administrationens indstilling": RECOMMENDATION,
    "direktionens indstilling": RECOMMENDATION,
    "forvaltningens indstilling": RECOMMENDATION,
    "indstilling fra direktionen": RECOMMENDATION,
    "indstilling fra administrationen": RECOMMENDATION,
    "alternativ indstilling": ALT_RECOMMENDATION,
    # history of the case
    "sagens forløb": HISTORY,
    "tidligere behandling": HISTORY,
    "tidligere beslutninger": HISTORY,
    "politisk behandling": HISTORY,
    "sagens tidligere behandling": HISTORY,
    "behandlingsforløb": HISTORY,
    # attachments
    "bilag": ATTACHMENTS,
    "bilagsoversigt": ATTACHMENTS,
    "bilagsfortegnelse": ATTACHMENTS,
    "bilagsliste": ATTACHMENTS,
    "vedlagte bilag": ATTACHMENTS,
    # references to earlier items
    "sagshistorik, henvisninger": REFERENCES,
    "sagshistorik": REFERENCES,
    "henvisninger": REFERENCES,
    "tidligere politiske beslutninger": REFERENCES,
    # case type
    "sagsgang og sagstype": CASE_TYPE,
    "sagstype": CASE_TYPE,
    # plain text sections of the common templates
    "sagens kerne": TEXT,
    "resume": TEXT,
    "resumé": TEXT,
    "sagsresume": TEXT,
    "sagsresumé": TEXT,
    "kort resume": TEXT,
    "resume og sagens baggrund": TEXT,
    "sagsfremstilling": TEXT,
    "supplerende sagsfremstilling": TEXT,
    "sagsbeskrivelse": TEXT,
    "beskrivelse af sagen": TEXT,
    "sagens indhold": TEXT,
    "sagens baggrund": TEXT,
    "baggrund for sagen": TEXT,
    "indledning": TEXT,
    "formål": TEXT,
    "beslutningskompetence": TEXT,
    "kompetence": TEXT,
    "kompetencefordeling": TEXT,
    "beslutningstema": TEXT,
    "sagen afgøres i": TEXT,
    "sagen afgøres af": TEXT,
    "behandling": TEXT,
    "sagsgang": TEXT,
    "retsgrundlag": TEXT,
    "retligt grundlag": TEXT,
    "lovgrundlag": TEXT,
    "lov- og plangrundlag": TEXT,
    "lovgivning": TEXT,
    "hjemmel": TEXT,
    "juridiske forhold": TEXT,
    "økonomi": TEXT,
    "økonomiske konsekvenser": TEXT,
    "økonomiske og personalemæssige konsekvenser": TEXT,
    "økonomi og finansiering": TEXT,
    "økonomi/personaleforhold": TEXT,
    "økonomiske forhold": TEXT,
    "bevillingsmæssige konsekvenser": TEXT,
    "personalemæssige konsekvenser": TEXT,
    "miljø- og klimamæssige konsekvenser": TEXT,
    "klimamæssige konsekvenser": TEXT,
    "klima- og miljømæssige konsekvenser": TEXT,
    "miljømæssige konsekvenser": TEXT,
    "klimavurdering": TEXT,
    "tværgående konsekvenser": TEXT,
    "konsekvenser": TEXT,
    "kommunikation": TEXT,
    "kommunikation/høring/borgerinddragelse": TEXT,
    "kommunikation og høring": TEXT,
    "høring": TEXT,
    "høringsproces": TEXT,
    "borgerinddragelse": TEXT,
    "relation til vision og tværgående politikker": TEXT,
    "politikker og strategier": TEXT,
    "sagens videre forløb": TEXT,
    "videre forløb": TEXT,
    "videre proces": TEXT,
    "tidsplan": TEXT,
    "spørgsmål til drøftelse": TEXT,
    "administrationens vurdering": TEXT,
    "forvaltningens vurdering": TEXT,
    "vurdering": TEXT,
    "handicappolitiske konsekvenser": TEXT,
    "sundhedsmæssige konsekvenser": TEXT,
    "erhvervsmæssige konsekvenser": TEXT,
    "ligestillingsvurdering": TEXT,
    "risikovurdering": TEXT,
    "høringssvar": TEXT,
    "sagens oplysninger": TEXT,
    "beskrivelse": TEXT,
}

# Headings that may end in a colon and still be headings inside a decision block.
_DECISION_WORD = r"(?:beslutning(?:er)?|afgørelse|protokol)"
DECISION_HEADING = re.compile(
    rf"^{_DECISION_WORD}"
    rf"(?:(?:\s+(?:i|for|fra|på|af))?\s+(?!den\b|d\.)(?P<body>[A-ZÆØÅ0-9].*?))?"
    rf"(?:,?\s+(?:den|d\.)\s*(?P<date>{ANY_DATE})|\s+(?P<date2>{ANY_DATE}))?:?$",
    re.IGNORECASE,
)
# '<Body>s beslutning den 3. marts 2025' as printed by some systems.
DECISION_HEADING_AFTER = re.compile(
    rf"^(?P<body>[A-ZÆØÅ].*?)s\s+beslutning(?:\s+(?:den|d\.)\s*(?P<date>{ANY_DATE}))?:?$",
    re.IGNORECASE,
)

CASE_TYPE_WORDS = {
    "beslutningssag": "beslutning",
    "beslutning": "beslutning",
    "besluttende": "beslutning",
    "orienteringssag": "orientering",
    "orientering": "orientering",
    "meddelelse": "orientering",
    "drøftelsessag": "drøftelse",
    "drøftelse": "drøftelse",
    "temadrøftelse": "drøftelse",
}
TYPE_CODES = {"b": "beslutning", "o": "orientering", "d": "drøftelse"}
TITLE_TYPE_PREFIX = re.compile(
    r"^(?P<word>beslutning|orientering|drøftelse|beslutningssag|orienteringssag|drøftelsessag)"
    r"\s*:\s+\S",
    re.IGNORECASE,
)
TITLE_TYPE_SUFFIX = re.compile(r"\((?P<code>[BODbod])(?:\s*[+/,]\s*[BODbod])*\)\s*$")
TYPE_LABEL = re.compile(
    r"^(?:(?:sagstype|type|punkttype)\s*:|til)\s*(?P<word>beslutning|orientering|drøftelse"
    r"|beslutningssag|orienteringssag|drøftelsessag|meddelelse)\.?$",
    re.IGNORECASE,
)

CLOSED_MARKERS = re.compile(
    r"\b(?:lukket\s+(?:punkt|sag|møde)|lukket|fortrolig|ikke\s+offentlig)\b", re.IGNORECASE
)

ABSENCE_LABEL = re.compile(
    r"^(?P<label>fraværende|fravær|afbud|ikke\s+til\s+stede|forfald)\b\s*:?\s*(?P<names>.*)$",
    re.IGNORECASE,
)

# Header labels (casefolded, without colon) -> meeting field.
HEADER_LABELS = {
    "mødedato": "start",
    "dato": "start",
    "mødetidspunkt": "start",
    "tidspunkt": "start",
    "dato og tid": "start",
    "tid": "time",
    "starttidspunkt": "time",
    "mødested": "location",
    "sted": "location",
    "lokale": "location",
    "mødelokale": "location",
    "mødedeltagere": "participants",
    "deltagere": "participants",
    "medlemmer": "participants",
    "til stede": "participants",
    "tilstede": "participants",
    "fraværende": "absent",
    "afbud": "absent",
    "udvalg": "body",
    "mødeforum": "body",
    "forum": "body",
    "organ": "body",
}

DOCUMENT_KINDS = {
    "dagsorden": "agenda",
    "åben dagsorden": "agenda",
    "lukket dagsorden": "agenda",
    "indkaldelse": "agenda",
    "referat": "minutes",
    "åbent referat": "minutes",
    "lukket referat": "minutes",
    "beslutningsprotokol": "minutes",
    "beslutningsreferat": "minutes",
    "protokol": "minutes",
    "mødereferat": "minutes",
}

TOC_HEADINGS = {"indholdsfortegnelse", "indhold", "dagsordenspunkter", "oversigt", "punkter"}

BODY_WORDS = re.compile(
    r"(udvalg|råd|rådet|byråd|kommunalbestyrelse|regionsråd|direktion|bestyrelse|forum|"
    r"kommission|nævn|komité|udvalget|borgerrepræsentation)",
    re.IGNORECASE,
)


def section_role(key: str) -> str | None:
    """Role of a heading given its casefolded text without trailing colon."""
    return SECTION_HEADINGS.get(key)


# Words that label a heading the template set apart but the vocabulary does not list
# ('Forvaltningen foreslår', 'Beslutning i Teknisk Udvalg', 'Bilagsmateriale').
_ROLE_WORDS = (
    (re.compile(r"\b(?:beslutning|afgørelse|protokol)", re.I), DECISION),
    (re.compile(r"\b(?:indstilling|indstiller|foreslår|forslag til)", re.I), RECOMMENDATION),
    (re.compile(r"\b(?:tidligere behandling|sagens forløb|behandlet)", re.I), HISTORY),
    (re.compile(r"^bilag", re.I), ATTACHMENTS),
)


def label_heading(key: str) -> str:
    """The role of a recurring, typographically set-apart heading: its words label it;
    a heading they do not name is a plain text section."""
    role = section_role(key)
    if role:
        return role
    for pattern, role in _ROLE_WORDS:
        if pattern.search(key):
            return role
    return TEXT


# 'Lukkede sager', 'Lukket del', 'Lukket dagsorden' between items: the items after it are
# closed until an 'Åbne sager' part starts.
CLOSED_PART = re.compile(
    r"^(?:lukkede?\s+(?:sager|punkter|del|dagsordenspunkter|møde)|lukket\s+dagsorden|"
    r"fortrolige\s+(?:sager|punkter))$",
    re.IGNORECASE,
)
OPEN_PART = re.compile(
    r"^(?:åbne?\s+(?:sager|punkter|del|dagsordenspunkter|dagsorden)|åbent\s+møde)$",
    re.IGNORECASE,
)
