import pytest

from dagsorden.cases.journal import KleNumber, kle_parse


def test_kle_number_is_split_into_its_parts():
    assert kle_parse("27.00.00-P22-1-26") == KleNumber(
        subject="27.00.00", facet="P22", serial=1, year=2026
    )


@pytest.mark.parametrize("opaque", ["25-014928", "25/11811", "EMN-2025-010561", "", "27.00-P22-1"])
def test_other_journal_styles_stay_opaque(opaque):
    assert kle_parse(opaque) is None
