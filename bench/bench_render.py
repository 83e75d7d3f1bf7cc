#!/usr/bin/env python3
"""Documents benchmark: a 45-page agenda PDF, rendered cold, then served from cache.

    .venv/bin/python bench/bench_render.py             # writes the "Documents" section
    .venv/bin/python bench/bench_render.py --no-write  # print only

A committee meeting with invented case texts is built through the services in a
throw-away SQLite database (its own DAGSORDEN_DATA_DIR), so the figures measure the
whole path a download takes: the render model read from the database, the PDF made by
WeasyPrint (tagged PDF/UA-1, Danish hyphenation), and the content cache.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import write_section  # noqa: E402 - needs the repository on the path

SECTION = "## Documents"
TARGET_PAGES = 45

PARAGRAPH = (
    "Forvaltningen har undersøgt, hvordan kommunens haller, stier og legepladser bruges "
    "året rundt, og foreslår en plan for vedligehold, hvor de mest brugte anlæg kommer "
    "først. Planen bygger på tællinger, borgerhenvendelser og tilsyn, og den tager højde "
    "for, at arbejdet skal ske uden for sæsonen, så foreninger og skoler ikke mister tider."
)


def setup_django(data_dir: Path) -> None:
    os.environ["DAGSORDEN_DATA_DIR"] = str(data_dir)
    os.environ["DATABASE_URL"] = ""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dagsorden.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)


def build_meeting(items: int, paragraphs: int):
    import datetime as dt
    from zoneinfo import ZoneInfo

    from dagsorden.meetings.models import AgendaItem
    from dagsorden.meetings.services import (
        agenda_item_create,
        item_set_draft_state,
        meeting_create,
        meeting_publish_agenda,
    )
    from dagsorden.organisations.models import Membership, Municipality, Organization, Person

    municipality = Municipality.objects.create(
        name="Målested Kommune", slug="maalested", document_style="halsnaes"
    )
    body = Organization.objects.create(
        municipality=municipality,
        name="Udvalget for Fritid og Anlæg",
        slug="fritid",
        kind=Organization.Kind.COMMITTEE,
    )
    for index in range(9):
        person = Person.objects.create(
            municipality=municipality, given_name=f"Medlem{index}", family_name="Målested"
        )
        Membership.objects.create(
            person=person, organization=body, role="medlem", start_date=dt.date(2026, 1, 1)
        )
    tz = ZoneInfo("Europe/Copenhagen")
    meeting = meeting_create(organization=body, start=dt.datetime(2026, 10, 13, 16, tzinfo=tz))
    text = "\n\n".join(f"{n}. {PARAGRAPH}" for n in range(1, paragraphs + 1))
    for index in range(1, items + 1):
        agenda_item_create(
            meeting=meeting,
            title=f"Plan for vedligehold af anlæg, område {index}",
            item_type="beslutning",
            sections=[
                ("Sagens kerne", f"Område {index} har {index + 3} anlæg, der skal vurderes."),
                ("Sagsfremstilling", text),
                ("Økonomi", "Udgiften afholdes inden for udvalgets anlægsramme."),
            ],
            recommendation_by="Direktionen",
            recommendation_clauses=[f"planen for område {index} godkendes"],
        )
    for item in meeting.items.all():
        for state in (AgendaItem.DraftState.READY, AgendaItem.DraftState.APPROVED):
            item_set_draft_state(item=item, state=state)
    published = dt.datetime(2026, 10, 1, 9, tzinfo=tz)
    meeting_publish_agenda(meeting=meeting, at=published)
    return meeting


def page_count(content: bytes) -> int:
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(content)).pages)


def bench(rounds: int) -> dict:
    from dagsorden.documents.cache import pdf_cached
    from dagsorden.documents.from_db import document_from_meeting
    from dagsorden.documents.pdf import to_pdf

    meeting = build_meeting(items=22, paragraphs=9)
    document = document_from_meeting(meeting)
    to_pdf(document)  # warm up fonts, hyphenation dictionary, templates
    cold, cold_cpu = [], []
    for _ in range(rounds):
        started, started_cpu = time.perf_counter(), time.process_time()
        content = to_pdf(document_from_meeting(meeting))
        cold.append(time.perf_counter() - started)
        cold_cpu.append(time.process_time() - started_cpu)
    pdf_cached(document)  # fill the cache
    warm = []
    for _ in range(30):
        started = time.perf_counter()
        pdf_cached(document_from_meeting(meeting))
        warm.append(time.perf_counter() - started)
    model = []
    for _ in range(30):
        started = time.perf_counter()
        document_from_meeting(meeting).fingerprint()
        model.append(time.perf_counter() - started)
    tracemalloc.start()
    to_pdf(document_from_meeting(meeting))
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "pages": page_count(content),
        "items": len(document.items),
        "cold_best": min(cold),
        "cold_median": statistics.median(cold),
        "cold_cpu": min(cold_cpu),
        "cached_median": statistics.median(warm),
        "cached_p95": sorted(warm)[int(len(warm) * 0.95) - 1],
        "model_median": statistics.median(model),
        "peak_mib": peak / 2**20,
        "maxrss_mib": _maxrss_mib(),
        "bytes": len(content),
        "load": os.getloadavg()[0],
    }


def _maxrss_mib() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(result: dict) -> str:
    import weasyprint

    return "\n".join(
        [
            SECTION,
            "",
            f"`bench/bench_render.py` on {platform.machine()} ({os.cpu_count()} CPUs), "
            f"Python {platform.python_version()}, WeasyPrint {weasyprint.__version__}, "
            f"SQLite. A {result['items']}-item agenda in the `halsnaes` style (every item on "
            f"a new page), {result['pages']} A4 pages, tagged PDF/UA-1 with Danish "
            f"hyphenation, {result['bytes'] / 1024:.0f} KiB. Load average during the run: "
            f"{result['load']:.1f} (the machine is shared; timings grow with it).",
            "",
            "| measure | result | target |",
            "|---|---|---|",
            f"| render the PDF, cold (best / median of runs) | {result['cold_best']:.2f} s / "
            f"{result['cold_median']:.2f} s | ≤ 3 s |",
            f"| CPU time of that render (best; what the render costs without contention) | "
            f"{result['cold_cpu']:.2f} s | |",
            f"| serve it again from the cache (median / p95) | "
            f"{result['cached_median'] * 1000:.0f} ms / {result['cached_p95'] * 1000:.0f} ms "
            "| ≤ 50 ms |",
            f"| of which: render model from the database + hash (median) | "
            f"{result['model_median'] * 1000:.0f} ms | |",
            f"| peak Python memory while rendering (tracemalloc) | "
            f"{result['peak_mib']:.0f} MiB | |",
            f"| peak resident memory of the process | {result['maxrss_mib']:.0f} MiB | |",
            "",
            "The cache key is the hash of the render model (everything the document shows), "
            "so serving from cache still reads the meeting from the database to know "
            "whether anything changed.",
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="do not update BENCHMARKS.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dagsorden-bench-render-") as folder:
        setup_django(Path(folder))
        result = bench(args.rounds)
    section = report(result)
    print(section)
    if result["pages"] < TARGET_PAGES:
        print(f"note: only {result['pages']} pages (target {TARGET_PAGES})", file=sys.stderr)
    if not args.no_write:
        write_section(section)


if __name__ == "__main__":
    main()
