"""URL path converters that refuse what the database cannot hold.

Django's `int` converter accepts any run of digits; a number past the database's
64-bit range then fails inside the query (SQLite raises OverflowError, a 500). These
converters only match numbers the database can store, so anything larger is simply a
URL that does not exist: 404."""

from django.urls import register_converter

# The largest BigAutoField key: SQLite's and PostgreSQL's signed 64-bit integer.
MAX_ID = 2**63 - 1


class IdConverter:
    """A primary key: 1 to 19 digits, within the signed 64-bit range."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not 1 <= number <= MAX_ID:
            raise ValueError("outside the range of a database key")
        return number

    def to_url(self, value) -> str:
        return str(int(value))


class YearConverter:
    """A calendar year with four digits, so that a `date` can be made from it."""

    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        year = int(value)
        if year < 1:
            raise ValueError("year 0 does not exist")
        return year

    def to_url(self, value) -> str:
        return f"{int(value):04d}"


class MonthConverter:
    """A month number 1-12 (one or two digits)."""

    regex = "[0-9]{1,2}"

    def to_python(self, value: str) -> int:
        month = int(value)
        if not 1 <= month <= 12:
            raise ValueError("no such month")
        return month

    def to_url(self, value) -> str:
        return str(int(value))


def register() -> None:
    register_converter(IdConverter, "id")
    register_converter(YearConverter, "year")
    register_converter(MonthConverter, "month")
