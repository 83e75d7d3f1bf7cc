"""PDF → blocks with PyMuPDF: characters with their fonts, placed on the page.

Steps, page by page:

1. PyMuPDF's lines (runs of spans with font size, weight and position) are grouped
   into visual rows by their vertical overlap; segments of a row far apart
   horizontally are table cells ('Mødested | Rådhuset, mødelokale 2').
2. Rows repeated at the same edge of most pages (running headers and footers, page
   numbers; digits ignored) are dropped.
3. Rows are joined into paragraphs while the style and the line spacing continue;
   hyphenation at a line end is undone. A row set larger than the body text becomes
   a heading (its level ranks its size among the document's heading sizes); a row
   wholly in bold becomes a bold block; a bold run opening a row is its label.

PyMuPDF was chosen over pdfplumber by measurement (see BENCHMARKS.md and the README):
the same spans and fonts, an order of magnitude faster.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..blocks import HEADING, LIST_ENTRY, PARAGRAPH, ROW, Block, clean

_BOLD_FLAG = 16
_CELL_GAP = 18.0  # points between two segments of a row that make them table cells
_EDGE_BAND = 0.09  # share of the page height where running headers/footers live
_HEADING_RATIO = 1.12  # a row this much larger than the body text is a heading
_BULLET = re.compile(r"^(?:[•▪●◦■–-]|\d{1,2}[.)]|[a-z][.)])\s")
_BULLET_GLYPHS = "•▪●◦■\uf0b7\uf0a7"
_DIGITS = re.compile(r"\d+")
_LABEL_START = re.compile(r"^[A-ZÆØÅ][\w .-]{1,24}:(?:\s|$)")
_AUTO_HYPHENS = ("\u2010", "\u00ad")  # inserted by hyphenation (WeasyPrint, Word), not typed
_CONNECTIVES = {"og", "eller", "samt", "til", "som", "hhv."}


@dataclass
class Segment:
    x0: float
    x1: float
    y0: float
    y1: float
    text: str
    size: float
    bold_chars: int
    chars: int
    lead: str = ""  # leading bold run when the rest is not bold
    value_x: float = 0.0  # where the text after the bold label starts


@dataclass
class Row:
    page: int
    y0: float
    y1: float
    segments: list[Segment] = field(default_factory=list)
    edge: str | None = None  # "top" or "bottom" band of the page: running header room
    column_right: float | None = None  # the right edge of its column on a two-column page

    @property
    def lead(self) -> str:
        return self.segments[0].lead if len(self.segments) == 1 else ""

    @property
    def text(self) -> str:
        return clean(" ".join(s.text for s in self.segments))

    @property
    def size(self) -> float:
        return max(s.size for s in self.segments)

    @property
    def bold(self) -> bool:
        chars = sum(s.chars for s in self.segments)
        return chars > 0 and sum(s.bold_chars for s in self.segments) >= 0.9 * chars

    @property
    def x0(self) -> float:
        return self.segments[0].x0


def pdf_blocks(data: bytes) -> tuple[list[Block], int, list[str]]:
    from ..extract import ExtractionError

    pages, repaired = _read_pages(data, ExtractionError)
    if not any(rows for rows in pages):
        if repaired or not pages:
            raise ExtractionError("the PDF is damaged or truncated: no readable text")
        raise ExtractionError("the PDF has no text layer: needs OCR (scanned pages?)")
    warnings = []
    if repaired:
        warnings.append("the PDF was damaged (truncated?) and repaired: pages may be missing")
    pages, removed = _drop_running_rows(pages)
    if removed:
        warnings.append(f"removed {removed} running header/footer lines")
    body_size = _body_size(pages)
    heading_sizes = _heading_sizes(pages, body_size)
    right = _right_margin([row for rows in pages for row in rows])
    blocks = []
    for rows in pages:
        blocks.extend(_page_blocks(rows, body_size, heading_sizes, right))
    return blocks, len(pages), warnings


def _read_pages(data: bytes, error: type[Exception]) -> tuple[list[list[Row]], bool]:
    import pymupdf

    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    try:
        document = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # noqa: BLE001 - damaged PDFs fail in many ways inside MuPDF
        raise error(f"the PDF cannot be read (damaged or truncated): {exc}") from exc
    with document:
        if document.needs_pass and not document.authenticate(""):
            raise error("the PDF is encrypted with a password; save an unprotected copy")
        try:
            pages = [_page_rows(page, number) for number, page in enumerate(document, start=1)]
            return pages, bool(document.is_repaired)
        except Exception as exc:  # noqa: BLE001
            raise error(f"the PDF is damaged: {type(exc).__name__}: {exc}") from exc


def _page_rows(page, number: int) -> list[Row]:
    flags = 0  # no images, keep ligatures split, whitespace folded by us
    content = page.get_text("dict", flags=flags, sort=True)
    segments = []
    for block in content.get("blocks", []):
        for line in block.get("lines", []):
            segment = _segment(line)
            if segment and abs(line.get("dir", (1, 0))[1]) < 0.1:  # horizontal text only
                segments.append(segment)
    width = page.rect.width or 595
    gutter = _column_gutter(segments, width)
    if gutter is not None:  # two columns of running text: the left one is read first
        rows = _group_rows([s for s in segments if s.x1 <= gutter], number)
        for row in rows:
            row.column_right = gutter
        rows += _group_rows([s for s in segments if s.x1 > gutter], number)
    else:
        rows = _group_rows(segments, number)
    height = page.rect.height or 842
    for row in rows:
        row.edge = "top" if row.y1 < height * _EDGE_BAND else None
        if row.y0 > height * (1 - _EDGE_BAND):
            row.edge = "bottom"
    return rows


def _column_gutter(segments: list[Segment], width: float) -> float | None:
    """The x between two columns of running text, if the page is set in two: most
    lines end before the middle or start after it, and none crosses it."""
    middle = width / 2
    text = [s for s in segments if len(s.text) > 15]
    if len(text) < 12:
        return None
    crossing = [s for s in text if s.x0 < middle - 10 and s.x1 > middle + 10]
    left = [s for s in text if s.x1 <= middle + 10]
    right = [s for s in text if s.x0 >= middle - 10]
    if len(crossing) > 0.1 * len(text) or min(len(left), len(right)) < 0.3 * len(text):
        return None
    return max(s.x1 for s in left) + 1


def _segment(line: dict) -> Segment | None:
    spans = [s for s in line.get("spans", []) if s.get("text", "").strip()]
    if not spans:
        return None
    text = "".join(s["text"] for s in line["spans"])
    sizes = Counter()
    bold_chars = chars = 0
    lead, lead_open = [], True
    value_x = 0.0
    for span in spans:
        n = len(span["text"].strip())
        bold = bool(span["flags"] & _BOLD_FLAG) or "bold" in span.get("font", "").lower()
        sizes[round(span["size"], 1)] += n
        chars += n
        bold_chars += n if bold else 0
        if lead_open and bold:
            lead.append(span["text"])
        elif lead_open:
            lead_open = False
            value_x = span["bbox"][0]
    x0, y0, x1, y1 = line["bbox"]
    size = sizes.most_common(1)[0][0]
    lead_text = clean("".join(lead)) if 0 < bold_chars < chars else ""
    return Segment(x0, x1, y0, y1, clean(text), size, bold_chars, chars, lead_text, value_x)


def _group_rows(segments: list[Segment], page: int) -> list[Row]:
    """Segments that overlap vertically are one visual row, ordered left to right."""
    rows: list[Row] = []
    for segment in sorted(segments, key=lambda s: (round(s.y0), s.x0)):
        height = segment.y1 - segment.y0
        row = rows[-1] if rows else None
        overlap = row and min(row.y1, segment.y1) - max(row.y0, segment.y0)
        if row and overlap > 0.5 * min(height, row.y1 - row.y0):
            row.segments.append(segment)
            row.y1 = max(row.y1, segment.y1)
        else:
            rows.append(Row(page, segment.y0, segment.y1, [segment]))
    for row in rows:
        row.segments.sort(key=lambda s: s.x0)
    return rows


def _running_key(row: Row) -> str:
    return _DIGITS.sub("#", row.text).casefold()


def _drop_running_rows(pages: list[list[Row]]) -> tuple[list[list[Row]], int]:
    """Rows at the top or bottom band repeated on most pages are running headers."""
    counts: Counter[str] = Counter()
    for rows in pages:
        counts.update({_running_key(r) for r in rows if r.edge})
    threshold = max(2, len(pages) // 2 + (len(pages) > 3))
    running = {key for key, n in counts.items() if n >= threshold} if len(pages) > 1 else set()
    removed = 0
    cleaned = []
    for rows in pages:
        keep = []
        for row in rows:
            key = _running_key(row)
            page_number = re.fullmatch(r"(?:side|page)?\s*#(?:\s*(?:af|of|/)\s*#)?", key)
            if row.edge and (key in running or page_number):
                removed += 1
            else:
                keep.append(row)
        cleaned.append(keep)
    return cleaned, removed


def _body_size(pages: list[list[Row]]) -> float:
    sizes: Counter[float] = Counter()
    for rows in pages:
        for row in rows:
            for segment in row.segments:
                sizes[segment.size] += segment.chars
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _heading_sizes(pages: list[list[Row]], body: float) -> list[float]:
    sizes = {row.size for rows in pages for row in rows if row.size >= body * _HEADING_RATIO}
    return sorted(sizes, reverse=True)


def _page_blocks(
    rows: list[Row], body: float, heading_sizes: list[float], right: float
) -> list[Block]:
    blocks: list[Block] = []
    previous: Row | None = None
    for row in rows:
        if len(row.segments) > 1 and _is_table_row(row):
            blocks.append(_row_block(row))
        elif previous is not None and blocks and _continues(blocks[-1], previous, row, body, right):
            _append(blocks[-1], row, previous, right)
        else:
            blocks.append(_new_block(row, body, heading_sizes))
        previous = row
    return blocks


def _is_table_row(row: Row) -> bool:
    return any(_cell_break(a, b) for a, b in zip(row.segments, row.segments[1:], strict=False))


def _cell_break(a: Segment, b: Segment) -> bool:
    """A wide gap, or a bold label set apart from its plain value: 'Mødested  Rådhuset'."""
    gap = b.x0 - a.x1
    label = a.bold_chars == a.chars and b.bold_chars == 0 and len(a.text) < 40
    return gap > _CELL_GAP or label and gap > 0.8 * a.size


def _cells(row: Row) -> list[str]:
    cells = [row.segments[0].text]
    for a, b in zip(row.segments, row.segments[1:], strict=False):
        if _cell_break(a, b):
            cells.append(b.text)
        else:
            cells[-1] = clean(f"{cells[-1]} {b.text}")
    return cells


def _right_margin(rows: list[Row]) -> float:
    """Where the text column ends: most lines of running text reach it."""
    ends = sorted(row.segments[-1].x1 for row in rows if not row.edge and len(row.segments) == 1)
    return ends[int(len(ends) * 0.95)] if ends else 0.0


def _row_block(row: Row) -> Block:
    cells = _cells(row)
    return Block(
        "\t".join(cells),
        ROW,
        bold=row.bold,
        cells=tuple(cells),
        page=row.page,
        size=row.size,
        source=f"table row ({len(cells)} cells)",
    )


def _style(row: Row, body: float) -> tuple[bool, bool, float]:
    return row.size >= body * _HEADING_RATIO, row.bold, round(row.size * 2) / 2


def _continues(block: Block, previous: Row, row: Row, body: float, right: float) -> bool:
    """The row wraps the block's paragraph: same style, ordinary line spacing, and the
    line before it ran to the right margin (a short line ends its paragraph)."""
    if block.kind == ROW:
        # a wrapped value cell: 'Deltagere | A, B,' then 'C og D' under the value
        return _wraps_cell(block, previous, row)
    if block.kind == LIST_ENTRY and _BULLET.match(row.text):
        return False
    if _style(previous, body) != _style(row, body) or _starts_entry(row):
        return False
    if _LABEL_START.match(row.text):
        return False  # 'Fraværende: ...' under a long 'Medlemmer: ...' line
    if block.kind == HEADING and block.text.rstrip().endswith(":"):
        return False
    gap = row.y0 - previous.y1
    line_height = previous.y1 - previous.y0
    if gap > 0.7 * line_height or row.lead:
        return False
    if not _line_was_full(previous, row, right):
        return False
    if previous.lead and abs(row.x0 - previous.segments[0].value_x) < 6:
        return True  # the wrapped value of 'Deltagere  A, B, C' under its value
    return abs(row.x0 - previous.x0) < 40 or block.kind == LIST_ENTRY


def _line_was_full(previous: Row, row: Row, right: float) -> bool:
    """The typesetter broke the line: the next line's first word did not fit after it."""
    right = previous.column_right or right
    right = max(right, row.segments[-1].x1)  # a wider next line moves the margin
    first_word = row.text.split()[0] if row.text.split() else ""
    word_width = (len(first_word) + 1) * row.size * 0.5
    return previous.segments[-1].x1 + word_width >= right - 1.5 * previous.size


def _wraps_cell(block: Block, previous: Row, row: Row) -> bool:
    if len(row.segments) != 1 or len(block.cells) < 2:
        return False
    gap = row.y0 - previous.y1
    value_x = previous.segments[-1].x0
    return gap < 0.7 * (previous.y1 - previous.y0) and abs(row.x0 - value_x) < 6


def _starts_entry(row: Row) -> bool:
    return bool(_BULLET.match(row.text)) or row.text[:1] in _BULLET_GLYPHS


def _new_block(row: Row, body: float, heading_sizes: list[float]) -> Block:
    larger, bold, _ = _style(row, body)
    text = row.text
    source = f"{'bold ' if bold else ''}{row.size:g}pt"
    if larger:
        level = min(heading_sizes.index(row.size) + 1 if row.size in heading_sizes else 1, 3)
        return Block(text, HEADING, level=level, bold=bold, page=row.page, size=row.size,
                     source=source)  # fmt: skip
    if _starts_entry(row) and text[:1] in _BULLET_GLYPHS + "–-":
        return Block(text.lstrip(_BULLET_GLYPHS + "–- "), LIST_ENTRY, page=row.page, source="list")
    return Block(
        text, PARAGRAPH, bold=bold, lead=row.lead, page=row.page, size=row.size, source=source
    )


def _append(block: Block, row: Row, previous: Row, right: float) -> None:
    text = row.text
    if block.kind == ROW:
        cells = list(block.cells)
        if _line_was_full(previous, row, right):
            cells[-1] = _join(cells[-1], text)
        else:  # the cell's own lines: a place over two lines, one bilag per line
            cells[-1] = f"{cells[-1]}\n{text}"
        block.cells = tuple(cells)
        block.text = "\t".join(cells)
        return
    block.text = _join(block.text, text)


def _join(current: str, line: str) -> str:
    if current.endswith(_AUTO_HYPHENS):  # a typesetter's hyphenation: always a word break
        return current[:-1] + line
    if current.endswith("/"):  # 'boliger/' + 'mindre lokalsamfund'
        return current + line
    if re.search(r"\w-$", current):
        first_word = line.split()[0] if line.split() else ""
        if first_word in _CONNECTIVES or not line[:1].islower():
            return f"{current} {line}"  # 'Social- og ...', 'IT-' + 'Afdelingen' keep it
        return current[:-1] + line
    return f"{current} {line}"
