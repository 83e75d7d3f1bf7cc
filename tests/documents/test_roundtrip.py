"""Round trip: each seed read by the importer and written again in its own layout is
at least 0.95 similar to the original, word by word."""

import io

import pytest
from django.core.management import call_command

from dagsorden.documents.similarity import similarity, words
from tests.documents.shared import shared_dir

SEEDS = sorted((shared_dir() / "corpus" / "seeds").glob("*.txt"))
MIN_SIMILARITY = 0.95


def render_txt(path, *extra) -> str:
    out = io.StringIO()
    call_command("render", str(path), "--format", "txt", *extra, stdout=out)
    return out.getvalue()


@pytest.mark.skipif(not SEEDS, reason=f"seed documents not found under {shared_dir()}")
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_render_in_own_layout_is_faithful(seed):
    rendered = render_txt(seed)
    ratio = similarity(seed.read_text(encoding="utf-8"), rendered)
    assert ratio >= MIN_SIMILARITY, f"{seed.name}: {ratio:.4f}"


def test_similarity_ignores_markdown_leaders_and_case():
    original = "## **Indholdsfortegnelse**\n\nBudget for skoler.....\t3\n"
    rendered = "indholdsfortegnelse\n\nBudget for SKOLER\n"
    assert similarity(original, rendered) == 1.0
    assert words("Punkt 4: [Referat](#)") == ["punkt", "4:", "referat"]


def test_similarity_drops_when_words_are_missing():
    assert similarity("et to tre fire", "et to") < 0.7


@pytest.mark.slow
@pytest.mark.skipif(not SEEDS, reason=f"seed documents not found under {shared_dir()}")
def test_our_pdf_reads_back_through_the_importer(tmp_path, settings):
    """The PDF we print is itself a readable document: seed -> PDF -> text."""
    settings.DATA_DIR = tmp_path
    seed = SEEDS[0]
    pdf = tmp_path / "seed.pdf"
    call_command("render", str(seed), "--format", "pdf", "-o", str(pdf))
    rendered = render_txt(pdf)
    assert similarity(seed.read_text(encoding="utf-8"), rendered) >= 0.9


@pytest.mark.skipif(not SEEDS, reason=f"seed documents not found under {shared_dir()}")
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_our_html_reads_back_through_the_importer(seed, tmp_path):
    html = tmp_path / "seed.html"
    call_command("render", str(seed), "--format", "html", "-o", str(html))
    assert similarity(seed.read_text(encoding="utf-8"), render_txt(html)) >= MIN_SIMILARITY
