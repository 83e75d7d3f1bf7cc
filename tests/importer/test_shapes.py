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
