"""A real OParl consumer harvests us: Meine Stadt Transparent (from PyPI, in its own
virtualenv, SQLite, Elasticsearch off) imports the demo municipality from a running
`dagsorden serve`, ends with the same numbers of objects as our API lists, and picks up a
soft delete and an edit with `import_update`.

Run by `make test-oparl-client` (which builds the client's virtualenv and sets
DAGSORDEN_OPARL_CLIENT); a plain `pytest` run skips it and says so."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CLIENT_VENV = os.environ.get("DAGSORDEN_OPARL_CLIENT", "")
pytestmark = pytest.mark.skipif(
    not CLIENT_VENV,
    reason="the OParl client test runs with `make test-oparl-client` (its own virtualenv)",
)

DAGSORDEN = Path(sys.executable).with_name("dagsorden")
DEMO_SLUG = "eksempel"
# Our list → MST's model.
KINDS = {
    "organization": "Organization",
    "person": "Person",
    "membership": "Membership",
    "meeting": "Meeting",
    "agendaitem": "AgendaItem",
    "paper": "Paper",
    "consultation": "Consultation",
}
COUNT_SCRIPT = """
import json
from mainapp import models
print("COUNTS" + json.dumps({name: getattr(models, name).objects.count() for name in %r}))
"""
CHANGE_SCRIPT = """
from dagsorden.meetings.models import Meeting
from dagsorden.organisations.models import Person
meeting = Meeting.objects.filter(state="agenda", deleted=False).order_by("pk").first()
meeting.deleted = True
meeting.save()
person = Person.objects.order_by("pk").first()
person.family_name = "Omdøbtsen"
person.save()
print("CHANGED", meeting.pk, person.pk)
"""
LOOKUP_SCRIPT = """
import json
from mainapp.models import Meeting, Person
print("FOUND" + json.dumps({
    "alive": Meeting.objects.filter(oparl_id=%(meeting)r).exists(),
    "deleted": Meeting.objects_with_deleted.filter(oparl_id=%(meeting)r, deleted=True).exists(),
    "person": Person.objects.get(oparl_id=%(person)r).name,
}))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(argv, env, cwd, log: Path, timeout=300) -> str:
    result = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    log.write_text(result.stdout + result.stderr)
    assert result.returncode == 0, f"{argv[:2]} failed:\n{(result.stdout + result.stderr)[-3000:]}"
    return result.stdout


def marked(output: str, marker: str) -> str:
    return next(line for line in output.splitlines() if line.startswith(marker))[len(marker) :]


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def api_counts(body: dict) -> dict[str, int]:
    """How many objects each of our lists holds, paged as a harvester pages."""
    counts = {}
    for kind in KINDS:
        url, total = f"{body['id']}/{kind}", 0
        while url:
            page = get_json(url)
            total += len(page["data"])
            url = page["links"].get("next")
        counts[KINDS[kind]] = total
    return counts


@pytest.fixture
def served_demo(tmp_path):
    """The demo municipality on a fresh SQLite database, served by `dagsorden serve`."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": "",
        "DAGSORDEN_DATA_DIR": str(tmp_path / "dagsorden"),
        "DAGSORDEN_SITE_URL": f"http://127.0.0.1:{port}",
    }
    run([DAGSORDEN, "migrate", "-v0"], env, tmp_path, tmp_path / "migrate.log")
    run([DAGSORDEN, "load_demo"], env, tmp_path, tmp_path / "demo.log")
    with open(tmp_path / "serve.log", "w") as log:
        server = subprocess.Popen(
            [DAGSORDEN, "serve", "--port", str(port), "--workers", "2"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    system_url = f"http://127.0.0.1:{port}/oparl/v1/system"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                system = get_json(system_url)
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "serve.log").read_text()[-3000:]
                assert time.monotonic() < deadline, "dagsorden serve did not answer in 60 s"
                time.sleep(0.5)
        yield env, system
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


@pytest.fixture
def client_env(tmp_path):
    """Meine Stadt Transparent's settings: SQLite from the migrated template, no
    Elasticsearch, and geocoding pointed at a closed local port (no traffic leaves)."""
    venv = Path(CLIENT_VENV)
    manage = venv / "bin" / "mst-manage"
    template = venv / "mst-template.sqlite3"
    assert manage.exists() and template.exists(), f"run `make test-oparl-client` ({venv})"
    work = tmp_path / "mst"
    work.mkdir()
    shutil.copy(template, work / "mst.sqlite3")
    env = {
        **os.environ,
        "REAL_HOST": "127.0.0.1",
        "SECRET_KEY": "oparl-client-test",
        "DATABASE_URL": f"sqlite:///{work / 'mst.sqlite3'}",
        "ELASTICSEARCH_ENABLED": "False",
        "NO_LOG_FILES": "True",
        "TIME_ZONE": "Europe/Copenhagen",
        "NOMINATIM_URL": "http://127.0.0.1:9",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return manage, env, work


def test_meine_stadt_transparent_imports_and_updates_the_demo(served_demo, client_env, tmp_path):
    our_env, system = served_demo
    manage, env, work = client_env
    # The demo holds two municipalities; the client harvests the first demo's Body.
    bodies = get_json(system["body"])["data"]
    [body] = [b for b in bodies if b["shortName"] == DEMO_SLUG]

    run(
        [manage, "import", body["id"], "--ags", "09999999", "--skip-body-extra", "--skip-files"],
        env,
        work,
        tmp_path / "mst-import.log",
    )
    theirs = json.loads(
        marked(
            run(
                [manage, "shell", "-c", COUNT_SCRIPT % list(KINDS.values())],
                env,
                work,
                tmp_path / "mst-count.log",
            ),
            "COUNTS",
        )
    )
    ours = api_counts(body)
    assert all(count > 0 for count in ours.values()), ours
    assert theirs == ours

    # A meeting is deleted by mistake-correction and a member changes name; MST's
    # modified_since compares whole seconds, so let the clock move on first.
    time.sleep(1.1)
    changed = run(
        [DAGSORDEN, "shell", "-c", CHANGE_SCRIPT], our_env, tmp_path, tmp_path / "change.log"
    )
    meeting_pk, person_pk = marked(changed, "CHANGED ").split()
    base = body["id"].rsplit("/body/", 1)[0]
    meeting_url, person_url = f"{base}/meeting/{meeting_pk}", f"{base}/person/{person_pk}"

    run([manage, "import_update", "--skip-download"], env, work, tmp_path / "mst-update.log")
    lookup = LOOKUP_SCRIPT % {"meeting": meeting_url, "person": person_url}
    found = json.loads(
        marked(
            run([manage, "shell", "-c", lookup], env, work, tmp_path / "mst-lookup.log"), "FOUND"
        )
    )
    assert found == {"alive": False, "deleted": True, "person": found["person"]}
    assert found["person"].endswith("Omdøbtsen")
