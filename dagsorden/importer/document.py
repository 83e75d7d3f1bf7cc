"""A document's text split into lines, with the facts layout detection looks at."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .textutil import Line, normalise_text, split_lines
from .toc import Toc, find_toc


@dataclass
class Document:
    text: str
    source: str = ""
    page_count: int | None = None
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_text(cls, text: str, **kwargs) -> Document:
        return cls(normalise_text(text), **kwargs)

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
