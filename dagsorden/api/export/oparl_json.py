"""The OParl lists as JSON files: exactly the objects the API serves.

The export calls the API's own selectors and serialisers (no HTTP), so the files hold
the very objects a harvester gets, closed items only as the API shows them; there is one
serialisation, the API's, and one set of visibility rules, the API's. Soft-deleted
objects are left out (an archive is a snapshot, not a change feed).

Layout under the target directory, with ids as the API's URLs on `settings.SITE_URL`:

    oparl/system.json                 the System object
    oparl/body-<id>/body.json         one Body (one per municipality)
    oparl/body-<id>/<list>.json       each of its lists: {"data": [...], "pagination": …}
"""

import json
from pathlib import Path

from django.conf import settings

from dagsorden.api.selectors import LISTS, bodies
from dagsorden.api.serializers import list_url, oparl_body, oparl_object, oparl_system

CHUNK = 500


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _write_object(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_dump(data) + "\n", encoding="utf-8")


def _write_list(path: Path, objects, first: str) -> int:
    """Stream a list page holding every object, one object per line; returns the count."""
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        out.write('{"data": [\n')
        for data in objects:
            out.write((",\n" if count else "") + _dump(data))
            count += 1
        out.write("\n],\n")
        out.write(f' "pagination": {{"totalElements": {count}}},\n')
        out.write(f' "links": {{"first": {_dump(first)}}}}}\n')
    return count


def write_oparl_json(directory: Path) -> dict[str, int]:
    """Write the System, every Body and all its lists; returns objects per list (summed
    over bodies)."""
    base_url = settings.SITE_URL.rstrip("/")
    root = directory / "oparl"
    municipalities = list(bodies())
    _write_object(root / "system.json", oparl_system(municipalities, base_url=base_url))
    counts = {"body": len(municipalities)}
    for municipality in municipalities:
        body = oparl_body(municipality, base_url=base_url)
        folder = root / f"body-{municipality.pk}"
        _write_object(folder / "body.json", body)
        for kind, oparl_list in LISTS.items():
            rows = oparl_list.rows(municipality).iterator(chunk_size=CHUNK)
            objects = (oparl_object(row, kind=kind, base_url=base_url) for row in rows)
            first = list_url(base_url, municipality.pk, kind)
            counts[kind] = counts.get(kind, 0) + _write_list(
                folder / f"{kind}.json", objects, first
            )
    return counts
