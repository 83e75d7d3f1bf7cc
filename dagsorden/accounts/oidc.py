"""Single sign-on with OpenID Connect (authorization code flow with PKCE).

mozilla-django-oidc does the protocol; here: the provider's endpoints from its discovery
document, an id_token check that also insists on our audience, the issuer and an
unexpired token, users found by a configurable claim, and their roles taken from the
identity provider's groups on every login (`services.user_sync_from_claims`)."""

import functools
import logging

import jwt
import requests
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from dagsorden.core.audit import audit_login_event

from .login_events import client_address
from .services import user_sync_from_claims

logger = logging.getLogger(__name__)

# Our settings → the keys of the provider's discovery document.
DISCOVERED = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}
# A provider that does not answer, or answers nonsense.
PROVIDER_FAILURES = (requests.RequestException, ValueError, ImproperlyConfigured)
# Clocks of the provider and the server may differ a little.
CLOCK_SKEW_SECONDS = 30


@functools.lru_cache(maxsize=8)
def discovery(issuer: str) -> dict:
    """The provider's `/.well-known/openid-configuration`, read once per process."""
    if not issuer:
        raise ImproperlyConfigured(
            "Set DAGSORDEN_OIDC_ISSUER or every DAGSORDEN_OIDC_*_ENDPOINT for single sign-on."
        )
    response = requests.get(
        f"{issuer}/.well-known/openid-configuration", timeout=settings.OIDC_TIMEOUT
    )
    response.raise_for_status()
    document = response.json()
    if document.get("issuer", "").rstrip("/") != issuer:
        raise ImproperlyConfigured(f"The discovery document of {issuer} names another issuer.")
    return document


def oidc_setting(name: str, *default):
    """A setting, with the provider's endpoints from discovery unless set explicitly."""
    if name in DISCOVERED and not getattr(settings, name, ""):
        return discovery(settings.OIDC_ISSUER)[DISCOVERED[name]]
    return import_from_settings(name, *default)


def identity_of(claims: dict) -> str:
    """The user name the provider gives, or its stable subject identifier."""
    return str(claims.get(settings.OIDC_USERNAME_CLAIM) or claims.get("sub") or "")


class OIDCBackend(OIDCAuthenticationBackend):
    get_settings = staticmethod(oidc_setting)

    def _verify_jws(self, payload, key):
        try:
            algorithm = jwt.get_unverified_header(payload).get("alg")
        except jwt.InvalidTokenError as error:
            raise SuspiciousOperation(f"Unreadable id_token: {error}") from error
        if algorithm != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation(f"id_token signed with {algorithm!r}, not ours.")
        try:
            return jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=settings.OIDC_ISSUER or None,
                leeway=CLOCK_SKEW_SECONDS,
                options={"require": ["exp", "iat", "sub"]},
            )
        except jwt.InvalidTokenError as error:  # expired, wrong audience, bad signature …
            raise SuspiciousOperation(f"id_token refused: {error}") from error

    def verify_claims(self, claims):
        return bool(identity_of(claims))

    def filter_users_by_claims(self, claims):
        return self.UserModel.objects.filter(username__iexact=identity_of(claims))

    def create_user(self, claims):
        user = self.UserModel(username=identity_of(claims)[:150])
        user.set_unusable_password()  # the identity provider holds the password
        user.save()
        return user_sync_from_claims(user=user, claims=claims)

    def update_user(self, user, claims):
        return user_sync_from_claims(user=user, claims=claims)


def _require_sso():
    if not settings.OIDC_ENABLED:
        raise Http404(_("Single sign-on er ikke sat op."))


class SSOStartView(OIDCAuthenticationRequestView):
    """'Log ind med …': off to the identity provider with state, nonce and PKCE."""

    get_settings = staticmethod(oidc_setting)

    def __init__(self, **kwargs):
        # The parent reads the provider's endpoints here, where a provider that does not
        # answer would be a server error; they are read in get() instead.
        View.__init__(self, **kwargs)

    def get(self, request):
        _require_sso()
        try:
            self.OIDC_OP_AUTH_ENDPOINT = self.get_settings("OIDC_OP_AUTHORIZATION_ENDPOINT")
            self.OIDC_RP_CLIENT_ID = self.get_settings("OIDC_RP_CLIENT_ID")
            return super().get(request)
        except PROVIDER_FAILURES as error:
            logger.warning("Single sign-on: the provider's discovery failed: %s", error)
            messages.error(request, _("Login-tjenesten svarer ikke. Prøv igen om lidt."))
            return redirect("staff:login")


class SSOCallbackView(OIDCAuthenticationCallbackView):
    """The provider sends the browser back here with a code; a wrong or replayed state,
    a wrong nonce, an expired or forged id_token all end on the login page with a
    message, never in a login (or a server error)."""

    get_settings = staticmethod(oidc_setting)

    def get(self, request):
        _require_sso()
        try:
            return super().get(request)
        except (SuspiciousOperation, *PROVIDER_FAILURES) as error:
            logger.warning("Single sign-on refused: %s", error)
            return self.login_failure()

    def login_failure(self):
        audit_login_event(
            action="login_failed", username="(single sign-on)", ip=client_address(self.request)
        )
        messages.error(
            self.request,
            _("Login med %(provider)s lykkedes ikke. Prøv igen, eller kontakt sekretariatet.")
            % {"provider": settings.OIDC_PROVIDER_NAME},
        )
        return redirect("staff:login")
