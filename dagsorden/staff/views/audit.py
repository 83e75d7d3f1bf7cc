"""The change log for administrators: every operation (who, when, what) and, for each
changed row, its fields before and after (from the model history)."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from dagsorden.core.models import AuditEntry
from dagsorden.core.text import without_control_characters
from dagsorden.meetings.models import AgendaItem

from .. import permissions
from ._helpers import staff_required


@staff_required
def audit_log(request):
    if not permissions.is_admin(request.user):
        raise PermissionDenied
    entries = AuditEntry.objects.select_related("user")
    if action := without_control_characters(request.GET.get("handling", "")):
        entries = entries.filter(action=action)
    page = Paginator(entries, 50).get_page(request.GET.get("side"))
    changes = _recent_item_changes()
    return render(request, "staff/audit_log.html", {"page": page, "changes": changes})


def _recent_item_changes(limit: int = 20):
    """Field-level before/after for the latest edits of agenda items."""
    rows = []
    for record in AgendaItem.history.select_related("history_user").order_by("-history_date")[
        :limit
    ]:
        previous = record.prev_record
        if previous is None:
            continue
        delta = record.diff_against(previous)
        rows.append({"record": record, "changes": delta.changes})
    return rows
