"""The one reader: header, contents, items and their sections, for every document.

It reads the lines that :mod:`blocks` wrote from the extracted blocks, so typography is
visible to it as heading levels, bold and table cells. Items come from :mod:`items`,
sections and decisions from :mod:`sections`, the header from :mod:`header`. Headings
that are set apart and recur across items are the template's sections whatever their
words; the vocabulary only labels them. A layout family (:mod:`layouts`) may add heading
labels as a hint; the reader has no knowledge of any particular municipality.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .document import Document
from .header import guess_municipality, parse_header
from .items import ItemHead, find_item_heads
from .parsed import ParsedItem, ParsedMeeting, ParsedTrace
from .sections import HeadingRules, classify_heading, fill_item, split_sections
from .vocabulary import CLOSED_PART, OPEN_PART, label_heading, section_role


@dataclass(frozen=True)
class ParseRules:
    headings: HeadingRules = field(default_factory=HeadingRules)
    numbered_items: bool = True  # accept '715. Title' headings when no 'Punkt N' exists


def parse_document(doc: Document, rules: ParseRules, layout: str) -> ParsedMeeting:
    meeting = ParsedMeeting(layout=layout, page_count=doc.page_count)
    meeting.warnings.extend(doc.warnings)
    lines = doc.lines
    toc = doc.toc
    heads = find_item_heads(lines, toc, allow_numbered=rules.numbered_items)
    header_end = heads[0].index if heads else min(len(lines), 60)
    header = [
        line for line in lines[:header_end] if not toc or not toc.start <= line.index < toc.end
    ]
    parse_header(header, meeting)
    meeting.municipality = guess_municipality(doc.text)
    if toc:
        meeting.toc = toc.entries
    meeting_date = meeting.start.date() if meeting.start else None
    rules = _with_recurring_headings(rules, lines, heads)
    parts = _agenda_parts(lines, toc)
    for position, head in enumerate(heads):
        end = heads[position + 1].index if position + 1 < len(heads) else len(lines)
        end = next((index for index, _ in parts if head.index < index < end), end)
        item = _parse_item(doc, head, end, rules, meeting_date, meeting.body, meeting.trace)
        if _in_closed_part(parts, head.index):
            item.public = False
            meeting.trace.append(
                ParsedTrace(f"item {item.number} closed", head.index, "in a closed part")
            )
        meeting.items.append(item)
    _infer_kind(meeting)
    _check_completeness(meeting, heads)
    return meeting


def _parse_item(
    doc: Document,
    head: ItemHead,
    end: int,
    rules: ParseRules,
    meeting_date,
    meeting_body,
    trace: list[ParsedTrace],
) -> ParsedItem:
    item = ParsedItem(number=head.number, title=head.title)
    preamble, sections = split_sections(doc.lines[head.end_of_heading : end], rules.headings)
    fill_item(item, preamble, sections, meeting_date=meeting_date, meeting_body=meeting_body)
    item.case_number = item.case_number or head.case_number
    trace.append(ParsedTrace(f"item {item.number}", head.index, head.rule, head.runner_up))
    for section in sections:
        what = f"item {item.number} › {section.heading.text}"
        rule = "; ".join(x for x in (_section_rule(section, rules), section.placement) if x)
        trace.append(ParsedTrace(what, section.heading.index, rule))
    return item


def _section_rule(section, rules: ParseRules) -> str:
    key = section.heading.key
    printed = re.sub(r"^[#*\s]+", "", section.heading.raw).rstrip("* :")
    run_in = (
        printed.startswith(section.heading.text) and len(printed) > len(section.heading.text) + 1
    )
    if run_in and (section_role(key) or key in rules.headings.extra):
        return f"run-in label '{section.heading.text}:' → {section.role}"
    if section_role(key):
        return f"heading in the Danish vocabulary → {section.role}"
    if key in rules.headings.extra:
        return (
            "recurs across items, set apart (bold, heading, or a label alone on its line); "
            f"its words label it {section.role}"
        )
    named = " ".join(str(x) for x in (section.heading_body, section.heading_date) if x)
    return f"decision heading{' naming ' + named if named else ''} → {section.role}"


def _agenda_parts(lines, toc) -> list[tuple[int, bool]]:
    """(line index, closed?) of the 'Åbne sager' / 'Lukkede sager' part headings."""
    parts = []
    for line in lines:
        if toc and toc.start <= line.index < toc.end or not line.text or len(line.text) > 40:
            continue
        if CLOSED_PART.match(line.key):
            parts.append((line.index, True))
        elif OPEN_PART.match(line.key):
            parts.append((line.index, False))
    return parts


def _in_closed_part(parts: list[tuple[int, bool]], index: int) -> bool:
    before = [closed for position, closed in parts if position < index]
    return bool(before) and before[-1]


def _with_recurring_headings(rules: ParseRules, lines, heads: list[ItemHead]) -> ParseRules:
    """Headings set apart (Markdown, bold, a label alone on its line) that open a section
    in most items are the template's headings, even when the vocabulary does not know
    them. Where the template's headings are such labels ('Økonomi:'), a label of the
    same look that only one item has is a heading too: it is set apart like its
    siblings."""
    if len(heads) < 3:
        return rules
    counts: Counter[str] = Counter()
    labels: set[str] = set()
    for position, head in enumerate(heads):
        end = heads[position + 1].index if position + 1 < len(heads) else len(lines)
        found = {
            lines[index]
            for index in range(head.end_of_heading, end)
            if _looks_like_heading(lines, index)
        }
        counts.update({line.key for line in found})
        labels.update(line.key for line in found if not line.marked)
    needed = max(3, (len(heads) + 1) // 2)
    recurring = {key: label_heading(key) for key, n in counts.items() if n >= needed}
    if any(key in labels for key in recurring):
        recurring.update({key: label_heading(key) for key in labels})
    recurring.update(rules.headings.extra)
    if recurring == rules.headings.extra:
        return rules
    headings = HeadingRules(extra=recurring, run_in=rules.headings.run_in)
    return ParseRules(headings, rules.numbered_items)


_VOCABULARY_ONLY = HeadingRules()
_LABEL_LINE = re.compile(r"^[A-ZÆØÅ][^\d.:;!?\t]{2,58}:$")


def _looks_like_heading(lines, index: int) -> bool:
    """Set apart (bold, a heading level) or a short label alone on its line, 'Økonomi:'."""
    line = lines[index]
    if classify_heading(line, _VOCABULARY_ONLY):
        return False  # the vocabulary reads it already (and a decision heading's date)
    if line.marked:
        return 2 < len(line.text) <= 80 and not line.text.endswith(".")
    alone = (index == 0 or lines[index - 1].blank) and (
        index + 1 >= len(lines) or lines[index + 1].blank
    )
    return alone and bool(_LABEL_LINE.match(line.text)) and "indstiller" not in line.key


def _infer_kind(meeting: ParsedMeeting) -> None:
    if meeting.kind is None and meeting.items:
        decided = any(item.decision for item in meeting.items)
        meeting.kind = "minutes" if decided else "agenda"
        meeting.warn("document kind not printed; inferred from the presence of decisions")


def _check_completeness(meeting: ParsedMeeting, heads: list[ItemHead]) -> None:
    if not heads:
        meeting.warn("no agenda items found")
        return
    if meeting.toc and len(meeting.toc) > len(heads):
        missing = len(meeting.toc) - len(heads)
        meeting.warn(
            f"the table of contents lists {len(meeting.toc)} items but only {len(heads)} "
            f"were found ({missing} missing: truncated document?)"
        )
    if meeting.body is None:
        meeting.warn("meeting body not found")
    if meeting.start is None:
        meeting.warn("meeting date not found")
