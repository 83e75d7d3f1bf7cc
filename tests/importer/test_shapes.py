"""Documents in other systems' shapes (FirstAgenda, eDoc, Acadre, Word) are read fully.

The documents are made in the test with real typography (see :mod:`shapes`); none of
them is one of the five seed templates, so they are read by the generic reader alone.
"""

import pytest

from dagsorden.importer.parse import parse_file

from . import shapes


@pytest.mark.parametrize("shape", shapes.SHAPES)
def test_every_shape_is_read_completely(shape, tmp_path):
    meeting = parse_file(shapes.make(shape, tmp_path))
    assert shapes.differences(meeting) == []
    assert meeting.kind == "minutes"


@pytest.mark.parametrize("shape", shapes.SHAPES)
def test_the_closed_item_keeps_its_printed_title_and_is_not_public(shape, tmp_path):
    meeting = parse_file(shapes.make(shape, tmp_path))
    closed = [item for item in meeting.items if not item.public]
    assert [item.title.removeprefix("Lukket punkt: ") for item in closed] == [
        "Salg af byggegrund på Havnevej 7"
    ]


def test_a_shape_that_differs_is_reported_field_by_field(tmp_path):
    """The comparison itself can fail: a parse with a wrong decision is caught."""
    meeting = parse_file(shapes.make("firstagenda_html", tmp_path))
    meeting.items[1].decision = "Udsat."
    meeting.participants = meeting.participants[1:]
    problems = shapes.differences(meeting)
    assert any(p.startswith("item 2 decision") for p in problems)
    assert any(p.startswith("participants") for p in problems)


def test_explain_names_the_block_and_rule_of_every_item_and_section(tmp_path):
    import io

    from dagsorden.importer.runner import run_parse

    out, err = io.StringIO(), io.StringIO()
    path = shapes.make("firstagenda_pdf", tmp_path)
    assert run_parse(path, explain=True, stdout=out, stderr=err) == 0
    text = out.getvalue()
    assert "item 2  ← line" in text and "p.1 bold 13pt · '2. Budgetopfølgning" in text
    assert "'N. Title' line, set apart as a heading" in text
    assert "› Beslutning Teknisk Udvalg den 02-03-2026" in text
    assert "history: a decision dated 02-03-2026, not the meeting's date" in text
    assert "this meeting's decision: dated as the meeting" in text


def test_explain_shows_the_runner_up_when_a_contents_table_repeats_the_items(tmp_path):
    import io

    from dagsorden.importer.runner import run_parse

    out = io.StringIO()
    run_parse(shapes.make("firstagenda_html", tmp_path), explain=True, stdout=out, stderr=out)
    text = out.getvalue()
    first_item = text.split("item 1  ←")[1].split("\n")[:2]
    assert "h2" in first_item[0] and "set apart as a heading (level 2)" in first_item[1]
    assert "runner-up: not an earlier/later run of 5 heading(s)" in text
