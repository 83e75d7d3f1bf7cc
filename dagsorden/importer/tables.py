"""Imported section texts made into the Markdown the pages and documents render.

A document's table arrives as lines of tab-separated cells (one line per row, blank
lines between rows, as blocks are written); shown as text it is a wall of numbers. A
run of two or more such lines becomes a Markdown pipe table, its first row the header.
Formatting tags some systems leave in their text (``<i>``, ``<b>``, ``<br>``) become
Markdown emphasis instead of showing as literal tags."""

import re

_INLINE_TAGS = [
    (re.compile(r"<\s*(?:i|em)\s*>(.*?)<\s*/\s*(?:i|em)\s*>", re.I | re.S), r"*\1*"),
    (re.compile(r"<\s*(?:b|strong)\s*>(.*?)<\s*/\s*(?:b|strong)\s*>", re.I | re.S), r"**\1**"),
    (re.compile(r"<\s*/?\s*(?:u|span|font)\b[^>]*>", re.I), ""),
    (re.compile(r"<\s*br\s*/?\s*>", re.I), " "),
    # An opening or closing tag left without its partner.
    (re.compile(r"<\s*/?\s*(?:i|em|b|strong)\s*>", re.I), ""),
]


def imported_markdown(text: str) -> str:
    return tab_tables_to_markdown(inline_tags_to_markdown(text or ""))


def inline_tags_to_markdown(text: str) -> str:
    for pattern, replacement in _INLINE_TAGS:
        text = pattern.sub(replacement, text)
    return text


def tab_tables_to_markdown(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        rows, end = _table_run(lines, index)
        if len(rows) >= 2:
            if out and out[-1].strip():
                out.append("")
            out.extend(_pipe_table(rows))
            if end < len(lines) and lines[end].strip():
                out.append("")
            index = end
        else:
            out.append(lines[index])
            index += 1
    return "\n".join(out)


def _table_run(lines: list[str], start: int) -> tuple[list[list[str]], int]:
    """The rows from `start` on (blank lines between rows allowed), and where it ends."""
    rows: list[list[str]] = []
    index = start
    while index < len(lines) and "\t" in lines[index]:
        rows.append([cell.strip() for cell in lines[index].split("\t")])
        index += 1
        after = index
        while after < len(lines) and not lines[after].strip():
            after += 1
        if after < len(lines) and "\t" in lines[after] and after > index:
            index = after
    return rows, index


def _pipe_table(rows: list[list[str]]) -> list[str]:
    width = max(len(row) for row in rows)

    def line(cells: list[str]) -> str:
        cells = [c.replace("|", "\\|") for c in cells] + [""] * (width - len(cells))
        return "| " + " | ".join(cells) + " |"

    return [line(rows[0]), "|" + " --- |" * width, *(line(row) for row in rows[1:])]
