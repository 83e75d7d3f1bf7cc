"""Search over the cases and items of the staff user's bodies."""

from django.shortcuts import render

from ..selectors import staff_search
from ._helpers import staff_required

MAX_QUERY = 200


@staff_required
def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    return render(request, "staff/search.html", {"result": staff_search(request.user, query)})
