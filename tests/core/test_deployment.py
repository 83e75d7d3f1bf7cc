"""Deployment settings from the environment and the headers every response carries:
`DAGSORDEN_HTTPS=1 dagsorden check --deploy` finds nothing to warn about, scripts are
limited to the site's own files, oversized requests are refused before they are read,
and the server does not announce its software."""

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.urls import reverse

DAGSORDEN = Path(sys.executable).with_name("dagsorden")


def _deploy_check(tmp_path, **env):
    return subprocess.run(
        [str(DAGSORDEN), "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        timeout=120,
        env={"DAGSORDEN_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", **env},
    )


def test_https_deployment_passes_the_deploy_check_without_warnings(tmp_path):
    result = _deploy_check(tmp_path, DAGSORDEN_HTTPS="1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_without_https_the_deploy_check_warns(tmp_path):
    result = _deploy_check(tmp_path)
    assert result.returncode != 0
    assert "security.W004" in result.stderr  # no HSTS
    assert "security.W008" in result.stderr  # no redirect to HTTPS


def test_https_settings_come_from_the_environment(tmp_path):
    code = (
        "from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS > 0, s.SECURE_PROXY_SSL_HEADER)"
    )
    result = subprocess.run(
        [str(DAGSORDEN), "shell", "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={"DAGSORDEN_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "DAGSORDEN_HTTPS": "1"},
    )
    assert result.stdout.strip().splitlines()[-1].split() == [
        "True",
        "True",
        "True",
        "True",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
    ], result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/soeg/?q=budget", "/kalender/"])
def test_pages_carry_a_script_policy_without_inline_scripts(client, url):
    response = client.get(url)
    policy = response["Content-Security-Policy"]
    directives = {d.split()[0]: d.split()[1:] for d in policy.split("; ") if d}
    assert directives["script-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_no_template_has_an_inline_script_or_event_handler():
    """The policy forbids them, so one would silently stop working in the browser."""
    import re

    import dagsorden

    inline = re.compile(
        r"<script(?![^>]*\bsrc=)[^>]*>|\son(?:load|click|change|submit|input)=|js:|hx-on"
    )
    offenders = [
        str(path.relative_to(Path(dagsorden.__file__).parent))
        for path in Path(dagsorden.__file__).parent.rglob("*.html")
        if inline.search(path.read_text())
    ]
    assert offenders == []


@pytest.mark.django_db
def test_a_request_declaring_a_body_over_the_limit_is_refused_unread(client, settings):
    settings.MAX_UPLOAD_BYTES = 5 * 2**20
    settings.MAX_REQUEST_BYTES = 6 * 2**20
    response = client.post(
        reverse("staff:login"),
        data=b"username=x",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(10**12),
    )
    assert response.status_code == 413
    assert "højst 5 MB" in response.content.decode()


@pytest.mark.django_db
def test_a_request_with_an_unreadable_length_is_refused(client):
    response = client.post(
        reverse("staff:login"),
        data=b"username=x",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH="lots",
    )
    assert response.status_code == 400


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_gunicorn_with_our_config_sends_no_server_header(tmp_path):
    (tmp_path / "hello.py").write_text(
        "def app(environ, start_response):\n"
        "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
        "    return [b'hej']\n"
    )
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--config=python:dagsorden.gunicorn_conf",
            f"--bind=127.0.0.1:{port}",
            "--chdir",
            str(tmp_path),
            "hello:app",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        response = None
        for _attempt in range(100):
            try:
                response = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except OSError:
                time.sleep(0.1)
        assert response is not None, "gunicorn did not start"
        assert response.read() == b"hej"
        assert response.headers.get("Server") is None
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_uses_the_config(monkeypatch):
    from dagsorden import cli

    calls = []
    monkeypatch.setattr(cli.os, "execvp", lambda binary, argv: calls.append(argv))
    monkeypatch.setattr("django.core.management.call_command", lambda *a, **k: None)
    cli.serve(["--port", "8123"])
    assert "--config=python:dagsorden.gunicorn_conf" in calls[0]
