from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.meeting_list, name="meeting_list"),
    path("moeder/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("bilag/<int:pk>/<str:name>", views.file_download, name="file_download"),
]
