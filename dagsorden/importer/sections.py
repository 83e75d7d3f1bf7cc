"""One item's body: template sections and what they say.

The body of an item is cut at template headings: the vocabulary's (see
:mod:`vocabulary`) and the headings the document itself sets apart and repeats in
every item (found by :mod:`engine`, labelled by their words). Each section is then read
by its role: recommendation, decision (this meeting's, or an earlier body's, which goes
to the history), history, attachments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .parsed import ParsedHistoryEntry, ParsedItem, ParsedSection
from .textutil import (
    ANY_DATE,
    Line,
    journal_number_in_line,
    looks_like_name,
    name_and_extras,
    parse_date,
    split_names,
)
from .vocabulary import (
    ABSENCE_LABEL,
    ALT_RECOMMENDATION,
    ATTACHMENTS,
    CASE_TYPE,
    CASE_TYPE_WORDS,
    CLOSED_MARKERS,
    DECISION,
    DECISION_HEADING,
    DECISION_HEADING_AFTER,
    HISTORY,
    RECOMMENDATION,
    REFERENCES,
    TEXT,
    TITLE_TYPE_PREFIX,
    TITLE_TYPE_SUFFIX,
    TYPE_CODES,
    TYPE_LABEL,
    section_role,
)

_BULLET = re.compile(r"^\s*(?:[-•*–]|\d{1,2}[.)])\s+")
# 'Beslutning: Godkendt.' or a label cell beside its value: 'Beslutning | Godkendt.'
_RUN_IN = re.compile(r"^(?P<label>[A-ZÆØÅa-zæøå][^:\t]{1,60}?)(?:\s*:\s+|\s*:?\t+)(?P<rest>\S.*)$")
_LIST_NUMBER = re.compile(r"^\d{1,2}\s*[:.)]\s+(?=\S)")
_RECOMMENDER = re.compile(r"^(?P<by>.+?)\s+indstiller\b(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
_CLAUSE = re.compile(r"^(?:[-•*]\s*)?(?:\d{1,2}[.)]\s*)?at\b", re.IGNORECASE)
_NUMBERED = re.compile(r"^(?:[-•*]\s*)?\d{1,2}[.)]\s+\S")
_BULLETED = re.compile(r"^[-•*]\s+\S")
_HISTORY_DATE_FIRST = re.compile(rf"^(?P<date>{ANY_DATE})\s*[-–:,]?\s+(?P<body>\S.*)$", re.I)
_HISTORY_BODY_FIRST = re.compile(
    rf"^(?P<body>[A-ZÆØÅ][^:]*?),?\s+(?:den|d\.)\s*(?P<date>{ANY_DATE})\.?"
    rf"(?:\s*[,:–-]\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
_HISTORY_BODY_COMMA = re.compile(
    rf"^(?P<body>[A-ZÆØÅ][^:,]*?)\s*[,:–-]\s*(?P<date>{ANY_DATE})\.?$", re.IGNORECASE
)


@dataclass
class RawSection:
    heading: Line
    role: str
    lines: list[Line] = field(default_factory=list)
    heading_body: str | None = None  # body named in a decision heading
    heading_date: date | None = None  # date named in a decision heading
    placement: str = ""  # why a decision block is this meeting's or history (--explain)

    @property
    def texts(self) -> list[str]:
        return [line.text for line in self.lines if line.text]


@dataclass
class HeadingRules:
    """Family-specific additions to the generic heading vocabulary."""

    extra: dict[str, str] = field(default_factory=dict)
    run_in: bool = True


def classify_heading(line: Line, rules: HeadingRules) -> tuple[str, str | None, date | None] | None:
    """(role, body, date) if the line is a template heading of an item."""
    text = line.text
    if not text or len(text) > 160 or _BULLET.match(line.raw.lstrip("# ")) or "\t" in text:
        return None  # a table row is a label and its value (read as run-in), never a heading
    role = section_role(line.key) or rules.extra.get(line.key)
    if role:
        return role, None, None
    for pattern in (DECISION_HEADING, DECISION_HEADING_AFTER):
        match = pattern.match(text)
        if match and _valid_decision_heading(match):
            when = match.groupdict().get("date") or match.groupdict().get("date2")
            return DECISION, (match.group("body") or "").strip() or None, parse_date(when or "")
    return None


def _valid_decision_heading(match: re.Match) -> bool:
    body = (match.group("body") or "").strip()
    dated = match.groupdict().get("date") or match.groupdict().get("date2")
    if not body:
        return True
    if not body[0].isupper() and not body[0].isdigit():
        return False  # 'Beslutning om ...' is a title, not a heading
    return bool(dated) or len(body.split()) <= 6


def split_sections(body: list[Line], rules: HeadingRules) -> tuple[list[Line], list[RawSection]]:
    """Preamble lines (before the first heading) and the item's sections."""
    preamble: list[Line] = []
    sections: list[RawSection] = []
    previous_blank = True
    for line in body:
        current = sections[-1] if sections else None
        heading = _heading_here(line, current, previous_blank, rules)
        if heading:
            sections.append(heading)
        elif current is not None:
            current.lines.append(line)
        else:
            preamble.append(line)
        previous_blank = line.blank
    return preamble, sections


def _heading_here(
    line: Line, current: RawSection | None, previous_blank: bool, rules: HeadingRules
) -> RawSection | None:
    if line.blank or not (previous_blank or line.marked):
        return None
    if not line.marked and line.text[0].islower():
        return None  # 'beskrivelse' typed as a paragraph of its own is text, not a heading
    in_decision = current is not None and current.role == DECISION
    found = classify_heading(line, rules)
    if found:
        role, body, when = found
        if in_decision and line.text.endswith(":") and role == TEXT:
            return None  # 'Økonomi:' as a label inside a decision text
        return RawSection(line, role, heading_body=body, heading_date=when)
    if rules.run_in and (not in_decision or "\t" in line.text):
        return _run_in_heading(line, rules)  # a label cell ends a decision; 'Økonomi:' not
    return None


def _run_in_heading(line: Line, rules: HeadingRules) -> RawSection | None:
    """'Beslutning: Godkendt.' -> a Beslutning section whose first line is 'Godkendt.'."""
    match = _RUN_IN.match(line.text)
    if not match or _BULLET.match(line.raw):
        return None
    key = match.group("label").casefold()
    role = section_role(key) or rules.extra.get(key)
    if role not in (DECISION, RECOMMENDATION, ATTACHMENTS, TEXT, HISTORY, CASE_TYPE):
        return None
    heading = Line(line.index, line.raw, match.group("label"), line.level, line.bold)
    rest = Line(line.index, match.group("rest"), match.group("rest"), 0, False)
    return RawSection(heading, role, [rest])


# --- reading an item ---------------------------------------------------------------------


def fill_item(
    item: ParsedItem,
    preamble: list[Line],
    sections: list[RawSection],
    *,
    meeting_date: date | None,
    meeting_body: str | None,
) -> None:
    item.sections = [ParsedSection(s.heading.text, _markdown(s.lines)) for s in sections]
    item.case_number = _case_number(preamble, sections)
    item.public = not _closed(item.title, preamble)
    item.type = _item_type(item.title, preamble, sections)
    _read_recommendation(item, sections)
    _read_attachments(item, sections)
    _read_references(item, sections)
    _read_history(item, sections)
    for section in sections:
        _dated_first_line(section)
    earlier = _read_decisions(item, sections, meeting_date, meeting_body)
    item.absent = _absences(preamble, [s for s in sections if s not in earlier])


def _markdown(lines: list[Line]) -> str:
    text = "\n".join(line.raw.rstrip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _case_number(preamble: list[Line], sections: list[RawSection]) -> str | None:
    for line in preamble:
        for cell in line.text.split("\t"):  # 'Sagsnr.: 25/1234 | Sagsbehandler: ...'
            number = journal_number_in_line(cell)
            if number:
                return number
    for section in sections:  # a 'Sagsnr.:' label further down
        for line in section.lines:
            if re.match(r"^(?:sags?\s*nr|j\.?\s*nr|journal)", line.text, re.IGNORECASE):
                number = journal_number_in_line(line.text)
                if number:
                    return number
    return None


def _closed(title: str, preamble: list[Line]) -> bool:
    if CLOSED_MARKERS.search(title) and re.search(r"lukket|fortrolig", title, re.I):
        return True
    return any(
        CLOSED_MARKERS.fullmatch(cell.strip(" ()[]:."))
        for line in preamble
        for cell in line.text.split("\t")
        if cell.strip()
    )


def _item_type(title: str, preamble: list[Line], sections: list[RawSection]) -> str | None:
    prefix = TITLE_TYPE_PREFIX.match(title)
    if prefix:
        return CASE_TYPE_WORDS[prefix.group("word").casefold()]
    suffix = TITLE_TYPE_SUFFIX.search(title)
    if suffix:
        return TYPE_CODES[suffix.group("code").casefold()]
    for section in sections:
        if section.role == CASE_TYPE:
            for text in section.texts:
                word = CASE_TYPE_WORDS.get(text.rstrip(".").casefold())
                if word:
                    return word
    for line in preamble:  # 'Sagstype: Beslutning' or 'Til orientering' under the heading
        label = TYPE_LABEL.match(line.text)
        if label and label.group("word").rstrip(".,").casefold() in CASE_TYPE_WORDS:
            return CASE_TYPE_WORDS[label.group("word").rstrip(".,").casefold()]
    return None


def _read_recommendation(item: ParsedItem, sections: list[RawSection]) -> None:
    section = next((s for s in sections if s.role == RECOMMENDATION), None)
    if section is None:
        return
    texts = [_strip_bullet(t) for t in section.texts]
    if not texts:
        return
    first, rest = texts[0], texts[1:]
    match = _RECOMMENDER.match(first)
    inline = False
    open_list = False
    if match:
        item.recommendation_by = match.group("by").strip(" ,:")
        tail = re.sub(r"^\s*(?:alternativt)?[\s,]*", "", match.group("rest")).strip()
        inline = bool(re.match(r"^at\b\s*\S", tail)) and not re.match(r"^at\s*:?$", tail)
        open_list = bool(re.match(r"^(?:at)?\s*:?$", tail))
    elif not _CLAUSE.match(first) and rest:
        item.recommendation_by = first.rstrip(" ,:")
        open_list = True
    else:
        rest = texts
    clauses = [first] if inline else []
    for text in rest:
        if _CLAUSE.match(text) or (open_list and not inline and _NUMBERED.match(text)):
            clauses.append(text)
    if not clauses and open_list and rest:
        clauses = [rest[0]]
    item.recommendation_clauses = clauses


def _strip_bullet(text: str) -> str:
    return re.sub(r"^[-•*]\s+", "", text)


def _read_attachments(item: ParsedItem, sections: list[RawSection]) -> None:
    for section in sections:
        if section.role != ATTACHMENTS:
            continue
        for text in section.texts:
            absence = ABSENCE_LABEL.match(text)
            if absence and _names(absence.group("names")):
                continue  # an item footer 'Fraværende <name>' after the list
            title = _LIST_NUMBER.sub("", _strip_bullet(text)).strip()
            if title and title not in item.attachments:
                item.attachments.append(title)


def _read_references(item: ParsedItem, sections: list[RawSection]) -> None:
    for section in sections:
        if section.role == REFERENCES:
            item.references.extend(section.texts)


# --- history and decisions -------------------------------------------------------------------


def _read_history(item: ParsedItem, sections: list[RawSection]) -> None:
    for section in sections:
        if section.role == HISTORY:
            item.history.extend(parse_history(section.texts))


# 'Godkendt. 09/12/2025 Handicaprådet': a layout that runs the history's lines together
_RUN_TOGETHER_ENTRY = re.compile(r"(?<=[.!])\s+(?=\d{1,2}[./-]\d{1,2}[./-]\d{4}\s+[A-ZÆØÅ])")


def parse_history(texts: list[str]) -> list[ParsedHistoryEntry]:
    entries: list[ParsedHistoryEntry] = []
    decision_lines: list[list[str]] = []
    texts = [part for text in texts for part in _RUN_TOGETHER_ENTRY.split(text)]
    for text in texts:
        entry = _history_entry(text)
        if entry:
            entries.append(entry)
            decision_lines.append([])
            continue
        if not entries:
            continue
        absence = ABSENCE_LABEL.match(text)
        names = _names(absence.group("names")) if absence else []
        if names:
            entries[-1].absent.extend(n for n in names if n not in entries[-1].absent)
        else:
            decision_lines[-1].append(text)
    for entry, lines in zip(entries, decision_lines, strict=True):
        entry.decision = "\n".join(lines) or entry.decision
    return entries


def _history_entry(text: str) -> ParsedHistoryEntry | None:
    text = _strip_bullet(text).strip()
    for pattern in (_HISTORY_DATE_FIRST, _HISTORY_BODY_FIRST, _HISTORY_BODY_COMMA):
        match = pattern.match(text)
        if not match:
            continue
        body = match.group("body").strip(" ,.:–-")
        when = parse_date(match.group("date"))
        if when and _plausible_body(body):
            rest = match.groupdict().get("rest")
            body, decision = _body_and_decision(body, text)
            return ParsedHistoryEntry(when, body, rest.strip() if rest else decision)
    return None


# '10/12/2025 Økonomiudvalget Anbefales.': the body ends at its last body word
_BODY_THEN_DECISION = re.compile(
    r"^(?P<body>.*?(?i:udvalg(?:et)?|råd(?:et)?|bestyrelse(?:n)?|direktion(?:en)?|forum))"
    r"\s*[:,–-]?\s+(?P<decision>[A-ZÆØÅ][^A-ZÆØÅ]*)$"
)


def _body_and_decision(body: str, text: str) -> tuple[str, str | None]:
    split = _BODY_THEN_DECISION.match(body)
    if split and text.rstrip().endswith((".", "!")):
        return split.group("body"), split.group("decision").strip() + "."
    return body, None


def _plausible_body(body: str) -> bool:
    words = body.split()
    return 0 < len(words) <= 10 and body[0].isupper() and not body.endswith(".")


def _read_decisions(
    item: ParsedItem,
    sections: list[RawSection],
    meeting_date: date | None,
    meeting_body: str | None,
) -> list[RawSection]:
    """This meeting's decision; dated decisions of other bodies become history.

    Returns the decision blocks that belong to earlier treatments.
    """
    blocks = [s for s in sections if s.role == DECISION]
    current = _current_decision_block(blocks, meeting_date, meeting_body) if blocks else None
    earlier = []
    for block in blocks:
        text = _decision_text(block)
        block.placement = _placement(block, current, meeting_date)
        if block is current:
            item.decision = text
        elif block.heading_date:
            body = block.heading_body or meeting_body or ""
            entry = ParsedHistoryEntry(block.heading_date, body, text, _absences_in(block.lines))
            item.history.append(entry)
            earlier.append(block)
    item.history.sort(key=lambda e: e.date or date.min)
    return earlier


_BODY_WORD = re.compile(r"udvalg|råd\b|rådet|bestyrelse|direktion|forum", re.IGNORECASE)


def _dated_first_line(section: RawSection) -> None:
    """'Beslutning' and under it 'Økonomiudvalget, 10-03-2026': the line names the body
    and date of the decision, as a dated heading would."""
    if section.role != DECISION or section.heading_date is not None:
        return
    first = next((line for line in section.lines if line.text), None)
    if first is None or len(first.text) > 80:
        return
    for pattern in (_HISTORY_BODY_FIRST, _HISTORY_BODY_COMMA):
        match = pattern.match(first.text.rstrip(":"))
        if match and not match.groupdict().get("rest") and _BODY_WORD.search(match["body"]):
            section.heading_body = match["body"].strip(" ,.:–-")
            section.heading_date = parse_date(match["date"])
            section.lines = [line for line in section.lines if line is not first]
            return


def _placement(block: RawSection, current: RawSection | None, meeting_date) -> str:
    if block is current:
        if block.heading_date:
            return "this meeting's decision: dated as the meeting"
        return "this meeting's decision: the last decision block without another date"
    if block.heading_date:
        return f"history: a decision dated {block.heading_date:%d-%m-%Y}, not the meeting's date"
    return "ignored: an earlier undated decision block (the last one wins)"


def _current_decision_block(
    blocks: list[RawSection], meeting_date: date | None, meeting_body: str | None
) -> RawSection | None:
    for block in blocks:
        if block.heading_date and meeting_date and block.heading_date == meeting_date:
            return block
    undated = [b for b in blocks if b.heading_date is None]
    if undated:
        return undated[-1]
    if meeting_date is None:
        return blocks[-1]
    return None  # every block is dated, none today: all are history


def _decision_text(block: RawSection) -> str | None:
    texts = _without_absences(block.texts)
    text = "\n".join(texts).strip()
    return text or None


def _without_absences(texts: list[str]) -> list[str]:
    kept, skipping = [], False
    for text in texts:
        absence = ABSENCE_LABEL.match(text)
        if absence and (not absence.group("names") or _names(absence.group("names"))):
            skipping = not absence.group("names")
            continue
        if skipping and not ABSENCE_LABEL.match(text) and _names(text):
            continue
        skipping = False
        kept.append(text)
    return kept


def _absences(preamble: list[Line], sections: list[RawSection]) -> list[str]:
    lines = list(preamble)
    for section in sections:
        if section.role not in (HISTORY, REFERENCES):
            lines.extend(section.lines)
    return _absences_in(lines)


def _absences_in(lines: list[Line]) -> list[str]:
    found: list[str] = []
    texts = [line.text for line in lines if line.text]
    for position, text in enumerate(texts):
        match = ABSENCE_LABEL.match(text)
        if not match:
            continue
        names = _names(match.group("names"))
        if not names and not match.group("names"):
            names = _following_names(texts[position + 1 :])
        found.extend(n for n in names if n not in found)
    return found


def _following_names(texts: list[str]) -> list[str]:
    names: list[str] = []
    for text in texts:
        more = [] if ABSENCE_LABEL.match(text) else _names(text)
        if not more:
            break
        names.extend(more)
    return names


def _names(text: str) -> list[str]:
    """Names in 'A (C), B og C' - empty unless every part looks like a person's name."""
    parts = [name_and_extras(p)[0] for p in split_names(text)]
    if not parts or not all(looks_like_name(p) for p in parts):
        return []
    return parts


def section_headings(sections: list[RawSection]) -> list[str]:
    return [s.heading.text for s in sections]


__all__ = [
    "ALT_RECOMMENDATION",
    "HeadingRules",
    "RawSection",
    "classify_heading",
    "fill_item",
    "parse_history",
    "split_sections",
]
