"""HTML → blocks by walking the page's tags as a stream of events.

The standard library's tokenizer (:class:`html.parser.HTMLParser`) reports start tags,
end tags and text one after another, so no tree is built and nothing recurses: a page
of 3,000 nested tables or 500 nested ``<div>`` costs what its length costs. What a
reader sees is kept: ``h1``–``h6`` become headings of that level, text wholly in
``strong``/``b`` a bold block, a bold run opening a paragraph its label, ``li`` a list
entry, ``tr`` a row of ``td``/``th`` cells, ``dt``/``dd`` a label/value row. A table
row whose first cell is a number ('4.' | 'Title' | '25/1234') is how many systems print
an agenda; the reader takes such rows as items.
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

from ..blocks import HEADING, LIST_ENTRY, PARAGRAPH, ROW, Block, clean

_SKIP = {
    "script",
    "style",
    "head",
    "title",
    "noscript",
    "template",
    "button",
    "select",
    "svg",
    "nav",
}
_BREAKS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote",
    "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "caption", "center", "form",
    "address", "figure", "figcaption", "pre", "hr", "body", "html",
}  # fmt: skip
_VOID = {"br", "img", "hr", "input", "meta", "link", "col", "area", "base", "wbr", "source"}
_BOLD = {"strong", "b"}
_HEADING = re.compile(r"^h([1-6])$")


class _Walker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.skip_depth = 0
        self.bold_depth = 0
        self.heading: int = 0
        self.source = ""
        self.runs: list[tuple[str, bool]] = []  # text of the block being read, with weight
        self.cells: list[str] | None = None  # cells of the open table row
        self.cell_runs: list[tuple[str, bool]] | None = None
        self.list_entry = False
        self.dt: str | None = None

    # --- events -----------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs) -> None:
        tag = tag.lower()
        if tag in _SKIP:
            self.skip_depth += tag not in _VOID
            return
        if self.skip_depth:
            return
        heading = _HEADING.match(tag)
        if heading:
            self.flush()
            self.heading, self.source = int(heading.group(1)), tag
        elif tag in _BOLD:
            self.bold_depth += 1
        elif tag == "br":
            self._current().append(("\n", False))
        elif tag == "tr":
            self.end_row()
            self.flush()
            self.cells = []
        elif tag in ("td", "th"):
            self.end_cell()
            if self.cells is None:
                self.flush()
                self.cells = []
            self.cell_runs = []
        elif tag == "li":
            self.flush()
            self.list_entry = True
        elif tag in ("dt", "dd"):
            self.flush()
            self.source = tag
        elif tag in _BREAKS:
            self.flush()
            self._current().append(("\n", False))

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if self.skip_depth:
            return
        if _HEADING.match(tag):
            self.flush()
        elif tag in _BOLD:
            self.bold_depth = max(0, self.bold_depth - 1)
        elif tag in ("td", "th"):
            self.end_cell()
        elif tag == "tr":
            self.end_row()
        elif tag == "table":
            self.end_row()
            self.flush()
        elif tag in ("li", "dt", "dd") or tag in _BREAKS:
            self.flush()
            self._current().append(("\n", False))

    def handle_data(self, data: str) -> None:
        if self.skip_depth or not data:
            return
        self._current().append((data, self.bold_depth > 0 or self.heading > 0))

    def _current(self) -> list[tuple[str, bool]]:
        """Where text goes: the open table cell, else the open block."""
        return self.cell_runs if self.cell_runs is not None else self.runs

    # --- blocks -----------------------------------------------------------------------

    def end_cell(self) -> None:
        if self.cell_runs is None:
            return
        lines = "".join(text for text, _ in self.cell_runs).split("\n")
        text = "\n".join(line for line in (clean(x) for x in lines) if line)
        if self.cells is not None:
            self.cells.append(text)
        self.cell_runs = None

    def end_row(self) -> None:
        self.end_cell()
        cells, self.cells = self.cells, None
        if not cells:
            return
        kept = [cell for cell in cells if cell]
        if len(kept) == 1:
            self.blocks.append(Block(kept[0], PARAGRAPH, source="td"))
            return
        kept = [cell.replace("\n", " ") for cell in kept]
        if kept:
            self.blocks.append(
                Block("\t".join(kept), ROW, cells=tuple(kept), source=f"tr ({len(kept)} cells)")
            )

    def flush(self) -> None:
        runs, self.runs = self.runs, []
        heading, self.heading = self.heading, 0
        list_entry, self.list_entry = self.list_entry, False
        source, self.source = self.source, ""
        text = "".join(text for text, _ in runs)
        if source == "dd":  # a value printed over several lines: 'Rådhuset<br>Torvet 1'
            text = ", ".join(x for x in (clean(line) for line in text.split("\n")) if x)
        for line in text.split("\n"):
            self._emit(clean(line), runs, heading, list_entry, source)

    def _emit(self, text: str, runs, heading: int, list_entry: bool, source: str) -> None:
        if not text:
            return
        if self.cells is not None and self.cell_runs is not None:
            self.cell_runs.append((text, False))  # block tags inside a cell: same cell
            return
        if heading:
            self.blocks.append(Block(text, HEADING, level=heading, source=source))
            return
        bold_text = clean("".join(t for t, bold in runs if bold))
        whole_bold = bold_text and len(bold_text) >= 0.9 * len(text) and bold_text in text
        if list_entry:
            self.blocks.append(Block(text, LIST_ENTRY, source="li"))
        elif source == "dd" and self.blocks and self.blocks[-1].source == "dt":
            label = self.blocks.pop().text
            self.blocks.append(Block(f"{label}\t{text}", ROW, cells=(label, text), source="dt/dd"))
        elif whole_bold:
            self.blocks.append(Block(text, PARAGRAPH, bold=True, source="strong"))
        else:
            lead = _lead(runs) if text.startswith(_lead(runs) or "\0") else ""
            self.blocks.append(Block(text, PARAGRAPH, lead=lead, source=source or "p"))


def _lead(runs: list[tuple[str, bool]]) -> str:
    """The bold run that opens a paragraph ('Mødested:' in 'Mødested: Rådhuset')."""
    lead = []
    for text, bold in runs:
        if not text.strip() and not lead:
            continue
        if not bold:
            break
        lead.append(text)
    return clean("".join(lead))


# Marked sections: CDATA keeps its text; Word's conditional markup ('<![if !supportLists]>',
# '<![endif]>') goes; any other '<![' is text. The tokenizer asserts on them otherwise.
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)
_CONDITIONAL = re.compile(r"<!\[[^\[\]<>]{0,200}\]>")


def _without_marked_sections(html: str) -> str:
    html = _CDATA.sub(lambda m: escape(m.group(1)), html)
    return _CONDITIONAL.sub("", html).replace("<![", "&lt;![")


def html_blocks(html: str) -> tuple[list[Block], None, list[str]]:
    walker = _Walker()
    warnings = []
    try:
        walker.feed(_without_marked_sections(html))
        walker.close()
    except (AssertionError, ValueError) as exc:  # the tokenizer's way of refusing markup
        warnings.append(f"the HTML is malformed; read up to where it broke ({exc})")
    walker.end_row()
    walker.flush()
    return walker.blocks, None, warnings
