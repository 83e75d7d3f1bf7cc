"""The site without an OParl API: what the export meets when the API is missing."""

from django.urls import include, path
from django.views.defaults import page_not_found

urlpatterns = [
    path("oparl/v1/", page_not_found, {"exception": None}),
    path("", include("dagsorden.urls")),
]
