"""The OParl lists as JSON files: exactly the objects the API serves.

The export asks the API itself, in process (Django's test client, no network and no
server), and follows every list's `links.next` to the end. So the files hold the very
objects a harvester gets, closed items included only as the API shows them, and the
export cannot drift from the API's rules: there is one serialisation, the API's.

Layout under the target directory:

    oparl/system.json                 the System object
    oparl/bodies.json                 the body list, all pages merged
    oparl/body-<id>/body.json         one Body
    oparl/body-<id>/<list>.json       each of its lists (organization, person, …)
"""

import json
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client

API_ROOT = "/oparl/v1/"

# The Body's keys that name a list URL in OParl 1.1.
BODY_LISTS = [
    "organization",
    "person",
    "membership",
    "meeting",
    "agendaItem",
    "paper",
    "consultation",
    "file",
    "locationList",
    "legislativeTermList",
]

# A harvest never needs more pages than this; a list that does not end is a bug.
MAX_PAGES = 100_000


class ApiUnavailable(Exception):
    """The OParl API did not answer as an API (not installed, or an error)."""


class _Api:
    def __init__(self):
        site = urlsplit(settings.SITE_URL)
        self.client = Client(
            HTTP_HOST=site.netloc or "127.0.0.1", raise_request_exception=True
        )
        self.secure = site.scheme == "https"

    def get(self, url: str) -> dict:
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        response = self.client.get(path, secure=self.secure)
        if response.status_code != 200 or "json" not in response.get("Content-Type", ""):
            raise ApiUnavailable(f"{path}: HTTP {response.status_code}")
        return response.json()

    def walk(self, url: str) -> list[dict]:
        """Every object of a list, following `links.next` page by page."""
        objects, seen = [], set()
        while url and len(seen) < MAX_PAGES:
            if url in seen:
                raise ApiUnavailable(f"{url}: the list's next link loops")
            seen.add(url)
            page = self.get(url)
            objects += page.get("data", [])
            url = page.get("links", {}).get("next")
        return objects


def _write(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, indent=1)


def _as_list(objects: list[dict], source: str) -> dict:
    return {
        "data": objects,
        "pagination": {"totalElements": len(objects)},
        "links": {"first": source},
    }


def _body_dir(body: dict) -> str:
    last = [part for part in urlsplit(body["id"]).path.split("/") if part][-1]
    return f"body-{last}"


def write_oparl_json(directory: Path) -> dict[str, int]:
    """Write the System, every Body and every list; returns the object count per list
    (summed over bodies)."""
    api = _Api()
    root = directory / "oparl"
    system = api.get(API_ROOT)
    _write(root / "system.json", system)
    bodies = api.walk(system["body"]) if isinstance(system.get("body"), str) else []
    _write(root / "bodies.json", _as_list(bodies, system.get("body", "")))
    counts = {"body": len(bodies)}
    for body in bodies:
        folder = root / _body_dir(body)
        _write(folder / "body.json", body)
        for key in BODY_LISTS:
            url = body.get(key)
            if not isinstance(url, str):
                continue
            objects = api.walk(url)
            _write(folder / f"{key}.json", _as_list(objects, url))
            counts[key] = counts.get(key, 0) + len(objects)
    return counts
