"""Word (.docx) → blocks: paragraph styles (Heading N, Title) and bold runs, tables.

Word documents made by GetOrganized and similar systems carry their structure in
paragraph styles; the style name is read in English and Danish ('Heading 2',
'Overskrift 2'). Tables keep their rows and cells, in body order with the paragraphs.
"""

from __future__ import annotations

import io
import re

from ..blocks import HEADING, LIST_ENTRY, PARAGRAPH, ROW, Block, clean

_HEADING_STYLE = re.compile(r"^(?:heading|overskrift)\s*(\d)$", re.I)
_TITLE_STYLES = {"title", "titel"}
_LIST_STYLE = re.compile(r"^(?:list|liste|opstilling)", re.I)


def docx_blocks(data: bytes) -> tuple[list[Block], None, list[str]]:
    from dagsorden.core.archives import ArchiveRefused, check_office_archive

    from ..extract import ExtractionError

    try:
        check_office_archive(data)
    except ArchiveRefused as refused:
        raise ExtractionError(f"the Word file is refused as a zip bomb: {refused}") from refused
    try:
        from docx import Document
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - zip files that are not Word fail variously
        raise ExtractionError(f"the file is a zip archive but not a Word document: {exc}") from exc
    blocks: list[Block] = []
    counters: dict[int, int] = {}
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(element, document)
            block = _paragraph(paragraph)
            if block:
                _number_heading(block, paragraph, counters)
                blocks.append(block)
        elif tag == "tbl":
            blocks.extend(_table(Table(element, document)))
    return blocks, None, []


_NUMBERED_ALREADY = re.compile(r"^(?:punkt\s*)?\d{1,4}[.):]?\s")


def _number_heading(block: Block, paragraph, counters: dict[int, int]) -> None:
    """Word's automatic heading numbers are not in the text: '1.' is drawn by Word.
    Count them per level so 'Godkendelse af dagsorden' reads as '1. Godkendelse …'."""
    if block.kind != HEADING or not _has_numbering(paragraph):
        return
    level = block.level
    counters[level] = counters.get(level, 0) + 1
    for deeper in [key for key in counters if key > level]:
        del counters[deeper]
    if not _NUMBERED_ALREADY.match(block.text.casefold()):
        block.text = f"{counters[level]}. {block.text}"
        block.source += ", automatic number"


def _has_numbering(paragraph) -> bool:
    """Numbered directly, or through its style (or the style it is based on)."""
    elements = [paragraph._p]
    style = paragraph.style
    while style is not None and len(elements) < 6:
        elements.append(style.element)
        style = style.base_style
    for element in elements:
        properties = element.pPr
        if properties is not None and properties.numPr is not None:
            return True
    return False


def _paragraph(paragraph) -> Block | None:
    text = clean(paragraph.text)
    if not text:
        return None
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    heading = _HEADING_STYLE.match(style)
    if heading or style.casefold() in _TITLE_STYLES:
        level = int(heading.group(1)) if heading else 1
        return Block(text, HEADING, level=level, source=style)
    if _LIST_STYLE.match(style):
        return Block(text, LIST_ENTRY, source=style)
    runs = [(run.text, bool(run.bold)) for run in paragraph.runs]
    bold = clean("".join(t for t, b in runs if b))
    if bold and len(bold) >= 0.9 * len(text):
        return Block(text, PARAGRAPH, bold=True, source=f"{style or 'Normal'}, bold")
    lead = ""
    for run_text, run_bold in runs:
        if not run_bold:
            break
        lead += run_text
    lead = clean(lead) if text.startswith(clean(lead)) else ""
    return Block(text, PARAGRAPH, lead=lead, source=style or "Normal")


def _table(table) -> list[Block]:
    blocks = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = clean(cell.text.replace("\n", " "))
            if text and (not cells or cells[-1] != text):  # merged cells repeat
                cells.append(text)
        if len(cells) == 1:
            blocks.append(Block(cells[0], PARAGRAPH, source="table cell"))
        elif cells:
            blocks.append(Block("\t".join(cells), ROW, cells=tuple(cells), source="table row"))
    return blocks
