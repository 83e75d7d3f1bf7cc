from django.contrib import admin

from .models import AuditEntry, BackgroundJob, ReplicaHeartbeat


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records written by the system itself: shown, never edited here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    """The audit log is read-only: it is the record of what was done."""

    list_display = ["at", "user", "action", "object_type", "object_id", "summary"]
    list_filter = ["action", "object_type"]
    search_fields = ["summary", "object_id"]
    date_hierarchy = "at"

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ReplicaHeartbeat)
class ReplicaHeartbeatAdmin(ReadOnlyAdmin):
    """The read replica's heartbeat, for an administrator checking that the stamp moves
    (it does while anonymous visitors are served); written only by the lag check."""

    list_display = ["at"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(BackgroundJob)
class BackgroundJobAdmin(ReadOnlyAdmin):
    """Jobs are run and retried from the secretariat's jobs page; here they are read."""

    list_display = ["created", "task", "subject", "state", "percent", "attempts"]
    list_filter = ["state", "task"]
    search_fields = ["subject", "object_id", "last_error"]
    date_hierarchy = "created"
