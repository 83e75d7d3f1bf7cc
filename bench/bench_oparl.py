#!/usr/bin/env python3
"""OParl harvest benchmark: a harvester walks the whole API of a running `dagsorden serve`
from /oparl/v1/system, every body and every list through `links.next`, one request at a
time, then walks it again sending the ETags it got (If-None-Match), as a harvester
polling for changes does.

    .venv/bin/python bench/bench_oparl.py            # demo + 100,000 items; BENCHMARKS.md
    .venv/bin/python bench/bench_oparl.py --items 5000 --no-write

A fresh SQLite data directory (temporary) gets the demo municipality (`load_demo`) and a
synthetic archive as a second body (`dagsorden synth --items N`: 10 items per meeting,
every item with sections and a decision, minutes approved). The server runs with
BENCH_WORKERS gunicorn workers (default 2); the harvester is one client, so the figures
are one harvester's experience (requests/s = pages / wall-clock time of the walk).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import write_section  # noqa: E402 - needs the repository on the path

BIN = REPO / ".venv" / "bin"
SECTION = "## OParl API"
PORT = int(os.environ.get("BENCH_PORT", 8798))
WORKERS = int(os.environ.get("BENCH_WORKERS", 2))
LISTS = ("organization", "person", "membership", "meeting", "agendaitem", "paper",
         "consultation", "file", "location", "legislativeterm")  # fmt: skip


def run(env: dict, *args: str) -> None:
    subprocess.run([str(BIN / "dagsorden"), *args], env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip


def fetch(url: str, etag: str | None = None) -> tuple[int, dict | None, str | None, float]:
    request = urllib.request.Request(url, headers={"If-None-Match": etag} if etag else {})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request) as response:
            body = response.read()
            status, new_etag = response.status, response.headers.get("ETag")
    except urllib.error.HTTPError as error:
        if error.code != 304:
            raise
        body, status, new_etag = b"", 304, etag
    elapsed = time.perf_counter() - started
    return status, (json.loads(body) if body else None), new_etag, elapsed


def harvest(base: str, etags: dict[str, str] | None = None) -> dict:
    """Walk system → bodies → every list of every body; per body: pages, objects, times."""
    etags_out: dict[str, str] = {}
    per_body: dict[str, dict] = {}
    _, system, _, _ = fetch(base + "/oparl/v1/system")
    _, bodies, _, _ = fetch(system["body"])
    for body in bodies["data"]:
        times, objects, not_modified = [], 0, 0
        started = time.perf_counter()
        for kind in LISTS:
            url = f"{body['id']}/{kind}"
            while url:
                status, page, etag, elapsed = fetch(url, (etags or {}).get(url))
                times.append(elapsed)
                etags_out[url] = etag
                if status == 304:
                    not_modified += 1
                    break  # unchanged first page: a poller that trusts ETags stops here
                objects += len(page["data"])
                url = page["links"].get("next")
        per_body[body["name"]] = {
            "pages": len(times),
            "objects": objects,
            "not_modified": not_modified,
            "seconds": time.perf_counter() - started,
            "p50_ms": statistics.median(times) * 1000,
            "p95_ms": statistics.quantiles(times, n=20)[-1] * 1000 if len(times) > 1 else 0,
        }
    return {"bodies": per_body, "etags": etags_out}


def serve(env: dict) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(BIN / "dagsorden"), "serve", f"--port={PORT}", f"--workers={WORKERS}"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/oparl/v1/system").read()
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("dagsorden serve did not answer")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--no-write", action="store_true")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="oparl-bench-") as data_dir:
        env = {**os.environ, "DAGSORDEN_DATA_DIR": data_dir, "DATABASE_URL": ""}
        started = time.perf_counter()
        run(env, "migrate")
        run(env, "load_demo")
        run(env, "synth", "--items", str(options.items))
        setup = time.perf_counter() - started
        server = serve(env)
        load = os.getloadavg()[0]
        try:
            first = harvest(f"http://127.0.0.1:{PORT}")
            again = harvest(f"http://127.0.0.1:{PORT}", first["etags"])
        finally:
            server.terminate()
            server.wait()
    result = {"items": options.items, "setup_s": setup, "load": load,
              "first": first["bodies"], "again": again["bodies"]}  # fmt: skip
    print(json.dumps(result, indent=2))
    if not options.no_write:
        write(result)
    return 0


def write(result: dict) -> None:
    rows = []
    for name, walk in result["first"].items():
        rps = walk["pages"] / walk["seconds"]
        rows.append(
            f"| {name}: full harvest | {walk['objects']:,} objects in {walk['pages']:,} pages | "
            f"{walk['seconds']:.1f} s | **{rps:.1f}** | {walk['p50_ms']:.0f} ms | "
            f"**{walk['p95_ms']:.0f} ms** |"
        )
        repeat = result["again"][name]
        rows.append(
            f"| {name}: repeat with ETags | {repeat['not_modified']} × 304 | "
            f"{repeat['seconds']:.2f} s | {repeat['pages'] / repeat['seconds']:.1f} | "
            f"{repeat['p50_ms']:.0f} ms | {repeat['p95_ms']:.0f} ms |"
        )
    text = f"""{SECTION}

`bench/bench_oparl.py` on {platform.machine()} ({os.cpu_count()} CPUs), Python
{platform.python_version()}, SQLite, `dagsorden serve` with {WORKERS} gunicorn workers,
one harvester walking every list of every body through `links.next` (100 objects per
page, the default), one request at a time. Bodies: the demo municipality and a synthetic
archive of {result["items"]:,} items (`dagsorden synth`). Load average at the start:
{result["load"]:.1f} (the machine is shared).

| walk | what | time | pages/s | p50 per page | p95 per page |
|---|---|---|---|---|---|
{chr(10).join(rows)}

Pages are cut by id (`after=` in `links.next`), so the last page of the 100,000-item
list costs what the first does. Each page is one query for its rows plus one per
embedded relation (prefetch), whatever its size, and the first page one count; the
repeat walk answers 304 when the first page of a list is unchanged (ETag), skipping the transfer and
serialisation, not the queries.
"""
    write_section(text)


if __name__ == "__main__":
    sys.exit(main())
