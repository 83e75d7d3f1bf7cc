from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AgendaReading, Assignment


@admin.register(Assignment)
class AssignmentAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "organization"]
    list_filter = ["role", "organization"]


@admin.register(AgendaReading)
class AgendaReadingAdmin(admin.ModelAdmin):
    """A member's own reading state: administrators may look, not write."""

    list_display = ["meeting", "person", "read_at"]
    list_select_related = ["meeting__organization", "person"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
