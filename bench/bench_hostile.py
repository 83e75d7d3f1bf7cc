#!/usr/bin/env python3
"""Hostile input benchmark: what the worst inputs cost.

    .venv/bin/python bench/bench_hostile.py

- `dagsorden parse` on the nesting shapes of issue 11 (deep <div>s, `<![` markup, 3,000
  nested tables, 5,000-deep XML): seconds per file (target < 2 s each).
- A .docx bomb (150 MB declared, < 1 MB packed): time and peak Python memory to refuse it
  (target: well under a second, a few MB).
- pikepdf sanitising a 100-page PDF bilag with active content, and a clean one (clean
  files are only read, not rewritten).

Prints a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import contextlib
import io
import os
import platform
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dagsorden.settings")


def best_of(runs: int, call) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> None:
    import django

    django.setup()
    import pikepdf
    import pymupdf
    from django.core.exceptions import ValidationError

    from dagsorden.cases.pdf_sanitize import pdf_sanitize
    from dagsorden.importer.runner import run_parse
    from dagsorden.staff.docx_import import docx_sections
    from tests.cases.hostile_pdf import hostile_pdf
    from tests.core.test_archive_bomb import make_docx_bomb

    rows = []
    shapes = {
        "2,000 nested `<div>`": "<html><body>" + "<div>" * 2000 + "<h2>Punkt 1: Budget</h2>",
        "500 `<![` openings": "<html><body>" + "<![" * 500 + "<h2>Punkt 1: Budget</h2>",
        "3,000 nested tables": "<table><tr><td>" * 3000 + "1. Budget" + "</td></tr></table>" * 3000,
        "5,000-deep XML": "<?xml version='1.0'?>" + "<a>" * 5000 + "Punkt" + "</a>" * 5000,
    }
    with tempfile.TemporaryDirectory() as folder:
        for label, document in shapes.items():
            path = Path(folder) / ("x.xml" if "XML" in label else "x.html")
            path.write_text(document)
            seconds = best_of(
                3, lambda p=path: run_parse(p, stdout=io.StringIO(), stderr=io.StringIO())
            )
            rows.append(
                (f"parse {label} ({len(document) // 1024} KB)", f"{seconds:.3f} s", "< 2 s")
            )

    bomb = make_docx_bomb()
    tracemalloc.start()
    started = time.perf_counter()
    with contextlib.suppress(ValidationError):  # the refusal is what is measured
        docx_sections(bomb, ["Sagsfremstilling"])
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    rows.append(
        (
            f"refuse a .docx bomb ({len(bomb) // 1024} KB packed, 150 MB declared)",
            f"{seconds * 1000:.1f} ms, peak {peak / 2**20:.1f} MiB",
            "< 1 s, < 20 MiB",
        )
    )

    document = pymupdf.open()
    for number in range(100):
        document.new_page().insert_text((72, 72), f"Side {number + 1} af bilaget")
    clean = document.tobytes()
    with pikepdf.open(io.BytesIO(hostile_pdf())) as hostile_doc:
        hostile_doc.Root.OpenAction.JS = pikepdf.String("app.alert(1)")
        with pikepdf.open(io.BytesIO(clean)) as base:
            base.Root.OpenAction = base.copy_foreign(hostile_doc.Root.OpenAction)
            buffer = io.BytesIO()
            base.save(buffer)
            active = buffer.getvalue()
    rows.append(("sanitise a clean 100-page PDF (read only)",
                 f"{best_of(3, lambda: pdf_sanitize(clean)) * 1000:.0f} ms", ""))  # fmt: skip
    rows.append(("sanitise a 100-page PDF with JavaScript (rewritten)",
                 f"{best_of(3, lambda: pdf_sanitize(active)) * 1000:.0f} ms", ""))  # fmt: skip

    load = os.getloadavg()[0]
    print(f"x86_64 / {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"load average {load:.1f}\n")  # fmt: skip
    print("| measure | result | target |\n|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
