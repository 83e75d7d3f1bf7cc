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
