"""Background jobs of meetings: the e-mail notices to members."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from dagsorden.core.jobs import job_enqueue, job_progress, job_task
from dagsorden.core.models import BackgroundJob

from .models import Meeting
from .notices import NOTICES, notice_deliver, notice_failed_record


def _notice(job: BackgroundJob) -> tuple[Meeting, str, str]:
    meeting = Meeting.objects.select_related("organization").get(pk=job.arguments["meeting"])
    # The municipality's record speaks Danish, whatever language the secretary's pages use.
    with translation.override("da"):
        subject, body = NOTICES[job.arguments["notice"]](meeting)
    return meeting, subject, body


def _notice_failed(job: BackgroundJob, error: Exception) -> None:
    meeting, subject, _body = _notice(job)
    notice_failed_record(meeting, subject=subject, error=f"{type(error).__name__}: {error}")


@job_task(name="meetings.send_notice", title=_("E-mail til medlemmerne"), on_failure=_notice_failed)
def send_notice(job: BackgroundJob) -> None:
    meeting, subject, body = _notice(job)
    sent = list(job.progress.get("sent", []))

    def record(address: str) -> None:
        sent.append(address)
        job_progress(job, sent=sent)

    notice_deliver(meeting, subject=subject, body=body, already_sent=sent, sent=record)


def notice_enqueue(*, meeting: Meeting, notice: str, by=None) -> BackgroundJob:
    """Send a notice about the meeting to its members once the current transaction commits."""
    if notice not in NOTICES:
        raise ValueError(f"unknown notice {notice!r}")
    return job_enqueue(
        task=send_notice,
        obj=meeting,
        organization=meeting.organization,
        subject=str(meeting),
        arguments={"meeting": meeting.pk, "notice": notice},
        by=by,
    )
