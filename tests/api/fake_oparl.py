"""A tiny stand-in OParl API (System, two bodies over two pages, a meeting list over
three pages) to test how the export walks lists, apart from the real API's content."""

from django.http import JsonResponse
from django.urls import include, path

BASE = "http://127.0.0.1:8000/oparl/v1"


def _page(request, name, objects, per_page):
    number = int(request.GET.get("page", 1))
    chunk = objects[(number - 1) * per_page : number * per_page]
    links = {}
    if number * per_page < len(objects):
        links["next"] = f"{BASE}/{name}?page={number + 1}"
    return JsonResponse({"data": chunk, "pagination": {}, "links": links})


def system(request):
    return JsonResponse({"id": f"{BASE}/", "type": "System", "body": f"{BASE}/bodies"})


def body(number):
    return {
        "id": f"{BASE}/bodies/{number}",
        "type": "Body",
        "meeting": f"{BASE}/bodies/{number}/meetings",
        "legislativeTerm": [],
    }


def bodies(request):
    return _page(request, "bodies", [body(1), body(2)], per_page=1)


def meetings(request, number):
    objects = [{"id": f"{BASE}/meetings/{number}-{i}", "name": f"M{i}"} for i in range(5)]
    return _page(request, f"bodies/{number}/meetings", objects, per_page=2)


urlpatterns = [
    path("oparl/v1/", system),
    path("oparl/v1/bodies", bodies),
    path("oparl/v1/bodies/<int:number>/meetings", meetings),
    path("", include("dagsorden.urls")),
]
