from django import template
from django.utils import formats, timezone, translation
from django.utils.safestring import mark_safe

from dagsorden.core.markdown import markdown_to_html
from dagsorden.meetings import wording

register = template.Library()

# "tirsdag d. 30. september 2025 kl. 16:00", as Danish agendas write it.
LONG_DATETIME = {"da": r"l \d. j. F Y \k\l. H:i", "en": r"l j F Y, H:i"}
LONG_DATE = {"da": r"l \d. j. F Y", "en": r"l j F Y"}


def _format(value, formats_by_language):
    if value is None:
        return ""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = timezone.localtime(value)
    language = (translation.get_language() or "da")[:2]
    return formats.date_format(value, formats_by_language.get(language, formats_by_language["da"]))


@register.filter
def long_datetime(value):
    return _format(value, LONG_DATETIME)


@register.filter
def long_date(value):
    return _format(value, LONG_DATE)


@register.filter
def markdown(text):
    return mark_safe(markdown_to_html(text))  # noqa: S308 - sanitised by nh3


@register.filter
def decision_addition(decision):
    """The decision's text after its outcome label, unless it only repeats it."""
    return wording.decision_addition_of(decision)


@register.filter
def absence(line):
    """An afbud/fravær line (an AbsenceLine) in the one wording pages and documents share."""
    return wording.absence_phrase(
        name=line.name, status=line.status, reason=line.reason, substitute=line.substitute
    )


@register.simple_tag
def recommendation_phrase(recommendation):
    intro, clauses = wording.recommendation_phrase(
        by=recommendation.by, to=recommendation.to, clauses=recommendation.clauses
    )
    return {"intro": intro, "clauses": clauses}


@register.filter
def type_badge_needed(item):
    """Show the item's type as a badge unless its (imported) title already says it."""
    return bool(item.item_type) and not wording.title_names_type(item.title, item.item_type)


@register.filter
def grouped(value):
    """A whole number with the active language's thousands separator (120.000)."""
    return formats.number_format(value, force_grouping=True)
