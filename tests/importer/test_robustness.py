"""Bad input never crashes: a clear message, exit code ≠ 0 from `parse`, partial results
with warnings where some structure was found. Property tests over block streams."""

import io
import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dagsorden.importer.blocks import (
    HEADING,
    LIST_ENTRY,
    PARAGRAPH,
    ROW,
    Block,
    blocks_to_text,
    line_origins,
)
from dagsorden.importer.extract import MAX_TEXT_BYTES, ExtractionError, extract_bytes
from dagsorden.importer.parse import parse_text
from dagsorden.importer.runner import EXIT_NO_ITEMS, EXIT_UNREADABLE, run_parse
from dagsorden.importer.textutil import split_lines


def _run(path):
    out, err = io.StringIO(), io.StringIO()
    return run_parse(path, as_json=True, stdout=out, stderr=err), out.getvalue(), err.getvalue()


def _timed_html(html: str):
    started = time.perf_counter()
    extracted = extract_bytes(html.encode(), name="page.html")
    return extracted, time.perf_counter() - started


def test_deeply_nested_divs_are_read_without_recursion():
    html = "<html><body>" + "<div>" * 800 + "<h2>Punkt 1: Budget</h2>" + "</div>" * 800
    extracted, seconds = _timed_html(html)
    assert "## Punkt 1: Budget" in extracted.text
    assert seconds < 1  # no quadratic walk: 800 levels cost what their bytes cost


def test_three_thousand_nested_tables_do_not_crash_or_run_long():
    html = "<html><body>" + "<table><tr><td>" * 3000 + "1. Budget" + "</td></tr></table>" * 3000
    extracted, seconds = _timed_html(html)
    assert "1. Budget" in extracted.text
    assert seconds < 2


def test_marked_sections_and_word_conditionals_are_not_fatal():
    html = (
        "<html><body><![CDATA[ rå <tekst> ]]><p><![if !supportLists]>1.<![endif]> Punkt</p>"
        "<h2>Punkt 1: Budget</h2><p>Tekst</p><![ ikke lukket"
    )
    text = extract_bytes(html.encode(), name="x.html").text
    assert "## Punkt 1: Budget" in text and "rå <tekst>" in text


def _pdf_bytes(text: str | None) -> bytes:
    import pymupdf

    document = pymupdf.open()
    page = document.new_page()
    if text:
        page.insert_text((72, 72), text)
    else:
        page.draw_rect(pymupdf.Rect(72, 72, 300, 300), color=(0, 0, 0), fill=(0.5, 0.5, 0.5))
    return document.tobytes()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.pdf", b"", "empty"),
        ("blank.txt", b"  \n\t ", "empty"),
        ("blob.bin", bytes(range(256)) * 40, "binary"),
        ("scan.pdf", _pdf_bytes(None), "no text layer: needs OCR"),
        ("half.pdf", _pdf_bytes("Punkt 1: Budget")[:300], "damaged or truncated"),
        ("fake.pdf", b"%PDF-1.7\nnot a pdf at all", "PDF"),
        ("fake.docx", b"PK\x03\x04" + b"\x00" * 200, "not a Word document"),
    ],
)
def test_unreadable_input_gets_its_reason_and_a_nonzero_exit(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = _run(path)
    assert code == EXIT_UNREADABLE and out == ""
    assert message in err and "Traceback" not in err


def test_encrypted_pdf_says_so(tmp_path):
    import pymupdf

    document = pymupdf.open()
    document.new_page().insert_text((72, 72), "Punkt 1: Fortroligt")
    path = tmp_path / "locked.pdf"
    path.write_bytes(
        document.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")
    )
    code, _, err = _run(path)
    assert code == EXIT_UNREADABLE and "encrypted" in err


def test_a_fifty_megabyte_file_is_refused_quickly(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write(b"Punkt 1: Budget\n\n" + b"tekst " * (50 * 1024 * 1024 // 6))
    started = time.perf_counter()
    code, _, err = _run(path)
    assert code == EXIT_UNREADABLE and "too large" in err
    assert time.perf_counter() - started < 2
    assert path.stat().st_size > MAX_TEXT_BYTES


def test_html_without_items_gives_partial_json_and_exit_3(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><body><h1>Referat</h1><h2>Byrådet</h2><p>Mødedato: 3. marts 2026 kl. 17.00</p>"
        "<p>Mødet blev aflyst.</p></body></html>",
        encoding="utf-8",
    )
    code, out, err = _run(path)
    assert code == EXIT_NO_ITEMS
    data = json.loads(out)
    assert data["body"] == "Byrådet" and data["start"] == "2026-03-03T17:00"
    assert "no agenda items" in err


def test_truncated_pdf_with_some_text_is_read_with_a_warning():
    data = _pdf_bytes("Punkt 1: Budget")
    try:
        extracted = extract_bytes(data[: len(data) - 40])
    except ExtractionError as exc:
        assert "damaged" in str(exc)
    else:
        assert "Punkt 1: Budget" in extracted.text


# --- property tests over block streams ---------------------------------------------------

_WORDS = st.sampled_from(
    ["Punkt", "1.", "4", "Beslutning", "Indstilling", "Bilag", "Lukket", "at", "den",
     "12-03-2026", "kl.", "16.00", "Økonomi:", "Byrådet", "**", "#", "\t", "Sagsnr.:",
     "25/1234", "Fraværende:", "Anne", "Berg", "(A)", "-", "•", "…", "<![", "\\"]
)  # fmt: skip
_TEXT = st.lists(_WORDS, min_size=1, max_size=12).map(" ".join)
_BLOCK = st.builds(
    Block,
    text=_TEXT,
    kind=st.sampled_from([HEADING, PARAGRAPH, LIST_ENTRY, ROW]),
    level=st.integers(0, 7),
    bold=st.booleans(),
    lead=st.sampled_from(["", "Mødested:", "Punkt"]),
    cells=st.lists(_TEXT, max_size=4).map(tuple),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_BLOCK, max_size=60))
def test_any_block_stream_parses_without_raising(blocks):
    text = blocks_to_text(blocks)
    meeting = parse_text(text)
    for item in meeting.items:
        assert item.number.isdigit() and item.title is not None
    assert len(line_origins(blocks)) == len(split_lines(text))


@settings(max_examples=100, deadline=None)
@given(st.lists(_TEXT.filter(str.strip), min_size=1, max_size=30), st.integers(1, 3))
def test_a_heading_block_stays_one_heading_whatever_its_words(texts, level):
    blocks = [Block(t, HEADING, level=level) for t in texts]
    lines = [line for line in split_lines(blocks_to_text(blocks)) if line.text]
    assert len(lines) == len(texts)
    assert all(line.level == level for line in lines)
