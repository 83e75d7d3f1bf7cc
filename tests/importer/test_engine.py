"""The shared engine on synthetic documents and on hand-written documents in layouts
other than the seed families (decision before the case text, 'Sagsnr.:' lines,
numbered items like '715.', UPPER-CASE headings, running page headers)."""

from datetime import date, datetime

import pytest

from dagsorden.importer.parse import parse_file, parse_text
from dagsorden.importer.synthetic import STYLES, generate


@pytest.mark.parametrize("style", STYLES)
def test_synthetic_documents_parse_exactly(style):
    for seed in range(4):
        doc = generate(seed, style)
        meeting = parse_text(doc.text)
        assert (meeting.kind, meeting.body, meeting.start) == (doc.kind, doc.body, doc.start)
        assert [p.name for p in meeting.participants] == doc.participants
        assert len(meeting.items) == len(doc.items)
        for got, expected in zip(meeting.items, doc.items, strict=True):
            assert got.number == str(expected.number)
            assert got.title == expected.title
            assert got.case_number == expected.case_number
            assert got.type == expected.type
            assert got.decision == expected.decision
            assert got.attachments == expected.attachments
            assert got.absent == expected.absent
            assert [h.body for h in got.history] == expected.history_bodies


def test_numbered_items_with_decision_first_and_upper_case_headings(docs):
    meeting = parse_file(docs / "numbered_decision_first.txt")
    assert meeting.layout == "generic"
    assert (meeting.kind, meeting.body) == ("minutes", "Byrådet")
    assert meeting.start == datetime(2025, 3, 12, 17, 0)
    assert [(i.number, i.case_number) for i in meeting.items] == [
        ("715", "25/4410"),
        ("716", "24/19877"),
        ("717", "25/0020"),
    ]
    sale = meeting.items[1]
    assert sale.decision.startswith("Godkendt.")
    assert [s.heading for s in sale.sections][-4:] == [
        "SAGSFREMSTILLING",
        "ØKONOMI",
        "INDSTILLING",
        "BILAG",
    ]
    assert sale.recommendation_by == "Kommunaldirektøren"
    assert len(sale.recommendation_clauses) == 2
    assert sale.attachments == [
        "Købstilbud af 1. februar 2025",
        "Vurderingsrapport",
    ]  # no page header
    (earlier,) = sale.history
    assert (earlier.date, earlier.body, earlier.decision) == (
        date(2025, 3, 4),
        "Økonomiudvalget",
        "Anbefales.",
    )
    assert earlier.absent == ["Bo Krog"] and sale.absent == []
    assert meeting.items[2].public is False
    assert any("running page header" in w for w in meeting.warnings)


def test_sagsnr_lines_run_in_labels_and_closed_cases(docs):
    meeting = parse_file(docs / "acadre_like.txt")
    assert meeting.body == "Teknik- og Miljøudvalget"
    assert meeting.start == datetime(2025, 2, 5, 15, 30)
    assert [p.note for p in meeting.participants][-1] == "Fravær"
    first, plan, winter = meeting.items
    assert first.type == "orientering"
    assert first.decision == "Formanden orienterede om det kommende fællesmøde."
    assert plan.title.endswith("nordlige del af kommunen")  # not the truncated TOC entry
    assert plan.case_number == "05.01.08-P15-2-24"
    assert plan.attachments == ["Trafiksikkerhedsplan 2025", "Kort over skoleveje"]
    assert [(h.body, h.absent) for h in plan.history] == [
        ("Skolebestyrelsernes fællesråd", ["Jonas Ravn"])
    ]
    assert plan.decision == "Godkendt."
    assert winter.public is False and winter.decision == "Taget til efterretning."


def test_html_with_upper_case_headings_and_type_codes(docs):
    meeting = parse_file(docs / "upper_headings.html")
    assert (meeting.kind, meeting.body) == ("agenda", "Kultur- og Fritidsudvalget")
    assert meeting.start == datetime(2025, 4, 7, 16, 0)
    assert [p.party for p in meeting.participants] == ["A", "V", "SF"]
    grants = meeting.items[1]
    assert grants.type == "beslutning"
    assert grants.case_number == "EMN-2025-000417"
    assert [s.heading for s in grants.sections] == [
        "SAGSFREMSTILLING",
        "ØKONOMI",
        "INDSTILLING",
        "BILAG",
    ]
    assert len(grants.recommendation_clauses) == 2
    assert grants.attachments == ["Oversigt over ansøgninger", "Puljens retningslinjer"]
    assert meeting.items[2].type == "orientering"


def test_decision_block_labels_are_not_sections():
    text = (
        "REFERAT Puljeudvalget d. 01-02-2025\n\nPunkt 1: Meddelelser\n\n"
        "Beslutning\n\nUdvalget bakker op.\n\nØkonomi:\n\n- 2 mio. kr.\n\n"
        "Fraværende:\n\nAne Lund\n\nFraværende Ane Lund\n"
    )
    (item,) = parse_text(text).items
    assert [s.heading for s in item.sections] == ["Beslutning"]
    assert item.decision == "Udvalget bakker op.\nØkonomi:\n- 2 mio. kr."
    assert item.absent == ["Ane Lund"]


def test_empty_decision_heading_gives_no_decision():
    text = "REFERAT Råd d. 01-02-2025\n\nPunkt 4: Eventuelt\n\nBeslutning\n"
    (item,) = parse_text(text).items
    assert item.decision is None


def test_wrapped_heading_is_joined_and_item_ranges_are_not_items():
    text = (
        "DAGSORDEN Byrådet d. 01-02-2025\n\nPunkt 1: Plan for stier langs\nåen og søerne\n\n"
        "Sagsfremstilling\n\nPunkt 1-3: en underoverskrift\n\nPunkt 2: Næste sag\n"
    )
    meeting = parse_text(text)
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "Plan for stier langs åen og søerne"),
        ("2", "Næste sag"),
    ]


def test_truncated_document_keeps_partial_results_with_a_warning():
    doc = generate(3, "decision-first-casetype")
    cut = doc.text[: doc.text.index(f"Punkt {doc.items[2].number}:")]
    meeting = parse_text(cut)
    assert len(meeting.items) == 2
    assert any("truncated" in w for w in meeting.warnings)


def test_prose_has_no_items_and_says_so():
    meeting = parse_text("Kære borger\n\nTak for din henvendelse.\n")
    assert meeting.items == []
    assert "no agenda items found" in meeting.warnings


def test_numbered_items_win_over_a_stray_punkt_reference():
    text = (
        "REFERAT Byrådet d. 05-05-2025\n\nPunkt 3: Se tidligere sag\n\n"
        "101. Budget\n\nSag: 25/100\n\nTil beslutning\n\nBeslutning\n\nGodkendt.\n\n"
        "102. Anlæg\n\nSagsnr.: 25/101\n\nBeslutning\n\nGodkendt.\n\n"
        "103. Eventuelt\n\nSagsnr.: 25/102\n\nBeslutning\n\nIntet.\n"
    )
    meeting = parse_text(text)
    assert [(i.number, i.case_number) for i in meeting.items] == [
        ("101", "25/100"),
        ("102", "25/101"),
        ("103", "25/102"),
    ]
    assert meeting.items[0].type == "beslutning"
    assert meeting.items[1].type is None


def test_recurring_marked_headings_become_template_sections():
    items = "".join(
        f"## Punkt {n}: Sag nummer {n}\n\n### Historik\n\nTidligere omtalt.\n\n"
        f"### Indstilling\n\nDirektøren indstiller, at sagen godkendes.\n\n"
        f"### Et enkelt afsnit {n}\n\nTekst.\n\n"
        for n in range(1, 5)
    )
    meeting = parse_text("# DAGSORDEN Naturrådet d. 02-02-2025\n\n" + items)
    assert [s.heading for s in meeting.items[0].sections] == ["Historik", "Indstilling"]


def test_a_plain_line_shaped_like_an_item_heading_is_not_an_item_among_bold_siblings():
    from dagsorden.importer.parse import parse_text

    meeting = parse_text(
        "Referat\n\nByrådet\n\nMødedato: 5. marts 2026 kl. 17.00\n\n"
        "**Punkt 1: Godkendelse af dagsorden**\n\nBeslutning\n\nGodkendt.\n\n"
        "**Punkt 2: Lokalplan for Havnen**\n\nSagsfremstilling\n\n"
        "Punkt 3 Bygherren skal etablere en sti langs kajen, jf. lokalplanens bestemmelser.\n\n"
        "Beslutning\n\nVedtaget.\n\n"
        "**Punkt 3: Eventuelt**\n\nBeslutning\n\nIntet.\n"
    )
    assert [(i.number, i.title, i.decision) for i in meeting.items] == [
        ("1", "Godkendelse af dagsorden", "Godkendt."),
        ("2", "Lokalplan for Havnen", "Vedtaget."),
        ("3", "Eventuelt", "Intet."),
    ]
