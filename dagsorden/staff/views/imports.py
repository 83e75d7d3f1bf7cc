"""The secretariat's import page: upload an agenda, minutes or an agenda system's export;
a background job imports it, and the page shows its progress and outcome."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from dagsorden.importer.tasks import import_enqueue, import_upload
from dagsorden.organisations.models import Municipality

from .. import permissions
from ..selectors import jobs_visible_to
from ._helpers import report_errors, require, staff_required


def _municipalities(user):
    bodies = permissions.staff_bodies(user)
    return Municipality.objects.filter(organizations__in=bodies).distinct().order_by("name")


@staff_required
def import_page(request):
    require(permissions.may_import(request.user))
    municipalities = _municipalities(request.user)
    if request.method == "POST":
        try:
            _start_import(request, municipalities)
        except ValidationError as error:
            report_errors(request, error)
        else:
            messages.success(request, _("Filen er modtaget og importeres i baggrunden."))
        return redirect("staff:import")
    jobs = list(jobs_visible_to(request.user).filter(task=import_upload.name)[:20])
    context = {
        "municipalities": municipalities,
        "jobs": jobs,
        "running": any(not job.finished for job in jobs),
    }
    return render(request, "staff/import.html", context)


def _start_import(request, municipalities) -> None:
    upload = request.FILES.get("fil")
    if upload is None:
        raise ValidationError(_("Vælg en fil at importere."), code="no_file")
    municipality = municipalities.filter(pk=request.POST.get("kommune") or 0).first()
    if municipality is None:
        raise ValidationError(_("Vælg kommunen, der skal importeres til."), code="no_kommune")
    import_enqueue(upload=upload, municipality=municipality.name, by=request.user)
