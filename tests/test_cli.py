"""The `dagsorden` command: Django's commands are reachable through it."""

import subprocess
import sys
from pathlib import Path

import pytest

from dagsorden import cli

DAGSORDEN = Path(sys.executable).with_name("dagsorden")


def test_management_commands_are_reachable(capsys):
    cli.main(["dagsorden", "help", "load_demo"])
    assert "Eksempel Kommune" in capsys.readouterr().out


def test_console_script_lists_demo_and_django_commands(tmp_path):
    result = subprocess.run(
        [str(DAGSORDEN), "help"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"DAGSORDEN_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert "migrate" in result.stdout and "load_demo" in result.stdout


def test_serve_refuses_unknown_options(tmp_path):
    with pytest.raises(SystemExit):
        cli.serve(["--no-such-option"])
