"""Import fidelity on the real seed documents, measured by the shared scorer."""

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dagsorden.importer.parse import parse_file

from .conftest import seed_paths


def _score(shared: Path, command: str) -> tuple[float, dict[str, float]]:
    result = subprocess.run(
        [
            sys.executable,
            str(shared / "eval" / "score_import.py"),
            "--gold",
            str(shared / "corpus" / "gold"),
            "--docs",
            str(shared / "corpus" / "seeds"),
            "--cmd",
            command,
        ],  # fmt: skip
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    overall = float(re.search(r"import fidelity: ([\d.]+)", result.stdout).group(1))
    per_document = {
        line.split()[0]: float(line.split()[-1])
        for line in result.stdout.splitlines()
        if re.match(r"^\d{3}_", line)
    }
    return overall, per_document


@pytest.mark.slow
def test_seed_corpus_fidelity_through_the_cli(shared):
    dagsorden = Path(sys.executable).with_name("dagsorden")
    if not dagsorden.exists():
        pytest.skip(f"console script not installed next to {sys.executable}")
    overall, per_document = _score(shared, f"{dagsorden} parse {{file}} --json")
    assert overall >= 0.97
    assert per_document and all(score >= 0.95 for score in per_document.values()), per_document


def test_five_seeds_parse_in_under_a_second(shared):
    paths = seed_paths()
    started = time.perf_counter()
    meetings = [parse_file(path) for path in paths]
    elapsed = time.perf_counter() - started
    assert all(meeting.items for meeting in meetings)
    assert elapsed < 1.0, f"{elapsed:.2f}s"
