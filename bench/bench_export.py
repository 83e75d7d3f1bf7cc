"""Bulk export of a synthetic archive: seconds, rows per second and peak memory per
format, and the size of the zip.

    DAGSORDEN_DATA_DIR=/tmp/bench-export .venv/bin/dagsorden migrate
    DAGSORDEN_DATA_DIR=/tmp/bench-export .venv/bin/dagsorden synth --items 100000
    DAGSORDEN_DATA_DIR=/tmp/bench-export .venv/bin/python bench/bench_export.py
    (PostgreSQL: the same with DATABASE_URL=postgres://…)

Each format is written into a fresh directory by the same function the command calls;
the archive is built once at the end (both formats, zipped). Peak memory is the
process's resident maximum after each step (it only grows), so a streaming export shows
as a flat line while the archive grows."""

import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dagsorden.settings")
django.setup()

from django.db import connection  # noqa: E402

from dagsorden.api.export import FORMATS, archive_build, export_write  # noqa: E402
from dagsorden.meetings.models import AgendaItem  # noqa: E402


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def folder_mib(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def main() -> None:
    items = AgendaItem.objects.count()
    if items == 0:
        sys.exit("No items: run `dagsorden synth --items 100000` first (see the docstring).")
    results = {"database": connection.vendor, "items": items, "load": os.getloadavg()[0]}
    for name in FORMATS:
        with tempfile.TemporaryDirectory() as work:
            start = time.perf_counter()
            counts = export_write(directory=Path(work) / "out", formats=[name])[name]
            seconds = time.perf_counter() - start
            rows = sum(counts.values())
            results[name] = {
                "seconds": round(seconds, 1),
                "rows": rows,
                "rows_per_s": round(rows / seconds),
                "size_mib": round(folder_mib(Path(work) / "out"), 1),
                "peak_rss_mib": round(peak_mib()),
            }
    start = time.perf_counter()
    info, _ = archive_build()
    results["archive"] = {
        "seconds": round(time.perf_counter() - start, 1),
        "zip_mib": round(info.size / 2**20, 1),
        "peak_rss_mib": round(peak_mib()),
    }
    shutil.rmtree(info.path.parent)
    results["load_after"] = os.getloadavg()[0]
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
