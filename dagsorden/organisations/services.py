"""Changes to a municipality's bodies that the secretariat makes itself."""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from dagsorden.core.audit import audit_record

from .item_template import SectionSpec
from .models import Organization


@transaction.atomic
def organization_set_item_template(
    *, organization: Organization, sections: Sequence[SectionSpec], by=None
) -> Organization:
    """Give the body its own section template; an empty list returns it to the
    municipality's. Headings must be unique (an item has each section once)."""
    seen = set()
    for spec in sections:
        key = spec.heading.strip().casefold()
        if key in seen:
            raise ValidationError(
                _("Afsnittet »%(heading)s« står to gange.") % {"heading": spec.heading},
                code="duplicate_heading",
            )
        seen.add(key)
    organization.item_template = [
        {"heading": s.heading.strip(), "guidance": s.guidance.strip(), "required": s.required}
        for s in sections
    ]
    organization.save(update_fields=["item_template", "modified"])
    audit_record(
        action="organization_set_item_template",
        obj=organization,
        by=by,
        summary=", ".join(s.heading for s in sections),
    )
    return organization
