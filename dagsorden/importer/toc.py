"""The table of contents: titles with dot leaders and page numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .parsed import ParsedTocEntry
from .textutil import Line
from .vocabulary import TOC_HEADINGS

_ENTRY = re.compile(
    r"^(?P<title>\S.*?)\s*(?:(?:\.{2,}|…+|_{3,}|·{2,})\s*|\t+\s*|\s{3,})(?P<page>\d{1,4})$"
)
_LEADER = re.compile(r"(?:\.{2,}|…+|_{3,}|·{2,})")
_NUMBER_PREFIX = re.compile(
    r"^(?:(?:punkt|pkt\.?|dagsordenspunkt)\s*)?(?P<number>\d{1,4})\s*[:.)]?\s+(?=\S)", re.I
)


@dataclass
class Toc:
    start: int  # index of the first line of the contents block
    end: int  # index after the last entry
    entries: list[ParsedTocEntry]
    numbers: list[str | None]  # item numbers printed in the contents, if any


def find_toc(lines: list[Line], limit: int | None = None) -> Toc | None:
    """The contents block: after a contents heading, or a run of dot-leader lines."""
    limit = len(lines) if limit is None else limit
    for position in range(min(limit, len(lines))):
        line = lines[position]
        if line.key in TOC_HEADINGS:
            toc = _read_entries(lines, position + 1, position)
            if toc.entries:
                return toc
        elif _is_leader_entry(line.text):
            toc = _read_entries(lines, position, position)
            if len(toc.entries) >= 2:
                return toc
    return None


def _is_leader_entry(text: str) -> bool:
    return bool(_ENTRY.match(text) and _LEADER.search(text))


def _read_entries(lines: list[Line], position: int, start: int) -> Toc:
    entries: list[ParsedTocEntry] = []
    numbers: list[str | None] = []
    end = position
    while position < len(lines):
        text = lines[position].text
        if text:
            match = _ENTRY.match(text)
            if not match:
                break
            number, title = split_number(_LEADER.sub(" ", match.group("title")).strip())
            entries.append(ParsedTocEntry(title, int(match.group("page"))))
            numbers.append(number)
            end = position + 1
        position += 1
    return Toc(start, end, entries, numbers)


def split_number(title: str) -> tuple[str | None, str]:
    """'32. Godkendelse' -> ('32', 'Godkendelse'); unnumbered titles keep None."""
    match = _NUMBER_PREFIX.match(title)
    if not match:
        return None, title
    return match.group("number"), title[match.end() :]
