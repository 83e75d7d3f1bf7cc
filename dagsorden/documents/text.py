"""Markdown and plain-text output of a render model.

Both follow the style's layout line by line (header block, contents, items with their
blocks in order), which is what the round trip against the source document measures.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from .model import Block, Document, Item, item_heading
from .styles.base import ATTACHMENTS, ATTACHMENTS_BULLETS, ATTACHMENTS_NUMBERED

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_HEADING_MARK = re.compile(r"^#{1,6}\s+", re.MULTILINE)


def to_markdown(document: Document) -> str:
    return _write(document, markdown=True)


def to_text(document: Document) -> str:
    return _write(document, markdown=False)


def _write(document: Document, *, markdown: bool) -> str:
    out: list[str] = []
    heading = _heading_writer(markdown)
    if document.draft:
        out.append(_("UDKAST – ikke udsendt"))
    if document.confidential:
        out.append(_("Fortroligt – kun til medlemmer"))
    out.append(heading(1, document.title_line))
    for label, value in document.header:
        out.append(f"**{label}** {value}" if markdown else f"{label} {value}")
    out.append(heading(2, document.style.toc_heading))
    out.append("\n".join(_toc_line(item, markdown) for item in document.items))
    for item in document.items:
        out.extend(_item(document, item, heading, markdown))
    if document.signature:
        out.append(heading(2, document.signature.heading))
        out.extend(_signer_line(s) for s in document.signature.signers)
    return "\n\n".join(part for part in out if part) + "\n"


def _heading_writer(markdown: bool):
    def heading(level: int, text: str) -> str:
        return f"{'#' * level} {text}" if markdown else text

    return heading


def _toc_line(item: Item, markdown: bool) -> str:
    return f"- [{item.title}](#{item.anchor})" if markdown else item.title


def _item(document: Document, item: Item, heading, markdown: bool) -> list[str]:
    lines = [heading(2, item_heading(document.style, item))]
    if markdown:  # an explicit anchor: the contents' links must not depend on a slugger
        lines.insert(0, f'<a id="{item.anchor}"></a>')
    if item.withheld:
        lines.append(_("Punktet behandles for lukkede døre."))
        return lines
    if not item.public:
        lines.append(_("Lukket punkt"))
    if item.journal_number:
        label = document.style.journal_label
        lines.append(f"{label} {item.journal_number}".strip())
    for block in item.blocks:
        lines.append(heading(3, block.heading))
        lines.append(_block_body(document, block, markdown))
    return lines


def _block_body(document: Document, block: Block, markdown: bool) -> str:
    if block.role == ATTACHMENTS and block.attachments:
        return _attachment_list(document, block, markdown)
    return block.body if markdown else markdown_to_text(block.body)


def _attachment_list(document: Document, block: Block, markdown: bool) -> str:
    style = document.style.attachments_format
    lines = []
    for number, attachment in enumerate(block.attachments, start=1):
        name = attachment.name
        if markdown and attachment.url:
            name = f"[{name}]({attachment.url})"
        if style == ATTACHMENTS_NUMBERED:
            lines.append(f"{number}. {name}")
        elif style == ATTACHMENTS_BULLETS:
            lines.append(f"- {name}")
        else:
            lines.append(name)
    separator = "\n" if style != "lines" else "\n\n"
    return separator.join(lines)


def _signer_line(signer) -> str:
    if signer.approved_at:
        return _("%(name)s – godkendt %(when)s") % {"name": signer.name, "when": signer.approved_at}
    return f"{signer.name} ______________________________"


def markdown_to_text(text: str) -> str:
    """Plain text of a section body: links keep their words, emphasis marks go."""
    text = _LINK.sub(r"\1", text or "")
    text = _EMPHASIS.sub(r"\2", text)
    text = _HEADING_MARK.sub("", text)
    return text.replace("\\*", "*").strip()
