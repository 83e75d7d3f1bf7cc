"""Plain dataclasses that parsers produce and the loader consumes.

Nothing here knows about Django: a parse result can be printed, compared in tests
or written to the database later by :mod:`dagsorden.importer.loader`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass
class ParsedParticipant:
    name: str
    party: str | None = None
    note: str | None = None  # e.g. "Fravær", "Afbud", "Stedfortræder"


@dataclass
class ParsedHistoryEntry:
    """One earlier (or parallel) treatment of the case in another body."""

    date: date | None
    body: str
    decision: str | None = None
    absent: list[str] = field(default_factory=list)


@dataclass
class ParsedSection:
    heading: str
    body: str = ""  # Markdown
    subsections: list[str] = field(default_factory=list)


@dataclass
class ParsedAttachment:
    """A bilag as a structured export describes it; the file itself where it came along.

    `ParsedItem.attachments` keeps the titles (what the JSON contract prints); readers of
    exports fill `ParsedItem.attachment_files` in the same order with the details.
    """

    title: str
    url: str | None = None  # where the source publishes it
    file_name: str | None = None  # name inside the export (e.g. 'Enclosures/3.pdf')
    data: bytes | None = None  # the file, when the export carried it
    text: str = ""  # extracted text of `data`
    public: bool = True
    export_id: str | None = None

    @property
    def sha512(self) -> str | None:
        return hashlib.sha512(self.data).hexdigest() if self.data else None


@dataclass
class ParsedTocEntry:
    title: str
    page: int | None = None


@dataclass
class ParsedItem:
    number: str  # as printed: "4", "715"
    title: str
    public: bool = True
    type: str | None = None  # "beslutning" | "orientering" | "drøftelse"
    case_number: str | None = None
    sections: list[ParsedSection] = field(default_factory=list)
    recommendation_by: str | None = None
    recommendation_clauses: list[str] = field(default_factory=list)
    decision: str | None = None
    absent: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    history: list[ParsedHistoryEntry] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    # Filled by readers of structured exports (empty for documents):
    attachment_files: list[ParsedAttachment] = field(default_factory=list)
    export_id: str | None = None  # the item's identifier in the source system

    @property
    def number_value(self) -> int | str:
        return int(self.number) if self.number.isdigit() else self.number

    def section(self, heading: str) -> ParsedSection | None:
        wanted = heading.casefold()
        return next((s for s in self.sections if s.heading.casefold() == wanted), None)


@dataclass
class ParsedTrace:
    """Why one piece of the parse is what it is, for `parse --explain`."""

    what: str  # 'item 4', 'item 4 › Beslutning'
    line: int  # index of the line (see Document.lines) it was read from
    rule: str  # the rule that placed it
    runner_up: str = ""  # the alternative that nearly won, if any


@dataclass
class ParsedMeeting:
    kind: str | None = None  # "agenda" | "minutes"
    municipality: str | None = None
    body: str | None = None
    start: datetime | None = None
    location: str | None = None
    participants: list[ParsedParticipant] = field(default_factory=list)
    items: list[ParsedItem] = field(default_factory=list)
    toc: list[ParsedTocEntry] = field(default_factory=list)
    layout: str | None = None  # name of the layout family that parsed it
    page_count: int | None = None
    warnings: list[str] = field(default_factory=list)
    trace: list[ParsedTrace] = field(default_factory=list)  # not part of the JSON contract
    # Filled by readers of structured exports: the system ('firstagenda', 'sbsys',
    # 'edoc') and its identifier of the meeting, so a later export finds the same one.
    export_system: str | None = None
    export_id: str | None = None

    @property
    def found_structure(self) -> bool:
        return bool(self.items or self.body or self.start)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)
