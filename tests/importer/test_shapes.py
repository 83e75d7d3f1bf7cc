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


def test_an_agenda_printed_only_as_a_table_of_rows_is_a_list_of_items(tmp_path):
    path = tmp_path / "table.html"
    path.write_text(
        "<html><body><h1>Dagsorden</h1><p>Teknisk Udvalg</p>"
        "<p>Mødedato: 5. marts 2026 kl. 16.00</p><table>"
        "<tr><th>Nr.</th><th>Sag</th><th>Sagsnr.</th></tr>"
        "<tr><td>1.</td><td>godkendelse af dagsorden</td><td>26/101</td></tr>"
        "<tr><td>2.</td><td>Vejbelysning på Skovvej</td><td>26/102</td></tr>"
        "<tr><td>3.</td><td>Lukket punkt: Køb af ejendom</td><td>26/103</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    meeting = parse_file(path)
    assert (meeting.kind, meeting.body) == ("agenda", "Teknisk Udvalg")
    assert [(i.number, i.title, i.case_number, i.public) for i in meeting.items] == [
        ("1", "godkendelse af dagsorden", "26/101", True),
        ("2", "Vejbelysning på Skovvej", "26/102", True),
        ("3", "Lukket punkt: Køb af ejendom", "26/103", False),
    ]
