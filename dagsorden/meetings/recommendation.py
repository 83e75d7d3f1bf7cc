"""The indstilling as authors type it and as it prints.

Documents print "<by> indstiller, at:" and put "at" before every clause themselves, so
what the author enters is only who recommends, to whom, and the bare clauses. Authors
often type the words as they read in a finished document ("Direktionen indstiller",
"at planen godkendes", "1. at …"); those words are taken off here so they print once.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

_INTRO = re.compile(
    r"^(?P<by>.+?)\s+indstiller\b\s*(?:over\s+for\s+|til\s+)?(?P<to>.*?)[\s,:]*(?:\bat\b)?[\s,:]*$",
    re.IGNORECASE | re.DOTALL,
)
_BULLET = re.compile(r"^\s*(?:[-–•*]|\(?\d{1,2}[.)]|\(?[a-zæøå][.)])\s+", re.IGNORECASE)
_AT = re.compile(r"^\s*(?:at\b[\s:,]*)+", re.IGNORECASE)
_TO = re.compile(r"^\s*(?:til|over\s+for)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class RecommendationWording:
    by: str
    to: str = ""
    clauses: list[str] = field(default_factory=list)


def clause_bare(text: str) -> str:
    """A clause without its list mark and its leading "at"."""
    text = _BULLET.sub("", text.strip(), count=1)
    return _AT.sub("", text, count=1).strip()


def recommendation_wording(
    *, by: str, clauses: Sequence[str], to: str = ""
) -> RecommendationWording:
    by = " ".join(by.split())
    to = _TO.sub("", " ".join(to.split()), count=1)
    match = _INTRO.match(by)
    if match:
        by = match["by"].strip()
        to = to or match["to"].strip()
    bare = [clause_bare(clause) for clause in clauses]
    return RecommendationWording(by=by, to=to, clauses=[clause for clause in bare if clause])


def recommendation_intro(template: str, *, by: str, to: str = "") -> str:
    """A style's intro ("{by} indstiller, at:") with the addressee after "indstiller"."""
    intro = template.format(by=by)
    if to:
        intro = intro.replace(" indstiller", f" indstiller til {to}", 1)
    return intro
