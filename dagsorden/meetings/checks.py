"""What must be true before an agenda goes out: every item approved, and no CPR number
anywhere the public will read it. Each problem names its exact place."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from dagsorden.organisations.item_template import item_template_for

from .cpr import cpr_find
from .models import AgendaItem, Meeting


@dataclass(frozen=True)
class Problem:
    place: str
    message: str

    def __str__(self):
        return f"{self.place}: {self.message}"


def _item_label(item: AgendaItem) -> str:
    return _("Punkt %(number)s »%(title)s«") % {"number": item.number or "–", "title": item.title}


def _public_texts(item: AgendaItem):
    """(place, text) for everything of the item the public will see."""
    label = _item_label(item)
    if not item.public:
        yield label + ", " + _("offentlig titel"), item.public_title
        return
    yield label + ", " + _("titel"), item.title
    for section in item.sections.all():
        yield label + ", " + _("afsnit »%(heading)s«") % {"heading": section.heading}, section.body
    recommendation = getattr(item, "recommendation", None)
    if recommendation is not None:
        for number, clause in enumerate(recommendation.clauses, start=1):
            yield label + ", " + _("indstillingens at-punkt %(n)s") % {"n": number}, clause
    for bilag in item.files.alive().filter(public=True):
        yield label + ", " + _("bilag »%(name)s«") % {"name": bilag.name}, bilag.text


def cpr_problems(item: AgendaItem) -> list[Problem]:
    problems = []
    for place, text in _public_texts(item):
        for hit in cpr_find(text):
            line = text.count("\n", 0, hit.start) + 1
            problems.append(
                Problem(
                    place=f"{place}, " + _("linje %(line)s") % {"line": line},
                    message=_("ligner et CPR-nummer (%(masked)s)") % {"masked": hit.masked},
                )
            )
    return problems


def missing_sections(item: AgendaItem, required: list[str]) -> list[Problem]:
    """Required sections of the body's template that the item leaves empty."""
    if item.is_standard:
        return []
    filled = {s.heading.casefold() for s in item.sections.all() if s.body.strip()}
    return [
        Problem(
            place=_item_label(item),
            message=_("afsnittet »%(heading)s« skal udfyldes") % {"heading": heading},
        )
        for heading in required
        if heading.casefold() not in filled
    ]


def agenda_publication_problems(meeting: Meeting) -> list[Problem]:
    problems = []
    required = [s.heading for s in item_template_for(meeting.organization) if s.required]
    items = meeting.items.alive().order_by("order").prefetch_related("sections", "files")
    for item in items:
        problems += missing_sections(item, required)
        if item.draft_state != AgendaItem.DraftState.APPROVED:
            problems.append(
                Problem(
                    place=_item_label(item),
                    message=_("er ikke godkendt (status: %(state)s)")
                    % {"state": item.get_draft_state_display()},
                )
            )
        problems += cpr_problems(item)
    return problems
