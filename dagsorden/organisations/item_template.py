"""The sections an agenda item is written in: the municipality's template, which a body
may narrow, reorder or extend with its own.

A template entry is either a heading ("Sagens kerne") or a mapping with the heading, the
guidance shown to the author in the editor and whether the section must be filled in
before the agenda goes out. A body's entry inherits guidance and the required flag from
the municipality's entry with the same heading, unless it sets them itself.
"""

from dataclasses import dataclass

from .models import Organization


@dataclass(frozen=True)
class SectionSpec:
    heading: str
    guidance: str = ""
    required: bool = False


def _spec(entry) -> SectionSpec | None:
    if isinstance(entry, str):
        return SectionSpec(heading=entry.strip()) if entry.strip() else None
    if isinstance(entry, dict) and str(entry.get("heading", "")).strip():
        return SectionSpec(
            heading=str(entry["heading"]).strip(),
            guidance=str(entry.get("guidance", "")).strip(),
            required=bool(entry.get("required", False)),
        )
    return None


def template_specs(entries) -> list[SectionSpec]:
    """Parse a stored template (list of headings or mappings); bad entries are skipped."""
    specs = [_spec(entry) for entry in entries or []]
    return [spec for spec in specs if spec is not None]


def _inherit(own: SectionSpec, inherited: SectionSpec | None, entry) -> SectionSpec:
    if inherited is None:
        return own
    sets = entry if isinstance(entry, dict) else {}
    return SectionSpec(
        heading=own.heading,
        guidance=own.guidance if "guidance" in sets else inherited.guidance,
        required=own.required if "required" in sets else inherited.required,
    )


def item_template_for(organization: Organization) -> list[SectionSpec]:
    """The sections of a new item on this body's agenda, in order."""
    municipal = template_specs(organization.municipality.item_template)
    own_entries = [entry for entry in organization.item_template or [] if _spec(entry)]
    if not own_entries:
        return municipal
    by_heading = {spec.heading.casefold(): spec for spec in municipal}
    return [
        _inherit(_spec(entry), by_heading.get(_spec(entry).heading.casefold()), entry)
        for entry in own_entries
    ]


def template_headings(organization: Organization) -> list[str]:
    return [spec.heading for spec in item_template_for(organization)]
