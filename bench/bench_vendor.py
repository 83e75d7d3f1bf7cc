#!/usr/bin/env python3
"""Importer benchmark for agenda systems' exports: N FirstAgenda publications.

    .venv/bin/python bench/bench_vendor.py                 # 1000, SQLite and PostgreSQL
    .venv/bin/python bench/bench_vendor.py --exports 200   # fewer
    .venv/bin/python bench/bench_vendor.py --no-postgres   # SQLite only

The publications are generated here (invented bodies, people, cases and texts; 8-12
items of about 4 KB HTML each, bilag titles, "Sagens forløb" entries, a closed item,
afbud with a substitute) and imported with `dagsorden.importer.batch.import_paths`,
the code path of `dagsorden import`, into a fresh SQLite database and a fresh
PostgreSQL database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/wt_vendor_bench), each in a subprocess.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_import  # noqa: E402 - the shared import-run helpers

from bench._report import write_section  # noqa: E402 - bench_import put the repository on the path

SECTION = "## Importer: agenda systems' exports"
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/wt_vendor_bench"
BODIES = ["Miljøudvalget", "Skoleudvalget", "Socialudvalget", "Kulturudvalget",
          "Teknikudvalget", "Økonomiudvalget", "Byrådet", "Beskæftigelsesudvalget"]  # fmt: skip
GIVEN = ["Anna", "Bo", "Cecilie", "Dan", "Ella", "Finn", "Grete", "Hans", "Ida", "Jon"]
FAMILY = ["Holm", "Bach", "Krog", "Vang", "Lind", "Dam", "Berg", "Sand", "Skov", "Møller"]
TEXT = "kommunen skal i år vurdere en ny plan for stier pladser skoler og haller samt tilskud"
WORDS = TEXT.split(" ")


def _sentence(rng: random.Random, words: int = 18) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _item_html(rng: random.Random, concluded: bool, history: str) -> str:
    paragraphs = "".join(f"<p>{_sentence(rng)} {_sentence(rng)}</p>" for _ in range(8))
    decision = "Godkendt.<br><br>Afbud: Tove Krog (Stedfortræder: Per Bach)" if concluded else ""
    return (
        "<div><div id='sagsfremstillingContainer'>"
        f"<div><h3>Beslutning</h3><span>{decision}</span></div>"
        "<h3>Fremstilling</h3><span class='ukendt'>"
        f"<h4>Resume</h4><p>{_sentence(rng)}</p>"
        "<h4>Indstilling</h4><p>Administrationen indstiller,</p>"
        f"<p>at {_sentence(rng, 10)}</p><p>at {_sentence(rng, 8)}</p>"
        f"<h4>Sagsbeskrivelse</h4>{paragraphs}"
        "<h4>Økonomi</h4><table><tr><th>År</th><th>Mio. kr.</th></tr>"
        f"<tr><td>2026</td><td>{rng.randint(1, 99)},5</td></tr></table></span>"
        f"{history}</div></div>"
    )


def publication(seed: int) -> bytes:
    rng = random.Random(seed)
    body = BODIES[seed % len(BODIES)]
    day = dt.date(2024, 1, 8) + dt.timedelta(days=seed // len(BODIES) * 7)
    concluded = rng.random() < 0.7
    items = []
    for number in range(1, rng.randint(8, 12) + 1):
        case = f"{day.year % 100}-{rng.randint(1, 1500):06d}"
        earlier = (day - dt.timedelta(days=14)).strftime("%d/%m/%Y")
        history = (
            f"<h3>Sagens forløb</h3><span class='sagsforloeb'><u>{earlier}   "
            f"{rng.choice(BODIES)}</u><br><div><p>Anbefales.</p></div></span>"
            if rng.random() < 0.4
            else ""
        )
        closed = number == 7
        html = "<div>Godkendt.</div>" if closed else _item_html(rng, concluded, history)
        items.append({
            "Punktnummer": str(number), "Sorting": number, "Id": f"{seed}-{number}",
            "Navn": ("Lukket: " if closed else "") + _sentence(rng, 6).rstrip("."),
            "SagsNummer": case,
            "Felter": [{"Html": html, "Link": "" if closed else
                        f"https://dagsorden.benchby.dk/Vis/Pdf/bilag/{seed}-{number}",
                        "DocumentId": f"{seed}-{number}"}],
            "Bilag": [{"Navn": f"Bilag {n}. {_sentence(rng, 4)}", "Id": f"{seed}-{number}-{n}",
                       "Order": 0, "HarPdfVersion": "true"} for n in range(rng.randint(0, 4))],
        })  # fmt: skip
    names = zip(GIVEN[:7], FAMILY[seed % 3 : seed % 3 + 7], strict=False)
    people = [{"Name": f"{g} {f}", "Absent": False, "ParticipationCancelled": False}
              for g, f in names]  # fmt: skip
    data = {
        "Id": f"bench-{seed}",
        "Udvalg": {"Navn": body},
        "Moede": {"Dato": f"{day.isoformat()}T16:00:00+01:00", "Sted": "Rådhuset",
                  "Afsluttet": concluded, "Moededeltagere": people},
        "Dagsordenpunkter": items,
    }  # fmt: skip
    return json.dumps(data, ensure_ascii=False).encode()


def write_exports(folder: Path, count: int) -> int:
    size = 0
    for seed in range(count):
        data = publication(seed)
        (folder / f"firstagenda_{seed:05d}.json").write_bytes(data)
        size += len(data)
    return size


def render(imports: dict[str, dict], count: int, size: int) -> str:
    lines = [
        SECTION,
        "",
        f"`bench/bench_vendor.py` on {platform.machine()} / {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}.",
        "",
        "| measure | result | target |",
        "|---|---|---|",
    ]
    for backend, result in imports.items():
        what = f"import {count} FirstAgenda publications into {backend}"
        if "skipped" in result:
            lines.append(f"| {what} | skipped: {' '.join(result['skipped'])} | < 60 s |")
            continue
        rate = result["documents"] / result["seconds"] if result["seconds"] else 0
        lines.append(
            f"| {what} ({result['agenda_items']} items, {result['meetings']} meetings) | "
            f"**{result['seconds']:.1f} s** ({rate:.0f} exports/s; importer CPU "
            f"{result['cpu_seconds']:.1f} s, load average {bench_import._load(result)}) "
            "| < 60 s |"
        )
    lines += [
        "",
        f"The {count} publications ({size / 1024**2:.0f} MB of JSON) are generated by the",
        "script: 8 bodies, 8-12 items each with about 4 KB of item HTML (sections,",
        "sub-headings, a table), bilag titles, a closed item, 'Sagens forløb' on two items",
        "in five, journal numbers from a pool of 1,500 per year so cases recur; 70 % are",
        "minutes with decisions and afbud. Each import runs in a fresh database through",
        "`dagsorden import`'s code path (chunks of 50 exports per transaction, a savepoint",
        "per export). The machine is shared with other helpers' test runs: see the load.",
        "",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exports", type=int, default=1000)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-write", action="store_true", help="do not update BENCHMARKS.md")
    args = parser.parse_args()
    imports: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "exports"
        folder.mkdir()
        size = write_exports(folder, args.exports)
        sqlite_dir = Path(tmp) / "sqlite"
        sqlite_dir.mkdir()
        env = {"DAGSORDEN_DATA_DIR": str(sqlite_dir), "DATABASE_URL": ""}
        imports["SQLite"] = bench_import.bench_import(folder, env)
        print("SQLite:", imports["SQLite"])
        if not args.no_postgres:
            url = bench_import.fresh_postgres(os.environ.get("BENCH_DATABASE_URL", DEFAULT_PG))
            if url:
                pg_env = {"DATABASE_URL": url, "DAGSORDEN_DATA_DIR": str(sqlite_dir)}
                imports["PostgreSQL"] = bench_import.bench_import(folder, pg_env)
            else:
                imports["PostgreSQL"] = {"skipped": ["PostgreSQL not reachable"]}
            print("PostgreSQL:", imports["PostgreSQL"])
    if not args.no_write:
        write_section(render(imports, args.exports, size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
