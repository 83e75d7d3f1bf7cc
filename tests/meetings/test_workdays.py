import datetime as dt

from dagsorden.meetings.workdays import is_workday, workdays_before


def test_four_workdays_before_a_tuesday_is_the_wednesday_before():
    assert workdays_before(dt.date(2026, 10, 13), 4) == dt.date(2026, 10, 7)


def test_easter_days_are_skipped():
    # Skærtorsdag and langfredag 2026 are 2 and 3 April; 2. påskedag is 6 April.
    assert not is_workday(dt.date(2026, 4, 2))
    assert workdays_before(dt.date(2026, 4, 8), 2) == dt.date(2026, 4, 1)
