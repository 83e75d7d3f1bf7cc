from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path(
        "moeder/<id:pk>/dagsorden.pdf", views.meeting_document, {"fmt": "pdf"}, name="meeting_pdf"
    ),
    path(
        "moeder/<id:pk>/dagsorden.html",
        views.meeting_document,
        {"fmt": "html"},
        name="meeting_html",
    ),
    path("moeder/<id:pk>/dagsorden.md", views.meeting_document, {"fmt": "md"}, name="meeting_md"),
    path(
        "moeder/<id:pk>/dagsorden.txt", views.meeting_document, {"fmt": "txt"}, name="meeting_txt"
    ),
    path(
        "moeder/<id:pk>/dagsorden-med-bilag.pdf",
        views.meeting_combined_pdf,
        name="meeting_combined_pdf",
    ),
]
