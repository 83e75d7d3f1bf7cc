"""Drafting an item: the Markdown editor with live preview, a Word draft that becomes
sections, bilag upload and the kladde → klar → godkendt states."""

from pathlib import Path

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from dagsorden.cases.services import file_attach
from dagsorden.core.markdown import markdown_to_html
from dagsorden.meetings.models import AgendaItem
from dagsorden.meetings.services import EditConflict, item_set_draft_state, item_update
from dagsorden.meetings.services.carry import previous_item
from dagsorden.organisations.item_template import item_template_for, template_headings

from .. import permissions
from ..docx_import import docx_sections
from ..forms import BilagForm, ItemForm, SectionFormSet, UploadForm
from ..word_to_pdf import WORD_SUFFIXES, word_to_pdf
from ._helpers import report_errors, require, staff_required


def _item_for(request, pk) -> AgendaItem:
    item = get_object_or_404(
        AgendaItem.objects.alive().select_related("meeting__organization__municipality"), pk=pk
    )
    require(permissions.can_edit_item(request.user, item))
    return item


def _initial_sections(item: AgendaItem) -> list[dict]:
    existing = [{"heading": s.heading, "body": s.body} for s in item.sections.order_by("order")]
    if existing:
        return existing
    return [
        {"heading": heading, "body": ""} for heading in template_headings(item.meeting.organization)
    ]


def _initial_item(item: AgendaItem) -> dict:
    recommendation = getattr(item, "recommendation", None)
    return {
        "version": item.version,
        "title": item.title,
        "item_type": item.item_type,
        "public": item.public,
        "public_title": item.public_title,
        "presenters": item.presenters,
        "recommendation_by": recommendation.by if recommendation else "",
        "recommendation_to": recommendation.to if recommendation else "",
        "recommendation_clauses": "\n".join(recommendation.clauses) if recommendation else "",
    }


@staff_required
def item_edit(request, pk):
    item = _item_for(request, pk)
    form = ItemForm(request.POST or None, initial=_initial_item(item))
    sections = SectionFormSet(
        request.POST or None, initial=_initial_sections(item), prefix="sections"
    )
    if request.method == "POST" and form.is_valid() and sections.is_valid():
        try:
            _save(request, item, form.cleaned_data, sections.cleaned_data)
        except EditConflict as error:
            # Nothing is lost: the form is shown again with the editor's own text.
            report_errors(request, error)
        except ValidationError as error:
            report_errors(request, error)
        else:
            messages.success(request, _("Punktet er gemt."))
            return redirect("staff:item_edit", pk=item.pk)
    return render(
        request,
        "staff/item_edit.html",
        {
            "item": item,
            "form": form,
            "sections": sections,
            "upload_form": UploadForm(),
            "bilag_form": BilagForm(),
            "can_approve": permissions.can_approve_item(request.user, item),
            "section_rows": _with_guidance(item, sections),
            "has_previous": item.consultation_id is not None
            and previous_item(item.consultation) is not None,
        },
    )


def _with_guidance(item: AgendaItem, sections) -> list[tuple]:
    """Each section form with its template entry (guidance, required), by heading."""
    specs = {spec.heading.casefold(): spec for spec in item_template_for(item.meeting.organization)}
    rows = []
    for form in sections:
        heading = (form["heading"].value() or "").strip()
        rows.append((form, specs.get(heading.casefold())))
    return rows


def _save(request, item: AgendaItem, data: dict, section_rows: list[dict]) -> None:
    item_update(
        item=item,
        expected_version=data["version"],
        title=data["title"],
        item_type=data["item_type"],
        public=data["public"],
        public_title=data["public_title"],
        presenters=data["presenters"],
        recommendation_by=data["recommendation_by"],
        recommendation_to=data["recommendation_to"],
        recommendation_clauses=data["recommendation_clauses"].splitlines(),
        sections=[(row["heading"], row["body"]) for row in section_rows if row],
        by=request.user,
    )


@staff_required
@require_POST
def markdown_preview(request):
    """htmx: the section text as it will be printed. The editor sends the section's own
    field (named in `felt`) rather than computing a value in script, which the
    Content-Security-Policy forbids (htmx's `js:` values need eval)."""
    field = request.GET.get("felt", "text")
    return HttpResponse(markdown_to_html(request.POST.get(field, "")))


@staff_required
@require_POST
def item_import_docx(request, pk):
    item = _item_for(request, pk)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        _report_form_errors(request, form)
        return redirect("staff:item_edit", pk=item.pk)
    upload = form.cleaned_data["file"]
    try:
        template = template_headings(item.meeting.organization)
        sections = docx_sections(upload.read(), template)
        _save(
            request,
            item,
            {**_initial_item(item), "version": item.version},
            [{"heading": heading, "body": body} for heading, body in sections],
        )
    except ValidationError as error:
        report_errors(request, error)
    else:
        count = len(sections)
        message = ngettext(
            "Word-dokumentet er indlæst som %(n)s afsnit.",
            "Word-dokumentet er indlæst som %(n)s afsnit.",
            count,
        )
        messages.success(request, message % {"n": count})
    return redirect("staff:item_edit", pk=item.pk)


def _report_form_errors(request, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


@staff_required
@require_POST
def item_add_bilag(request, pk):
    item = _item_for(request, pk)
    form = BilagForm(request.POST, request.FILES)
    if not form.is_valid():
        _report_form_errors(request, form)
        return redirect("staff:item_edit", pk=item.pk)
    upload = form.cleaned_data["file"]
    try:
        data, file_name = upload.read(), upload.name
        if Path(file_name).suffix.lower() in WORD_SUFFIXES:
            data, file_name = word_to_pdf(data, file_name), Path(file_name).stem + ".pdf"
        bilag = file_attach(
            data=data,
            name=form.cleaned_data["name"],
            file_name=file_name,
            agenda_item=item,
            public=form.cleaned_data["public"],
            by=request.user,
        )
    except ValidationError as error:
        report_errors(request, error)
    else:
        messages.success(request, _("Bilaget er vedhæftet."))
        if bilag.removed_content:
            messages.warning(request, bilag.removed_content)
    return redirect("staff:item_edit", pk=item.pk)


@staff_required
@require_POST
def item_state(request, pk):
    item = _item_for(request, pk)
    state = request.POST.get("state", "")
    if state == AgendaItem.DraftState.APPROVED:
        require(permissions.can_approve_item(request.user, item))
    try:
        item_set_draft_state(item=item, state=state, by=request.user)
    except ValidationError as error:
        report_errors(request, error)
    if request.POST.get("return_to") == "agenda":
        return redirect("staff:agenda_builder", pk=item.meeting_id)
    return redirect("staff:item_edit", pk=item.pk)
