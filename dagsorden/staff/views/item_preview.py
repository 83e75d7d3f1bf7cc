"""The item as it will print, while it is being written, and what changed since the
previous body treated the case.

The preview saves the form's text inside a transaction that is always rolled back, and
prints the meeting's members' document through the same code as the real PDF (whose
source is this HTML), keeping only this item: what the author sees is exactly what will
be printed, with the style's headings, the indstilling wording and Sagens forløb.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dagsorden.documents.from_db import document_from_meeting
from dagsorden.documents.html import to_html
from dagsorden.documents.model import MEMBERS
from dagsorden.meetings.models import AgendaItem
from dagsorden.meetings.selectors import item_section_diff, meeting_items
from dagsorden.meetings.services import item_update
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


def _printed_html(item: AgendaItem) -> str:
    meeting = item.meeting
    ids = [row.pk for row in meeting_items(meeting)]
    document = document_from_meeting(meeting, variant=MEMBERS)
    position = ids.index(item.pk)
    document.items = document.items[position : position + 1]
    document.header = []
    document.signature = None
    return to_html(document)


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
    data = form.cleaned_data
    try:
        html = _preview_html(item, data, sections.cleaned_data)
    except ValidationError as error:
        return HttpResponse(
            "".join(f'<p class="message error">{escape(m)}</p>' for m in error.messages)
        )
    return HttpResponse(
        render_to_string("staff/_print_preview.html", {"html": html}, request=request)
    )


def _preview_html(item: AgendaItem, data: dict, section_rows: list[dict]) -> str:
    with transaction.atomic():
        item_update(
            item=item,
            expected_version=item.version,
            title=data["title"],
            item_type=data["item_type"],
            public=data["public"],
            public_title=data["public_title"] or str(AgendaItem.CLOSED_TITLE),
            presenters=data["presenters"],
            recommendation_by=data["recommendation_by"],
            recommendation_to=data["recommendation_to"],
            recommendation_clauses=data["recommendation_clauses"].splitlines(),
            sections=[(row["heading"], row["body"]) for row in section_rows if row],
        )
        html = _printed_html(AgendaItem.objects.get(pk=item.pk))
        transaction.set_rollback(True)  # a preview never saves anything
    return html


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
