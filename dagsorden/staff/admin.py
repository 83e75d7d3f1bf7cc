from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Assignment


@admin.register(Assignment)
class AssignmentAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "organization"]
    list_filter = ["role", "organization"]
