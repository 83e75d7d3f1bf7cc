from django.contrib import admin
from django.urls import include, path

from dagsorden.portal.urls import scoped_patterns

admin.site.site_header = "Dagsorden"
admin.site.site_title = "Dagsorden"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("dagsorden.api.urls")),
    path("konto/", include("dagsorden.accounts.urls")),
    path("", include("dagsorden.staff.urls")),
    path("", include("dagsorden.documents.urls")),
    path("", include("dagsorden.portal.urls")),
    # Last, so that every fixed first segment above wins over a municipality's slug.
    path("<slug:kommune>/", include((scoped_patterns, "kommune"))),
]

# Uploaded files are never served from MEDIA_URL: bilag go through views that check
# that the item, the file and the meeting are public (closed items' bilag stay inside).

handler403 = "dagsorden.core.errors.permission_denied"
handler404 = "dagsorden.core.errors.page_not_found"
handler500 = "dagsorden.core.errors.server_error"
