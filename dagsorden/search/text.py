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
    matched words in <mark>."""
    spans = [(match.start(), match.end()) for match in WORD.finditer(text or "")]
    if not spans:
        return ""
    hits = [index for index, (a, b) in enumerate(spans) if stem(text[a:b]) in stems]
    first = _best_window_start(hits, window)
    last = min(len(spans), first + window) - 1
    parts = ["… " if first > 0 else ""]
    cursor = spans[first][0]
    hit_set = set(hits)
    for index in range(first, last + 1):
        a, b = spans[index]
        parts.append(_gap(text[cursor:a], text[a:b]) if index > first else "")
        word = escape(text[a:b])
        parts.append(f"<mark>{word}</mark>" if index in hit_set else word)
        cursor = b
    parts.append(" …" if last < len(spans) - 1 else "")
    return "".join(parts)


_PART_BREAK = re.compile(r"\n[ \t]*\n")


def _gap(between: str, next_word: str) -> str:
    """What stands between two words. Where one part of the item ends and the next
    begins, a visible separator, so a heading does not run into its text: a blank line
    (a heading and its text, a bilag), or a line break after a line without closing
    punctuation before a capital (a title line in a bilag). A wrapped line is a space."""
    if "\n" not in between:
        return escape(between)
    before = between.split("\n", 1)[0].rstrip()
    if before.endswith((".", "!", "?", ":", ";", ",")):
        return escape(before) + " "
    if _PART_BREAK.search(between) or next_word[:1].isupper():
        return escape(before) + " · "
    return escape(before) + " "


def highlight_all(text: str, stems: set[str]) -> str:
    """The whole (short) text, HTML-escaped, matched words in <mark>; for titles."""
    out, cursor = [], 0
    for match in WORD.finditer(text or ""):
        out.append(escape(text[cursor : match.start()]))
        word = escape(match.group())
        out.append(f"<mark>{word}</mark>" if stem(match.group()) in stems else word)
        cursor = match.end()
    out.append(escape(text[cursor:]))
    return "".join(out)


def _best_window_start(hits: list[int], window: int) -> int:
    """Start a little before the window that holds the most matches (two pointers)."""
    if not hits:
        return 0
    best, best_count, low = hits[0], 0, 0
    for high, position in enumerate(hits):
        while position - hits[low] >= window:
            low += 1
        if high - low + 1 > best_count:
            best, best_count = hits[low], high - low + 1
    return max(0, best - window // 4)
