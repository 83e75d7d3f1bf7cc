"""Background jobs of documents: render a meeting's PDFs into the cache as soon as its
agenda or minutes are published, so the first download does not wait for WeasyPrint."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from dagsorden.core.jobs import job_enqueue, job_progress, job_task
from dagsorden.core.models import BackgroundJob
from dagsorden.meetings.models import Meeting
from dagsorden.meetings.selectors import meetings_public

from .model import MEMBERS, PUBLIC

# (progress key, variant, with bilag): what the portal and the member pages offer.
VARIANTS = (("public", PUBLIC, False), ("members", MEMBERS, False), ("public_bilag", PUBLIC, True))


@job_task(name="documents.render_meeting_pdfs", title=_("PDF af dagsorden eller referat"))
def render_meeting_pdfs(job: BackgroundJob) -> None:
    from .from_db import document_from_meeting
    from .render import render

    meeting = meetings_public().filter(pk=job.arguments["meeting"]).first()
    if meeting is None:  # withdrawn or deleted since: nothing public to prepare
        job_progress(job, skipped=True)
        return
    for done, (key, variant, with_bilag) in enumerate(VARIANTS, start=1):
        document = document_from_meeting(meeting, variant=variant)
        # The cache is keyed by content, so a variant rendered before a lost worker died
        # is read back, not rendered again.
        render(document, "pdf", with_bilag=with_bilag)
        job_progress(
            job, percent=100 * done // len(VARIANTS), **{key: pdf_cache_key(document, with_bilag)}
        )


def pdf_cache_key(document, with_bilag: bool = False) -> str:
    """The name the PDF cache stores this document's PDF under (see cache.py, combined.py)."""
    from .combined import combined_cache_key

    return combined_cache_key(document) if with_bilag else document.fingerprint()


def meeting_pdfs_enqueue(*, meeting: Meeting, by=None) -> BackgroundJob:
    """Render the meeting's PDFs once the current transaction commits."""
    return job_enqueue(
        task=render_meeting_pdfs,
        obj=meeting,
        organization=meeting.organization,
        subject=str(meeting),
        arguments={"meeting": meeting.pk},
        by=by,
    )
