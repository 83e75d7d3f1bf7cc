"""One function per phrase that pages and documents both print, so the same fact reads
the same everywhere and a value is never said twice ("Afbud (Afbud)", "Godkendt:
Godkendt.").

The outcome and attendance labels are the UI's (translated); texts typed by the
secretariat or read from an imported document are the municipality's record and stay
as written."""

import re

from django.utils import translation
from django.utils.translation import gettext as _

from .recommendation import recommendation_intro, recommendation_wording

_NOISE = re.compile(r"[\W_]+")


def _same(a: str, b: str) -> bool:
    """Equal but for case, spaces and punctuation."""
    return _NOISE.sub("", a).casefold() == _NOISE.sub("", b).casefold()


def absence_phrase(*, name: str, status: str, reason: str = "", substitute: str = "") -> str:
    """ "Anne Holm: afbud (ferie), stedfortræder: Bo Dam"; a reason that only repeats
    the status is left out."""
    text = f"{name}: {status.lower()}"
    if reason and not _same(reason, status):
        text += f" ({reason})"
    if substitute:
        text += ", " + _("stedfortræder: %(name)s") % {"name": substitute}
    return text


def reason_beyond_status(reason: str, status_label) -> str:
    """A recorded reason, unless it only names the status in Danish ("Afbud" for an
    afbud, as imported documents write it): then it would be said twice, and on an
    English page in two languages."""
    with translation.override("da"):
        danish = str(status_label)
    return "" if _same(reason or "", danish) else (reason or "")


def decision_phrase(*, outcome: str, text: str = "") -> str:
    """The decision as the record states it: its text, or the outcome when the text is
    empty (documents and "Sagens forløb")."""
    return " ".join((text or "").split()) or outcome


def decision_phrase_of(decision) -> str:
    return decision_phrase(outcome=decision.get_outcome_display(), text=decision.text)


def decision_addition(*, outcome: str, text: str = "") -> str:
    """What the text adds after the outcome shown as a label ("**Godkendt**: …"):
    nothing when the text only restates the outcome."""
    text = " ".join((text or "").split())
    if not text or _same(text, outcome):
        return ""
    return text


def decision_addition_of(decision) -> str:
    return decision_addition(outcome=decision.get_outcome_display(), text=decision.text)


def recommendation_phrase(*, by: str, to: str = "", clauses=()) -> tuple[str, list[str]]:
    """The indstilling as the document prints it: "Direktionen indstiller til X, at:"
    and the clauses each opening with "at". Always Danish: it is the text of the record,
    so an English page quotes it rather than mixing the two languages in one sentence."""
    wording = recommendation_wording(by=by, to=to, clauses=list(clauses))
    intro = recommendation_intro("{by} indstiller, at:", by=wording.by, to=wording.to)
    return intro, [f"at {clause}" for clause in wording.clauses]


# An imported title often names its type as the document printed it ("Orientering:
# Status på …", "Beslutningssag – …"); the title keeps those words, and the type is then
# not printed or badged a second time.
_TYPE_IN_TITLE = {
    kind: re.compile(rf"^\s*{stem}(?:s?sag)?\s*[:\-–]\s*\S", re.IGNORECASE)
    for kind, stem in (
        ("beslutning", "beslutning"),
        ("orientering", "orientering"),
        ("drøftelse", "drøftelse"),
    )
}


def title_names_type(title: str, item_type: str | None) -> bool:
    pattern = _TYPE_IN_TITLE.get(item_type or "")
    return bool(pattern and pattern.match(title or ""))
