"""Small helpers the export readers share: HTML to Markdown, dates, names, clauses.

The readers get HTML fragments (an item's text, a field's content) and turn them into
the Markdown the models store. Everything here is pure: no Django, no files.
"""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

from html_to_markdown import convert as convert_html

from ..extract import ExtractionError


class ExportError(ExtractionError):
    """An export that cannot be read: the message names what is wrong."""


_MONTHS = {
    "januar": 1, "februar": 2, "marts": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?!\d)")
_WORD_DATE = re.compile(r"(?<!\d)(\d{1,2})\.?\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})", re.I)
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})")
_TIME = re.compile(r"(?<!\d)(\d{1,2})[:.](\d{2})(?::\d{2})?(?!\d)")
_BLANK_RUN = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_PARTY = re.compile(r"\s*\(([A-ZÆØÅ]{1,2})\)\s*$")
_ABSENCE_LINE = re.compile(
    r"^\s*(?:afbud|fravær(?:ende)?|forfald|ikke til stede)\s*(?:fra)?\s*:\s*(?P<names>.+)$",
    re.I | re.M,
)
_DID_NOT_TAKE_PART = re.compile(
    r"(?P<names>[^.:\n]+?)\s+(?:deltog|deltager)\s+ikke\s+i\s+"
    r"(?:(?:sagens|punktets)\s+behandling|behandlingen\s+af\s+(?:sagen|punktet))",
    re.I,
)
_CLAUSE_START = re.compile(r"^\s*(?:[-•*]\s*)?(?:\d{1,2}\s*[.)]\s*)?at\b\s*", re.I)
_INLINE_CLAUSE = re.compile(r"\b(?:indstiller|foreslår)\b[^,]*,?\s+at\s+(\S.*)$", re.I)
_RECOMMENDER = re.compile(r"^\s*(?P<by>[A-ZÆØÅ][\w\- ,æøåÆØÅ]{1,80}?)\s+(?:indstiller|foreslår)\b")

_INVISIBLE = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>", re.I | re.S)
_BREAK = re.compile(r"<br\s*/?>", re.I)
_BLOCK_TAG = re.compile(r"</?(?:p|div|li|h[1-6]|tr|ul|ol|table|blockquote|section|u)\b[^>]*>", re.I)
_CELL_END = re.compile(r"</t[dh]\s*>", re.I)
_ANY_TAG = re.compile(r"<[^>]*>")
_IMAGE = re.compile(r"<img\b[^>]*>", re.I)
# Placeholders systems print where a field or decision has no content yet.
PLACEHOLDERS = {"tomt indhold", "beslutning ikke frigivet", "ingen beslutning"}


# --- text ---------------------------------------------------------------------------------


def fold_spaces(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip()


def html_text(html: str | None) -> str:
    """The visible text of an HTML fragment, one line per block.

    Regular expressions, not a parser: fragments are small and this runs for every
    field, heading and decision of thousands of exports; tags never nest text here."""
    if not html:
        return ""
    text = _INVISIBLE.sub("", html).replace("\r", " ").replace("\n", " ")  # source wrapping
    text = _BREAK.sub("\n", text)
    text = _BLOCK_TAG.sub("\n", text)
    text = _CELL_END.sub(" ", text)
    text = unescape(_ANY_TAG.sub("", text))
    lines = (fold_spaces(line) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def html_to_markdown(html: str | None) -> str:
    """Markdown of an HTML fragment: headings, emphasis, lists and tables kept."""
    if not html or not html.strip():
        return ""
    # The library's defaults are what we want (ATX headings, '-' bullets, pipe tables);
    # passing options costs twice the conversion itself. Images are dropped beforehand:
    # an export's inline images point at the source system.
    text = convert_html(_IMAGE.sub("", html)).content or ""
    return _BLANK_RUN.sub("\n\n", text.replace("\u00a0", " ")).strip()


def is_placeholder(text: str | None) -> bool:
    folded = fold_spaces(text).rstrip(".").casefold()
    return not folded or folded in PLACEHOLDERS


# --- dates and names ----------------------------------------------------------------------


def parse_date(text: str | None) -> dt.date | None:
    """The first date in the text: 19/03/2025, 25-09-2012, 18. september 2012, 2025-03-19."""
    text = text or ""
    for pattern, order in ((_ISO_DATE, (0, 1, 2)), (_NUMERIC_DATE, (2, 1, 0))):
        if match := pattern.search(text):
            parts = [match.group(i + 1) for i in order]
            try:
                return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:
                return None
    if match := _WORD_DATE.search(text):
        day, month, year = match.groups()
        try:
            return dt.date(int(year), _MONTHS[month.casefold()], int(day))
        except ValueError:
            return None
    return None


def parse_datetime(text: str | None) -> dt.datetime | None:
    """A local (naive) date and time such as '25-09-2012 15:30:00' or an ISO timestamp.

    ISO timestamps with an offset are turned into naive local time as printed: the
    meeting's wall-clock time is what the documents show."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        pass
    day = parse_date(text)
    if day is None or day.year < 1900:
        return None
    rest = _NUMERIC_DATE.sub("", _WORD_DATE.sub("", text), count=1)
    if match := _TIME.search(rest):
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour < 24 and minute < 60:
            return dt.datetime.combine(day, dt.time(hour, minute))
    return dt.datetime.combine(day, dt.time(0, 0))


def name_and_party(text: str) -> tuple[str, str | None]:
    """'Hans Toft (C)' -> ('Hans Toft', 'C')."""
    text = fold_spaces(text)
    if match := _PARTY.search(text):
        return text[: match.start()].strip(), match.group(1)
    return text, None


def split_names(text: str) -> list[str]:
    """'Ane Lund (A), Bo Hald og Carl Ry (Stedfortræder: X)' -> the three names."""
    text = re.sub(r"\([^)]*\)", "", text)
    parts = re.split(r",|\bog\b|\bsamt\b|;", text)
    return [fold_spaces(p).rstrip(".") for p in parts if fold_spaces(p).rstrip(".")]


def absences_in(text: str) -> list[str]:
    """Names a decision text prints as absent ('Afbud: …', '… deltog ikke i sagens behandling')."""
    names: list[str] = []
    for match in _ABSENCE_LINE.finditer(text):
        names += split_names(match.group("names"))
    for match in _DID_NOT_TAKE_PART.finditer(text):
        names += split_names(match.group("names"))
    return list(dict.fromkeys(names))


def without_absence_lines(text: str) -> str:
    """The text without its absence lines ('Afbud: …', '… deltog ikke i sagens behandling')."""
    kept = [
        line
        for line in text.split("\n")
        if not _ABSENCE_LINE.match(line) and not _DID_NOT_TAKE_PART.search(line)
    ]
    return "\n".join(kept).strip()


# --- recommendations ------------------------------------------------------------------------


def recommendation(text: str, heading: str = "") -> tuple[str | None, list[str]]:
    """Who recommends and the 'at'-clauses of a recommendation text (one line per block).

    'Administrationen indstiller, at …' names its author; otherwise a heading such as
    'ADMINISTRATIONENS INDSTILLING' or 'Forvaltningen foreslår' does."""
    lines = [line for line in text.split("\n") if line.strip()]
    by = None
    for line in lines:
        if match := _RECOMMENDER.match(line):
            by = match.group("by").strip()
            break
    by = by or _recommender_from_heading(heading)
    clauses = [_CLAUSE_START.sub("", line).strip() for line in lines if _CLAUSE_START.match(line)]
    if not clauses:  # 'Administrationen indstiller, at dagsordenen godkendes.'
        found = (_INLINE_CLAUSE.search(line) for line in lines)
        clauses = [match.group(1).strip() for match in found if match]
    return by, [clause for clause in clauses if clause]  # stored without their 'at'


def _recommender_from_heading(heading: str) -> str | None:
    words = fold_spaces(heading).split(" ")
    if len(words) >= 2 and words[-1].casefold() in {"indstilling", "indstiller", "foreslår"}:
        who = " ".join(words[:-1])
        if words[-1].casefold() == "indstilling" and who.casefold().endswith("s"):
            who = who[:-1]  # genitive: 'Administrationens indstilling'
        return who[:1].upper() + who[1:].lower()
    return None
