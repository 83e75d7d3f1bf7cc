from django.urls import path

from . import views

app_name = "api"

urlpatterns = [
    path("oparl/v1/system", views.system, name="system"),
    path("oparl/v1/body", views.body_list, name="bodies"),
    path("oparl/v1/body/<int:pk>", views.body, name="body"),
    path("oparl/v1/body/<int:pk>/<slug:kind>", views.object_list, name="list"),
    path(
        "oparl/v1/organization/<int:pk>/meeting",
        views.organization_meetings,
        name="organization_meetings",
    ),
    path("oparl/v1/<slug:kind>/<int:pk>", views.object_detail, name="object"),
]
