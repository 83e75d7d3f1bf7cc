from django.urls import path

from . import views

app_name = "api"

urlpatterns = [
    path("oparl/v1/system", views.system, name="system"),
    path("oparl/v1/body", views.body_list, name="bodies"),
    path("oparl/v1/body/<id:pk>", views.body, name="body"),
    path("oparl/v1/body/<id:pk>/<slug:kind>", views.object_list, name="list"),
    path(
        "oparl/v1/organization/<id:pk>/meeting",
        views.organization_meetings,
        name="organization_meetings",
    ),
    path("oparl/v1/<slug:kind>/<id:pk>", views.object_detail, name="object"),
]
