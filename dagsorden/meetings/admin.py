from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .admin_guard import GuardedAdminMixin
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


class ItemPartMixin(GuardedAdminMixin):
    """Rows that are part of an agenda item (sections, recommendation, decision …)."""

    def meetings_of(self, obj):
        return [obj.item.meeting] if obj is not None and obj.item_id else []

    def item_of(self, obj):
        return obj.item if obj.item_id else None


class ItemTextMixin(ItemPartMixin):
    """Rows that are the item's text: a change re-opens a published item's approval."""


class ItemMinutesMixin(ItemPartMixin):
    """Rows of the minutes (decision, votes, absences): not the item's text."""

    def item_of(self, obj):
        return None


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
class MeetingAdmin(GuardedAdminMixin, SimpleHistoryAdmin):
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

    def meetings_of(self, obj):
        return [obj] if obj is not None and obj.pk else []


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
class AgendaItemAdmin(GuardedAdminMixin, SimpleHistoryAdmin):
    list_display = ["number", "title", "meeting", "public", "item_type", "draft_state"]
    list_filter = ["public", "item_type", "draft_state", "meeting__organization"]
    search_fields = ["title"]
    inlines = [SectionInline, RecommendationInline, DecisionInline, VoteInline]

    def item_of(self, obj):
        return obj if obj.pk else None


@admin.register(Section)
class SectionAdmin(ItemTextMixin, SimpleHistoryAdmin):
    list_display = ["heading", "item", "order"]


@admin.register(Recommendation)
class RecommendationAdmin(ItemTextMixin, SimpleHistoryAdmin):
    list_display = ["item", "by"]


@admin.register(Decision)
class DecisionAdmin(ItemMinutesMixin, SimpleHistoryAdmin):
    list_display = ["item", "outcome", "text"]
    list_filter = ["outcome"]


@admin.register(DecisionRemark)
class DecisionRemarkAdmin(GuardedAdminMixin, SimpleHistoryAdmin):
    list_display = ["decision", "kind", "created"]

    def meetings_of(self, obj):
        return [obj.decision.item.meeting] if obj is not None and obj.decision_id else []

    def allowed_on_locked(self, obj) -> bool:
        # An existing remark of approved minutes is part of the record; a new
        # correction ("rettelse") is the one thing they still take.
        return obj.pk is None and obj.kind == DecisionRemark.Kind.CORRECTION


@admin.register(Vote)
class VoteAdmin(ItemMinutesMixin, SimpleHistoryAdmin):
    list_display = ["item", "person", "party", "choice"]


@admin.register(Attendance)
class AttendanceAdmin(GuardedAdminMixin, SimpleHistoryAdmin):
    list_display = ["meeting", "person", "status", "substitute_for", "reason"]
    list_filter = ["status"]


@admin.register(ItemAttendance)
class ItemAttendanceAdmin(ItemMinutesMixin, SimpleHistoryAdmin):
    list_display = ["item", "person", "kind"]


@admin.register(Approval)
class ApprovalAdmin(GuardedAdminMixin, SimpleHistoryAdmin):
    list_display = ["meeting", "person", "approved_at"]


@admin.register(Note)
class NoteAdmin(SimpleHistoryAdmin):
    list_display = ["item", "author", "shared_with_party", "created"]
