"""The meeting page under load: gunicorn (`dagsorden serve`) at 32 concurrent
connections with wrk, against a static file of the same size from the same server.

    DAGSORDEN_DATA_DIR=/tmp/portal-demo .venv/bin/dagsorden migrate
    DAGSORDEN_DATA_DIR=/tmp/portal-demo .venv/bin/dagsorden load_demo
    DAGSORDEN_DATA_DIR=/tmp/portal-demo .venv/bin/python bench/bench_portal.py

The meeting page is served from the rendered-page cache after the first request per
worker; each request still runs the fingerprint query. With the embedded SQLite default
Django opens a new connection per request; DATABASE_URL=sqlite:////tmp/portal-demo/
dagsorden.sqlite3 keeps connections open (CONN_MAX_AGE 60), which the summary records.
BENCH_WORKERS and BENCH_THREADS choose the gunicorn workers and threads.

The search page (`/soeg/?q=BENCH_SEARCH_WORD`, default "lokalplan") is measured the same
way, and with several municipalities (a national archive from `synth --municipalities N`)
also the first municipality's own search page (`/<slug>/soeg/`). With DATABASE_URL on
PostgreSQL and DATABASE_REPLICA_URL on a streaming replica (scripts/pg-replica.sh
start), the anonymous requests read from the replica; the summary records which.
"""

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dagsorden.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connections  # noqa: E402
from django.urls import reverse  # noqa: E402

from dagsorden.meetings.models import Meeting  # noqa: E402
from dagsorden.organisations.models import Municipality  # noqa: E402
from dagsorden.search.models import SearchEntry  # noqa: E402

PORT = int(os.environ.get("BENCH_PORT", 8799))
WORKERS = int(os.environ.get("BENCH_WORKERS", 2))
THREADS = int(os.environ.get("BENCH_THREADS", 1))
DURATION = os.environ.get("BENCH_DURATION", "15s")
SEARCH_WORD = os.environ.get("BENCH_SEARCH_WORD", "lokalplan")
ROOT = Path(__file__).resolve().parents[1]


def busiest_meeting_url() -> str:
    meeting = (
        Meeting.objects.filter(state=Meeting.State.MINUTES_APPROVED).order_by("-start").first()
    )
    return reverse("portal:meeting_detail", args=[meeting.pk])


def wrk(url: str) -> dict:
    out = subprocess.run(
        ["wrk", "-t2", "-c32", f"-d{DURATION}", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|90|99)%\s+([\d.]+\w+)", out, re.M))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return {
        "p50": _ms(latency["50"]),
        "p90": _ms(latency["90"]),
        "p99": _ms(latency["99"]),
        "rps": rps,
    }


def rows_read() -> dict[str, int]:
    """Rows each PostgreSQL database server returned so far (pg_stat_database), to show
    which one answered the run."""
    counts = {}
    for alias in settings.DATABASES:
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT tup_returned FROM pg_stat_database WHERE datname = current_database()"
            )
            counts[alias] = cursor.fetchone()[0]
        connection.close()
    return counts


def _ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return round(float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit], 2)


def serve() -> subprocess.Popen:
    return subprocess.Popen(
        [
            str(ROOT / ".venv/bin/dagsorden"),
            "serve",
            f"--port={PORT}",
            f"--workers={WORKERS}",
            f"--threads={THREADS}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def main() -> int:
    load_before = os.getloadavg()[0]
    base = f"http://127.0.0.1:{PORT}"
    page = busiest_meeting_url()
    server = serve()
    try:
        for _ in range(100):
            try:
                body = urllib.request.urlopen(base + page).read()
                break
            except OSError:
                time.sleep(0.2)
        # A static file of the same size, served by the same gunicorn (WhiteNoise).
        static_dir = Path(settings.STATIC_ROOT) / "bench"
        static_dir.mkdir(parents=True, exist_ok=True)
        (static_dir / "same-size.html").write_bytes(body)
        server.terminate()
        server.wait()
        server = serve()
        time.sleep(3)
        static = f"{settings.STATIC_URL}bench/same-size.html"
        urllib.request.urlopen(base + "/" + static.lstrip("/")).read()
        for _ in range(4 * WORKERS):  # each worker renders and caches the page once
            urllib.request.urlopen(base + page).read()
        rows_before = rows_read()
        dynamic_result = wrk(base + page)
        search_result = wrk(base + reverse("portal:search") + f"?q={SEARCH_WORD}")
        local_search = None
        if Municipality.objects.count() > 1:
            # One municipality's own search page (its portal), as well as the national.
            slug = Municipality.objects.order_by("pk").first().slug
            local_search = {
                "municipality": slug,
                **wrk(base + reverse("kommune:search", args=[slug]) + f"?q={SEARCH_WORD}"),
            }
        time.sleep(1.5)  # PostgreSQL publishes a backend's statistics at most once a second
        rows_during = {alias: count - rows_before[alias] for alias, count in rows_read().items()}
        static_result = wrk(base + "/" + static.lstrip("/"))
    finally:
        server.terminate()
        server.wait()
    summary = {
        "page": page,
        "bytes": len(body),
        "workers": WORKERS,
        "threads": THREADS,
        "conn_max_age": settings.DATABASES["default"].get("CONN_MAX_AGE", 0),
        "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
        "read_replica": "replica" in settings.DATABASES,
        "rows_returned_during_page_runs": rows_during,
        "load_average_before": load_before,
        "connections": 32,
        "meeting_page": dynamic_result,
        "search_page": {"word": SEARCH_WORD, **search_result},
        "municipality_search_page": local_search,
        "items": SearchEntry.objects.count(),
        "static_file": static_result,
        "p99_ratio": round(dynamic_result["p99"] / static_result["p99"], 1),
        "rps_ratio": round(static_result["rps"] / dynamic_result["rps"], 1),
    }
    print(json.dumps(summary, indent=2))
    out = Path(__file__).with_name("results")
    out.mkdir(exist_ok=True)
    (out / f"portal-{summary['items']}.json").write_text(json.dumps(summary, indent=2))
    return 0 if dynamic_result["p99"] <= 50 else 1


if __name__ == "__main__":
    sys.exit(main())
