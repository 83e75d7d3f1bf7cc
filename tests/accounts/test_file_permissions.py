"""The data directory, the SQLite file, bilag and the PDF cache (which holds the members'
confidential variant) are for the installation's own user only (issue 11, Found 10)."""

import os
import subprocess
import sys
import textwrap

# A fresh process that starts with the usual umask (022), as `dagsorden serve` would.
WRITE_EVERYTHING = textwrap.dedent(
    """
    import os
    os.umask(0o022)
    import django
    django.setup()
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.db import connection
    from dagsorden.documents.cache import cached

    connection.ensure_connection()
    connection.cursor().execute("CREATE TABLE probe (x int)")
    default_storage.save("bilag/2026/bilag.pdf", ContentFile(b"%PDF-1.7 fortrolig"))
    cached("fortrolig", lambda: b"%PDF-1.7 fortrolig")
    """
)


def _mode(path) -> int:
    return path.stat().st_mode & 0o777


def test_everything_the_installation_writes_is_private(tmp_path):
    data = tmp_path / "data"
    env = {
        **os.environ,
        "DAGSORDEN_DATA_DIR": str(data),
        "DATABASE_URL": "",
        "DJANGO_SETTINGS_MODULE": "dagsorden.settings",
    }
    env.pop("DAGSORDEN_MEDIA_ROOT", None)
    subprocess.run([sys.executable, "-c", WRITE_EVERYTHING], env=env, check=True, timeout=120)

    assert _mode(data) == 0o700
    assert _mode(data / "secret_key") == 0o600
    assert _mode(data / "dagsorden.sqlite3") == 0o600
    assert _mode(data / "media") == 0o700
    assert _mode(data / "media" / "bilag" / "2026") == 0o700
    assert _mode(data / "media" / "bilag" / "2026" / "bilag.pdf") == 0o600
    assert _mode(data / "cache" / "documents") == 0o700
    assert _mode(data / "cache" / "documents" / "fortrolig.pdf") == 0o600
    world_readable = [
        path for path in data.rglob("*") if path.stat().st_mode & 0o077 and path.exists()
    ]
    assert world_readable == []


def test_an_existing_data_directory_is_closed_too(tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    env = {**os.environ, "DAGSORDEN_DATA_DIR": str(data), "DATABASE_URL": ""}
    subprocess.run(
        [sys.executable, "-c", "import dagsorden.settings"], env=env, check=True, timeout=60
    )
    assert _mode(data) == 0o700
