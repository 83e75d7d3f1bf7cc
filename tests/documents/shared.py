"""Where ../shared is: next to the repository, or $DAGSORDEN_SHARED."""

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    return Path(os.environ.get("DAGSORDEN_SHARED") or REPO_ROOT.parent / "shared")


def seeds_or_skip() -> Path:
    seeds = shared_dir() / "corpus" / "seeds"
    if not seeds.is_dir() or not any(seeds.glob("*.txt")):
        pytest.skip(f"seed documents not found in {seeds} (set DAGSORDEN_SHARED to ../shared)")
    return seeds
