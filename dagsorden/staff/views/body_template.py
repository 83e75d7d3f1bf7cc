"""A body's own section template: headings in order, guidance for authors, required
sections. It starts from what the body uses now (its own or the municipality's)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from dagsorden.organisations.item_template import SectionSpec, item_template_for
from dagsorden.organisations.models import Organization
from dagsorden.organisations.services import organization_set_item_template

from .. import permissions
from ..plan_forms import TemplateFormSet
from ..selectors import body_args, body_get
from ._helpers import report_errors, require, staff_required


@staff_required
def body_template(request, municipality, slug):
    body = body_get(municipality, slug)
    require(permissions.works_on(request.user, body))
    can_edit = permissions.is_secretary(request.user, body)
    initial = [vars(spec) for spec in item_template_for(body)]
    formset = TemplateFormSet(request.POST or None, initial=initial, prefix="sections")
    if request.method == "POST":
        require(can_edit)
        if _save(request, body, formset):
            return redirect("staff:body_template", *body_args(body))
    return render(
        request,
        "staff/body_template.html",
        {
            "body": body,
            "formset": formset,
            "can_edit": can_edit,
            "own": bool(body.item_template),
        },
    )


def _save(request, body: Organization, formset) -> bool:
    if request.POST.get("inherit"):
        organization_set_item_template(organization=body, sections=[], by=request.user)
        messages.success(request, _("Udvalget bruger nu kommunens skabelon."))
        return True
    if not formset.is_valid():
        return False
    sections = [
        SectionSpec(row["heading"], row.get("guidance", ""), row.get("required", False))
        for row in formset.cleaned_data
        if row.get("heading", "").strip()
    ]
    try:
        organization_set_item_template(organization=body, sections=sections, by=request.user)
    except ValidationError as error:
        report_errors(request, error)
        return False
    messages.success(request, _("Skabelonen er gemt. Nye punkter bruger den."))
    return True
