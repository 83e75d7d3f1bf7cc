"""Line-level helpers: Markdown-ish markers, dates, journal numbers, names.

Every document reaches the reader as lines: text and Markdown as written, PDF, HTML and
Word through their blocks (:mod:`blocks`), which keep typography as ``#`` levels,
``**`` bold and tab-separated table cells. These helpers look at one line at a time.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time

_HEADING_MARK = re.compile(r"^\s{0,3}(#{1,6})\s*")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_EMPHASIS = re.compile(r"\*\*|__|\*(?=\S)|(?<=\S)\*|(?<!\w)_(?=\w)|(?<=\w)_(?!\w)")
_SPACES = re.compile(r"[ \u00a0\u2007\u202f]+")
_TABS = re.compile(r" *\t[ \t]*")


def normalise_text(text: str) -> str:
    """Unicode NFC, unified newlines, no control characters except tab and newline."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\f", "\n").replace("\u00ad", "")
    return "".join(ch for ch in text if ch in "\t\n" or unicodedata.category(ch)[0] != "C")


def clean_inline(text: str) -> str:
    """Drop Markdown emphasis, links, escapes and tags; fold spaces."""
    text = _LINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    text = text.replace("\\_", "\x00U").replace("\\*", "\x00S")
    text = _EMPHASIS.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    text = text.replace("\x00U", "_").replace("\x00S", "*")
    return _TABS.sub("\t", _SPACES.sub(" ", text)).strip()


@dataclass(frozen=True)
class Line:
    """One source line with its Markdown heading level and cleaned text."""

    index: int
    raw: str
    text: str  # cleaned: no heading marks, emphasis or links
    level: int  # Markdown heading level, 0 for none
    bold: bool  # the whole line is wrapped in ** **

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def key(self) -> str:
        """Casefolded text without a trailing colon, for vocabulary look-ups."""
        return self.text.rstrip(" :").casefold()

    @property
    def marked(self) -> bool:
        """Visually marked as a heading (Markdown heading or a bold line)."""
        return self.level > 0 or self.bold


def split_lines(text: str) -> list[Line]:
    lines = []
    for index, raw in enumerate(text.split("\n")):
        match = _HEADING_MARK.match(raw)
        level = len(match.group(1)) if match else 0
        body = raw[match.end() :] if match else raw
        stripped = body.strip()
        bold = len(stripped) > 4 and stripped.startswith("**") and stripped.endswith("**")
        lines.append(Line(index, raw, clean_inline(body), level, bold))
    return lines


# --- dates -----------------------------------------------------------------------------

MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "marts": 3, "mar": 3, "april": 4,
    "apr": 4, "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
NUMERIC_DATE = r"\d{1,2}(?:[./-]\d{1,2}[./-](?:\d{4}|\d{2})|/\d{1,2} \d{4})(?!\d)"
ISO_DATE = r"\d{4}-\d{2}-\d{2}"
WORD_DATE = rf"\d{{1,2}}\.?\s*(?:{_MONTH_NAMES})\.?\s+\d{{4}}"
ANY_DATE = rf"(?:{ISO_DATE}|{NUMERIC_DATE}|{WORD_DATE})"
_DATE_RE = re.compile(ANY_DATE, re.IGNORECASE)
_TIME_RE = re.compile(r"(?:kl\.?|klokken|tidspunkt:?)\s*(\d{1,2})(?:[.:](\d{2}))?", re.I)
_BARE_TIME_RE = re.compile(r"(?<![\d.:/-])(\d{1,2})[:.](\d{2})(?![\d.:/-])")


def parse_date(text: str) -> date | None:
    """First date in the text, in any of the Danish printed forms."""
    match = _DATE_RE.search(text or "")
    if not match:
        return None
    return _to_date(match.group(0))


def _to_date(token: str) -> date | None:
    token = token.strip().casefold()
    try:
        if re.fullmatch(ISO_DATE, token):
            return date.fromisoformat(token)
        numeric = re.fullmatch(r"(\d{1,2})[./-](\d{1,2})(?:[./-]| )(\d{2,4})", token)
        if numeric:
            day, month, year = (int(g) for g in numeric.groups())
            return date(year + 2000 if year < 100 else year, month, day)
        word = re.fullmatch(r"(\d{1,2})\.?\s*([a-zæøå]+)\.?\s+(\d{4})", token)
        if word and word.group(2) in MONTHS:
            return date(int(word.group(3)), MONTHS[word.group(2)], int(word.group(1)))
    except ValueError:
        return None
    return None


def parse_time(text: str) -> time | None:
    match = _TIME_RE.search(text or "") or _BARE_TIME_RE.search(text or "")
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def parse_datetime(text: str) -> datetime | None:
    day = parse_date(text)
    if day is None:
        return None
    rest = _DATE_RE.sub(" ", text, count=1)
    return datetime.combine(day, parse_time(rest) or time(0, 0))


# --- journal numbers ---------------------------------------------------------------------

JOURNAL_PATTERNS = (
    r"\d{2}\.\d{2}(?:\.\d{2})?(?:-[A-ZÆØÅ]\d{2})(?:-\d{1,6})?(?:-\d{2,4})?",  # KLE
    r"\d{2}\.\d{2}\.\d{2}(?:[-.]\d{1,6})+",  # KLE without facet letter
    r"[A-ZÆØÅ]{2,6}-\d{4}-\d{3,8}",  # EMN-2025-010561
    r"\d{4}-\d{3,8}",  # 2025-012345
    r"\d{2}-\d{3,8}(?:-\d{1,4})?",  # 25-014928
    r"\d{2,4}/\d{2,8}(?:-\d{1,4})?",  # 25/11811
    r"[A-ZÆØÅ]{1,4}\d{2,4}[-/]\d{2,8}",  # S25-1234
)
JOURNAL = "(?:" + "|".join(JOURNAL_PATTERNS) + ")"
_JOURNAL_LINE = re.compile(rf"^{JOURNAL}$")
_JOURNAL_LABEL = re.compile(
    r"^(?:sags?\s*(?:nr|nummer|id)|j\.?\s*nr|journal\s*(?:nr|nummer)|sagsnr|"
    r"acadre\s*sagsnr|sbsys\s*sagsnr|emnenr|dok\.?\s*sag|sag(?=\s*:))\.?\s*:?\s*(?P<value>\S.*)$",
    re.IGNORECASE,
)
_YEAR_SPAN = re.compile(r"^(?:19|20)\d{2}\s*[-/]\s*(?:19|20)?\d{2}$")
_KLE = re.compile(
    r"^(?P<emne>\d{2}\.\d{2}(?:\.\d{2})?)-(?P<facet>[A-ZÆØÅ]\d{2})-(?P<lobenr>\d+)-(?P<aar>\d{2,4})$"
)


def journal_number_in_line(text: str) -> str | None:
    """The journal number if the line is one (alone, or after a 'Sagsnr.:' label)."""
    text = text.strip().rstrip(".")
    if _YEAR_SPAN.match(text):
        return None
    if _JOURNAL_LINE.match(text):
        return text
    label = _JOURNAL_LABEL.match(text)
    if label:
        value = label.group("value").strip().rstrip(".")
        found = re.match(JOURNAL, value)
        if found:
            return found.group(0)
        first = value.split()[0]
        return None if first.endswith(":") else first  # 'Sagsnr.:' empty, then a label
    return None


def kle_parts(number: str) -> dict[str, str] | None:
    """Emne/facet/løbenr/år of a KLE-style journal number, None for opaque styles."""
    match = _KLE.match(number or "")
    return match.groupdict() if match else None


# --- names ------------------------------------------------------------------------------

_PAREN = re.compile(r"\(([^)]*)\)")
PARTY_LETTER = re.compile(r"^[A-ZÆØÅ]{1,2}$")


def split_names(text: str) -> list[str]:
    """'A, B og C' -> ['A', 'B', 'C']."""
    text = re.sub(r"\s+(?:og|samt|&)\s+", ", ", text.strip().rstrip("."))
    return [part.strip(" -•*") for part in text.split(",") if part.strip(" -•*")]


def name_and_extras(text: str) -> tuple[str, list[str]]:
    """'Janus Kyhl (C) (Fravær)' -> ('Janus Kyhl', ['C', 'Fravær'])."""
    extras = [e.strip() for e in _PAREN.findall(text)]
    name = _SPACES.sub(" ", _PAREN.sub(" ", text)).strip(" ,.-")
    return name, extras


def looks_like_name(text: str) -> bool:
    """A person's name: 2-6 capitalised words, no digits or sentence punctuation."""
    name, _ = name_and_extras(text)
    words = name.split()
    if not 1 < len(words) <= 6 or re.search(r"[\d:;!?]", name):
        return False
    small = {"la", "le", "de", "van", "von", "du", "af", "el", "al", "da", "di"}
    return all(w[0].isupper() or w.casefold() in small for w in words)
