from django.contrib import admin
from django.urls import include, path

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
]

# Uploaded files are never served from MEDIA_URL: bilag go through views that check
# that the item, the file and the meeting are public (closed items' bilag stay inside).

handler403 = "dagsorden.core.errors.permission_denied"
handler404 = "dagsorden.core.errors.page_not_found"
handler500 = "dagsorden.core.errors.server_error"
