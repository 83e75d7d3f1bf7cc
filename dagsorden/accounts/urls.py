from django.contrib.auth.decorators import login_required
from django.urls import path

from . import oidc, views

app_name = "accounts"

urlpatterns = [
    path(
        "adgangskode/",
        login_required(views.PasswordChangeView.as_view()),
        name="password_change",
    ),
    path("sso/", oidc.SSOStartView.as_view(), name="oidc_start"),
    path("sso/retur/", oidc.SSOCallbackView.as_view(), name="oidc_callback"),
]
