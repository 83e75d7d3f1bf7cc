"""The item as it will print, while it is being written, and what changed since the
previous body treated the case.

The preview puts the form's unsaved text on the item in memory and prints it through the
same code as the members' PDF (whose source is this HTML): what the author sees is
exactly what will be printed, with the style's headings, the indstilling wording, Sagens
forløb and the bilag list. Nothing is written to the database.
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dagsorden.documents.from_db import document_for_item
from dagsorden.documents.html import to_html
from dagsorden.meetings.models import AgendaItem, Recommendation, Section
from dagsorden.meetings.recommendation import recommendation_wording
from dagsorden.meetings.selectors import item_section_diff, meeting_items
from dagsorden.meetings.services.carry import previous_item

from .. import permissions
from ..forms import ItemForm, SectionFormSet
from ._helpers import require, staff_required


def _item_for(request, pk) -> AgendaItem:
    item = get_object_or_404(
        AgendaItem.objects.alive().select_related("meeting__organization__municipality"), pk=pk
    )
    require(permissions.can_edit_item(request.user, item))
    return item


def _printed_html(item: AgendaItem, data: dict, section_rows: list[dict]) -> str:
    """The item with the editor's text, built in memory and printed; nothing is saved."""
    wording = recommendation_wording(
        by=data["recommendation_by"],
        to=data["recommendation_to"],
        clauses=data["recommendation_clauses"].splitlines(),
    )
    item.title = data["title"]
    item.item_type = data["item_type"]
    item.public = data["public"]
    sections = [
        Section(item=item, order=order, heading=row["heading"], body=row["body"])
        for order, row in enumerate((r for r in section_rows if r.get("heading")), start=1)
    ]
    files = list(item.files.alive().order_by("order", "id"))
    # Section and file lists are read through the prefetch cache, so the document code
    # prints these unsaved rows exactly as it prints saved ones.
    item._prefetched_objects_cache = {"sections": sections, "files": files}
    if wording.by or wording.clauses:
        item.recommendation = Recommendation(
            item=item, by=wording.by, to=wording.to, clauses=wording.clauses
        )
    elif hasattr(item, "recommendation"):
        item.recommendation.deleted = True  # printed without one, as when saved
    ids = [row.pk for row in meeting_items(item.meeting)]
    position = ids.index(item.pk) + 1 if item.pk in ids else len(ids) + 1
    return to_html(document_for_item(item, position=position))


@staff_required
@require_POST
def item_print_preview(request, pk):
    """htmx: the whole item as printed, from the editor's unsaved text."""
    item = _item_for(request, pk)
    form = ItemForm(request.POST)
    sections = SectionFormSet(request.POST, prefix="sections")
    if not (form.is_valid() and sections.is_valid()):
        message = escape(_("Forhåndsvisningen kræver en titel."))
        return HttpResponse(f'<p class="message error">{message}</p>')
    html = _printed_html(item, form.cleaned_data, sections.cleaned_data)
    return HttpResponse(
        render_to_string("staff/_print_preview.html", {"html": html}, request=request)
    )


@staff_required
def item_changes(request, pk):
    """The item's sections beside those the previous body treated."""
    item = _item_for(request, pk)
    source = previous_item(item.consultation) if item.consultation_id else None
    return render(
        request,
        "staff/item_changes.html",
        {
            "item": item,
            "source": source,
            "changes": item_section_diff(source, item) if source else [],
        },
    )
