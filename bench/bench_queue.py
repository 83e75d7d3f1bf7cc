#!/usr/bin/env python3
"""Queue benchmark: publishing an agenda with a worker on Redis, its PDFs, the first download.

    .venv/bin/python bench/bench_queue.py             # writes the "Background work" section
    .venv/bin/python bench/bench_queue.py --no-write  # print only

A throw-away SQLite database (its own DAGSORDEN_DATA_DIR) holds a committee and one
planned meeting per round (12 items of several paragraphs, one closed). Each round a
secretary publishes the agenda through the staff page (the Django test client: the whole
request, the transaction and the enqueueing after commit), then the benchmark waits for
the PDF job (public, members' and combined PDF) that a real `dagsorden worker` (prefork,
one process) runs, and downloads the public PDF with rendering switched off in this
process, so a download that is not served from the cache fails the round. A few rounds
without a broker (eager, the embedded default) show what the request would cost if the
work ran in it. Needs Redis (DAGSORDEN_BENCH_REDIS_URL, default redis://127.0.0.1:6379/5).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import write_section  # noqa: E402 - needs the repository on the path

SECTION = "## Background work (queue)"
REDIS_URL = os.environ.get("DAGSORDEN_BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")
PARAGRAPH = (
    "Forvaltningen foreslår en plan for kommunens stier, broer og bænke, hvor det mest "
    "slidte kommer først. Planen bygger på tilsyn og henvendelser fra borgerne, og den "
    "tager højde for, at arbejdet skal ske uden for sæsonen."
)


def environment(data_dir: Path, *, broker: bool) -> dict[str, str]:
    env = {
        "DAGSORDEN_DATA_DIR": str(data_dir),
        "DATABASE_URL": "",
        "DJANGO_SETTINGS_MODULE": "dagsorden.settings",
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "DAGSORDEN_CELERY_BROKER_URL": REDIS_URL if broker else "",
        "DAGSORDEN_CELERY_QUEUE": f"bench-{uuid.uuid4().hex[:10]}",
    }
    os.environ.update(env)
    return env


def setup_django() -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)


def build_world(rounds: int):
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from dagsorden.meetings.services import agenda_item_create, meeting_create
    from dagsorden.organisations.models import Membership, Municipality, Organization, Person
    from dagsorden.staff.models import Assignment

    municipality = Municipality.objects.create(name="Kø Kommune", slug="koe")
    body = Organization.objects.create(
        municipality=municipality, name="Teknik- og Miljøudvalget", slug="tmu"
    )
    for index in range(7):
        person = Person.objects.create(
            municipality=municipality,
            given_name=f"Medlem{index}",
            family_name="Kø",
            email=f"medlem{index}@koe.invalid",
        )
        Membership.objects.create(
            person=person, organization=body, role="medlem", start_date=dt.date(2020, 1, 1)
        )
    secretary = get_user_model().objects.create_user("sekretaer")
    Assignment.objects.create(user=secretary, role="secretary", organization=body)
    text = "\n\n".join(f"{n}. {PARAGRAPH}" for n in range(1, 6))
    meetings = []
    for number in range(rounds):
        start = timezone.now() + dt.timedelta(days=20 + number)
        meeting = meeting_create(organization=body, start=start)
        for index in range(1, 13):
            agenda_item_create(
                meeting=meeting,
                title=f"Stier og broer, område {index}",
                sections=[("Sagens kerne", f"Område {index}."), ("Sagsfremstilling", text)],
                draft_state="approved",
                public=index != 12,
                public_title="Lukket punkt" if index == 12 else "",
            )
        meetings.append(meeting)
    return secretary, meetings


def start_worker(env: dict[str, str]) -> subprocess.Popen:
    dagsorden = Path(sys.executable).with_name("dagsorden")
    command = [str(dagsorden), "worker", "--concurrency=1", "--loglevel=WARNING"]
    return subprocess.Popen(command, env={**os.environ, **env}, cwd=REPO)


def publish_round(client, meeting, *, wait: bool) -> dict:
    from django.urls import reverse

    from dagsorden.core.models import BackgroundJob
    from dagsorden.documents import pdf

    started, started_cpu = time.perf_counter(), time.process_time()
    response = client.post(
        reverse("staff:agenda_publish", args=[meeting.pk]), {"late_reason": "Måling"}
    )
    published, cpu = time.perf_counter(), time.process_time() - started_cpu
    assert response.status_code == 302, response.status_code
    job = BackgroundJob.objects.get(task="documents.render_meeting_pdfs", object_id=meeting.pk)
    public_ready = None
    while wait:
        job.refresh_from_db()
        if public_ready is None and "public" in job.progress:
            public_ready = time.perf_counter()
        if job.state == "done":
            break
        if job.state == "failed" or time.perf_counter() - published > 120:
            raise SystemExit(f"PDF job {job.pk} {job.state}: {job.last_error}")
        time.sleep(0.02)
    ready = time.perf_counter()
    real_to_pdf = pdf.to_pdf
    pdf.to_pdf = _no_rendering
    try:
        download = client.get(reverse("documents:meeting_pdf", args=[meeting.pk]))
    finally:
        pdf.to_pdf = real_to_pdf
    downloaded = time.perf_counter()
    assert download.status_code == 200 and download.content.startswith(b"%PDF")
    return {
        "publish": published - started,
        "publish_cpu": cpu,
        "public_ready": (public_ready or ready) - published,
        "ready": ready - published,
        "download": downloaded - ready,
    }


def _no_rendering(document):
    raise SystemExit("the first download was not served from the cache")


def run(rounds: int, eager_rounds: int) -> dict:
    from django.test import Client

    secretary, meetings = build_world(rounds + eager_rounds)
    client = Client()
    client.force_login(secretary)
    from django.conf import settings

    results = {"queued": [], "eager": []}
    if eager_rounds:
        settings.CELERY_TASK_ALWAYS_EAGER = True
        settings.DAGSORDEN_PRERENDER_PDFS = True
        from dagsorden.celery import app

        app.conf.task_always_eager = True
        for meeting in meetings[rounds:]:
            results["eager"].append(publish_round(client, meeting, wait=False))
        app.conf.task_always_eager = False
    for meeting in meetings[:rounds]:
        results["queued"].append(publish_round(client, meeting, wait=True))
    results["load"] = os.getloadavg()
    return results


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def ms(values: list[float], share: float) -> str:
    return f"{percentile(values, share) * 1000:.0f} ms"


def report(results: dict) -> str:
    queued, eager = results["queued"], results["eager"]

    def column(rows, key):
        return [row[key] for row in rows]

    publish, cpu, public, ready, download = (
        column(queued, k) for k in ("publish", "publish_cpu", "public_ready", "ready", "download")
    )
    lines = [
        SECTION,
        "",
        f"`bench/bench_queue.py` on {platform.machine()} ({os.cpu_count()} CPUs), Python "
        f"{platform.python_version()}, SQLite (WAL), Redis broker, one `dagsorden worker` "
        f"(prefork, 1 process). {len(queued)} publications of a 12-item agenda (one closed "
        f"item) through the staff page; the worker renders the public, members' and combined "
        f"PDF. Load average after the run: {results['load'][0]:.1f} / {results['load'][1]:.1f}"
        " (1 / 5 min; the machine is shared with other work).",
        "",
        "| measure | p50 | p95 | target |",
        "|---|---|---|---|",
        f"| publishing request (POST → redirect, jobs queued after commit) | "
        f"{ms(publish, 0.5)} | {ms(publish, 0.95)} | ≤ 300 ms |",
        f"| of which CPU time in the web process (without waiting for the other cores) | "
        f"{ms(cpu, 0.5)} | {ms(cpu, 0.95)} | |",
        f"| public PDF in the cache after the response (worker) | {ms(public, 0.5)} | "
        f"{ms(public, 0.95)} | ≤ 10 s |",
        f"| all three PDFs (public, members', combined) in the cache | {ms(ready, 0.5)} | "
        f"{ms(ready, 0.95)} | ≤ 10 s |",
        f"| first download of the public PDF (rendering switched off: cache only) | "
        f"{ms(download, 0.5)} | {ms(download, 0.95)} | from the cache |",
    ]
    if eager:
        lines.append(
            f"| for comparison, no broker (eager): the same publishing request, PDFs and "
            f"notices rendered in it | {ms(column(eager, 'publish'), 0.5)} | "
            f"{ms(column(eager, 'publish'), 0.95)} | |"
        )
    lines += [
        "",
        f"Every first download ({len(download)} of {len(download)}) was served from the "
        "cache: the benchmark replaces the renderer with one that aborts the run. The eager "
        "row is why the embedded default (no broker) does not pre-render at publication "
        "(DAGSORDEN_PRERENDER_PDFS is off without a broker): the PDFs are then rendered on "
        "the first download, as before; a site with many readers runs a worker.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--eager-rounds", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="do not update BENCHMARKS.md")
    args = parser.parse_args()
    import redis

    redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()  # fail early, clearly
    with tempfile.TemporaryDirectory(prefix="dagsorden-bench-queue-") as folder:
        env = environment(Path(folder), broker=True)
        setup_django()
        worker = start_worker(env)
        try:
            results = run(args.rounds, args.eager_rounds)
        finally:
            worker.terminate()
            worker.wait(timeout=30)
    section = report(results)
    print(section)
    if not args.no_write:
        write_section(section)


if __name__ == "__main__":
    main()
