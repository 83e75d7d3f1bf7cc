"""Journal numbers ("journalnummer", "sagsnr.") as printed, and the KLE form when it matches."""

import re
from dataclasses import dataclass

# KLE: emne (aa.bb.cc), handlingsfacet (letter + two digits), løbenummer, two-digit year,
# e.g. 27.00.00-P22-1-26. Other systems' numbers (25-014928, 25/11811, EMN-2025-010561)
# carry no structure we can rely on and are kept opaque.
KLE_PATTERN = re.compile(
    r"^(?P<subject>\d{2}\.\d{2}\.\d{2})-(?P<facet>[A-ZÆØÅ]\d{2})-(?P<serial>\d+)-(?P<year>\d{2})$"
)


@dataclass(frozen=True)
class KleNumber:
    subject: str
    facet: str
    serial: int
    year: int


def kle_parse(journal_number: str) -> KleNumber | None:
    """The KLE parts of a journal number, or None when it is not in KLE form."""
    match = KLE_PATTERN.match(journal_number.strip())
    if not match:
        return None
    two_digit_year = int(match["year"])
    return KleNumber(
        subject=match["subject"],
        facet=match["facet"],
        serial=int(match["serial"]),
        year=2000 + two_digit_year,
    )
