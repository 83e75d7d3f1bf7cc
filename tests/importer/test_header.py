from datetime import datetime

import pytest

from dagsorden.importer.header import guess_municipality, parse_header, parse_participants
from dagsorden.importer.parse import parse_text
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


_ITEM = "\n\nPunkt 1: Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n"


@pytest.mark.parametrize(
    ("header", "body", "start", "location"),
    [
        ("Referat\n\nByrådet\n\nMødedato: Torsdag den 5. marts 2026\n\nMødetidspunkt: Kl. 17.00"
         "\n\nMødested: Rådhuset", "Byrådet", "2026-03-05T17:00", "Rådhuset"),
        ("Dagsorden\n\nTeknisk Udvalg\n\nDato: 05.03.2026\n\nTid: 17:00\n\nSted: Byrådssalen",
         "Teknisk Udvalg", "2026-03-05T17:00", "Byrådssalen"),
        ("Dagsorden for Teknisk Udvalg\n\nMødedato\n\n05-03-2026\n\nStarttidspunkt\n\n17:00"
         "\n\nMødested\n\nRådhuset, lokale 2", "Teknisk Udvalg", "2026-03-05T17:00",
         "Rådhuset, lokale 2"),
        ("Referat af møde i Økonomiudvalget\nOnsdag 5/3 2026 kl. 16.00", "Økonomiudvalget",
         "2026-03-05T16:00", None),
        ("Dagsorden\nSocialudvalget\n5. mar. 2026, kl. 15:30 - 17:00\nMødelokale 3",
         "Socialudvalget", "2026-03-05T15:30", "Mødelokale 3"),
        ("Referat\n\nByrådet\n\nDato: tirsdag 5. marts 2026\n\nTid: kl. 9.00\n\nSted:\n\n"
         "Rådhuset, byrådssalen\n\nTorvet 1, 4700 Egeby", "Byrådet", "2026-03-05T09:00",
         "Rådhuset, byrådssalen, Torvet 1, 4700 Egeby"),
    ],
)  # fmt: skip
def test_header_dates_times_and_places_in_the_forms_danish_documents_print(
    header, body, start, location
):
    meeting = parse_text(header + _ITEM)
    assert meeting.body == body
    assert meeting.start.isoformat(timespec="minutes") == start
    assert meeting.location == location


def test_participants_and_afbud_printed_one_per_line_under_their_label():
    meeting = parse_text(
        "Referat\n\nByrådet\n\nMødedato: 5. marts 2026 kl. 17.00\n\nDeltagere:\n\n"
        "Anne Berg (A)\n\nBo Kjær (V)\n\n- Carl Dahl (F)\n\nAfbud:\n\nDorte Ravn\n\n"
        "Mødested: Rådhuset" + _ITEM
    )
    assert [(p.name, p.party, p.note) for p in meeting.participants] == [
        ("Anne Berg", "A", None),
        ("Bo Kjær", "V", None),
        ("Carl Dahl", "F", None),
        ("Dorte Ravn", None, "Fravær"),
    ]
    assert meeting.location == "Rådhuset"
