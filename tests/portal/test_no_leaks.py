"""Closed items' content appears nowhere public: crawl every page reachable from the
front page, every feed and calendar, the sitemap, searches for every marker, the
closed items' own URLs, and the OParl API from /oparl/v1/system (every URL in its JSON
answers, bilag downloads included)."""

import json
import re
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from django.urls import reverse

from dagsorden.organisations.models import Person
from dagsorden.staff import permissions

from .closed_world import MARKERS

HREF = re.compile(r"""(?:href|src)="([^"]+)\"""")
LOC = re.compile(r"<loc>([^<]+)</loc>|<link>([^<]+)</link>|<link href=\"([^\"]+)\"")
SKIP_PREFIXES = ("/admin/", "/i18n/", "/static/")
# Binary PDFs are rendered by the documents app from the same public data as the HTML,
# Markdown and text versions, which the crawl does read.
SKIP_SUFFIXES = (".pdf",)
MAX_PAGES = 3000


def _json_urls(value) -> list[str]:
    if isinstance(value, dict):
        return [url for child in value.values() for url in _json_urls(child)]
    if isinstance(value, list):
        return [url for child in value for url in _json_urls(child)]
    return [value] if isinstance(value, str) and value.startswith("http") else []


def _links(body: str, content_type: str = "") -> list[str]:
    if "json" in content_type:
        return _json_urls(json.loads(body))
    found = [match.replace("&amp;", "&") for match in HREF.findall(body)]
    for groups in LOC.findall(body):
        found += [g for g in groups if g]
    return found


def _local(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme in ("mailto", "tel", "javascript") or (
        parts.netloc and parts.netloc != "testserver"
    ):
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    if (
        not path.startswith("/")
        or path.startswith(SKIP_PREFIXES)
        or parts.path.endswith(SKIP_SUFFIXES)
    ):
        return None
    return path


def _unechoed(url: str, text: str) -> str:
    """The page without the search words the visitor typed (shown back in the form)."""
    text = text.lower()
    query = parse_qs(urlsplit(url).query).get("q", [""])[0].lower()
    return text.replace(query, "") if query else text


def _is_refined_search(url: str) -> bool:
    """A search already narrowed by a facet: its own facet links only combine filters
    further (every single filter is reached from the plain search)."""
    return url.startswith("/soeg/") and "&" in url


def crawl(client, seeds):
    seen, queue, pages = set(), list(seeds), {}
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8", errors="replace")
        pages[url] = (response.status_code, text)
        content_type = response.get("Content-Type", "")
        if response.status_code != 200 or not any(
            kind in content_type for kind in ("html", "xml", "json")
        ):
            continue
        if _is_refined_search(url):
            continue
        for link in _links(text, content_type):
            local = _local(urljoin(url, link))
            if local and local.split("#")[0] not in seen:
                queue.append(local.split("#")[0])
    return pages


@pytest.mark.slow
def test_no_closed_content_anywhere_public(client, demo_with_secrets):
    world = demo_with_secrets
    searches = [reverse("portal:search") + f"?q={word}" for word in MARKERS.values()]
    searches += [reverse("portal:search_rss") + f"?q={word}" for word in MARKERS.values()]
    searches += [
        reverse("portal:search") + "?q=lokalplan",
        reverse("portal:search") + "?q=00.00.00-A00-999-26",
    ]
    closed_urls = [reverse("portal:item_detail", args=[item.pk]) for item in world.closed_items]
    closed_urls += [reverse("portal:case_detail", args=[world.secret_case.pk])]
    closed_urls += [
        reverse("portal:file_download", args=[bilag.pk, "bilag.pdf"])
        for item in world.closed_items
        for bilag in item.files.all()
    ]
    closed_urls += [f"/oparl/v1/agendaitem/{item.pk}" for item in world.closed_items]
    closed_urls += [
        f"/oparl/v1/file/{bilag.pk}" for item in world.closed_items for bilag in item.files.all()
    ]
    closed_urls += [f"/oparl/v1/paper/{world.secret_case.pk}"]
    seeds = [
        "/",
        reverse("portal:sitemap"),
        reverse("portal:ical"),
        "/oparl/v1/system",
        *searches,
        *closed_urls,
    ]
    pages = crawl(client, seeds)

    assert len(pages) > 150, "the crawl should reach the whole demo portal"
    leaks = {
        url: [name for name, word in MARKERS.items() if word.lower() in _unechoed(url, text)]
        for url, (status, text) in pages.items()
    }
    # Searching for a marker finds nothing (the page only echoes what was typed).
    for word in MARKERS.values():
        for url in (f"/soeg/?q={word}", f"/soeg/rss/?q={word}"):
            assert "<li>" not in pages[url][1].split('class="hits"')[-1].split("</ol>")[0]
            assert "<item>" not in pages[url][1]
    assert {url: found for url, found in leaks.items() if found} == {}
    # The "Log ind" link leads to the login page, whose "start" sends visitors on.
    assert all(status in (200, 404) for url, (status, _) in pages.items() if url != "/start/"), {
        url: status for url, (status, _) in pages.items() if status not in (200, 404)
    }
    # The closed items' pages exist, with the neutral title and the confidentiality line.
    status, text = pages[closed_urls[0]]
    assert status == 200 and "Personalesag" in text and "tavshedspligten" in text
    # A case known only from closed items and closed bilag are not public at all.
    closed_files = [url for url in closed_urls if "/bilag/" in url or "/oparl/v1/file/" in url]
    assert closed_files and all(pages[url][0] == 404 for url in closed_files)
    assert pages[f"/oparl/v1/paper/{world.secret_case.pk}"][0] == 404
    assert pages[reverse("portal:case_detail", args=[world.secret_case.pk])][0] == 404
    # The crawl went through every feed type and calendar.
    kinds = (
        "/rss/",
        "/atom/",
        "kalender.ics",
        "sitemap.xml",
        "/punkter/",
        "/sager/",
        "/personer/",
        "/udvalg/",
        "/kalender/",
        "dagsorden.html",
        "/oparl/v1/body/",
        "/oparl/v1/agendaitem/",
        "/oparl/v1/file/",
    )
    assert [kind for kind in kinds if not any(kind in url for url in pages)] == []


def _member_without_access(closed_items) -> Person:
    """A demo politician with a login who sits on none of the closed items' bodies."""
    for person in Person.objects.exclude(user=None).select_related("user").order_by("pk"):
        if not any(permissions.is_member(person.user, i.meeting) for i in closed_items):
            return person
    raise AssertionError("the demo should have a member outside the closed items' bodies")


def _crawl_member_pages(client, seeds) -> dict[str, tuple[int, str]]:
    """Every member page reachable from the seeds (links under /medlem/ only)."""
    pages, queue = {}, list(seeds)
    while queue:
        url = queue.pop()
        if url in pages:
            continue
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        pages[url] = (response.status_code, body.decode("utf-8", errors="replace"))
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            for link in _links(pages[url][1]):
                local = (_local(urljoin(url, link)) or "").split("#")[0]
                if local.startswith("/medlem/") and local not in pages:
                    queue.append(local)
    return pages


@pytest.mark.slow
def test_member_pages_of_a_member_without_access_show_no_closed_content(client, demo_with_secrets):
    closed = demo_with_secrets.closed_items
    member = _member_without_access(closed)
    client.force_login(member.user)
    refused = [reverse("staff:member_meeting", args=[i.meeting_id]) for i in closed]
    refused += [reverse("staff:member_pdf", args=[i.meeting_id]) for i in closed]
    refused += [reverse("staff:member_combined_pdf", args=[i.meeting_id]) for i in closed]
    refused += [reverse("staff:member_bilag", args=[f.pk]) for i in closed for f in i.files.all()]
    pages = _crawl_member_pages(client, [reverse("staff:my_meetings"), *refused])

    assert len(pages) > len(refused) + 1, "the crawl should reach the member's own meetings"
    for url in refused:
        assert pages[url][0] == 403, url
    leaks = {
        url: [name for name, word in MARKERS.items() if word.lower() in text.lower()]
        for url, (_status, text) in pages.items()
    }
    assert {url: found for url, found in leaks.items() if found} == {}
