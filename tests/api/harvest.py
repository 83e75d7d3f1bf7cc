"""Walk the OParl API the way a harvester does: from the system object, follow every
API URL found in any answer (lists through `links.next`)."""

import json
from urllib.parse import urlsplit

API_PREFIX = "/oparl/v1/"
MAX_URLS = 20000


def _urls(value):
    """Every string that looks like a URL, anywhere in a JSON value."""
    if isinstance(value, dict):
        for child in value.values():
            yield from _urls(child)
    elif isinstance(value, list):
        for child in value:
            yield from _urls(child)
    elif isinstance(value, str) and value.startswith("http://testserver/"):
        yield value


def local_path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def harvest(client, start=API_PREFIX + "system", *, follow_files=False) -> dict:
    """{path: (status, parsed JSON or raw text)} for every API URL reachable from start;
    with `follow_files`, bilag download URLs (accessUrl) are fetched too."""
    seen, queue, answers = set(), [start], {}
    while queue and len(seen) < MAX_URLS:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if not path.startswith(API_PREFIX):
            body = b"".join(response.streaming_content) if response.streaming else response.content
            answers[path] = (response.status_code, body.decode("utf-8", errors="replace"))
            continue
        data = json.loads(response.content)
        answers[path] = (response.status_code, data)
        for url in _urls(data):
            target = local_path(url)
            if target.startswith(API_PREFIX) or (follow_files and target.startswith("/bilag/")):
                queue.append(target)
    return answers
