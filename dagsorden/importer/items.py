"""Finding the agenda items: their heading lines, numbers and titles.

Any numbering a real document uses ('Punkt 4', '4.', three-digit running numbers,
'Sag nr. 4', a number in its own table cell) is a candidate; a bare '4. Title' needs
evidence (set apart by typography, listed in the contents, or followed by a case
number or a template heading). Numbers must increase; when the headings run twice (a
contents table, an agenda table), the run that carries the items' text wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .textutil import Line, journal_number_in_line
from .toc import Toc
from .vocabulary import DECISION_HEADING, section_role

# 'Punkt 32: Title', 'Pkt. 4 - Title', 'Dagsordenspunkt 3. Title', 'Sag nr. 7: Title'.
# A range such as 'Punkt 1-3:' is a sub-heading inside an item, never an item.
PUNKT_HEADING = re.compile(
    r"^(?:punkt|pkt\.?|dagsordenspunkt|dagsordenpunkt|sag\s+nr\.?|sag)\s*(?P<number>\d{1,4})"
    r"(?:\s*[:.)–-]\s*|\s+|$)(?!\d+\s*[:–-])(?P<title>.*)$",
    re.IGNORECASE,
)
# '715. Title', '3) Title' - also the shape of ordinary numbered lists, so it needs evidence.
NUMBERED_HEADING = re.compile(r"^(?P<number>\d{1,4})\s*[.)]\s+(?P<title>[^\d\s].*)$")
_CLAUSE = re.compile(r"^at\b", re.IGNORECASE)
_EVIDENCE_WINDOW = 12


@dataclass
class ItemHead:
    index: int  # line index of the heading
    number: str
    title: str
    end_of_heading: int  # index after the heading (and wrapped title lines)
    rule: str = ""
    runner_up: str = ""
    case_number: str | None = None  # printed in the heading's own row: '4. | Title | 25/1234'


def find_item_heads(lines: list[Line], toc: Toc | None, *, allow_numbered: bool) -> list[ItemHead]:
    """Item headings in document order, with increasing numbers."""
    skip = range(toc.start, toc.end) if toc else range(0)
    punkt = _candidates(lines, skip, PUNKT_HEADING, need_evidence=False)
    heads = _best_run(_set_apart_like_siblings(punkt, lines))
    if allow_numbered and len(heads) < 3:
        # 'Punkt N' may only occur in a cross reference while the items are '715. Title'
        numbered = _candidates(lines, skip, NUMBERED_HEADING, need_evidence=True, toc=toc)
        numbered = _best_run(_set_apart_like_siblings(numbered, lines))
        if len(numbered) > 2 * len(heads):
            _note_runner_up(numbered, f"{len(heads)} 'Punkt N' heading(s)" if heads else "")
            return numbered
        _note_runner_up(heads, f"{len(numbered)} 'N. Title' line(s)" if numbered else "")
    return heads


def _set_apart_like_siblings(heads: list[ItemHead], lines: list[Line]) -> list[ItemHead]:
    """Where most item headings are set apart (a heading, bold, a number cell), a plain
    line of the same shape is a sentence or a cross reference, not an item."""

    def apart(head: ItemHead) -> bool:
        line = lines[head.index]
        return line.marked or "\t" in line.text

    marked = [head for head in heads if apart(head)]
    if len(marked) >= 3 and len(marked) >= 0.75 * len(heads):
        return marked
    return heads


def _note_runner_up(heads: list[ItemHead], other: str) -> None:
    if other:
        for head in heads:
            head.runner_up = "; ".join(x for x in (head.runner_up, f"not {other}") if x)


def _candidates(
    lines: list[Line],
    skip: range,
    pattern: re.Pattern,
    *,
    need_evidence: bool,
    toc: Toc | None = None,
) -> list[ItemHead]:
    heads = []
    toc_titles = {_fold(e.title) for e in toc.entries} if toc else set()
    for line in lines:
        if line.index in skip or not line.text or line.raw.lstrip().startswith(("-", "•")):
            continue
        match = pattern.match(line.text)
        # a number in its own table cell ('4.' | 'Title' | '25/1234') or a line set apart
        # by typography is a heading by its look, whatever case its title starts with
        set_apart = line.marked or "\t" in line.text[: match.end("number") + 3] if match else False
        if not match or not (set_apart or _plausible_title(match.group("title"))):
            continue
        strong = set_apart or _fold(match.group("title")) in toc_titles
        if need_evidence and not strong and not _has_item_evidence(lines, line.index):
            continue
        head = _make_head(lines, line.index, match)
        head.rule = _rule(pattern, line, strong, set_apart)
        heads.append(head)
    return heads


def _rule(pattern: re.Pattern, line: Line, strong: bool, set_apart: bool) -> str:
    shape = "'Punkt N' heading" if pattern is PUNKT_HEADING else "'N. Title' line"
    if "\t" in line.text:
        return f"{shape}: the number is in its own table cell"
    if line.level:
        return f"{shape}, set apart as a heading (level {line.level})"
    if line.bold:
        return f"{shape}, set apart in bold"
    if strong:
        return f"{shape}, its title is in the table of contents"
    if pattern is PUNKT_HEADING:
        return shape
    return f"{shape}, followed by a case number or a template heading"


def _plausible_title(title: str) -> bool:
    title = title.strip()
    if not title:
        return True  # the title follows on the next line
    return not title[0].islower() and not _CLAUSE.match(title) and len(title) < 400


def _has_item_evidence(lines: list[Line], index: int) -> bool:
    """A journal number or a template heading soon after the candidate heading."""
    seen = 0
    for line in lines[index + 1 :]:
        if not line.text:
            continue
        seen += 1
        if seen > _EVIDENCE_WINDOW or NUMBERED_HEADING.match(line.text) and seen > 1:
            return False
        if journal_number_in_line(line.text) or section_role(line.key):
            return True
        if DECISION_HEADING.match(line.text) and line.text[0].isupper():
            return True
    return False


def _make_head(lines: list[Line], index: int, match: re.Match) -> ItemHead:
    cells = match.group("title").split("\t")
    title = cells[0].strip()  # later cells: case number, page
    end = index + 1
    if not title:  # 'Punkt 5' alone: the title is the next text line
        end, title = _next_title(lines, end)
    while end < len(lines) and _continues_title(lines[end], title):
        title = f"{title} {lines[end].text}"
        end += 1
    end, title = _dangling_continuation(lines, end, title)
    case = next((c for c in map(journal_number_in_line, cells[1:]) if c), None)
    return ItemHead(index, str(int(match.group("number"))), title, end, case_number=case)


# A title cannot end in a conjunction, preposition or hyphen: the heading wrapped, and
# PDF extraction put a blank line inside it (large fonts, loose line spacing).
_DANGLING = re.compile(
    r"(?:\s(?:og|eller|samt|i|for|af|til|med|på|ved|om|fra|mellem|under|efter|den|det|de|"
    r"en|et)|[-–,])$",
    re.IGNORECASE,
)


def _dangling_continuation(lines: list[Line], end: int, title: str) -> tuple[int, str]:
    if not _DANGLING.search(title):
        return end, title
    position = end
    while position < len(lines) and lines[position].blank:
        position += 1
    if position < len(lines) and _continues_title(lines[position], title + " "):
        return position + 1, f"{title} {lines[position].text}"
    return end, title


def _next_title(lines: list[Line], position: int) -> tuple[int, str]:
    while position < len(lines) and lines[position].blank:
        position += 1
    if position < len(lines) and not section_role(lines[position].key):
        return position + 1, lines[position].text
    return position, ""


def _continues_title(line: Line, title: str) -> bool:
    """A wrapped heading: the next line follows without a blank line."""
    if line.blank or line.level or title.endswith((".", ":", "?", "!")):
        return False
    text = line.text
    if journal_number_in_line(text) or section_role(line.key) or PUNKT_HEADING.match(text):
        return False
    return len(text) < 120 and not text[0].isdigit()


def _best_run(heads: list[ItemHead]) -> list[ItemHead]:
    """The item headings among the candidates.

    Numbers must increase; when they start again (a list of contents printed as the
    same headings, an agenda table before the items), the run that carries the items'
    text wins: the most headings, then the most lines between them.
    """
    runs: list[list[ItemHead]] = []
    for head in heads:
        placed = False
        for run in runs:
            if int(head.number) > int(run[-1].number):
                run.append(head)
                placed = True
                break
        if not placed:
            runs.append([head])
    if not runs:
        return []

    def weight(run: list[ItemHead]) -> tuple[int, int]:
        return len(run), run[-1].index - run[0].index  # the last item's end is unknown

    best = max(runs, key=weight)
    losers = [run for run in runs if run is not best and len(run) > 1]
    if losers:
        other = max(losers, key=weight)
        _note_runner_up(best, f"an earlier/later run of {len(other)} heading(s) from line "
                        f"{other[0].index + 1} (a list of contents?)")  # fmt: skip
    return best


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()
