from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    AgendaItem,
    Approval,
    Attendance,
    Decision,
    DecisionRemark,
    ItemAttendance,
    Meeting,
    Note,
    Recommendation,
    Section,
    Vote,
)


class LockedMinutesMixin:
    """Rows of a meeting whose minutes are approved are read-only, also in the admin."""

    def meeting_of(self, obj):
        return obj.meeting

    def has_change_permission(self, request, obj=None):
        if obj is not None and self.meeting_of(obj).minutes_locked:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and self.meeting_of(obj).minutes_locked:
            return False
        return super().has_delete_permission(request, obj)


class ItemPartMixin(LockedMinutesMixin):
    def meeting_of(self, obj):
        return obj.item.meeting


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    fields = ["order", "number", "title", "public", "item_type", "draft_state"]
    show_change_link = True


class AttendanceInline(admin.TabularInline):
    model = Attendance
    fk_name = "meeting"
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(LockedMinutesMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "organization", "start", "state"]
    list_filter = ["state", "organization"]
    date_hierarchy = "start"
    inlines = [AgendaItemInline, AttendanceInline]
    # The state and its dates change only through the services (publish, close, approve,
    # cancel), which check the rules; the secretariat plans meetings in the staff pages.
    readonly_fields = [
        "state",
        "agenda_published_at",
        "minutes_published_at",
        "cancelled_at",
        "cancel_reason",
    ]

    def meeting_of(self, obj):
        return obj


class SectionInline(admin.StackedInline):
    model = Section
    extra = 0


class RecommendationInline(admin.StackedInline):
    model = Recommendation
    extra = 0


class DecisionInline(admin.StackedInline):
    model = Decision
    extra = 0


class VoteInline(admin.TabularInline):
    model = Vote
    extra = 0


@admin.register(AgendaItem)
class AgendaItemAdmin(LockedMinutesMixin, SimpleHistoryAdmin):
    list_display = ["number", "title", "meeting", "public", "item_type", "draft_state"]
    list_filter = ["public", "item_type", "draft_state", "meeting__organization"]
    search_fields = ["title"]
    inlines = [SectionInline, RecommendationInline, DecisionInline, VoteInline]


@admin.register(Section)
class SectionAdmin(ItemPartMixin, SimpleHistoryAdmin):
    list_display = ["heading", "item", "order"]


@admin.register(Recommendation)
class RecommendationAdmin(ItemPartMixin, SimpleHistoryAdmin):
    list_display = ["item", "by"]


@admin.register(Decision)
class DecisionAdmin(ItemPartMixin, SimpleHistoryAdmin):
    list_display = ["item", "outcome", "text"]
    list_filter = ["outcome"]


@admin.register(DecisionRemark)
class DecisionRemarkAdmin(SimpleHistoryAdmin):
    list_display = ["decision", "kind", "created"]


@admin.register(Vote)
class VoteAdmin(ItemPartMixin, SimpleHistoryAdmin):
    list_display = ["item", "person", "party", "choice"]


@admin.register(Attendance)
class AttendanceAdmin(LockedMinutesMixin, SimpleHistoryAdmin):
    list_display = ["meeting", "person", "status", "substitute_for", "reason"]
    list_filter = ["status"]


@admin.register(ItemAttendance)
class ItemAttendanceAdmin(ItemPartMixin, SimpleHistoryAdmin):
    list_display = ["item", "person", "kind"]


@admin.register(Approval)
class ApprovalAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "person", "approved_at"]


@admin.register(Note)
class NoteAdmin(SimpleHistoryAdmin):
    list_display = ["item", "author", "shared_with_party", "created"]
