"""Text from a document file: plain text / Markdown, PDF (pypdf) or HTML.

The result is Markdown-ish text with paragraphs separated by blank lines, which is
what the parsers read. PDF and HTML libraries are imported lazily so that parsing
a text file stays fast.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

_BINARY_SAMPLE = 8192
_HTML_HINT = re.compile(rb"<(?:!doctype\s+html|html|body|div|p|h[1-6]|table)\b", re.I)


class ExtractionError(Exception):
    """The file cannot be read as a document (empty, binary, no text layer ...)."""


@dataclass
class Extracted:
    text: str
    kind: str  # "text" | "pdf" | "html"
    page_count: int | None = None
    warnings: list[str] = field(default_factory=list)


def extract_text(path: Path) -> Extracted:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExtractionError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return extract_bytes(data, name=path.name)


def extract_bytes(data: bytes, *, name: str = "") -> Extracted:
    if not data.strip():
        raise ExtractionError("the file is empty")
    if data.lstrip()[:5] == b"%PDF-":
        return extract_pdf(data)
    if name.lower().endswith((".html", ".htm", ".xhtml")) or _HTML_HINT.search(data[:4096]):
        return extract_html(decode(data))
    return Extracted(decode(data), "text")


def decode(data: bytes) -> str:
    sample = data[:_BINARY_SAMPLE]
    if b"\x00" in sample:
        raise ExtractionError("the file is binary, not a text, PDF or HTML document")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("latin-1")
    control = sum(1 for ch in text[:_BINARY_SAMPLE] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if control > len(text[:_BINARY_SAMPLE]) * 0.05:
        raise ExtractionError("the file is binary, not a text, PDF or HTML document")
    return text


# --- PDF --------------------------------------------------------------------------------


def extract_pdf(data: bytes) -> Extracted:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are ours to word
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [_page_text(page) for page in reader.pages]
    except PdfReadError as exc:
        raise ExtractionError(f"the PDF cannot be read: {exc}") from exc
    except Exception as exc:  # noqa: BLE001 - damaged PDFs fail in many ways inside pypdf
        raise ExtractionError(f"the PDF is damaged: {type(exc).__name__}: {exc}") from exc
    if not any(line.strip() for page in pages for line in page):
        raise ExtractionError("the PDF has no text layer (scanned?); OCR it first")
    warnings = []
    pages, removed = strip_running_lines(pages)
    if removed:
        warnings.append(f"removed {removed} running header/footer lines")
    return Extracted(pdf_lines_to_text(pages), "pdf", len(pages), warnings)


def _page_text(page) -> list[str]:
    try:
        text = page.extract_text(extraction_mode="layout")
    except Exception:  # noqa: BLE001 - layout mode fails on odd fonts; plain mode still works
        text = page.extract_text() or ""
    return text.split("\n")


_DIGITS = re.compile(r"\d+")


def _running_key(line: str) -> str:
    return _DIGITS.sub("#", re.sub(r"\s+", " ", line.strip())).casefold()


def strip_running_lines(pages: list[list[str]], edge: int = 3) -> tuple[list[list[str]], int]:
    """Remove lines repeated at the top or bottom of most pages (running headers,
    footers, page numbers). Numbers are ignored when comparing: 'Side 3 af 9'."""
    if len(pages) < 2:
        return pages, 0
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_running_key(x) for x in _edges(lines, edge) if x.strip()})
    threshold = max(2, len(pages) // 2 + (len(pages) > 3))
    running = {key for key, n in counts.items() if n >= threshold}
    removed = 0
    cleaned = []
    for lines in pages:
        edge_ids = {id(x) for x in _edges(lines, edge)}
        keep = []
        for line in lines:
            key = _running_key(line)
            is_page_number = re.fullmatch(r"(?:side\s*)?#(?:\s*(?:af|/)\s*#)?", key)
            if id(line) in edge_ids and (key in running or is_page_number):
                removed += 1
                continue
            keep.append(line)
        cleaned.append(keep)
    return cleaned, removed


def _edges(lines: list[str], edge: int) -> list[str]:
    text_lines = [line for line in lines if line.strip()]
    return text_lines[:edge] + text_lines[-edge:]


_BULLET_START = re.compile(r"^(?:[-•*–▪●]|\d{1,3}[.)]|[a-z][.)])\s")
_CONNECTIVES = {"og", "eller", "samt", "til", "som", "hhv."}


def pdf_lines_to_text(pages: list[list[str]]) -> str:
    """Join wrapped lines into paragraphs, undo hyphenation, keep table columns."""
    paragraphs: list[str] = []
    for lines in pages:
        width = max((len(line.rstrip()) for line in lines), default=0)
        current = ""
        current_width = 0
        for raw in lines:
            line = _columns(raw)
            if not line:
                paragraphs.append(current) if current else None
                current = ""
                continue
            if current and _continues(current, line, current_width, width):
                current = _join(current, line)
            else:
                if current:
                    paragraphs.append(current)
                current = line
            current_width = len(raw.rstrip())
        if current:
            paragraphs.append(current)
    return "\n\n".join(p for p in paragraphs if p.strip()) + "\n"


def _columns(raw: str) -> str:
    """Layout text keeps columns as runs of spaces; make them tabs."""
    return re.sub(r" {3,}", "\t", raw.strip()).replace(" \t", "\t")


def _continues(current: str, line: str, current_width: int, width: int) -> bool:
    if "\t" in current or "\t" in line or _BULLET_START.match(line):
        return False
    if current.endswith("-") and line[:1].islower():
        return True
    full_line = current_width >= 0.8 * width
    return full_line and not current.rstrip().endswith(":")


def _join(current: str, line: str) -> str:
    if current.endswith("-") and re.search(r"\w-$", current):
        first_word = line.split()[0] if line.split() else ""
        if first_word in _CONNECTIVES:  # 'Social- og ...' keeps its hyphen
            return f"{current} {line}"
        return current[:-1] + line
    return f"{current} {line}"


# --- HTML -------------------------------------------------------------------------------

_BLOCKS = {"p", "div", "section", "article", "li", "tr", "br", "dd", "dt", "blockquote"}
_SKIP = {"script", "style", "nav", "noscript", "head", "template", "button", "form"}


def extract_html(html: str) -> Extracted:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    root = soup.body or soup
    out: list[str] = []
    _render(root, out)
    text = re.sub(r"\n{3,}", "\n\n", "".join(out)).strip() + "\n"
    if not text.strip():
        raise ExtractionError("the HTML page has no text")
    return Extracted(text, "html")


def _render(node, out: list[str]) -> None:
    from bs4 import NavigableString, Tag

    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child).__name__ in ("Comment", "Doctype", "Declaration"):
                continue
            out.append(re.sub(r"\s+", " ", str(child)))
        elif isinstance(child, Tag):
            _render_tag(child, out)


def _render_tag(tag, out: list[str]) -> None:
    name = tag.name.lower()
    if name in _SKIP:
        return
    if re.fullmatch(r"h[1-6]", name):
        out.append(f"\n\n{'#' * int(name[1])} {tag.get_text(' ', strip=True)}\n\n")
    elif name == "table":
        out.append("\n\n" + _table(tag) + "\n\n")
    elif name == "li":
        out.append("\n- " + tag.get_text(" ", strip=True) + "\n")
    elif name == "br":
        out.append("\n")
    elif name in ("strong", "b") and tag.get_text(strip=True):
        out.append(f"**{tag.get_text(' ', strip=True)}**")
    elif name in _BLOCKS or name in ("ul", "ol", "dl"):
        out.append("\n\n")
        _render(tag, out)
        out.append("\n\n")
    else:
        _render(tag, out)


def _table(table) -> str:
    rows = []
    for row in table.find_all("tr"):
        cells = [c.get_text(" ", strip=True) for c in row.find_all(["td", "th"])]
        if any(cells):
            rows.append("\t".join(cells))
    return "\n".join(rows)
