"""A municipality's portal colour and host name, checked when they are entered.

The accent colour is used for links, buttons and the header band on white and on the
header's light grey, so it must keep WCAG AA contrast (4.5:1) against both: a colour
that would make links unreadable is refused with the ratio it has."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DEFAULT_ACCENT = "#0b5cab"
# The backgrounds the accent is drawn on (site.css: --bg and --soft).
BACKGROUNDS = ("#ffffff", "#f3f5f8")
MIN_CONTRAST = 4.5
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
HOST = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"
)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def validate_accent_colour(value: str) -> None:
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(_("Angiv farven som #rrggbb, fx #0b5cab."), code="format")
    lowest = min(contrast(value, background) for background in BACKGROUNDS)
    if lowest < MIN_CONTRAST:
        raise ValidationError(
            _(
                "Farven er for lys: kontrasten til baggrunden er %(ratio).1f:1, "
                "men skal være mindst 4,5:1."
            ),
            code="contrast",
            params={"ratio": lowest},
        )


def validate_host(value: str) -> None:
    if value and not HOST.match(value):
        raise ValidationError(
            _("Angiv et værtsnavn uden http:// og uden sti, fx dagsorden.eksempel.dk."),
            code="host",
        )


def portal_words() -> set[str]:
    """The first path words the site itself uses (`moeder`, `soeg`, `admin`, `oparl` …),
    read from the URL patterns so that a page added later is counted too."""
    from django.urls import URLResolver, get_resolver

    def first_word(pattern) -> str:
        word = str(pattern.pattern).split("/", 1)[0].strip("^").rstrip("$")
        return "" if "<" in word else word

    taken = set()
    for pattern in get_resolver().url_patterns:
        taken.add(first_word(pattern))
        if isinstance(pattern, URLResolver) and not first_word(pattern):
            taken.update(first_word(inner) for inner in pattern.url_patterns)
    taken.discard("")
    return taken


def validate_portal_slug(value: str) -> None:
    """A municipality's slug is the first word of its portal's paths: it may not be one
    the site already uses (`/moeder/`, `/soeg/`, `/admin/` …), or its pages would be
    hidden behind those."""
    if value in portal_words():
        raise ValidationError(
            _("Kortnavnet %(slug)s bruges allerede af portalen; vælg et andet."),
            code="reserved",
            params={"slug": value},
        )
