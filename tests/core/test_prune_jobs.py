"""`dagsorden prune_jobs`: finished background jobs go after N days (default 90), counted
from when they finished; queued and running jobs stay however old they are."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from dagsorden.core.jobs import job_prune
from dagsorden.core.models import BackgroundJob

pytestmark = pytest.mark.django_db

State = BackgroundJob.State
NOW = timezone.make_aware(dt.datetime(2026, 12, 1, 3, 45))
SECOND = dt.timedelta(seconds=1)


def _job(state: str, *, finished_ago: dt.timedelta | None, created_ago: dt.timedelta):
    job = BackgroundJob.objects.create(task="test.task", state=state, subject=state)
    BackgroundJob.objects.filter(pk=job.pk).update(
        created=NOW - created_ago,
        finished_at=None if finished_ago is None else NOW - finished_ago,
    )
    return job.pk


def _left() -> set[int]:
    return set(BackgroundJob.objects.values_list("pk", flat=True))


def test_finished_jobs_go_after_the_days_counted_from_their_end():
    days = dt.timedelta(days=90)
    year = dt.timedelta(days=365)
    gone = {
        _job(State.DONE, finished_ago=days + SECOND, created_ago=year),
        _job(State.FAILED, finished_ago=days + SECOND, created_ago=year),
        _job(State.DONE, finished_ago=None, created_ago=days + SECOND),  # set by hand
    }
    kept = {
        _job(State.DONE, finished_ago=days, created_ago=year),  # exactly 90 days: not older
        _job(State.DONE, finished_ago=days - SECOND, created_ago=year),
        _job(State.FAILED, finished_ago=days - SECOND, created_ago=year),  # retried late
        _job(State.QUEUED, finished_ago=None, created_ago=year),
        _job(State.RUNNING, finished_ago=None, created_ago=year),
        # A retried job: queued again, its old finish time still there.
        _job(State.QUEUED, finished_ago=year, created_ago=year),
        _job(State.RUNNING, finished_ago=year, created_ago=year),
    }
    assert job_prune(days=90, now=NOW) == len(gone)
    assert _left() == kept
    assert job_prune(days=90, now=NOW) == 0


def test_the_command_prunes_with_its_days_and_says_how_many(capsys, time_machine):
    time_machine.move_to(NOW, tick=False)
    old = _job(State.DONE, finished_ago=dt.timedelta(days=10), created_ago=dt.timedelta(days=10))
    recent = _job(State.DONE, finished_ago=dt.timedelta(days=6), created_ago=dt.timedelta(days=6))
    call_command("prune_jobs")  # default 90 days: both stay
    assert "0 afsluttede baggrundsjob" in capsys.readouterr().out
    call_command("prune_jobs", "--days", "7")
    assert "1 afsluttede baggrundsjob ældre end 7 dage er slettet." in capsys.readouterr().out
    assert _left() == {recent} and old not in _left()


def test_the_command_refuses_less_than_a_day():
    with pytest.raises(CommandError, match="mindst 1"):
        call_command("prune_jobs", "--days", "0")
