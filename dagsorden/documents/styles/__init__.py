"""The registry of document styles: one module per layout, looked up by name."""

from __future__ import annotations

from . import halsnaes, helsingoer, holbaek, kalundborg, slagelse, standard
from .base import DocumentStyle

DEFAULT_STYLE = "standard"

STYLES: dict[str, DocumentStyle] = {
    module.STYLE.name: module.STYLE
    for module in (standard, halsnaes, holbaek, helsingoer, slagelse, kalundborg)
}


class UnknownStyle(KeyError):
    pass


def style_get(name: str | None) -> DocumentStyle:
    """The named style; an empty name means the default."""
    if not name:
        return STYLES[DEFAULT_STYLE]
    try:
        return STYLES[name]
    except KeyError:
        raise UnknownStyle(name) from None


def style_for_organization(organization) -> DocumentStyle:
    """The body's own style, else its municipality's; unknown names fall back to default
    so a typo in the admin never breaks publishing."""
    name = organization.document_style or organization.municipality.document_style
    return STYLES.get(name) or STYLES[DEFAULT_STYLE]


def style_for_layout(layout: str | None) -> DocumentStyle:
    """The style that prints documents of an importer layout family."""
    for style in STYLES.values():
        if layout and style.layout_family == layout:
            return style
    return STYLES[DEFAULT_STYLE]


__all__ = ["DEFAULT_STYLE", "STYLES", "DocumentStyle", "UnknownStyle", "style_get"]
