"""Background jobs of the importer: a document or export uploaded on the staff import
page, imported by a worker with its progress on the job row."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dagsorden.core.jobs import JobRefused, job_enqueue, job_progress, job_task
from dagsorden.core.models import BackgroundJob

from .batch import DOCUMENT_SUFFIXES, EXPORT_SUFFIXES, ImportSummary, import_paths

MAX_UPLOAD_BYTES = 200 * 1024 * 1024
UPLOAD_SUFFIXES = DOCUMENT_SUFFIXES | EXPORT_SUFFIXES


def uploads_dir() -> Path:
    # Shared by the web process and the worker (same DAGSORDEN_DATA_DIR on one machine,
    # or a shared volume): the worker reads the file the page stored.
    directory = Path(settings.DATA_DIR) / "imports"
    directory.mkdir(parents=True, exist_ok=True)
    return directory


@job_task(name="importer.import_upload", title=gettext_lazy("Import af dokument eller eksport"))
def import_upload(job: BackgroundJob) -> None:
    path = Path(job.arguments["path"])
    if not path.exists():
        raise JobRefused(_("Den uploadede fil findes ikke længere: %(name)s") % _name(job))

    def on_file(done: int, total: int, summary: ImportSummary) -> None:
        job_progress(job, percent=100 * done // max(total, 1), **_counts(summary))

    # Importing is idempotent (keyed by each document's SHA-256): a job run again after
    # a lost worker loads what the rolled-back chunk had, and skips what was committed.
    summary = import_paths(
        [path], municipality=job.arguments.get("municipality"), progress=False, on_file=on_file
    )
    job_progress(job, percent=100, **_counts(summary))
    if summary.failed and not (summary.documents or summary.unchanged):
        raise JobRefused(
            _(
                "Intet blev importeret fra %(name)s: filen kunne ikke læses som en dagsorden, "
                "et referat eller en eksport."
            )
            % _name(job)
        )


def _name(job: BackgroundJob) -> dict:
    return {"name": job.arguments.get("name", "")}


def _counts(summary: ImportSummary) -> dict:
    return {
        "documents": summary.documents,
        "unchanged": summary.unchanged,
        "failed": summary.failed,
        "items": summary.items,
        "warnings": summary.warnings,
        "problems": summary.problems[:20],
    }


def import_enqueue(*, upload, municipality: str, by=None) -> BackgroundJob:
    """Store an uploaded file and import it in the background into `municipality`."""
    name = Path(upload.name).name
    if Path(name).suffix.lower() not in UPLOAD_SUFFIXES:
        raise ValidationError(
            _(
                "%(name)s kan ikke importeres: vælg en PDF-, Word-, HTML- eller tekstfil "
                "eller en eksport (JSON, XML, ZIP)."
            )
            % {"name": name},
            code="unknown_type",
        )
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("Filen er for stor (højst 200 MB)."), code="too_large")
    folder = uploads_dir() / uuid.uuid4().hex
    folder.mkdir()
    path = folder / name
    with path.open("wb") as stream:
        for chunk in upload.chunks():
            stream.write(chunk)
    return job_enqueue(
        task=import_upload,
        subject=name,
        arguments={"path": str(path), "municipality": municipality, "name": name},
        by=by,
    )
