"""Search over the cases and items of the staff user's bodies."""

from django.shortcuts import render

from dagsorden.core.text import without_control_characters

from ..selectors import staff_search
from ._helpers import staff_required

MAX_QUERY = 200


@staff_required
def search(request):
    # Control characters cannot be searched for (and PostgreSQL refuses NUL in text).
    query = without_control_characters(request.GET.get("q", "")).strip()[:MAX_QUERY]
    return render(request, "staff/search.html", {"result": staff_search(request.user, query)})
