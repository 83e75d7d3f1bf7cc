"""Danish text handling shared by both search backends: tokens, Snowball stems, the query
language (words, "quoted phrases", journal numbers) and highlighted snippets.

The SQLite backend indexes the stems produced here; PostgreSQL's 'danish' configuration
uses the same Snowball algorithm, so highlighting with these stems marks the words that
matched on either backend."""

import re
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape

WORD = re.compile(r"\w+", re.UNICODE)
PHRASE = re.compile(r'"([^"]*)"')
# A journal number as printed: letters/digits in groups joined by . - / (27.00.00-P22-1-26,
# 25-014928, 25/11811, EMN-2025-010561). At least one digit and one separator.
JOURNAL_NUMBER = re.compile(r"^(?=.*\d)[0-9A-Za-zÆØÅæøå]+(?:[./-][0-9A-Za-zÆØÅæøå]+)+$")

# Function words that carry no meaning in a search (a subset of the Snowball Danish list).
_STOPWORDS_TEXT = """
    og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har
    om vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal
    selv her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle
    denne end dette mit også under have dig anden hende mine alt meget sit sine vor mod
    disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("danish")


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word.lower())


def tokens(text: str) -> list[str]:
    return WORD.findall(text or "")


def stemmed_text(text: str) -> str:
    """The text as a space-separated string of stems, in order (phrases still match)."""
    return " ".join(stem(token) for token in tokens(text))


@dataclass
class ParsedQuery:
    """What the user typed: loose words (all must occur) and exact phrases."""

    words: list[str] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)
    journal_number: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.words or self.phrases or self.journal_number)

    def stems(self) -> set[str]:
        found = {stem(word) for word in self.words}
        for phrase in self.phrases:
            found.update(stem(word) for word in phrase)
        return found


# Typographic quotes (“…”, „…“, »…«) count as plain double quotes.
QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "»": '"', "«": '"'})


def parse_query(text: str) -> ParsedQuery:
    text = (text or "").translate(QUOTES).strip()
    if JOURNAL_NUMBER.match(text):
        return ParsedQuery(journal_number=text)
    phrases = [tokens(phrase) for phrase in PHRASE.findall(text)]
    loose = PHRASE.sub(" ", text).replace('"', " ")
    words = [word for word in tokens(loose) if word.lower() not in STOPWORDS]
    return ParsedQuery(words=words, phrases=[phrase for phrase in phrases if phrase])


def highlight(text: str, stems: set[str], *, window: int = 30) -> str:
    """An HTML-safe excerpt of about `window` words around the densest run of matches,
    matched words in <mark>.

    Only the words that may match are looked at across the whole text (a regular
    expression for the stems: a Snowball stem is a prefix of its word); the text is
    cut into words only inside the excerpt, and escaped a stretch at a time."""
    text = text or ""
    hits = _matched_words(text, stems)
    anchor = _best_anchor(text, hits, window)
    words = _words_from(text, anchor, window)
    if not words:
        return ""
    first, last = words[0][0], words[-1][1]
    marked = {start for start, _end in hits if first <= start < last}
    parts = ["… " if WORD.search(text, 0, first) else ""]
    cursor = first
    for start, end in words:
        if start in marked:
            parts.append(_plain_gaps(text, cursor, start))
            parts.append(f"<mark>{escape(text[start:end])}</mark>")
            cursor = end
    parts.append(_plain_gaps(text, cursor, last))
    parts.append(" …" if WORD.search(text, last) else "")
    return "".join(parts)


def _stem_pattern(stems: frozenset[str]):
    alternatives = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True) if s)
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE) if alternatives else None


_stem_pattern = lru_cache(maxsize=256)(_stem_pattern)


def _matched_words(text: str, stems: set[str]) -> list[tuple[int, int]]:
    """Character spans of the words whose stem is searched for."""
    pattern = _stem_pattern(frozenset(stems))
    if pattern is None:
        return []
    return [m.span() for m in pattern.finditer(text) if stem(m.group()) in stems]


def _best_anchor(text: str, hits: list[tuple[int, int]], window: int) -> int:
    """Where the excerpt starts: a quarter window before the first hit of the densest
    run of matches, or the beginning when nothing in the text matched. The run is
    measured in characters (about AVERAGE_WORD characters a word), so the words of a
    long bilag are never counted one by one."""
    if not hits:
        return 0
    start = hits[_densest_run([a for a, _b in hits], window * AVERAGE_WORD)][0]
    lead = window // 4
    before = [m.start() for m in WORD.finditer(text, max(0, start - 40 * lead), start)]
    return before[-lead] if lead and len(before) >= lead else (before[0] if before else start)


# Characters per word with the space after it, in municipal Danish prose.
AVERAGE_WORD = 8


def _densest_run(positions: list[int], window: int) -> int:
    """Index of the first position of the window that holds the most (two pointers)."""
    best, best_count, low = 0, 0, 0
    for high, position in enumerate(positions):
        while position - positions[low] >= window:
            low += 1
        if high - low + 1 > best_count:
            best, best_count = low, high - low + 1
    return best


def _words_from(text: str, anchor: int, window: int) -> list[tuple[int, int]]:
    found = []
    for match in WORD.finditer(text, anchor):
        found.append(match.span())
        if len(found) == window:
            break
    return found


# Whitespace with a line break between two words; the punctuation around it is kept.
_LINE_GAP = re.compile(r"\W*\n\W*")


def _plain_gaps(text: str, begin: int, end: int) -> str:
    """text[begin:end] escaped, its line breaks turned into what a reader should see."""
    stretch = text[begin:end]
    if "\n" not in stretch:
        return escape(stretch)
    out, cursor = [], 0
    for match in _LINE_GAP.finditer(stretch):
        out.append(stretch[cursor : match.start()])
        following = begin + match.end()
        out.append(_gap(match.group(), text[following : following + 1]))
        cursor = match.end()
    out.append(stretch[cursor:])
    return escape("".join(out))


_PART_BREAK = re.compile(r"\n[ \t]*\n")


def _gap(between: str, next_word: str) -> str:
    """What stands between two words. Where one part of the item ends and the next
    begins, a visible separator, so a heading does not run into its text: a blank line
    (a heading and its text, a bilag), or a line break after a line without closing
    punctuation before a capital (a title line in a bilag). A wrapped line is a space.
    (Unescaped: the caller escapes the stretch it sits in.)"""
    before = between.split("\n", 1)[0].rstrip()
    if before.endswith((".", "!", "?", ":", ";", ",")):
        return before + " "
    if _PART_BREAK.search(between) or next_word[:1].isupper():
        return before + " · "
    return before + " "


def highlight_all(text: str, stems: set[str]) -> str:
    """The whole (short) text, HTML-escaped, matched words in <mark>; for titles."""
    text = text or ""
    out, cursor = [], 0
    for start, end in _matched_words(text, stems):
        out.append(escape(text[cursor:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    out.append(escape(text[cursor:]))
    return "".join(out)
