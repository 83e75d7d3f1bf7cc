"""Decisions wherever a system prints them; earlier bodies' decisions become history."""

import pytest

from dagsorden.importer.parse import parse_text

_HEADER = "Referat\n\nØkonomiudvalget\n\nMødedato: 10. marts 2026 kl. 16.00\n\n"


def _minutes(decision_heading: str, *, first: bool = False) -> str:
    earlier = "**Beslutning i Teknisk Udvalg den 02-03-2026**\n\nAnbefales.\n\n"
    ours = f"**{decision_heading}**\n\nGodkendt.\n\nFraværende: Carl Dahl\n\n"
    body = "**Indstilling**\n\nDirektionen indstiller, at budgettet godkendes.\n\n"
    item = ours + body + earlier if first else body + earlier + ours
    second = f"**2. Eventuelt**\n\n**{decision_heading}**\n\nIntet.\n"
    return _HEADER + "**1. Budget 2027**\n\n" + item + second


@pytest.mark.parametrize(
    "heading",
    [
        "Beslutning fra Økonomiudvalget, 10-03-2026",
        "Økonomiudvalgets beslutning den 10. marts 2026",
        "Beslutning i Økonomiudvalget den 10-03-2026",
        "Beslutning Økonomiudvalget 10.03.2026",
        "Beslutning i Økonomiudvalget den 10. marts 2026:",
        "Beslutning den 10-03-2026",
        "Udvalgets beslutning",
        "Afgørelse",
    ],
)
@pytest.mark.parametrize("first", [False, True])
def test_this_meetings_decision_and_the_earlier_body_in_history(heading, first):
    item = parse_text(_minutes(heading, first=first)).items[0]
    assert item.decision == "Godkendt."
    assert item.absent == ["Carl Dahl"]
    assert [(h.body, h.date.isoformat(), h.decision) for h in item.history] == [
        ("Teknisk Udvalg", "2026-03-02", "Anbefales.")
    ]


def test_a_decision_dated_another_day_is_not_this_meetings():
    text = _minutes("Beslutning i Økonomiudvalget den 10-03-2026").replace(
        "Beslutning i Økonomiudvalget den 10-03-2026**\n\nGodkendt.",
        "Beslutning i Økonomiudvalget den 03-02-2026**\n\nUdsat.",
        1,
    )
    item = parse_text(text).items[0]
    assert item.decision is None
    assert [h.date.isoformat() for h in item.history] == ["2026-02-03", "2026-03-02"]


def test_decisions_printed_in_a_column_beside_their_label(tmp_path):
    from dagsorden.importer.parse import parse_file

    rows = "".join(
        f"<h2>{n}. {title}</h2><table><tr><td>Sagsnr.</td><td>26/10{n}</td></tr>"
        f"<tr><td>Indstilling</td><td>Direktionen indstiller, at sagen godkendes.</td></tr>"
        f"<tr><td>Beslutning</td><td>{decision}</td></tr></table>"
        for n, title, decision in (
            (1, "Godkendelse af dagsorden", "Godkendt."),
            (2, "Budget 2027", "Anbefales over for Byrådet."),
            (3, "Eventuelt", "Intet."),
        )
    )
    path = tmp_path / "columns.html"
    path.write_text(
        f"<html><body><h1>Referat</h1><p>Økonomiudvalget</p><p>Mødedato: 10. marts 2026</p>"
        f"{rows}</body></html>",
        encoding="utf-8",
    )
    meeting = parse_file(path)
    assert [(i.case_number, i.decision) for i in meeting.items] == [
        ("26/101", "Godkendt."),
        ("26/102", "Anbefales over for Byrådet."),
        ("26/103", "Intet."),
    ]
    assert meeting.items[1].recommendation_by == "Direktionen"
    assert len(meeting.items[1].recommendation_clauses) == 1


def test_the_body_and_date_on_the_line_under_a_plain_decision_heading():
    text = (
        _HEADER + "**1. Budget 2027**\n\n**Indstilling**\n\nDirektionen indstiller, at "
        "budgettet godkendes.\n\n**Beslutning**\n\nTeknisk Udvalg, 02-03-2026\n\nAnbefales.\n\n"
        "**Beslutning**\n\nØkonomiudvalget den 10-03-2026\n\nGodkendt.\n\n"
        "**2. Eventuelt**\n\n**Beslutning**\n\nØkonomiudvalget den 10-03-2026\n\nIntet.\n"
    )
    first, second = parse_text(text).items
    assert first.decision == "Godkendt." and second.decision == "Intet."
    assert [(h.body, h.date.isoformat(), h.decision) for h in first.history] == [
        ("Teknisk Udvalg", "2026-03-02", "Anbefales.")
    ]
