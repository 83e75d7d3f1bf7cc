"""The CPR finder: no valid CPR number may be missed; other numbers are left alone."""

import pytest

from dagsorden.meetings.cpr import cpr_find

VALID = [
    "010203-1234",  # 1903 (7th digit 1)
    "0102031234",  # same without dash
    "311299-4321",  # 1999 (7th digit 4, year > 36)
    "290200-4123",  # 29 Feb 2000 (7th digit 4, year <= 36)
    "290200-9123",  # 29 Feb 2000 (7th digit 9, year <= 36)
    "150560-5123",  # 1860 (7th digit 5, year > 57)
    "150520-6123",  # 2020 (7th digit 6, year <= 57)
    "010100-0001",
    "311231-3999",
    "300690-2345",
    "071082‐1234",  # Unicode hyphen from a word processor
]

INVALID = [
    "320101-1234",  # day 32
    "011301-1234",  # month 13
    "000101-1234",  # day 0
    "290200-1123",  # 29 Feb 1900 does not exist (7th digit 1)
    "290201-4123",  # 29 Feb 2001 does not exist
    "310401-1234",  # 31 April
]

NOT_CPR = [
    "Ring på 33 12 34 56 eller +45 33123456.",
    "Journalnummer 27.00.00-P22-1-26 og sag 25-014928, 25/11811.",
    "Sagen EMN-2025-010561 blev oprettet.",
    "Kontonummer 1234-0102031234 i banken.",  # the digits sit inside a longer number
    "Ordrenummer 120102031234 er betalt.",
    "Beløbet var 1.010.203,12 kr.",
    "Dato 01.02.03 kl. 12.34.",
]


@pytest.mark.parametrize("number", VALID)
@pytest.mark.parametrize("template", ["{}", "CPR: {}.", "({})", "Borger {} bor her", "a\n{}\nb"])
def test_every_valid_cpr_number_is_found(number, template):
    hits = cpr_find(template.format(number))
    assert [hit.text for hit in hits] == [number]


@pytest.mark.parametrize("number", INVALID)
def test_numbers_without_a_real_date_are_not_cpr(number):
    assert cpr_find(f"Nummer {number} her") == []


@pytest.mark.parametrize("text", NOT_CPR)
def test_phone_journal_and_account_numbers_are_not_cpr(text):
    assert cpr_find(text) == []


def test_the_place_is_given_and_the_number_masked():
    [hit] = cpr_find("Ansøger: 010203-1234")
    assert hit.start == len("Ansøger: ")
    assert hit.masked == "010203-****"
