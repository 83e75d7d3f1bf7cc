"""Fixtures shared by every test: uploaded files and caches go to a temporary folder."""

import pytest
from django.conf import settings


@pytest.fixture(scope="session", autouse=True)
def media_in_tmp(tmp_path_factory):
    # Session-wide, so module-scoped data (the demo) and single tests see the same files.
    original = settings.MEDIA_ROOT
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
    yield settings.MEDIA_ROOT
    settings.MEDIA_ROOT = original


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    # The production hasher is slow on purpose; tests create many users.
    original = settings.PASSWORD_HASHERS
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    yield
    settings.PASSWORD_HASHERS = original
