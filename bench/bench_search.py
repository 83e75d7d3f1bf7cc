"""Search latency on a synthetic archive: p50/p95/max per query and overall.

    DAGSORDEN_DATA_DIR=/tmp/bench-sqlite .venv/bin/dagsorden migrate
    DAGSORDEN_DATA_DIR=/tmp/bench-sqlite .venv/bin/dagsorden synth --items 200000
    DAGSORDEN_DATA_DIR=/tmp/bench-sqlite .venv/bin/python bench/bench_search.py
    (PostgreSQL: the same with DATABASE_URL=postgres://…)

Each query runs the full facade call the search page makes: match, bm25/ts_rank order,
the first page of 20 hits with snippets and the four facets with counts."""

import json
import os
import statistics
import sys
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dagsorden.settings")
django.setup()

from django.db import connection  # noqa: E402

from dagsorden.search.facade import SearchRequest, search  # noqa: E402
from dagsorden.search.models import SearchEntry  # noqa: E402

QUERIES = [
    "boliger",
    "lokalplan",
    "skolen",
    "cykelstier",
    "budget regnskab",
    "plejecentret",
    "havnen strand",
    '"kollektiv trafik"',
    "svømmehal",
    "fjernvarme klimaplan",
    "genbrugspladsen",
    "borgerne høring",
    "idrætshallen",
    "udbud kontrakt",
    "naturparken",
]
ROUNDS = int(os.environ.get("ROUNDS", 20))


def journal_query() -> str:
    return SearchEntry.objects.exclude(journal_number="").values_list("journal_number", flat=True)[
        0
    ]


def measure(request: SearchRequest) -> tuple[float, int]:
    start = time.perf_counter()
    result = search(request)
    return (time.perf_counter() - start) * 1000, result.total


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main():
    items = SearchEntry.objects.count()
    requests = [SearchRequest(text=q) for q in QUERIES]
    requests += [SearchRequest(text=journal_query())]
    requests += [
        SearchRequest(text="boliger", outcome="godkendt"),
        SearchRequest(text="skole", year=2020),
    ]
    for request in requests:  # warm caches once
        search(request)
    rows, everything = [], []
    for request in requests:
        timings = []
        for _ in range(ROUNDS):
            ms, total = measure(request)
            timings.append(ms)
        everything += timings
        label = request.text + (
            f" [{request.outcome or request.year}]" if request.has_filters else ""
        )
        rows.append(
            {
                "query": label,
                "matches": total,
                "p50_ms": round(statistics.median(timings), 1),
                "p95_ms": round(percentile(timings, 0.95), 1),
            }
        )
        p50, p95 = rows[-1]["p50_ms"], rows[-1]["p95_ms"]
        print(f"{label:32} {total:8} hits  p50 {p50:6.1f} ms  p95 {p95:6.1f} ms")
    summary = {
        "vendor": connection.vendor,
        "items": items,
        "rounds": ROUNDS,
        "p50_ms": round(statistics.median(everything), 1),
        "p95_ms": round(percentile(everything, 0.95), 1),
        "max_ms": round(max(everything), 1),
        "queries": rows,
    }
    print(
        f"{connection.vendor}: {items} items, all queries p50 {summary['p50_ms']} ms, "
        f"p95 {summary['p95_ms']} ms, max {summary['max_ms']} ms"
    )
    out = Path(__file__).with_name("results")
    out.mkdir(exist_ok=True)
    (out / f"search-{connection.vendor}.json").write_text(json.dumps(summary, indent=2))
    return 0 if summary["p95_ms"] <= 100 else 1


if __name__ == "__main__":
    sys.exit(main())
