"""A crawler that reads everything a visitor can reach, PDFs included, and reports where
a secret marker word shows up.

Where the crawl starts is a list of URL sources: functions from the test world to seed
URLs. Another part of the system adds its own source (e.g. the OParl API) by appending
to `URL_SOURCES` or passing `sources=` to `crawl_for_leaks`; everything reachable from a
seed is followed, whatever the format (HTML, XML feeds and sitemaps, JSON, PDF, text).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urljoin, urlsplit

from django.urls import reverse
from pypdf import PdfReader

HREF = re.compile(r"""(?:href|src)="([^"]+)\"""")
FEED_LINK = re.compile(r"<loc>([^<]+)</loc>|<link>([^<]+)</link>|<link href=\"([^\"]+)\"")
# Not pages: the admin, static files, the language switch; nothing that logs out.
SKIP = ("/admin/", "/static/", "/i18n/", "/sprog/", "logout", "log-ud")
MAX_PAGES = 1500

UrlSource = Callable[[object], Iterable[str]]


@dataclass
class Page:
    status: int
    content_type: str
    text: str


@dataclass
class CrawlResult:
    pages: dict[str, Page] = field(default_factory=dict)

    def leaks(self, markers: dict[str, str]) -> dict[str, list[str]]:
        """URL → names of the markers found there (search words echoed back excepted)."""
        found = {}
        for url, page in self.pages.items():
            text = _unechoed(url, page.text)
            hits = [name for name, word in markers.items() if word.lower() in text]
            if hits:
                found[url] = hits
        return found

    def server_errors(self) -> dict[str, int]:
        return {url: page.status for url, page in self.pages.items() if page.status >= 500}

    def urls_containing(self, fragment: str) -> list[str]:
        return [url for url in self.pages if fragment in url]


def _unechoed(url: str, text: str) -> str:
    """The page without the search words the visitor typed (shown back in the form)."""
    text = text.lower()
    query = parse_qs(urlsplit(url).query).get("q", [""])[0].lower()
    return text.replace(query, "") if query else text


def _text_of(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/pdf"):
        try:
            reader = PdfReader(io.BytesIO(body))
            return "\n".join(page.extract_text() or "" for page in reader.pages)
        except Exception as exc:  # noqa: BLE001 - a broken PDF is a finding, not a crash
            return f"<unreadable pdf: {exc}>"
    return body.decode("utf-8", errors="replace")


def _links(text: str, content_type: str) -> list[str]:
    if "json" in content_type:
        return [value for value in re.findall(r'"(https?://[^"]+|/[^"]*)"', text)]
    found = [match.replace("&amp;", "&") for match in HREF.findall(text)]
    for groups in FEED_LINK.findall(text):
        found += [g for g in groups if g]
    return found


def _local(url: str, years: set[int]) -> str | None:
    parts = urlsplit(url)
    if parts.scheme in ("mailto", "tel", "javascript", "webcal"):
        return None
    if parts.netloc and parts.netloc != "testserver":
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    if not path.startswith("/") or any(skip in path for skip in SKIP):
        return None
    month = re.match(r"/kalender/(\d+)/\d+/", parts.path)
    if month and int(month.group(1)) not in years:
        return None  # the calendar goes on for ever; the world's years are enough
    if parts.path.startswith("/soeg/") and "&" in (parts.query or ""):
        return None  # facet combinations: every single filter is reached from plain search
    return path


def crawl(client, seeds: Iterable[str], *, years: set[int]) -> CrawlResult:
    result, queue, seen = CrawlResult(), list(seeds), set()
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        content_type = response.get("Content-Type", "")
        text = _text_of(response)
        result.pages[url] = Page(response.status_code, content_type, text)
        if response.status_code != 200 or not any(
            kind in content_type for kind in ("html", "xml", "json")
        ):
            continue
        for link in _links(text, content_type):
            local = _local(urljoin(url, link), years)
            if local and local.split("#")[0] not in seen:
                queue.append(local.split("#")[0])
    return result


# --- URL sources ----------------------------------------------------------------------


def portal_seeds(world) -> list[str]:
    """The front page, sitemap, calendars and every body's feeds."""
    seeds = ["/", reverse("portal:sitemap"), reverse("portal:ical"), reverse("portal:body_list")]
    for body in world.bodies:
        seeds += [
            reverse("portal:body_rss", args=[body.pk]),
            reverse("portal:body_atom", args=[body.pk]),
            reverse("portal:body_ical", args=[body.pk]),
        ]
    return seeds


def document_seeds(world) -> list[str]:
    """Every meeting's documents in every format, and the combined PDF."""
    names = ["meeting_pdf", "meeting_html", "meeting_md", "meeting_txt", "meeting_combined_pdf"]
    return [reverse(f"documents:{name}", args=[m.pk]) for m in world.meetings for name in names]


def search_seeds(world) -> list[str]:
    """A search (page and feeds) for every marker word."""
    urls = []
    for word in world.all_markers.values():
        urls += [
            reverse("portal:search") + f"?q={word}",
            reverse("portal:search_rss") + f"?q={word}",
            reverse("portal:search_atom") + f"?q={word}",
        ]
    return urls


def closed_item_seeds(world) -> list[str]:
    """The closed items' own pages, their bilag and cases, asked for directly."""
    urls = []
    for item in world.closed_items:
        urls.append(reverse("portal:item_detail", args=[item.pk]))
        if item.case is not None:
            urls.append(reverse("portal:case_detail", args=[item.case.pk]))
        urls += [
            reverse("portal:file_download", args=[f.pk, "bilag.pdf"]) for f in item.files.all()
        ]
    return urls


def member_seeds(world) -> list[str]:
    """The member pages and members' PDFs of every meeting (a reader who is not a member
    of the body gets 403; one who is sees only what is theirs)."""
    urls = [reverse("staff:my_meetings")]
    for meeting in world.meetings:
        urls += [
            reverse("staff:member_meeting", args=[meeting.pk]),
            reverse("staff:member_pdf", args=[meeting.pk]),
        ]
    return urls


URL_SOURCES: list[UrlSource] = [
    portal_seeds,
    document_seeds,
    search_seeds,
    closed_item_seeds,
    member_seeds,
]


def crawl_for_leaks(client, world, *, sources: Iterable[UrlSource] | None = None) -> CrawlResult:
    seeds = [url for source in (sources or URL_SOURCES) for url in source(world)]
    return crawl(client, seeds, years=world.years)
