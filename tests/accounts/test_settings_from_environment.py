"""Lockout, session times and single sign-on are configured from the environment."""

from tests.core.test_settings import _load_settings

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
OIDC_BACKEND = "dagsorden.accounts.oidc.OIDCBackend"


def test_lockout_and_session_times(monkeypatch, tmp_path):
    settings = _load_settings(
        monkeypatch,
        tmp_path,
        DAGSORDEN_LOGIN_FAILURE_LIMIT="3",
        DAGSORDEN_LOGIN_COOLOFF_MINUTES="45",
        DAGSORDEN_SESSION_IDLE_MINUTES="20",
        DAGSORDEN_SESSION_MAX_HOURS="8",
    )
    assert settings.AXES_FAILURE_LIMIT == 3
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 45 * 60
    assert settings.SESSION_IDLE_SECONDS == 20 * 60
    assert settings.SESSION_COOKIE_AGE == 8 * 3600


def test_single_sign_on_is_off_until_configured(monkeypatch, tmp_path):
    settings = _load_settings(monkeypatch, tmp_path, DAGSORDEN_LOCAL_PASSWORDS="0")
    assert not settings.OIDC_ENABLED
    # Turning passwords off without single sign-on would lock everyone out: ignored.
    assert settings.LOCAL_PASSWORDS
    assert MODEL_BACKEND in settings.AUTHENTICATION_BACKENDS
    assert OIDC_BACKEND not in settings.AUTHENTICATION_BACKENDS


def test_single_sign_on_with_passwords_off(monkeypatch, tmp_path):
    settings = _load_settings(
        monkeypatch,
        tmp_path,
        DAGSORDEN_OIDC_ISSUER="https://login.eksempel.invalid/",
        DAGSORDEN_OIDC_CLIENT_ID="dagsorden",
        DAGSORDEN_OIDC_CLIENT_SECRET="hemmelig",
        DAGSORDEN_LOCAL_PASSWORDS="0",
    )
    assert settings.OIDC_ENABLED
    assert settings.OIDC_ISSUER == "https://login.eksempel.invalid"
    assert settings.AUTHENTICATION_BACKENDS == ["axes.backends.AxesStandaloneBackend", OIDC_BACKEND]
