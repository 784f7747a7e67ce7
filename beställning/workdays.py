"""Swedish working days (arbetsdagar): the calendar FK's "within two working days" is counted in.

A working day is a weekday that is not a public holiday (allmän helgdag) and not midsommarafton,
julafton or nyårsafton, which Lag (1930:173) om beräkning av lagstadgad tid treats as holidays.
The holidays come from the `holidays` library (Sweden, categories public and de_facto: the
de_facto category adds the three eves). Each year is computed once and cached.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

CATEGORIES = ("public", "de_facto")


@cache
def holidays_for_year(year: int) -> dict[date, str]:
    """Sweden's non-working holidays in `year`, date -> Swedish name (e.g. 'Julafton')."""
    import holidays

    calendar = holidays.country_holidays("SE", years=year, categories=CATEGORIES, language="sv")
    return {day: str(name) for day, name in sorted(calendar.items()) if day.year == year}


def holiday_name(day: date) -> str | None:
    """The Swedish name of the holiday on `day`, or None when it is not a holiday."""
    return holidays_for_year(day.year).get(day)


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a holiday or one of the three eves."""
    return day.weekday() < 5 and day not in holidays_for_year(day.year)


def add_working_days(start: date, count: int) -> date:
    """The `count`-th working day after `start` (`start` itself never counts).

    `add_working_days(sent, 2)` is the second working day after the day an order was sent.
    A count of 0 gives `start` itself, whether or not it is a working day.
    """
    if count < 0:
        raise ValueError("count must be zero or more")
    day = start
    remaining = count
    while remaining:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when `end` <= `start`)."""
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count
