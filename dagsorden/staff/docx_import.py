"""A Word draft (.docx) becomes the item's sections.

Headings (Word's heading styles, or a paragraph that is a template heading on its own)
start a section; paragraphs become Markdown; bulleted paragraphs become list items;
tables become Markdown tables. Text before the first heading goes to the template's first
section."""

import io
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from dagsorden.core.archives import ArchiveRefused, check_office_archive

HEADING_STYLES = ("heading", "overskrift", "title", "titel")


def refuse_archive_bomb(data: bytes) -> None:
    """A Word file that would unpack to far more than a document is refused unread."""
    try:
        check_office_archive(data)
    except ArchiveRefused as refused:
        raise ValidationError(
            _(
                "Word-dokumentet afvises: det ville fylde langt mere udpakket, end et "
                "dokument gør (mulig zip-bombe)."
            ),
            code="archive_bomb",
        ) from refused


def _is_heading(paragraph: Paragraph, template: set[str]) -> bool:
    style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    text = paragraph.text.strip()
    return bool(text) and (style.startswith(HEADING_STYLES) or text.lower() in template)


def _paragraph_markdown(paragraph: Paragraph) -> str:
    parts = []
    for run in paragraph.runs:
        text = run.text
        if not text.strip():
            parts.append(text)
        elif run.bold:
            parts.append(f"**{text.strip()}** ")
        elif run.italic:
            parts.append(f"*{text.strip()}* ")
        else:
            parts.append(text)
    line = "".join(parts).strip()
    style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    return f"- {line}" if line and "list" in style else line


def _table_markdown(table: Table) -> str:
    rows = [[cell.text.strip().replace("|", "\\|") for cell in row.cells] for row in table.rows]
    if not rows:
        return ""
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)


def _blocks(document):
    """Paragraphs and tables in document order."""
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            yield Paragraph(child, document)
        elif child.tag.endswith("}tbl"):
            yield Table(child, document)


def docx_sections(data: bytes, template: list[str]) -> list[tuple[str, str]]:
    refuse_archive_bomb(data)
    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ValidationError(
            _("Filen kunne ikke læses som et Word-dokument (.docx)."), code="bad_docx"
        ) from error
    known = {heading.lower() for heading in template}
    sections: list[tuple[str, list[str]]] = []
    for block in _blocks(document):
        if isinstance(block, Paragraph) and _is_heading(block, known):
            sections.append((block.text.strip(), []))
            continue
        text = _table_markdown(block) if isinstance(block, Table) else _paragraph_markdown(block)
        if not text:
            continue
        if not sections:
            # Stored document content: the heading stays in the template's language.
            sections.append((template[0] if template else "Sagsfremstilling", []))
        sections[-1][1].append(text)
    if not sections:
        raise ValidationError(_("Word-dokumentet er tomt."), code="empty_docx")
    return [(heading, _join(lines)) for heading, lines in sections]


def _join(lines: list[str]) -> str:
    """List items stay together; other blocks are separated by a blank line."""
    out = []
    for line in lines:
        if out and not (line.startswith("- ") and out[-1].startswith("- ")):
            out.append("")
        out.append(line)
    return "\n".join(out)
