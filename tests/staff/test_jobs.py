"""Background jobs in-process (eager, the embedded default): what publishing queues, that
a job run twice does its work once, and what the secretariat sees of a job that fails."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from dagsorden.core.jobs import job_enqueue, job_retry
from dagsorden.core.models import BackgroundJob
from dagsorden.documents import pdf
from dagsorden.documents.cache import cache_dir
from dagsorden.documents.tasks import render_meeting_pdfs
from dagsorden.meetings.models import Meeting
from dagsorden.meetings.services import item_set_draft_state
from dagsorden.meetings.tasks import notice_enqueue, send_notice

SMTP_DOWN = {
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "127.0.0.1",
    "EMAIL_PORT": 9,  # discard: nothing listens, the connection is refused at once
    "EMAIL_TIMEOUT": 2,
}


@pytest.fixture(autouse=True)
def isolated_cache(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.DAGSORDEN_JOB_MAX_RETRIES = 2
    settings.DAGSORDEN_PRERENDER_PDFS = True  # as with a worker (off in-process by default)


def _with_addresses(world):
    for person, address in zip(world["members"], ["a@x.invalid", "b@x.invalid"], strict=False):
        person.email = address
        person.save()


def _publish(client, world, capture):
    item_set_draft_state(item=world["draft"], state="ready")
    item_set_draft_state(item=world["draft"], state="approved")
    client.force_login(world["users"]["secretary_own"])
    with capture(execute=True):
        response = client.post(
            reverse("staff:agenda_publish", args=[world["planned"].pk]),
            {"late_reason": "Ekstra punkt"},
        )
    assert response.status_code == 302
    return world["planned"]


def _jobs(meeting, task):
    return BackgroundJob.objects.filter(object_id=str(meeting.pk), task=task.name)


def test_publishing_renders_every_pdf_into_the_cache_and_tells_each_member_once(
    client, world, django_capture_on_commit_callbacks, monkeypatch
):
    _with_addresses(world)
    meeting = _publish(client, world, django_capture_on_commit_callbacks)
    job = _jobs(meeting, render_meeting_pdfs).get()
    assert job.state == BackgroundJob.State.DONE and job.percent == 100 and job.attempts == 1
    for key in ("public", "members", "public_bilag"):
        assert (cache_dir() / f"{job.progress[key]}.pdf").exists(), key
    assert sorted(m.to[0] for m in mail.outbox) == ["a@x.invalid", "b@x.invalid"]
    notice = _jobs(meeting, send_notice).get()
    assert notice.state == BackgroundJob.State.DONE
    assert sorted(notice.progress["sent"]) == ["a@x.invalid", "b@x.invalid"]

    def no_rendering(document):
        raise AssertionError("the first download must come from the cache")

    monkeypatch.setattr(pdf, "to_pdf", no_rendering)
    public = client.get(reverse("documents:meeting_pdf", args=[meeting.pk]))
    assert public.status_code == 200
    assert public.content == (cache_dir() / f"{job.progress['public']}.pdf").read_bytes()
    client.force_login(world["users"]["member_own"])
    members = client.get(reverse("staff:member_pdf", args=[meeting.pk]))
    assert members.content == (cache_dir() / f"{job.progress['members']}.pdf").read_bytes()


def test_a_job_delivered_again_does_nothing_more(
    world, django_capture_on_commit_callbacks, settings
):
    _with_addresses(world)
    meeting = world["published"]
    with django_capture_on_commit_callbacks(execute=True):
        job = notice_enqueue(meeting=meeting, notice="agenda_published")
    assert len(mail.outbox) == 2
    send_notice.delay(job.pk)  # the broker hands the same message out once more
    job.refresh_from_db()
    assert len(mail.outbox) == 2 and job.attempts == 1


def test_a_job_taken_over_from_a_lost_worker_skips_what_it_had_done(world, settings):
    """A worker died after the first e-mail: the next one sends only the rest."""
    _with_addresses(world)
    meeting = world["published"]
    job = BackgroundJob.objects.create(
        task=send_notice.name,
        state=BackgroundJob.State.RUNNING,
        attempts=1,
        arguments={"meeting": meeting.pk, "notice": "agenda_published"},
        progress={"sent": ["a@x.invalid"]},
        started_at=timezone.now() - dt.timedelta(seconds=settings.DAGSORDEN_JOB_LEASE_SECONDS + 1),
    )
    send_notice.delay(job.pk)
    job.refresh_from_db()
    assert [m.to for m in mail.outbox] == [["b@x.invalid"]]
    assert job.state == BackgroundJob.State.DONE and job.attempts == 2


def test_a_job_another_worker_is_running_is_left_to_it(world):
    meeting = world["published"]
    _with_addresses(world)
    job = BackgroundJob.objects.create(
        task=send_notice.name,
        arguments={"meeting": meeting.pk, "notice": "agenda_published"},
    )
    BackgroundJob.objects.filter(pk=job.pk).update(state="running", started_at=timezone.now())
    send_notice.delay(job.pk)
    assert mail.outbox == []


def test_a_withdrawn_meeting_gets_no_pdfs(world, django_capture_on_commit_callbacks):
    meeting = world["planned"]  # never published: nothing public to render
    with django_capture_on_commit_callbacks(execute=True):
        job = job_enqueue(task=render_meeting_pdfs, obj=meeting, arguments={"meeting": meeting.pk})
    job.refresh_from_db()
    assert job.state == BackgroundJob.State.DONE and job.progress == {"skipped": True}
    assert not list(cache_dir().glob("*.pdf"))


def test_a_failing_job_is_retried_then_shown_to_the_secretary_in_danish(
    client, world, settings, django_capture_on_commit_callbacks
):
    for name, value in SMTP_DOWN.items():
        setattr(settings, name, value)
    _with_addresses(world)
    meeting = world["published"]
    with django_capture_on_commit_callbacks(execute=True):
        job = notice_enqueue(meeting=meeting, notice="agenda_published")
    job.refresh_from_db()
    assert job.state == BackgroundJob.State.FAILED
    assert job.attempts == 3  # the first try and DAGSORDEN_JOB_MAX_RETRIES retries
    assert "ConnectionRefusedError" in job.last_error
    assert Meeting.objects.get(pk=meeting.pk).state == Meeting.State.AGENDA_PUBLISHED

    client.force_login(world["users"]["secretary_own"])
    desk = client.get(reverse("staff:dashboard")).content.decode()
    assert "1 baggrundsjob er fejlet" in desk
    page = client.get(reverse("staff:jobs") + "?tilstand=failed").content.decode()
    assert "Fejlede efter 3 forsøg" in page and "E-mail til medlemmerne" in page
    assert "Prøv igen" in page

    client.force_login(world["users"]["secretary_other"])  # another body's secretary
    assert "Fejlede" not in client.get(reverse("staff:jobs")).content.decode()
    assert client.post(reverse("staff:job_retry", args=[job.pk])).status_code == 403

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.force_login(world["users"]["secretary_own"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("staff:job_retry", args=[job.pk]), follow=True)
    assert "Jobbet er sat i kø igen" in response.content.decode()
    job.refresh_from_db()
    assert job.state == BackgroundJob.State.DONE and job.attempts == 4
    assert len(mail.outbox) == 2


def test_only_a_failed_job_can_be_retried(world, client):
    job = BackgroundJob.objects.create(task=send_notice.name, organization=world["body"])
    with pytest.raises(Exception, match="Kun et fejlet job"):
        job_retry(job=job)
    client.force_login(world["users"]["secretary_own"])
    response = client.post(reverse("staff:job_retry", args=[job.pk]), follow=True)
    assert "Kun et fejlet job kan prøves igen" in response.content.decode()


@pytest.mark.parametrize("role", ["anonymous", "plain_user", "member_own"])
def test_the_jobs_page_is_for_the_secretariat(client, world, role):
    if world["users"][role] is not None:
        client.force_login(world["users"][role])
    response = client.get(reverse("staff:jobs"))
    assert response.status_code in (302, 403)


def test_a_case_officer_sees_but_cannot_retry(client, world):
    job = BackgroundJob.objects.create(
        task=send_notice.name, organization=world["body"], state="failed", subject="Mødet"
    )
    client.force_login(world["users"]["case_officer_own"])
    assert "Mødet" in client.get(reverse("staff:jobs")).content.decode()
    assert client.post(reverse("staff:job_retry", args=[job.pk])).status_code == 403


def test_the_worker_command_needs_a_broker(settings, capsys):
    from dagsorden import cli

    settings.CELERY_BROKER_URL = ""
    with pytest.raises(SystemExit) as stopped:
        cli.worker([])
    assert stopped.value.code == 2
    assert "DAGSORDEN_CELERY_BROKER_URL" in capsys.readouterr().err


def test_a_queue_that_cannot_be_reached_fails_the_job_not_the_publication(
    client, world, django_capture_on_commit_callbacks, monkeypatch
):
    def broker_down(*args, **kwargs):
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(send_notice, "delay", broker_down)
    monkeypatch.setattr(render_meeting_pdfs, "delay", broker_down)
    _with_addresses(world)
    meeting = _publish(client, world, django_capture_on_commit_callbacks)
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.AGENDA_PUBLISHED
    jobs = BackgroundJob.objects.filter(object_id=str(meeting.pk))
    assert {job.state for job in jobs} == {BackgroundJob.State.FAILED}
    assert all(job.last_error.startswith("Køen kunne ikke nås") for job in jobs)
    page = client.get(reverse("staff:jobs")).content.decode()
    assert page.count("Prøv igen") >= 2


def test_without_a_broker_publishing_leaves_the_pdfs_to_the_first_reader(
    client, world, settings, django_capture_on_commit_callbacks
):
    """In-process, rendering in the publishing request would make the secretary wait."""
    settings.DAGSORDEN_PRERENDER_PDFS = False
    meeting = _publish(client, world, django_capture_on_commit_callbacks)
    assert not _jobs(meeting, render_meeting_pdfs).exists()
    assert _jobs(meeting, send_notice).get().state == BackgroundJob.State.DONE
