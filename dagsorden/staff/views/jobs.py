"""Background jobs for the secretariat: what runs, what waits, and what failed for good
(with its error, and a button to try once more)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from dagsorden.core.jobs import TITLES, job_retry
from dagsorden.core.models import BackgroundJob

from .. import permissions
from ..selectors import jobs_visible_to
from ._helpers import report_errors, require, staff_required


@staff_required
@require_safe
def job_list(request):
    jobs = jobs_visible_to(request.user)
    state = request.GET.get("tilstand", "")
    if state in BackgroundJob.State.values:
        jobs = jobs.filter(state=state)
    page = Paginator(jobs, 50).get_page(request.GET.get("side"))
    for job in page:
        job.title = TITLES.get(job.task, job.task)
        job.may_retry = job.state == BackgroundJob.State.FAILED and _may_retry(request.user, job)
    failed = jobs_visible_to(request.user).filter(state=BackgroundJob.State.FAILED).count()
    context = {
        "page": page,
        "failed": failed,
        "state": state,
        "states": BackgroundJob.State.choices,
    }
    return render(request, "staff/jobs.html", context)


def _may_retry(user, job: BackgroundJob) -> bool:
    if job.organization is None:
        return permissions.is_admin(user)
    return permissions.is_secretary(user, job.organization)


@staff_required
@require_POST
def job_retry_view(request, pk):
    job = get_object_or_404(BackgroundJob, pk=pk)
    require(_may_retry(request.user, job))
    try:
        job_retry(job=job, by=request.user)
    except ValidationError as error:
        report_errors(request, error)
    else:
        messages.success(request, _("Jobbet er sat i kø igen."))
    return redirect("staff:jobs")
