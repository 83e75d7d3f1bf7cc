"""Settings come from the environment with safe defaults."""

import importlib
import sys

import pytest


def _load_settings(monkeypatch, tmp_path, **env):
    monkeypatch.setenv("DAGSORDEN_DATA_DIR", str(tmp_path))
    for name in ("DJANGO_SECRET_KEY", "DJANGO_DEBUG", "DATABASE_URL", "DATABASE_REPLICA_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    sys.modules.pop("dagsorden_settings_under_test", None)
    spec = importlib.util.spec_from_file_location(
        "dagsorden_settings_under_test", importlib.util.find_spec("dagsorden.settings").origin
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_defaults_are_sqlite_no_debug_and_a_generated_secret(monkeypatch, tmp_path):
    settings = _load_settings(monkeypatch, tmp_path)
    assert settings.DEBUG is False
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert len(settings.SECRET_KEY) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    again = _load_settings(monkeypatch, tmp_path)
    assert again.SECRET_KEY == settings.SECRET_KEY


def test_each_installation_gets_its_own_secret(monkeypatch, tmp_path):
    first = _load_settings(monkeypatch, tmp_path / "a").SECRET_KEY
    second = _load_settings(monkeypatch, tmp_path / "b").SECRET_KEY
    assert first != second


@pytest.mark.parametrize("value", ["1", "true", "yes"])
def test_debug_only_when_asked_for(monkeypatch, tmp_path, value):
    assert _load_settings(monkeypatch, tmp_path, DJANGO_DEBUG=value).DEBUG is True


def test_database_url_selects_postgresql(monkeypatch, tmp_path):
    settings = _load_settings(
        monkeypatch, tmp_path, DATABASE_URL="postgres://someone@db.example:5433/meetings"
    )
    database = settings.DATABASES["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"]) == (
        "db.example",
        5433,
        "meetings",
    )


def test_an_explicit_secret_key_wins(monkeypatch, tmp_path):
    settings = _load_settings(monkeypatch, tmp_path, DJANGO_SECRET_KEY="x" * 60)
    assert settings.SECRET_KEY == "x" * 60
    assert not (tmp_path / "secret_key").exists()


def test_a_replica_url_adds_the_replica_alias_and_router(monkeypatch, tmp_path):
    settings = _load_settings(
        monkeypatch,
        tmp_path,
        DATABASE_URL="postgres://app@primary.example:5432/meetings",
        DATABASE_REPLICA_URL="postgres://reader@replica.example:5433/meetings",
    )
    replica = settings.DATABASES["replica"]
    assert (replica["ENGINE"], replica["HOST"], replica["PORT"]) == (
        "django.db.backends.postgresql",
        "replica.example",
        5433,
    )
    assert replica["TEST"] == {"MIRROR": "default"}
    assert settings.DATABASE_ROUTERS == ["dagsorden.core.replica.PrimaryReplicaRouter"]


def test_without_a_replica_url_there_is_no_router(monkeypatch, tmp_path):
    settings = _load_settings(monkeypatch, tmp_path)
    assert list(settings.DATABASES) == ["default"]
    assert not getattr(settings, "DATABASE_ROUTERS", [])


def test_the_sticky_time_covers_the_lag_bound_and_check_interval(monkeypatch, tmp_path):
    settings = _load_settings(
        monkeypatch,
        tmp_path,
        DAGSORDEN_REPLICA_STICKY_SECONDS="2",
        DAGSORDEN_REPLICA_MAX_LAG_SECONDS="30",
        DAGSORDEN_REPLICA_LAG_CHECK_SECONDS="1",
    )
    assert settings.REPLICA_STICKY_SECONDS >= 31
