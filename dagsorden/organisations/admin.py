from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import LegislativeTerm, Location, Membership, Municipality, Organization, Party, Person


@admin.register(Municipality)
class MunicipalityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "document_style", "host", "accent_colour"]
    prepopulated_fields = {"slug": ["name"]}


def term_label(term: LegislativeTerm) -> str:
    """Every municipality has a "2022-2025": the admin names the municipality too."""
    return f"{term.name} · {term.municipality.name}"


class TermFilter(admin.SimpleListFilter):
    title = _("valgperiode")
    parameter_name = "term"

    def lookups(self, request, model_admin):
        terms = LegislativeTerm.objects.alive().select_related("municipality")
        return [
            (term.pk, term_label(term))
            for term in terms.order_by("municipality__name", "-start_date")
        ]

    def queryset(self, request, queryset):
        return queryset.filter(term=self.value()) if self.value() else queryset


@admin.register(LegislativeTerm)
class LegislativeTermAdmin(SimpleHistoryAdmin):
    list_display = ["name", "municipality", "start_date", "end_date"]
    list_filter = ["municipality"]
    list_select_related = ["municipality"]
    ordering = ["municipality__name", "-start_date"]


@admin.register(Party)
class PartyAdmin(SimpleHistoryAdmin):
    list_display = ["letter", "name", "municipality"]


@admin.register(Location)
class LocationAdmin(SimpleHistoryAdmin):
    list_display = ["description", "room", "street_address", "locality"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "item_numbering", "municipality"]
    list_filter = ["kind", "municipality"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["family_name", "given_name", "party", "title"]
    list_filter = ["party"]
    search_fields = ["given_name", "family_name"]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["person", "organization", "role", "party", "start_date", "end_date"]
    list_filter = ["organization__municipality", "organization", "role", TermFilter]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "term":
            field.queryset = field.queryset.select_related("municipality")
            field.label_from_instance = term_label
        return field

    autocomplete_fields = ["person"]
