"""A real worker on Redis: publishing an agenda queues its PDFs and notices; the worker
is killed (SIGKILL) in the middle of rendering; a second worker takes the job over. The
PDFs arrive in the cache, every member gets the notice exactly once, and every job ran
to the end with no second row.

The scenario runs in separate processes (publisher, worker 1, worker 2) on the test
database: on SQLite a file copied from the migrated test database, on PostgreSQL the
test database itself. Without Redis the test skips loudly; under CI (CI set) it fails."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from email import message_from_bytes
from pathlib import Path

import pytest
from django.db import connection

REDIS_URL = os.environ.get("DAGSORDEN_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")
ROOT = Path(__file__).resolve().parents[2]
DAGSORDEN = Path(sys.executable).with_name("dagsorden")
PDF_TASK = "documents.render_meeting_pdfs"
NOTICE_TASK = "meetings.send_notice"

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def _redis_or_skip() -> None:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        message = f"Redis at {REDIS_URL} is not reachable ({error}): the real-worker test"
        if os.environ.get("CI"):
            pytest.fail(f"{message} must run under CI.")
        print(f"\n*** SKIPPED: {message} did not run. ***", file=sys.stderr)
        pytest.skip(f"*** {message} did not run (start Redis: scripts/ensure-redis.sh) ***")


@pytest.fixture
def scenario_env(tmp_path):
    """Environment for the scenario's processes: the same database as this test, Redis
    db 5, a queue of its own, quick recovery of a lost worker's message, mail to files."""
    _redis_or_skip()
    env = {
        **os.environ,
        "DAGSORDEN_DATA_DIR": str(tmp_path),
        "DAGSORDEN_CELERY_BROKER_URL": REDIS_URL,
        "DAGSORDEN_CELERY_QUEUE": f"test-{uuid.uuid4().hex[:12]}",
        "DAGSORDEN_CELERY_VISIBILITY_TIMEOUT": "3",
        "DAGSORDEN_CELERY_RESTORE_INTERVAL": "1",
        "DAGSORDEN_CELERY_RESTORE_THROTTLE": "1",
        "DAGSORDEN_JOB_LEASE_SECONDS": "2",
        "DAGSORDEN_JOB_RETRY_BACKOFF": "1",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "DJANGO_EMAIL_FILE_PATH": str(tmp_path / "mail"),
        "PYTHONPATH": str(ROOT),
    }
    if connection.vendor == "sqlite":
        env["DATABASE_URL"] = ""  # settings: DATA_DIR / dagsorden.sqlite3
        target = sqlite3.connect(tmp_path / "dagsorden.sqlite3")
        connection.ensure_connection()
        connection.connection.backup(target)  # the migrated, empty test database
        target.close()
    else:
        db = connection.settings_dict
        env["DATABASE_URL"] = (
            f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        )
    return env


def _rows(env, tmp_path) -> list[dict]:
    sql = "SELECT task, state, attempts, progress FROM core_backgroundjob ORDER BY id"
    if env["DATABASE_URL"]:
        import psycopg

        with psycopg.connect(env["DATABASE_URL"]) as db:
            rows = db.execute(sql).fetchall()
    else:
        with sqlite3.connect(tmp_path / "dagsorden.sqlite3", timeout=10) as db:
            rows = db.execute(sql).fetchall()
    return [
        {
            "task": t,
            "state": s,
            "attempts": a,
            "progress": p if isinstance(p, dict) else json.loads(p),
        }
        for t, s, a, p in rows
    ]


def _worker(env, name: str) -> subprocess.Popen:
    return subprocess.Popen(
        [str(DAGSORDEN), "worker", "--pool=prefork", "--concurrency=1", f"--hostname={name}@%h",
         "--without-mingle", "--without-gossip", "--loglevel=WARNING"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the pool child dies with it
    )  # fmt: skip


def _wait(what, condition, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.05)
    pytest.fail(f"waited {seconds} s for {what}")


def _recipients(mail_dir: Path) -> list[str]:
    messages = []
    for path in sorted(mail_dir.glob("*.log")) if mail_dir.exists() else []:
        for chunk in path.read_bytes().split(b"-" * 79):
            if chunk.strip():
                messages.append(message_from_bytes(chunk.strip())["To"])
    return sorted(messages)


def test_a_worker_killed_mid_task_loses_nothing_and_does_nothing_twice(scenario_env, tmp_path):
    env = scenario_env
    first = _worker(env, "first")
    second = None
    try:
        published = subprocess.run(
            [sys.executable, "-m", "tests.core.queue_publish"],
            env=env, cwd=ROOT, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert published.returncode == 0, published.stderr

        def rendering():
            rows = [r for r in _rows(env, tmp_path) if r["task"] == PDF_TASK]
            return rows and rows[0]["state"] == "running"

        _wait("the first worker to start rendering", rendering, 20)
        os.killpg(first.pid, signal.SIGKILL)  # the worker and its pool child, at once
        first.wait(timeout=10)
        pdf_job = next(r for r in _rows(env, tmp_path) if r["task"] == PDF_TASK)
        assert pdf_job["state"] == "running", "the worker must die in the middle of the task"

        second = _worker(env, "second")

        def all_done():
            rows = _rows(env, tmp_path)
            return rows if rows and all(r["state"] == "done" for r in rows) else None

        rows = _wait("the second worker to finish every job", all_done, 25)
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(timeout=10)

    assert sorted(r["task"] for r in rows) == sorted([PDF_TASK, NOTICE_TASK])  # no copies
    pdf_job = next(r for r in rows if r["task"] == PDF_TASK)
    assert pdf_job["attempts"] == 2  # the killed try and the one that finished
    cache = tmp_path / "cache" / "documents"
    for variant in ("public", "members", "public_bilag"):
        path = cache / f"{pdf_job['progress'][variant]}.pdf"
        assert path.read_bytes().startswith(b"%PDF"), variant
    addresses = [f"medlem{index}@koetest.invalid" for index in range(3)]
    assert _recipients(tmp_path / "mail") == addresses  # each member once
