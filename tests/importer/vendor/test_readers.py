"""The three export readers on small exports written for the tests (no database)."""

import datetime as dt
import io
import json
import re
import zipfile

import pytest

from dagsorden.importer.runner import EXIT_UNREADABLE, run_parse
from dagsorden.importer.vendor import ExportError, exports_in, read_export, sniff
from dagsorden.importer.vendor.archive import MAX_RATIO

from .exports import edoc_xml, firstagenda, pdf_bytes, sbsys_xml, sbsys_zip, zip_bytes


def read_one(data: bytes, folder=None):
    exports = exports_in(data, source="test", folder=folder)
    assert exports is not None and len(exports) == 1
    return exports[0].parsed


# --- detection --------------------------------------------------------------------------------


def test_formats_are_recognised_by_content_not_by_name(tmp_path):
    for data, kind in (
        (firstagenda(), "firstagenda"),
        (sbsys_xml(), "sbsys"),
        (edoc_xml(), "edoc"),
        (sbsys_zip(), "zip"),
    ):
        assert sniff(data) == kind
        odd = tmp_path / f"download-{kind}.bin"  # a name that says nothing
        odd.write_bytes(data)
        assert read_export(odd) is not None
    assert sniff(b"Dagsorden\n\nPunkt 1: Godkendelse") is None
    assert sniff(b"<html><body>edoc</body></html>") is None


# --- FirstAgenda ------------------------------------------------------------------------------


def test_firstagenda_minutes_with_closed_item_substitute_and_empty_item():
    meeting = read_one(firstagenda())
    assert (meeting.kind, meeting.body, meeting.location) == ("minutes", "Miljøudvalget",
                                                              "Mødelokale Birk")  # fmt: skip
    assert meeting.start == dt.datetime(2026, 2, 10, 16, 0)  # the wall-clock time printed
    notes = {p.name: p.note for p in meeting.participants}
    assert notes == {
        "Anna Holm": None,
        "Per Bach": "Stedfortræder for Tove Krog",
        "Tove Krog": "Afbud",
        "Jens Vang": "Fravær",
    }
    park, closed, empty = meeting.items
    assert (park.number, park.title, park.case_number) == ("1", "Nye bænke i Mølleparken",
                                                           "26-000101")  # fmt: skip
    assert [s.heading for s in park.sections] == ["Beslutning", "Fremstilling", "Sagens forløb"]
    assert park.sections[1].subsections == ["Resume", "Indstilling", "Økonomi"]
    assert re.search(r"\| År +\| Mio. kr. \|", park.sections[1].body)  # the table is kept
    assert park.decision == "Godkendt."
    assert park.absent == ["Tove Krog"]
    assert park.recommendation_by == "Forvaltningen"
    assert len(park.recommendation_clauses) == 2
    assert park.attachments == ["Bilag 1. Tegning 1", "Bilag 2. Tegning 2"]
    assert park.attachment_files[0].url == "https://dagsorden.eksempel.dk/Vis/Pdf/bilag/bilag-1"
    [history] = park.history
    assert (history.date, history.body, history.decision, history.absent) == (
        dt.date(2026, 2, 2), "Teknikudvalget", "Anbefales.", ["Tove Krog"]
    )  # fmt: skip
    assert closed.public is False and closed.title == "Lukket: Køb af grund ved Åvej"
    assert closed.sections == [] and closed.decision == "HEMMELIGPRIS godkendt."
    assert (empty.title, empty.sections, empty.attachments, empty.case_number) == (
        "Eventuelt",
        [],
        [],
        None,
    )


def test_firstagenda_agenda_has_no_decisions():
    meeting = read_one(firstagenda(concluded=False))
    assert meeting.kind == "agenda"
    assert all(item.decision is None for item in meeting.items)
    # the agenda's empty Beslutning heading is no section
    assert [s.heading for s in meeting.items[0].sections] == ["Fremstilling", "Sagens forløb"]


def test_firstagenda_fields_named_instead_of_h3_headings_and_party_letters():
    data = json.loads(firstagenda())
    data["Moede"]["Moededeltagere"][0]["Name"] = "Anna Holm (Ø)"
    data["Dagsordenpunkter"][0]["Felter"] = [
        {"Navn": "Sagsfremstilling", "Html": "<p>Bænkene er slidte.</p>", "Link": "x"},
        {"Navn": "Økonomi", "Html": "", "Link": "x"},
        {"Navn": "Beslutning", "Html": "<p>Godkendt.</p><p>Afbud: Jens Vang</p>", "Link": "x"},
    ]
    meeting = read_one(json.dumps(data).encode())
    assert (meeting.participants[0].name, meeting.participants[0].party) == ("Anna Holm", "Ø")
    park = meeting.items[0]
    assert park.public is True
    assert [s.heading for s in park.sections] == ["Sagsfremstilling", "Beslutning"]
    assert (park.decision, park.absent) == ("Godkendt.", ["Jens Vang"])


def test_firstagenda_second_schema_variant_with_english_keys():
    danish, english = read_one(firstagenda()), read_one(firstagenda(english=True))
    assert english.body == danish.body and english.start == danish.start
    assert [(i.number, i.title, i.case_number, i.public) for i in english.items] == [
        (i.number, i.title, i.case_number, i.public) for i in danish.items
    ]
    assert english.items[0].attachments == danish.items[0].attachments


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"Dagsordenpunkter": [', "invalid FirstAgenda JSON"),
        (b'{"Dagsordenpunkter": [], "Version": 9}', "unknown FirstAgenda schema"),
        (b'{"AgendaItems": {}, "Meeting": {}}', "unknown FirstAgenda schema"),
    ],
)
def test_malformed_firstagenda_names_what_is_wrong(data, message):
    with pytest.raises(ExportError, match=message):
        exports_in(data, source="x.json")


# --- SBSYS --------------------------------------------------------------------------------------


def test_sbsys_agenda_fields_enclosures_and_history():
    meeting = read_one(sbsys_zip())
    assert (meeting.kind, meeting.body, meeting.location) == ("agenda", "REGIONSUDVALGET",
                                                              "Mødesal 3")  # fmt: skip
    assert meeting.start == dt.datetime(2026, 3, 17, 14, 0)
    assert meeting.export_id == "901"
    assert [(p.name, p.note) for p in meeting.participants] == [
        ("Mads Lind", None), ("Rikke Dam", "Afbud (Ferie)")
    ]  # fmt: skip
    path, sale = meeting.items
    assert [s.heading for s in path.sections] == [
        "PUNKTET BEHANDLET TIDLIGERE", "ADMINISTRATIONENS INDSTILLING", "SAGSFREMSTILLING",
        "REGIONSUDVALGETS BESLUTNING",
    ]  # fmt: skip  # ØKONOMI has no content: no section
    assert path.recommendation_by == "Administrationen" and len(path.recommendation_clauses) == 2
    [earlier] = path.history
    assert (earlier.date, earlier.body, earlier.decision, earlier.absent) == (
        dt.date(2026, 3, 3), "Regionsudvalget", "Sagen udsat.", ["Mads Lind"]
    )  # fmt: skip
    assert path.decision is None  # an agenda
    assert path.attachments == ["Kort over stien", "Notat om økonomi"]
    first = path.attachment_files[0]
    assert first.data.startswith(b"%PDF-") and "Bilag nummer 1" in first.text
    assert len(first.sha512) == 128
    assert sale.public is False and sale.attachment_files[0].public is False
    assert meeting.warnings == []


def test_sbsys_minutes_take_this_meetings_dated_decision():
    meeting = read_one(sbsys_zip(publication_type="Minutes", decision="Godkendt."))
    assert meeting.kind == "minutes"
    assert meeting.items[0].decision == "Godkendt."
    assert meeting.items[0].history[0].decision == "Sagen udsat."


def test_sbsys_missing_enclosures_are_named_and_the_rest_is_read():
    meeting = read_one(sbsys_zip(enclosures=(1,)))
    assert meeting.items[0].attachment_files[1].data is None
    assert meeting.items[0].attachments == ["Kort over stien", "Notat om økonomi"]
    assert any("2 enclosure file(s) missing" in w and "Enclosures/2.pdf" in w
               for w in meeting.warnings)  # fmt: skip


def test_sbsys_zip_without_its_xml_is_refused():
    data = zip_bytes({"Publication901/Enclosures/1.pdf": pdf_bytes("x")})
    with pytest.raises(ExportError, match="no Publication XML"):
        exports_in(data, source="p.zip")


def test_sbsys_unknown_schema_and_invalid_xml():
    with pytest.raises(ExportError, match="unknown SBSYS publication schema"):
        exports_in(zip_bytes({"P/Publication1.xml": sbsys_xml(with_root=False)}), source="p")
    broken = sbsys_xml()[:-40]
    with pytest.raises(ExportError, match="invalid SBSYS publication XML"):
        exports_in(zip_bytes({"P/Publication1.xml": broken}), source="p")


def test_xml_with_entities_is_refused():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><Publication><Agendas>&b;</Agendas></Publication>'
    )
    with pytest.raises(ExportError, match="refused"):
        exports_in(bomb, source="bomb.xml")


# --- ZIP safety ---------------------------------------------------------------------------------


def test_zip_with_path_traversal_is_refused():
    data = zip_bytes({"Publication1/Publication1.xml": sbsys_xml(), "../../etc/evil.pdf": b"x"})
    with pytest.raises(ExportError, match="unsafe path"):
        exports_in(data, source="evil.zip")
    data = zip_bytes({"/abs/Publication1.xml": sbsys_xml()})
    with pytest.raises(ExportError, match="unsafe path"):
        exports_in(data, source="evil.zip")


def test_zip_bomb_is_refused_before_unpacking():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Publication1/Publication1.xml", sbsys_xml())
        archive.writestr("Publication1/Enclosures/1.pdf", b"\0" * (MAX_RATIO * 2 * 1024**2 // 100))
    with pytest.raises(ExportError, match="zip bomb"):
        exports_in(buffer.getvalue(), source="bomb.zip")


def test_damaged_zip_is_named():
    with pytest.raises(ExportError, match="damaged"):
        exports_in(b"PK\x03\x04" + b"\x00" * 50, source="bad.zip")


def test_zip_of_several_exports_gives_each(tmp_path):
    data = zip_bytes({"a/first.json": firstagenda(), "b/edoc.xml": edoc_xml(), "notes.txt": b"x"})
    exports = exports_in(data, source="many.zip")
    assert [e.parsed.export_system for e in exports] == ["firstagenda", "edoc"]
    assert exports[0].source == "many.zip!a/first.json"
    path = tmp_path / "many.zip"
    path.write_bytes(data)
    with pytest.raises(ExportError, match="holds 2 exports"):
        read_export(path)


# --- eDoc ---------------------------------------------------------------------------------------


def test_edoc_agenda_items_closed_item_absences_history_and_attachments(tmp_path):
    (tmp_path / "Attachments").mkdir()
    (tmp_path / "Attachments" / "plan-1.pdf").write_bytes(pdf_bytes("Legepladsens plan"))
    meeting = read_one(edoc_xml(), folder=tmp_path)
    assert (meeting.kind, meeting.body, meeting.location) == ("agenda", "Børneudvalget",
                                                              "Rådhuset, lokale 2")  # fmt: skip
    assert [(p.name, p.party, p.note) for p in meeting.participants] == [
        ("Ole Vind", "A", "Afbud"), ("Lis Berg", None, None)
    ]  # fmt: skip
    playground, ground = meeting.items
    assert (playground.number, playground.case_number) == ("7", "2026-000311")
    assert [s.heading for s in playground.sections] == ["Præsentation", "Forvaltningen foreslår"]
    assert playground.recommendation_by == "Forvaltningen"
    assert len(playground.recommendation_clauses) == 1
    assert playground.decision is None  # 'Beslutning ikke frigivet'
    assert playground.absent == ["Ole Vind"]
    [history] = playground.history
    assert (history.date, history.body, history.decision) == (
        dt.date(2026, 4, 6), "Skoleudvalget", "Anbefales."
    )  # fmt: skip
    assert "Legepladsens plan" in playground.attachment_files[0].text
    assert ground.public is False and ground.title == "Køb af grund"
    assert meeting.warnings == []


def test_edoc_minutes_decision_and_missing_attachment_warning():
    meeting = read_one(edoc_xml(output_type="Minutes", decision="Godkendt."))
    assert meeting.kind == "minutes"
    assert meeting.items[0].decision == "Godkendt."
    assert "Beslutning" in [s.heading for s in meeting.items[0].sections]
    assert any("attachment file(s) missing" in w for w in meeting.warnings)


def test_edoc_unknown_schema_version_is_named():
    data = edoc_xml(ns="http://www.fujitsu.dk/agenda/xml/schemas/2031/01/01/")
    with pytest.raises(ExportError, match="unknown eDoc schema version"):
        exports_in(data, source="x.xml")


def test_parse_command_reports_a_malformed_export_with_its_file_name(tmp_path, capsys):
    path = tmp_path / "broken.json"
    path.write_bytes(b'{"Dagsordenpunkter": [{"Navn": ')
    code = run_parse(path)
    assert code == EXIT_UNREADABLE
    err = capsys.readouterr().err
    assert str(path) in err and "invalid FirstAgenda JSON" in err


@pytest.mark.parametrize(
    ("text", "by", "clauses"),
    [
        ("<p>Forvaltningen indstiller, at planen\n   godkendes.</p>", "Forvaltningen",
         ["planen godkendes."]),
        ("<p>Direktionen indstiller,</p><p>1. at\n  A godkendes,</p><p>2. at B noteres.</p>",
         "Direktionen", ["A godkendes,", "B noteres."]),
        ("<ol><li><strong>at </strong>stien anlægges</li></ol>", None, ["stien anlægges"]),
    ],
)  # fmt: skip
def test_recommendation_clauses_are_kept_without_their_at(text, by, clauses):
    from dagsorden.importer.vendor.common import html_text, recommendation

    assert recommendation(html_text(text)) == (by, clauses)


@pytest.mark.parametrize(("kind", "absent"), [("Minutes", ["Rikke Dam"]), ("Draft", [])])
def test_sbsys_item_members_not_taking_part_are_absent_in_minutes(kind, absent):
    member = (
        b"<Members><ItemMember ID='9'><ParticipationStatusAsText>NotParticipating"
        b"</ParticipationStatusAsText><Name>Rikke Dam</Name></ItemMember></Members></Item>"
    )
    xml = sbsys_xml(publication_type=kind).replace(b"</Item>", member, 1)
    meeting = read_one(zip_bytes({"P/Publication1.xml": xml}))
    assert meeting.items[0].absent == absent


@pytest.mark.parametrize(
    ("text", "absent", "rest"),
    [
        ("Godkendt.\nAfbud: Ane Lund (A) og Bo Hald", ["Ane Lund", "Bo Hald"], "Godkendt."),
        ("Anbefales.\nFraværende: Carl Ry, Dorte Vik", ["Carl Ry", "Dorte Vik"], "Anbefales."),
        ("Udsat.\nEva Ulv (V) deltog ikke i behandlingen af sagen.", ["Eva Ulv"], "Udsat."),
        ("Taget til efterretning.", [], "Taget til efterretning."),
    ],
)
def test_absences_printed_in_a_decision(text, absent, rest):
    from dagsorden.importer.vendor.common import absences_in, without_absence_lines

    assert absences_in(text) == absent
    assert without_absence_lines(text) == rest
