"""Read-back: our own renders of the seeds, as PDF and HTML, parse back to the seed.

In its own style a render reads back at ≥ 0.97 against the seed's gold (the shared
scorer's fields). In each of the other styles the parse of the render equals the parse
of the seed in items, case numbers, decisions, absences, bilag and history; numbers
too, except where a style numbers per meeting (1, 2, 3 …), which it legitimately prints.
This exercises the typography path (PDF fonts, HTML tags) on six layouts we control.
"""

import importlib.util
import json
import re

import pytest

from dagsorden.documents.from_parsed import document_from_parsed
from dagsorden.documents.model import PUBLIC
from dagsorden.documents.render import render
from dagsorden.documents.styles import STYLES, style_get
from dagsorden.importer.parse import parse_file
from dagsorden.importer.to_json import meeting_to_dict

from .conftest import seed_paths

pytestmark = pytest.mark.slow


def _scorer(shared):
    spec = importlib.util.spec_from_file_location(
        "score_import", shared / "eval" / "score_import.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _render_and_parse(parsed, style, fmt, tmp_path, name):
    document = document_from_parsed(parsed, variant=PUBLIC, style=style)
    path = tmp_path / f"{name}.{fmt}"
    path.write_bytes(render(document, fmt, cached=False).content)
    return parse_file(path)


@pytest.mark.parametrize("fmt", ["pdf", "html"])
def test_each_seed_in_its_own_style_reads_back_at_097(shared, tmp_path, fmt):
    scorer = _scorer(shared)
    scores = {}
    for seed in seed_paths():
        parsed = parse_file(seed)
        back = _render_and_parse(parsed, None, fmt, tmp_path, seed.stem)
        gold = json.loads((shared / "corpus" / "gold" / f"{seed.stem}.json").read_text())
        fields = scorer.score_document(gold, meeting_to_dict(back))
        scores[seed.stem] = sum(fields.values()) / len(fields)
    assert all(score >= 0.97 for score in scores.values()), scores


def _comparable(meeting):
    return [
        {
            "case": item.case_number,
            "decision": re.sub(r"\s+", " ", item.decision or "").strip() or None,
            "absent": item.absent,
            "bilag": item.attachments,
            "history": [(h.date, h.body) for h in item.history],
        }
        for item in meeting.items
    ]


@pytest.mark.parametrize("style_name", sorted(STYLES))
@pytest.mark.parametrize("fmt", ["pdf", "html"])
def test_every_seed_in_every_other_style_parses_back_to_the_same_items(
    shared, tmp_path, fmt, style_name
):
    style = style_get(style_name)
    for seed in seed_paths():
        parsed = parse_file(seed)
        if style_name == document_from_parsed(parsed, variant=PUBLIC).style.name:
            continue  # its own style: measured against the gold above
        back = _render_and_parse(parsed, style, fmt, tmp_path, seed.stem)
        if style.numbering == "per_meeting":
            expected = [str(n) for n in range(1, len(parsed.items) + 1)]
        else:
            expected = [item.number for item in parsed.items]
        assert [item.number for item in back.items] == expected, seed.stem
        assert _comparable(back) == _comparable(parsed), seed.stem
