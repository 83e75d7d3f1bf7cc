"""Background jobs: a `BackgroundJob` row for each piece of work, run by a Celery task.

How a job is safe to run again (a worker killed mid-task, a message delivered twice):
- the task is sent only after the transaction that created the row commits, with the
  row's id as its only argument;
- the row says what is finished (`progress`); a handler skips what is recorded there, and
  a finished row (done or failed for good) makes a repeated delivery do nothing;
- a row that is running with a fresh heartbeat belongs to another worker: the copy waits
  and looks again, so two workers never run the same job at once.

A failing job is retried with exponential backoff; after the last retry it is marked
failed with its error, and the secretariat sees it on the jobs page (and may retry it).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from dagsorden.celery import app

from .audit import audit_record
from .models import BackgroundJob

logger = logging.getLogger(__name__)

Handler = Callable[[BackgroundJob], None]
FailureHook = Callable[[BackgroundJob, Exception], None]

# Task name -> its Danish title (lazy), for the jobs page.
TITLES: dict[str, str] = {}


def job_task(*, name: str, title, on_failure: FailureHook | None = None):
    """Make `handler(job)` a Celery task that runs one BackgroundJob by id."""

    def decorate(handler: Handler):
        @app.task(
            name=name,
            bind=True,
            acks_late=True,
            reject_on_worker_lost=True,
            max_retries=None,  # counted against DAGSORDEN_JOB_MAX_RETRIES in _run
        )
        def task(self, job_id: int) -> None:
            _run(self, job_id, handler, on_failure)

        TITLES[name] = title
        return task

    return decorate


@transaction.atomic
def job_enqueue(
    *,
    task,
    obj: models.Model | None = None,
    organization=None,
    subject: str = "",
    arguments: dict | None = None,
    by=None,
) -> BackgroundJob:
    """Record a job and send its task once the surrounding transaction has committed."""
    job = BackgroundJob.objects.create(
        task=task.name,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        subject=subject[:300],
        organization=organization,
        arguments=arguments or {},
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    transaction.on_commit(lambda: _dispatch(task, job.pk))
    return job


def _dispatch(task, job_id: int) -> None:
    """Send the task. A broker that cannot be reached must not turn a committed change
    into an error page: the job is marked failed with the reason, so the secretariat
    sees it and can run it again."""
    try:
        task.delay(job_id)
    except Exception as error:  # kombu's OperationalError, socket errors, …
        logger.exception("Could not send job %s to the queue", job_id)
        BackgroundJob.objects.filter(pk=job_id, state=BackgroundJob.State.QUEUED).update(
            state=BackgroundJob.State.FAILED,
            finished_at=timezone.now(),
            last_error=(_("Køen kunne ikke nås: %(error)s") % {"error": error})[:2000],
        )


@transaction.atomic
def job_retry(*, job: BackgroundJob, by=None) -> BackgroundJob:
    """Run a job that failed for good once more, keeping what it had already done."""
    job = BackgroundJob.objects.select_for_update().get(pk=job.pk)
    if job.state != BackgroundJob.State.FAILED:
        raise ValidationError(_("Kun et fejlet job kan prøves igen."), code="not_failed")
    job.state = BackgroundJob.State.QUEUED
    job.finished_at = None
    job.save(update_fields=["state", "finished_at"])
    audit_record(action="job_retry", obj=job, by=by, summary=job.subject)
    task = app.tasks[job.task]
    transaction.on_commit(lambda: _dispatch(task, job.pk))
    return job


# Finished jobs are kept this long for the jobs page, then `dagsorden prune_jobs` removes them.
PRUNE_AFTER_DAYS = 90
FINISHED_STATES = (BackgroundJob.State.DONE, BackgroundJob.State.FAILED)


@transaction.atomic
def job_prune(*, days: int = PRUNE_AFTER_DAYS, now: dt.datetime | None = None) -> int:
    """Delete jobs that finished (done, or failed for good) more than `days` ago; return
    how many. Queued and running jobs are never touched, however old: they are still
    work. A failed job can be retried from the jobs page until it is pruned."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=days)
    # A finished row without a finish time (edited by hand) counts from its creation.
    old = Q(finished_at__lt=cutoff) | Q(finished_at__isnull=True, created__lt=cutoff)
    _total, by_model = BackgroundJob.objects.filter(old, state__in=FINISHED_STATES).delete()
    return by_model.get(BackgroundJob._meta.label, 0)


def job_progress(job: BackgroundJob, *, percent: int | None = None, **done) -> None:
    """Record what a running job has finished (and refresh its heartbeat)."""
    job.progress = {**job.progress, **done}
    if percent is not None:
        job.percent = max(0, min(100, percent))
    job.started_at = timezone.now()  # the heartbeat: this worker is alive
    job.save(update_fields=["progress", "percent", "started_at"])


def _lease() -> dt.timedelta:
    return dt.timedelta(seconds=settings.DAGSORDEN_JOB_LEASE_SECONDS)


class JobRefused(Exception):
    """The job cannot succeed however often it runs (bad input): it fails at once, with
    this message (Danish, for the secretariat), and is not retried."""


class _Busy(Exception):
    """Another worker holds the job (fresh heartbeat)."""


def _claim(job_id: int) -> BackgroundJob | None:
    """Mark the job running for this worker; None when there is nothing left to do."""
    now = timezone.now()
    free = Q(state=BackgroundJob.State.QUEUED) | Q(
        state=BackgroundJob.State.RUNNING, started_at__lt=now - _lease()
    )
    claimed = BackgroundJob.objects.filter(free, pk=job_id).update(
        state=BackgroundJob.State.RUNNING, attempts=F("attempts") + 1, started_at=now
    )
    if claimed:
        return BackgroundJob.objects.get(pk=job_id)
    state = BackgroundJob.objects.filter(pk=job_id).values_list("state", flat=True).first()
    if state == BackgroundJob.State.RUNNING:
        raise _Busy
    return None  # finished already, or deleted: a repeated delivery does nothing


def _run(task, job_id: int, handler: Handler, on_failure: FailureHook | None) -> None:
    try:
        job = _claim(job_id)
    except _Busy:
        if task.request.is_eager:  # in-process the holder is this very process: leave it
            return
        raise task.retry(countdown=_lease().total_seconds()) from None
    if job is None:
        return
    try:
        handler(job)
    except Exception as error:  # any failure is recorded, retried, and shown; never lost
        _failed(task, job, error, on_failure)
        return
    job.state = BackgroundJob.State.DONE
    job.percent = 100
    job.finished_at = timezone.now()
    job.save(update_fields=["state", "percent", "finished_at"])


def _failed(task, job: BackgroundJob, error: Exception, on_failure: FailureHook | None) -> None:
    logger.warning(
        "Job %s (%s) failed on attempt %s", job.pk, job.task, job.attempts, exc_info=True
    )
    if isinstance(error, JobRefused):
        job.last_error = str(error)[:2000]
    else:
        job.last_error = f"{type(error).__name__}: {error}"[:2000]
    retries = task.request.retries or 0
    if retries < settings.DAGSORDEN_JOB_MAX_RETRIES and not isinstance(error, JobRefused):
        job.state = BackgroundJob.State.QUEUED
        job.save(update_fields=["state", "last_error"])
        countdown = settings.DAGSORDEN_JOB_RETRY_BACKOFF * 2**retries
        raise task.retry(exc=error, countdown=countdown)
    job.state = BackgroundJob.State.FAILED
    job.finished_at = timezone.now()
    job.save(update_fields=["state", "last_error", "finished_at"])
    if on_failure is not None:
        on_failure(job, error)
