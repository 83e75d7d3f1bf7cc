"""A document as the reader sees it: lines (from text or from extracted blocks), its
table of contents, and the blocks themselves for ``parse --explain``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .blocks import Block
from .textutil import Line, normalise_text, split_lines
from .toc import Toc, find_toc

# 'Byrådet 12-03-2025    Side 2 af 4', 'Side 3', 'Page 4 of 9': running headers and footers
# left in text that was extracted page by page.
_PAGE_MARKER = re.compile(
    r"(?:^\s*(?:side|page)\s+\d+\s*$|(?:^|\s)(?:side|page)\s+\d+\s*(?:af|of|/)\s*\d+\s*$)", re.I
)


def drop_page_markers(text: str) -> tuple[str, int]:
    kept, removed = [], 0
    for line in text.split("\n"):
        if len(line) < 200 and _PAGE_MARKER.search(line):
            removed += 1
            continue
        kept.append(line)
    return "\n".join(kept), removed


@dataclass
class Document:
    text: str
    source: str = ""
    page_count: int | None = None
    warnings: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)  # what extraction saw, for --explain

    @classmethod
    def from_text(cls, text: str, **kwargs) -> Document:
        text, removed = drop_page_markers(normalise_text(text))
        doc = cls(text, **kwargs)
        if removed:
            doc.warnings.append(f"removed {removed} running page header/footer lines")
        return doc

    @cached_property
    def lines(self) -> list[Line]:
        return split_lines(self.text)

    @cached_property
    def toc(self) -> Toc | None:
        return find_toc(self.lines, limit=min(len(self.lines), 400))

    @cached_property
    def standalone_keys(self) -> list[str]:
        """Casefolded stand-alone lines (paragraphs of one line) in document order."""
        keys = []
        lines = self.lines
        for position, line in enumerate(lines):
            if not line.text or len(line.text) > 120:
                continue
            before = position == 0 or lines[position - 1].blank
            if before or line.marked:
                keys.append(line.key)
        return keys

    @cached_property
    def key_set(self) -> frozenset[str]:
        return frozenset(self.standalone_keys)
