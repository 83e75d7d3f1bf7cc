"""Hostile values in every public URL's path and query parameters never give a server
error: each ends as a page, a 400 with the reason, or a 404.

The URL patterns are read from the resolver, so a public page added later is fuzzed
too. Hypothesis runs derandomized with a bounded number of examples: the same requests
on every run, in seconds."""

import re
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# Pages for signed-in users and Django's own machinery are not public.
NOT_PUBLIC = ("admin/", "i18n/", "sekretariat/", "medlem/", "start/", "log-ind/", "log-ud/")
PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")

HOSTILE = [
    "99999999999999999999",
    "9223372036854775807",
    "9223372036854775808",
    "0",
    "-1",
    "0000",
    "10000",
    "1e9",
    "\x00",
    "a\x00b",
    "\x01\x1b[31m",
    "\ufffe",
    "%",
    "%00",
    "..",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    '"',
    "AND OR NOT NEAR(",
    '"unclosed',
    "*",
    "^",
    "-",
    "٣",
    "𝟙",
    "9" * 400,
    "x" * 5000,
    "2026-02-30",
    "9999-12-31",
    "0001-01-01",
]
# Every query parameter a public page reads, plus one it does not.
QUERY_NAMES = ["q", "udvalg", "aar", "type", "resultat", "fra", "til", "side", "next", "language"]


def public_patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from public_patterns(entry, route)
        elif isinstance(entry, URLPattern) and not route.startswith(NOT_PUBLIC):
            yield route, entry


def public_routes() -> list[str]:
    return sorted({route for route, _entry in public_patterns()})


def hostile_text():
    return st.one_of(
        st.sampled_from(HOSTILE),
        st.text(max_size=40),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
    )


@st.composite
def requests_for(draw, route: str, known_ids: list[str]):
    """A URL for the route with each path parameter replaced by a hostile (or a real)
    value, and a few hostile query parameters."""

    def fill(match):
        value = draw(st.one_of(hostile_text(), st.sampled_from(known_ids)))
        return quote(value, safe="")

    path = "/" + PARAMETER.sub(fill, route)
    names = st.one_of(st.sampled_from(QUERY_NAMES), st.text(min_size=1, max_size=8))
    query = draw(st.dictionaries(names, hostile_text(), max_size=4))
    return path, query


def test_public_routes_are_found():
    routes = public_routes()
    for expected in ["moeder/<id:pk>/", "soeg/rss/", "kalender/<year:year>/<month:month>/"]:
        assert expected in routes
    assert "moeder/<id:pk>/dagsorden.pdf" in routes
    assert not any(route.startswith("sekretariat/") for route in routes)


def test_no_url_takes_an_unbounded_integer():
    """Django's `int` converter lets any digit run through to the database (a 500 on
    SQLite past 64 bits); every pattern uses the bounded `id`/`year`/`month` ones."""
    unbounded = [
        route
        for route, entry in public_patterns()
        if any(isinstance(c, IntConverter) for c in entry.pattern.converters.values())
    ]
    assert unbounded == []


@pytest.mark.django_db
@pytest.mark.parametrize("route", public_routes())
def test_hostile_parameters_never_give_a_server_error(route, published_case):
    world = published_case
    known_ids = [
        str(obj.pk) for obj in (world["meeting"], world["item"], world["case"], world["committee"])
    ] + ["2026", "10"]
    client = Client(raise_request_exception=False)

    @settings(
        max_examples=12,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(request=requests_for(route, known_ids))
    def check(request):
        path, query = request
        response = client.get(path, query)
        assert response.status_code < 500, (path, query, response.status_code)

    check()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/moeder/99999999999999999999/",
        "/moeder/99999999999999999999/dagsorden.pdf",
        "/punkter/99999999999999999999/",
        "/sager/99999999999999999999/atom/",
        "/udvalg/99999999999999999999/kalender.ics",
        "/bilag/99999999999999999999/x.pdf",
        "/kalender/0/1/",
        "/kalender/0000/1/",
        "/kalender/10000/1/",
        "/kalender/2026/0/",
        "/kalender/2026/13/",
        "/kalender/9999/12/",
    ],
)
def test_out_of_range_path_numbers_are_not_found(client, url, published_case):
    client.raise_request_exception = False
    assert client.get(url).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("/soeg/?q=a%00b", "tegn, der ikke kan søges på"),
        ("/soeg/?q=lokal%01plan", "tegn, der ikke kan søges på"),
        ("/soeg/?udvalg=99999999999999999999", "Udvalg"),
        ("/soeg/?aar=99999999999999999999", "År"),
        ("/soeg/?fra=2026-02-30", "Fra dato"),
        ("/soeg/?side=99999999999999999999", ""),
        ("/soeg/rss/?q=%01abc", "tegn, der ikke kan søges på"),
        ("/soeg/atom/?udvalg=99999999999999999999", "Udvalg: "),
    ],
)
def test_bad_search_parameters_are_refused_with_the_reason(client, url, reason, published_case):
    client.raise_request_exception = False
    response = client.get(url)
    assert response.status_code == 400
    assert reason in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/soeg/?q=%ED%A0%80", "/soeg/rss/?q=%FF%FE", "/moeder/%ED%A0%80/", "/sager/1/atom/?x=%C0"],
)
def test_bytes_that_are_not_utf8_are_not_a_server_error(client, url, published_case):
    client.raise_request_exception = False
    assert client.get(url).status_code < 500
