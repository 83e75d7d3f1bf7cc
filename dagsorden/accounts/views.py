"""The login page, the lockout after too many wrong passwords, and changing one's password."""

import math

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from dagsorden.core.audit import audit_login_event

from .login_events import client_address
from .middleware import SESSION_ENDED

LOGIN_TEMPLATE = "staff/login.html"


def login_options() -> dict:
    return {
        "local_passwords": settings.LOCAL_PASSWORDS,
        "sso_enabled": settings.OIDC_ENABLED,
        "sso_provider": settings.OIDC_PROVIDER_NAME,
    }


def session_ended_message(reason: str | None) -> str:
    if reason == "idle":
        minutes = settings.SESSION_IDLE_SECONDS // 60
        return ngettext(
            "Du er logget ud, fordi du ikke har været aktiv i %(minutes)d minut. Log ind igen.",
            "Du er logget ud, fordi du ikke har været aktiv i %(minutes)d minutter. Log ind igen.",
            minutes,
        ) % {"minutes": minutes}
    if reason == "lifetime":
        return _("Din session er udløbet (højst %(hours)d timer). Log ind igen.") % {
            "hours": settings.SESSION_COOKIE_AGE // 3600
        }
    return ""


class LoginView(auth_views.LoginView):
    template_name = LOGIN_TEMPLATE
    redirect_authenticated_user = False

    def post(self, request, *args, **kwargs):
        if not settings.LOCAL_PASSWORDS:
            # Nothing to try a password against: say so instead of "wrong password".
            context = self.get_context_data(form=AuthenticationForm(request))
            context["refusal"] = _("Log ind med adgangskode er slået fra. Brug %(provider)s.") % {
                "provider": settings.OIDC_PROVIDER_NAME
            }
            return self.render_to_response(context, status=400)
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(login_options())
        context["session_ended"] = session_ended_message(
            self.request.session.pop(SESSION_ENDED, None)
        )
        return context


def locked_out(request, response=None, credentials=None):
    """django-axes calls this instead of logging in once a user name is locked out from
    this address: the login page again, with the reason and how long it lasts."""
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    refusal = ngettext(
        "For mange forkerte forsøg. Log ind er spærret for denne bruger fra din adresse i "
        "%(minutes)d minut. Prøv igen senere, eller kontakt sekretariatet.",
        "For mange forkerte forsøg. Log ind er spærret for denne bruger fra din adresse i "
        "%(minutes)d minutter. Prøv igen senere, eller kontakt sekretariatet.",
        minutes,
    ) % {"minutes": minutes}
    context = {"form": AuthenticationForm(request), "refusal": refusal, **login_options()}
    return render(request, LOGIN_TEMPLATE, context, status=429)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change")

    def form_valid(self, form):
        response = super().form_valid(form)
        audit_login_event(
            action="password_changed", user=self.request.user, ip=client_address(self.request)
        )
        messages.success(self.request, _("Din adgangskode er skiftet."))
        return response
