"""Finding CPR numbers (personnummer) in text before anything is published.

A CPR number is ddmmyy-ssss or ddmmyyssss whose first six digits are a real date. The
century follows from the seventh digit (the CPR office's table), so 290200-4xxx (year
2000) is a date and 290200-1xxx (year 1900) is not. The modulus-11 check is not used:
numbers issued since 2007 need not pass it, and a missed CPR number is worse than a
false alarm. Digits that are part of a longer number (phone numbers, journal numbers,
account numbers) are not taken.
"""

import datetime as dt
import re
from dataclasses import dataclass

CPR_PATTERN = re.compile(
    r"(?<![\d/.\-])(?P<day>\d{2})(?P<month>\d{2})(?P<year>\d{2})[-‐‑–]?(?P<serial>\d{4})(?![\d\-/.]\d)"
)


@dataclass(frozen=True)
class CprHit:
    start: int
    text: str

    @property
    def masked(self) -> str:
        """Shown to the secretary: enough to find it, not enough to copy it on."""
        return self.text[:6] + "-****"


def _century(two_digit_year: int, seventh_digit: int) -> int:
    if seventh_digit <= 3:
        return 1900
    if seventh_digit in (4, 9):
        return 2000 if two_digit_year <= 36 else 1900
    return 2000 if two_digit_year <= 57 else 1800


def _is_date(day: str, month: str, year: str, serial: str) -> bool:
    full_year = _century(int(year), int(serial[0])) + int(year)
    try:
        dt.date(full_year, int(month), int(day))
    except ValueError:
        return False
    return True


def cpr_find(text: str) -> list[CprHit]:
    """Every CPR-shaped number with a valid date in `text`, in order."""
    return [
        CprHit(start=match.start(), text=match.group(0))
        for match in CPR_PATTERN.finditer(text or "")
        if _is_date(match["day"], match["month"], match["year"], match["serial"])
    ]
