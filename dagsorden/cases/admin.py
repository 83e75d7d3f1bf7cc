from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from dagsorden.meetings.admin_guard import GuardedAdminMixin

from .models import Case, Consultation, File


class ConsultationInline(admin.TabularInline):
    model = Consultation
    extra = 0


@admin.register(Case)
class CaseAdmin(SimpleHistoryAdmin):
    list_display = ["journal_number", "title", "responsible_unit", "created"]
    search_fields = ["journal_number", "title"]
    inlines = [ConsultationInline]


@admin.register(Consultation)
class ConsultationAdmin(SimpleHistoryAdmin):
    list_display = ["case", "order", "organization", "role", "status"]
    list_filter = ["organization", "role", "status"]


@admin.register(File)
class FileAdmin(GuardedAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "agenda_item", "mime_type", "size", "public"]
    list_filter = ["public", "mime_type"]
    search_fields = ["name"]
    readonly_fields = ["sha512"]

    def meetings_of(self, obj):
        return [obj.agenda_item.meeting] if obj is not None and obj.agenda_item_id else []

    def item_of(self, obj):
        return obj.agenda_item if obj.agenda_item_id else None
