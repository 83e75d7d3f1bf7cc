"""How close a rendered document is to its source, word by word.

Markdown markers, the contents' dot leaders and page numbers are dropped on both
sides, words are case-folded, and difflib compares the two word sequences.
"""

from __future__ import annotations

import difflib
import re

_TOC_TAIL = re.compile(r"(?:\.{3,}|…)\s*\d*\s*$|\t\s*\d+\s*$", re.MULTILINE)
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_MARKERS = re.compile(r"[#*_`>|\[\]\\]")
_WORD = re.compile(r"\w")


def words(text: str) -> list[str]:
    text = _TOC_TAIL.sub("", text)
    text = _LINK_TARGET.sub(" ", text)
    text = _MARKERS.sub(" ", text)
    return [word for word in text.casefold().split() if _WORD.search(word)]


def similarity(original: str, rendered: str) -> float:
    matcher = difflib.SequenceMatcher(None, words(original), words(rendered), autojunk=False)
    return matcher.ratio()
