from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import LegislativeTerm, Location, Membership, Municipality, Organization, Party, Person


@admin.register(Municipality)
class MunicipalityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "document_style", "agenda_deadline_workdays"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(LegislativeTerm)
class LegislativeTermAdmin(SimpleHistoryAdmin):
    list_display = ["name", "municipality", "start_date", "end_date"]


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
    list_filter = ["organization", "role", "term"]
    autocomplete_fields = ["person"]
