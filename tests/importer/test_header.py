from datetime import datetime

from dagsorden.importer.header import guess_municipality, parse_header, parse_participants
from dagsorden.importer.parsed import ParsedMeeting
from dagsorden.importer.textutil import split_lines


def _header(text: str) -> ParsedMeeting:
    meeting = ParsedMeeting()
    parse_header(split_lines(text), meeting)
    return meeting


def test_title_line_gives_kind_body_and_date_labels_give_time_and_place():
    meeting = _header(
        "# **REFERAT 22-25 Vej- og Parkudvalget d. 02-10-2025**\n\n"
        "**Mødedato** Torsdag d. 2. oktober 2025 kl. 08:30\n\n"
        "**Mødested** Mødelokale 3\n\n"
        "**Mødedeltagere** Ane Lund (A), Bo Hald (V), Carl\nRy (Ø) (Fravær)\n"
    )
    assert meeting.kind == "minutes"
    assert meeting.body == "Vej- og Parkudvalget"  # the '22-25' period prefix is a sort key
    assert meeting.start == datetime(2025, 10, 2, 8, 30)
    assert meeting.location == "Mødelokale 3"
    assert [(p.name, p.party, p.note) for p in meeting.participants] == [
        ("Ane Lund", "A", None),
        ("Bo Hald", "V", None),
        ("Carl Ry", "Ø", "Fravær"),
    ]


def test_separate_title_body_and_colon_labels():
    meeting = _header(
        "Dagsorden\n\nByrådet\n\nDato: 12.03.2025\nTidspunkt: kl. 17.00-19.00\n"
        "Sted: Byrådssalen\nMedlemmer: Ane Lund, Bo Hald\nAfbud: Bo Hald\n"
    )
    assert (meeting.kind, meeting.body) == ("agenda", "Byrådet")
    assert meeting.start == datetime(2025, 3, 12, 17, 0)
    assert meeting.location == "Byrådssalen"
    assert [(p.name, p.note) for p in meeting.participants] == [
        ("Ane Lund", None),
        ("Bo Hald", "Fravær"),
    ]


def test_running_text_mentioning_a_committee_is_no_body_label():
    meeting = _header("REFERAT Skoleudvalget d. 01-02-2025\n\nUdvalg for skoler er nævnt her\n")
    assert meeting.body == "Skoleudvalget"


def test_participants_with_roles_in_parentheses():
    people = parse_participants("Ane Lund (A) (formand), Bo Hald (V) og Carl Ry")
    assert [(p.name, p.party, p.note) for p in people] == [
        ("Ane Lund", "A", "formand"),
        ("Bo Hald", "V", None),
        ("Carl Ry", None, None),
    ]


def test_municipality_is_the_most_named_kommune():
    text = "Egeby Kommune har ... Den Kommune ... Egeby Kommunes plan ... Naboby Kommune"
    assert guess_municipality(text) == "Egeby"
    assert guess_municipality("ingen kommune nævnt") is None
