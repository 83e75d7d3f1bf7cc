from datetime import date, datetime

import pytest

from dagsorden.importer.textutil import (
    clean_inline,
    journal_number_in_line,
    kle_parts,
    looks_like_name,
    name_and_extras,
    parse_date,
    parse_datetime,
    split_lines,
    split_names,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Onsdag d. 03. juni 2026 kl. 16:00", datetime(2026, 6, 3, 16, 0)),
        ("12.03.2025 kl. 17.30", datetime(2025, 3, 12, 17, 30)),
        ("2025-01-09", datetime(2025, 1, 9, 0, 0)),
        ("5. feb. 2025, klokken 9", datetime(2025, 2, 5, 9, 0)),
    ],
)
def test_parse_datetime_reads_danish_forms(text, expected):
    assert parse_datetime(text) == expected


def test_parse_date_handles_two_digit_years_and_rejects_nonsense():
    assert parse_date("29/09/25 Udvalget") == date(2025, 9, 29)
    assert parse_date("31-02-2025") is None
    assert parse_date("ingen dato her") is None


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("27.00.00-P22-1-26", "27.00.00-P22-1-26"),
        ("25-014928", "25-014928"),
        ("25/11811", "25/11811"),
        ("EMN-2025-010561", "EMN-2025-010561"),
        ("Sagsnr.: 24/19877", "24/19877"),
        ("J.nr. 82.02.00-G01-3-24", "82.02.00-G01-3-24"),
        ("2022-2025", None),
        ("Socialudvalget", None),
    ],
)
def test_journal_numbers_are_kept_as_printed(line, number):
    assert journal_number_in_line(line) == number


def test_kle_numbers_split_into_parts_other_styles_stay_opaque():
    assert kle_parts("27.00.00-P22-1-26") == {
        "emne": "27.00.00",
        "facet": "P22",
        "lobenr": "1",
        "aar": "26",
    }
    assert kle_parts("25-014928") is None


def test_clean_inline_drops_markdown_but_keeps_underscored_words():
    assert clean_inline("**1. at** udvalget") == "1. at udvalget"
    assert clean_inline("Bilag 2 - Takster\\_2025") == "Bilag 2 - Takster_2025"
    assert clean_inline("rapport2024_bilag") == "rapport2024_bilag"
    assert clean_inline("[Pkt. 4 Budget](#)") == "Pkt. 4 Budget"


def test_split_lines_records_heading_level_and_bold():
    heading, bold, plain = split_lines("## Indstilling\n**Bilag**\ntekst")
    assert (heading.level, heading.text) == (2, "Indstilling")
    assert bold.bold and bold.text == "Bilag"
    assert not plain.marked


def test_names_and_parties():
    assert split_names("Ane Lund, Bo Hald og Carl Ry") == ["Ane Lund", "Bo Hald", "Carl Ry"]
    assert name_and_extras("Dorte Vang (Ø) (Fravær)") == ("Dorte Vang", ["Ø", "Fravær"])
    assert looks_like_name("Ebbe van Dijk")
    assert not looks_like_name("Punktet blev udsat til næste møde.")
