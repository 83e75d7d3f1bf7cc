"""Fixtures for the importer tests.

The real seed documents live outside the repository, in the ``shared`` folder next
to the repository root (override with DAGSORDEN_SHARED). Tests that need them skip
with a clear message when the folder is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
DOCS = Path(__file__).resolve().parent / "docs"


def shared_dir() -> Path:
    return Path(os.environ.get("DAGSORDEN_SHARED") or REPO_ROOT.parent / "shared")


def seed_paths() -> list[Path]:
    seeds = shared_dir() / "corpus" / "seeds"
    return sorted(seeds.glob("*.txt")) if seeds.is_dir() else []


@pytest.fixture
def shared() -> Path:
    folder = shared_dir()
    if not (folder / "corpus" / "seeds").is_dir():
        pytest.skip(f"shared corpus not found at {folder} (set DAGSORDEN_SHARED)")
    return folder


@pytest.fixture
def docs() -> Path:
    return DOCS
