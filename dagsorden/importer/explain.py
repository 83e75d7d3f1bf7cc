"""`dagsorden parse FILE --explain`: why a document was read the way it was.

For every item and section the reader records the line it came from and the rule that
placed it (:class:`~dagsorden.importer.parsed.ParsedTrace`); here each line is traced
back to the block extraction made of it (page, heading level, bold, table row) so a
person can see both what the file looked like and what the reader concluded.
"""

from __future__ import annotations

from .blocks import Block, blocks_to_text, line_origins
from .document import Document
from .parsed import ParsedMeeting
from .textutil import split_lines


def explain(doc: Document, meeting: ParsedMeeting) -> str:
    where = _block_finder(doc)
    out = [
        f"{meeting.kind or '?'}: {meeting.body or '?'} "
        f"{meeting.start.isoformat(timespec='minutes') if meeting.start else '(no date)'}",
        f"layout hint: {meeting.layout}; {len(meeting.items)} item(s); "
        f"{len(doc.blocks) or len(doc.lines)} {'block' if doc.blocks else 'line'}(s) read",
    ]
    for entry in meeting.trace:
        line = doc.lines[entry.line] if 0 <= entry.line < len(doc.lines) else None
        text = line.text if line else ""
        section = "›" in entry.what
        indent = "    " if section else ""
        what = "› " + entry.what.split("› ", 1)[1] if section else entry.what
        out.append(f"{indent}{what}  ← line {entry.line + 1}{where(entry.line, text)}")
        out.append(f"{indent}    rule: {entry.rule}")
        if entry.runner_up:
            out.append(f"{indent}    runner-up: {entry.runner_up}")
    for warning in meeting.warnings:
        out.append(f"warning: {warning}")
    return "\n".join(out) + "\n"


def _block_finder(doc: Document):
    """line index → ' · p.3 bold 13pt' for the block the line came from."""
    by_text: dict[str, list[tuple[int, Block]]] = {}
    if doc.blocks:
        lines = split_lines(blocks_to_text(doc.blocks))
        for line, block in zip(lines, line_origins(doc.blocks), strict=False):
            if block is not None and line.text:
                by_text.setdefault(line.text, []).append((line.index, block))

    def where(index: int, text: str) -> str:
        found = by_text.get(text)
        if not found:
            return f" · {text[:70]!r}" if text else ""
        _, block = min(found, key=lambda pair: abs(pair[0] - index))
        return f" · {block.describe()} · {text[:70]!r}"

    return where
