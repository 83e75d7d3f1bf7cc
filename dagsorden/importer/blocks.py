"""Blocks: what a reader sees on the page, kept when a file is turned into text.

Every extractor (PDF, HTML, Word, plain text) produces one stream of :class:`Block`
in reading order. A block is a paragraph, a heading (with its prominence), a list
entry or a table row with its cells. The reader never sees fonts or tags, only these
facts, so one reader serves every layout.

The reader works on lines (:mod:`textutil`); :func:`blocks_to_text` writes each block
as one Markdown-ish paragraph that keeps its typography (``#`` for a heading level,
``**`` for bold, ``- `` for a list entry, tabs between table cells), and
:func:`line_origins` maps each line back to its block for ``parse --explain``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ENTRY = "list"
ROW = "row"

_MAX_HEADING_LEVEL = 6
_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass
class Block:
    text: str
    kind: str = PARAGRAPH
    level: int = 0  # heading prominence: 1 is the most prominent, 0 for none
    bold: bool = False  # the whole block is set in bold
    lead: str = ""  # a bold label opening the block: 'Mødested' in 'Mødested: Rådhuset'
    cells: tuple[str, ...] = ()  # table cells of a row, in reading order
    page: int | None = None
    size: float | None = None  # font size in points (PDF), for --explain
    source: str = ""  # where it came from: 'h2', 'td', 'Heading 1', 'bold 14pt'

    @property
    def marked(self) -> bool:
        """Set apart as a heading by typography (level or bold)."""
        return self.level > 0 or self.bold

    def describe(self) -> str:
        where = f"p.{self.page} " if self.page else ""
        style = self.source or self.kind
        return f"{where}{style}"


def clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def blocks_to_text(blocks: list[Block]) -> str:
    """The blocks as Markdown-ish paragraphs, one blank line between blocks."""
    body = "\n\n".join(render_block(block) for block in blocks if block.text.strip())
    return body + "\n" if body else ""


def render_block(block: Block) -> str:
    text = block.text.strip()
    if block.kind == ROW and block.cells:
        return "\t".join(_escape(cell) for cell in block.cells)
    if block.kind == LIST_ENTRY:
        return f"- {_escape(text)}"
    lines = [line for line in (clean(x) for x in text.split("\n")) if line]
    if block.level:
        level = min(block.level, _MAX_HEADING_LEVEL)
        return "\n".join(f"{'#' * level} {_escape(line)}" for line in lines)
    if block.bold:
        return "\n".join(f"**{_escape(line)}**" for line in lines)
    if block.lead and lines and lines[0].startswith(block.lead):
        rest = lines[0][len(block.lead) :]
        lines[0] = f"**{_escape(block.lead.strip())}** {_escape(rest.strip())}".rstrip()
        return "\n".join([lines[0], *(_escape(line) for line in lines[1:])])
    return "\n".join(_escape(line) for line in lines)


def _escape(text: str) -> str:
    """Stray Markdown marks in the document's own words must not read as typography."""
    text = text.replace("**", "* *")
    return re.sub(r"^(#+)", r"\\\1", text)


def line_origins(blocks: list[Block]) -> list[Block | None]:
    """For each line of :func:`blocks_to_text`, the block it came from."""
    origins: list[Block | None] = []
    for block in blocks:
        if not block.text.strip():
            continue
        if origins:
            origins.append(None)  # the blank line between blocks
        origins.extend([block] * len(render_block(block).split("\n")))
    origins.append(None)
    return origins
