"""The `dagsorden` command.

`dagsorden demo` sets up an embedded demo site and serves it; `dagsorden serve` serves the
configured site with a production server; `dagsorden worker` runs the background jobs
from the queue (Celery). Every other subcommand is a Django management
command (`dagsorden migrate`, `dagsorden createsuperuser`, `dagsorden parse` …).
"""

import os
import sys

DEMO_HOST = "127.0.0.1"
DEMO_PORT = 8000


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dagsorden.settings")
    command = argv[1] if len(argv) > 1 else "help"
    if command == "demo":
        demo(argv[2:])
    elif command == "serve":
        serve(argv[2:])
    elif command == "worker":
        worker(argv[2:])
    else:
        from django.core.management import execute_from_command_line

        execute_from_command_line(argv)


def demo(args: list[str]) -> None:
    """Migrate, load the demo municipality once, then serve it."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo")
    serve(args)


def serve(args: list[str]) -> None:
    """Serve with gunicorn (static files through WhiteNoise)."""
    import argparse

    parser = argparse.ArgumentParser(prog="dagsorden serve")
    parser.add_argument("--host", default=os.environ.get("DAGSORDEN_HOST", DEMO_HOST))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", DEMO_PORT)))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 2)))
    parser.add_argument("--threads", type=int, default=int(os.environ.get("DAGSORDEN_THREADS", 1)))
    options = parser.parse_args(args)

    import django
    from django.core.management import call_command

    django.setup()
    call_command("collectstatic", interactive=False, verbosity=0)
    print(f"Dagsorden kører på http://{options.host}:{options.port}/", flush=True)
    gunicorn_argv = [
        "gunicorn",
        "dagsorden.wsgi:application",
        f"--bind={options.host}:{options.port}",
        f"--workers={options.workers}",
        f"--threads={options.threads}",
        "--access-logfile=-",
        "--config=python:dagsorden.gunicorn_conf",
    ]
    os.execvp(sys.executable, [sys.executable, "-m", *gunicorn_argv])


def worker(args: list[str]) -> None:
    """Run a Celery worker on the configured broker; extra arguments go to Celery
    (`--concurrency 2`, `--pool solo`, `--loglevel DEBUG` …)."""
    import django
    from django.conf import settings

    django.setup()
    if not settings.CELERY_BROKER_URL:
        print(
            "Ingen kø er sat op: sæt DAGSORDEN_CELERY_BROKER_URL (fx redis://127.0.0.1:6379/0). "
            "Uden kø kører baggrundsarbejdet i web-processen, og der skal ingen worker startes.",
            file=sys.stderr,
        )
        sys.exit(2)
    from dagsorden.celery import app

    defaults = ["--loglevel=INFO", f"--queues={settings.CELERY_TASK_DEFAULT_QUEUE}"]
    app.worker_main(["worker", *defaults, *args])


if __name__ == "__main__":
    main()
