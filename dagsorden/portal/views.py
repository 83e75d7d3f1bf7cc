"""Public pages. The public never sees a closed item's content: only its neutral title
and the line that the decision is published within the duty of confidentiality."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from dagsorden.api.export import ARCHIVE_NAME, archive_info
from dagsorden.cases.models import File
from dagsorden.meetings.models import AgendaItem, Decision, Meeting
from dagsorden.meetings.selectors import (
    item_history,
    meeting_absences,
    meeting_items,
    meeting_participants,
    meeting_public_get,
    meetings_on_calendar,
)
from dagsorden.meetings.visibility import public_minutes
from dagsorden.organisations.models import Municipality, Organization

from . import page_cache, selectors
from .forms import SearchForm


def _scoped(request, name: str, **kwargs) -> dict:
    """Context every per-municipality page has: the canonical (slug) address, and
    whether rows must name their municipality (the national lists)."""
    municipality = request.portal.municipality
    return {
        "canonical": request.portal.canonical(name, **kwargs) if request.portal.many else "",
        "show_municipality": municipality is None,
    }


def home(request):
    municipality = request.portal.municipality
    if municipality is None:
        return national_home(request)
    bodies = selectors.bodies_public(municipality=municipality)
    return render(
        request,
        "portal/home.html",
        {
            "upcoming": selectors.upcoming_meetings(municipality=municipality),
            "decisions": selectors.latest_decisions(municipality=municipality),
            "bodies": [b for b in bodies if b.has_public_meetings],
            "form": SearchForm(),
            **_scoped(request, "home"),
        },
    )


def national_home(request):
    """The front page of an installation with several municipalities and none chosen:
    each municipality's portal, the latest decisions of all, one search over all."""
    return render(
        request,
        "portal/national.html",
        {
            "municipalities": selectors.municipalities_public(),
            "decisions": selectors.latest_decisions(),
            "upcoming": selectors.upcoming_meetings(),
            "form": SearchForm(),
            "show_municipality": True,
        },
    )


def meeting_list(request):
    municipality = request.portal.municipality
    now = timezone.now()
    upcoming = selectors.upcoming_meetings(20, municipality=municipality)
    past = selectors.meetings_listed(municipality=municipality).filter(start__lt=now)
    past = Paginator(past.select_related("organization__municipality").order_by("-start"), 25)
    return render(
        request,
        "portal/meeting_list.html",
        {
            "upcoming": upcoming,
            "past": past.get_page(request.GET.get("side")),
            **_scoped(request, "meeting_list"),
        },
    )


def meeting_detail(request, pk):
    return page_cache.meeting_page(request, pk, lambda: _meeting_detail(request, pk))


def _meeting_detail(request, pk):
    meeting = meeting_public_get(pk)
    request.portal.show(meeting.organization.municipality)
    items = list(meeting_items(meeting))
    for item in items:
        item.history_entries = item_history(item) if item.public else []
        item.public_files = [bilag for bilag in item.files.all() if bilag.public]
    return render(
        request,
        "portal/meeting_detail.html",
        {
            "meeting": meeting,
            "items": items,
            "absences": meeting_absences(meeting) if meeting.state != Meeting.State.PLANNED else [],
            "participants": meeting_participants(meeting),
            "show_decisions": public_minutes(meeting),
        },
    )


def item_detail(request, pk):
    item = selectors.item_public_get(pk)
    request.portal.show(item.meeting.organization.municipality)
    if item.public:
        item = next(i for i in meeting_items(item.meeting) if i.pk == item.pk)
        item.history_entries = item_history(item)
        item.public_files = [bilag for bilag in item.files.all() if bilag.public]
    return render(
        request,
        "portal/item_detail.html",
        {
            "item": item,
            "meeting": item.meeting,
            "show_decisions": public_minutes(item.meeting),
            "absent": selectors.item_absent(item) if item.public else [],
        },
    )


def case_detail(request, pk):
    case = selectors.case_public_get(pk)
    request.portal.show(case.municipality)
    route = selectors.case_route(case)
    current = case.current_consultation()
    return render(
        request, "portal/case_detail.html", {"case": case, "route": route, "current": current}
    )


def body_list(request):
    groups = selectors.bodies_by_municipality(municipality=request.portal.municipality)
    context = {"groups": groups, **_scoped(request, "body_list")}
    return render(request, "portal/body_list.html", context)


def body_detail(request, pk):
    body = selectors.body_public_get(pk)
    request.portal.show(body.municipality)
    meetings = Paginator(selectors.body_meetings(body).order_by("-start"), 20)
    upcoming = (
        meetings_on_calendar()
        .filter(organization=body, start__gte=timezone.now())
        .order_by("start")
    )
    return render(
        request,
        "portal/body_detail.html",
        {
            "body": body,
            "terms": selectors.body_members_by_term(body),
            "upcoming": upcoming[:5],
            "meetings": meetings.get_page(request.GET.get("side")),
        },
    )


def person_detail(request, pk):
    person = selectors.person_public_get(pk)
    request.portal.show(person.municipality)
    return render(
        request,
        "portal/person_detail.html",
        {
            "person": person,
            "memberships": selectors.person_memberships(person),
            "attendance": selectors.person_attendance(person),
            "votes": selectors.person_votes(person),
        },
    )


def calendar_current(request):
    today = timezone.localdate()
    return calendar_month(request, today.year, today.month)


def calendar_month(request, year, month):
    municipality = request.portal.municipality
    first_allowed, last_allowed = selectors.calendar_bounds(municipality=municipality)
    if not 1 <= month <= 12 or not first_allowed <= dt.date(year, month, 1) <= last_allowed:
        raise Http404
    weeks = selectors.calendar_weeks(year, month, municipality=municipality)
    first = dt.date(year, month, 1)
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    meetings = [m for week in weeks for day in week if day.in_month for m in day.meetings]
    return render(
        request,
        "portal/calendar.html",
        {
            "weeks": weeks,
            "month": first,
            "meetings": meetings,
            "previous": previous if previous >= first_allowed else None,
            "next": following if following <= last_allowed else None,
            **_scoped(request, "calendar_month", year=year, month=month),
        },
    )


def search(request):
    municipality = request.portal.municipality
    form = SearchForm(request.GET or None, municipality=municipality)
    result = form.run() if form.is_valid() else None
    context = {
        "form": form,
        "result": result,
        "query_string": request.GET.urlencode(),
        **_scoped(request, "search"),
    }
    if result is not None:
        context["facets"] = facet_groups(request.GET, result, national=municipality is None)
        context["pages"] = _page_links(request.GET, result)
    # The page shows the form's errors; the status tells clients the request was wrong.
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "portal/search.html", context, status=status)


def _page_links(params, result) -> dict:
    page = result.request.page
    links = {}
    if page > 1:
        links["previous"] = _with(params, side=page - 1)
    if page < result.pages:
        links["next"] = _with(params, side=page + 1)
    return links


@dataclass
class FacetLink:
    label: str
    count: int
    url: str
    active: bool


FACET_PARAMS = {
    "municipality": "kommune",
    "organization": "udvalg",
    "year": "aar",
    "item_type": "type",
    "outcome": "resultat",
}


# A facet shows its largest values (and the chosen one): a national search has about
# 700 bodies, which as links would be most of the page and of its rendering time.
FACET_LINKS = 20


def _body_labels(pks, *, national: bool) -> dict[int, str]:
    """Body names; on the national search with the municipality, since every
    municipality has an "Økonomiudvalget"."""
    rows = Organization.objects.filter(pk__in=pks).values_list("pk", "name", "municipality__name")
    if not national:
        return {pk: name for pk, name, _municipality in rows}
    return {pk: f"{name} ({municipality})" for pk, name, municipality in rows}


def facet_groups(params, result, *, national=False) -> list[tuple[str, list[FacetLink], int]]:
    """Each facet as links that add (or, when active, remove) its filter, and how many
    smaller values are left out. The municipality facet (when the search layer counts
    it) only on the national search."""
    shown = {name: _shown_values(params, result, name) for name in FACET_PARAMS}
    # The municipality facet only where the installation holds more than one.
    several = national and Municipality.objects.count() > 1
    labels = {
        "municipality": dict(
            Municipality.objects.filter(pk__in=shown["municipality"]).values_list("pk", "name")
        ),
        "organization": _body_labels(shown["organization"], national=several),
        "item_type": dict(AgendaItem.Type.choices),
        "outcome": dict(Decision.Outcome.choices),
    }
    titles = {
        "municipality": _("Kommune"),
        "organization": _("Udvalg"),
        "year": _("År"),
        "item_type": _("Sagstype"),
        "outcome": _("Resultat"),
    }
    groups = []
    for name, param in FACET_PARAMS.items():
        if name == "municipality" and not several:
            continue
        counts = result.facets.get(name, {})
        links = []
        for value in shown[name]:
            active = params.get(param) == str(value)
            url = _with(params, **{param: None if active else value, "side": None})
            label = str(labels.get(name, {}).get(value, value))
            links.append(FacetLink(label=label, count=counts[value], url=url, active=active))
        if links:
            groups.append((titles[name], links, len(counts) - len(links)))
    return groups


def _shown_values(params, result, name: str) -> list:
    """The facet's values to show: years newest first, others largest first, at most
    FACET_LINKS of them, the chosen value always among them."""
    counts = result.facets.get(name, {})
    ordered = sorted(counts, key=lambda value: -value if name == "year" else -counts[value])
    shown = ordered[:FACET_LINKS]
    chosen = params.get(FACET_PARAMS[name])
    shown += [value for value in ordered[FACET_LINKS:] if str(value) == chosen]
    return shown


def _with(params, **changes) -> str:
    query = params.copy()
    for key, value in changes.items():
        query.pop(key, None)
        if value is not None:
            query[key] = str(value)
    return "?" + query.urlencode()


def file_download(request, pk, name):
    """Serve a bilag only when everything around it is public."""
    bilag = get_object_or_404(File.objects.alive().select_related("agenda_item__meeting"), pk=pk)
    item = bilag.agenda_item
    visible = (
        bilag.public
        and bilag.file
        and item is not None
        and item.public
        and not item.deleted
        and item.meeting.is_public
    )
    if not visible:
        raise Http404
    request.portal.show(item.meeting.organization.municipality)  # its 404 page, if any
    try:
        stream = bilag.file.open("rb")
    except OSError:  # the row outlived its file: a missing page, not a server error
        raise Http404 from None
    return FileResponse(
        stream,
        content_type=bilag.mime_type or "application/octet-stream",
        filename=bilag.file_name or f"bilag-{bilag.pk}.pdf",
    )


@never_cache
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links; send them the SVG icon
    rather than a 404 in every log."""
    return HttpResponsePermanentRedirect(static("dagsorden/favicon.svg"))


def language_switch(request):
    """Remember the chosen language in its cookie and go back to the page.

    A GET form (not Django's POST set_language) so that pages carry no per-visitor CSRF
    token and can be cached as one copy for everyone."""
    back = request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    response = HttpResponseRedirect(back if safe else request.portal.url("home"))
    language = request.GET.get("language", "")
    if language in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response


def open_data(request, *, status=200, message=""):
    """Åbne data: the API, the last built archive (or why there is none yet)."""
    municipalities = Municipality.objects.alive().order_by("name")
    context = {"archive": archive_info(), "message": message, "municipalities": municipalities}
    return render(request, "portal/open_data.html", context, status=status)


def open_data_archive(request):
    info = archive_info()
    try:
        archive = open(info.path, "rb") if info else None  # noqa: SIM115 - FileResponse closes it
    except FileNotFoundError:  # removed between the look and the open
        archive = None
    if archive is None:
        message = _(
            "Arkivet er ikke bygget endnu. Det bygges hver nat; indtil da kan alle data "
            "hentes gennem API'et."
        )
        return open_data(request, status=404, message=message)
    return FileResponse(archive, content_type="application/zip", filename=ARCHIVE_NAME)
