from django.contrib import admin

from .models import AuditEntry, BackgroundJob


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit log is read-only: it is the record of what was done."""

    list_display = ["at", "user", "action", "object_type", "object_id", "summary"]
    list_filter = ["action", "object_type"]
    search_fields = ["summary", "object_id"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(BackgroundJob)
class BackgroundJobAdmin(admin.ModelAdmin):
    """Jobs are run and retried from the secretariat's jobs page; here they are read."""

    list_display = ["created", "task", "subject", "state", "percent", "attempts"]
    list_filter = ["state", "task"]
    search_fields = ["subject", "object_id", "last_error"]
    date_hierarchy = "created"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
