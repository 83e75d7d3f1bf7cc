"""Read-only OParl 1.1 endpoints. Every answer is JSON, open to every origin (CORS), with
an ETag and Last-Modified so a harvester's repeated request gets a 304; every refusal
is an OParl Error object with its reason."""

import functools
import hashlib
import json

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from dagsorden.organisations.models import Municipality, Organization

from . import selectors
from .paging import BadParameter, apply_filters, list_body, oparl_error, page_of, parse_params
from .serializers import oparl_body, oparl_object, oparl_system


def base_url_of(request) -> str:
    return f"{request.scheme}://{request.get_host()}"


def _json_response(data: dict, *, status: int = 200) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return HttpResponse(body, status=status, content_type="application/json; charset=utf-8")


def _error(message: str, status: int) -> HttpResponse:
    return _json_response(oparl_error(message, status=status), status=status)


def oparl_endpoint(view):
    """GET/HEAD only; errors as OParl Error objects; CORS; conditional GET.

    The view returns (payload, last_modified or None)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        elif request.method not in ("GET", "HEAD"):
            response = _error("The OParl API is read-only: use GET.", 405)
            response["Allow"] = "GET, HEAD, OPTIONS"
        else:
            response = _answer(view, request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
        response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
        return response

    return wrapper


def _answer(view, request, *args, **kwargs) -> HttpResponse:
    try:
        payload, last_modified = view(request, *args, **kwargs)
    except BadParameter as error:
        return _error(str(error), 400)
    except Http404:
        return _error(f"No public OParl object at {request.path}.", 404)
    response = _json_response(payload)
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    response["ETag"] = etag
    response["Vary"] = "Accept-Encoding"
    stamp = last_modified.timestamp() if last_modified else None
    if stamp is not None:
        response["Last-Modified"] = http_date(stamp)
    return get_conditional_response(
        request, etag=etag, last_modified=int(stamp) if stamp else None, response=response
    )


def _municipality(pk: int) -> Municipality:
    return get_object_or_404(Municipality.objects.filter(deleted=False), pk=pk)


@oparl_endpoint
def system(request):
    bodies = list(selectors.bodies())
    newest = max((b.modified for b in bodies), default=None)
    return oparl_system(bodies, base_url=base_url_of(request)), newest


@oparl_endpoint
def body_list(request):
    params = parse_params(request.GET)
    queryset = apply_filters(selectors.bodies(), params)
    page = page_of(queryset, params)
    base_url = base_url_of(request)
    data = [oparl_body(body, base_url=base_url) for body in page.rows]
    url = base_url + reverse("api:bodies")
    newest = max((b.modified for b in page.rows), default=None)
    return list_body(page, data, params, url=url), newest


@oparl_endpoint
def body(request, pk):
    municipality = get_object_or_404(selectors.bodies(), pk=pk)
    return oparl_body(municipality, base_url=base_url_of(request)), municipality.modified


def _object_list(request, queryset, kind: str, url: str):
    params = parse_params(request.GET)
    if not params.with_deleted:
        queryset = queryset.filter(api_alive=True)
    page = page_of(apply_filters(queryset, params), params)
    base_url = base_url_of(request)
    data = [oparl_object(row, kind=kind, base_url=base_url) for row in page.rows]
    newest = max((row.changed for row in page.rows), default=None)
    return list_body(page, data, params, url=url), newest


@oparl_endpoint
def object_list(request, pk, kind):
    if kind not in selectors.LISTS:
        raise Http404
    municipality = _municipality(pk)
    queryset = selectors.LISTS[kind].rows(municipality, with_deleted=True)
    url = base_url_of(request) + reverse("api:list", args=[pk, kind])
    return _object_list(request, queryset, kind, url)


@oparl_endpoint
def organization_meetings(request, pk):
    organization = get_object_or_404(Organization.objects.filter(deleted=False), pk=pk)
    meetings = selectors.LISTS["meeting"].rows(organization.municipality, with_deleted=True)
    url = base_url_of(request) + reverse("api:organization_meetings", args=[pk])
    return _object_list(request, meetings.filter(organization=organization), "meeting", url)


@oparl_endpoint
def object_detail(request, kind, pk):
    if kind not in selectors.LISTS:
        raise Http404
    obj = selectors.LISTS[kind].get(pk)
    if obj is None:
        raise Http404
    return oparl_object(obj, kind=kind, base_url=base_url_of(request)), obj.changed
