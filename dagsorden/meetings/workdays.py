"""Danish working days (hverdage) for agenda deadlines."""

import datetime as dt

from dateutil.easter import easter


def danish_public_holidays(year: int) -> set[dt.date]:
    """Days the administration is closed besides weekends: the days a deadline skips.

    The official helligdage (Store bededag was abolished from 2024) plus grundlovsdag,
    juleaftensdag and nytårsaftensdag, which municipal agreements give off.
    """
    easter_sunday = easter(year)
    offsets = [-3, -2, 1, 39, 49, 50]  # skærtorsdag … 2. pinsedag
    holidays = {easter_sunday + dt.timedelta(days=d) for d in offsets}
    holidays |= {
        dt.date(year, 1, 1),
        dt.date(year, 6, 5),
        dt.date(year, 12, 24),
        dt.date(year, 12, 25),
        dt.date(year, 12, 26),
        dt.date(year, 12, 31),
    }
    return holidays


def is_workday(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in danish_public_holidays(day.year)


def workdays_before(day: dt.date, count: int) -> dt.date:
    """The date `count` working days before `day`."""
    current = day
    remaining = count
    while remaining > 0:
        current -= dt.timedelta(days=1)
        if is_workday(current):
            remaining -= 1
    return current
