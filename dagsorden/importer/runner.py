"""The `parse` command without Django, so it can run (and be tested) anywhere.

Exit codes: 0 parsed (possibly with warnings), 1 unreadable input (empty, binary,
PDF without text), 3 no agenda items found (partial JSON still printed), 4 internal
error (a bug: reported, never a traceback).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

EXIT_OK = 0
EXIT_UNREADABLE = 1
EXIT_NO_ITEMS = 3
EXIT_INTERNAL = 4


def run_parse(
    path: str | Path,
    *,
    as_json: bool = True,
    explain: bool = False,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    from .explain import explain as explanation
    from .parse import ExtractionError, document_from_file, parse_doc
    from .to_json import meeting_to_dict
    from .vendor import read_export

    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    try:
        # An agenda system's export is read by its own reader; a document goes through
        # blocks (kept for --explain).
        doc, meeting = None, read_export(path)
        if meeting is None:
            doc = document_from_file(path)
            meeting = parse_doc(doc)
    except ExtractionError as exc:
        stderr.write(f"dagsorden parse: {path}: {exc}\n")
        return EXIT_UNREADABLE
    except Exception as exc:  # noqa: BLE001 - a parser bug must not look like a crash
        stderr.write(f"dagsorden parse: {path}: internal error while parsing: {exc!r}\n")
        return EXIT_INTERNAL
    for warning in meeting.warnings:
        stderr.write(f"dagsorden parse: {path}: warning: {warning}\n")
    data = meeting_to_dict(meeting)
    if explain and doc is None:
        stdout.write(f"{meeting.export_system} export: read field by field, no blocks to explain\n")
    elif explain:
        stdout.write(explanation(doc, meeting))
    elif as_json:
        stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        stdout.write(_summary(data))
    if not meeting.items:
        stderr.write(f"dagsorden parse: {path}: no agenda items found; layout not placeable\n")
        return EXIT_NO_ITEMS
    return EXIT_OK


def _summary(data: dict) -> str:
    lines = [
        f"{data['kind'] or '?'}: {data['body'] or '?'} {data['start'] or ''}".rstrip(),
        f"layout: {data['layout']}, {len(data['items'])} items",
    ]
    for item in data["items"]:
        lines.append(f"  {item['number']:>4}  {item['title']}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="dagsorden-parse")
    parser.add_argument("file")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args(argv)
    return run_parse(args.file, as_json=args.json, explain=args.explain)


if __name__ == "__main__":
    sys.exit(main())
