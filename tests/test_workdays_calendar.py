"""Swedish working days: weekends, public holidays and the three eves are not working days."""

from __future__ import annotations

from datetime import date

import pytest

from beställning.workdays import (
    add_working_days,
    holiday_name,
    holidays_for_year,
    is_working_day,
    working_days_between,
)


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2026, 6, 19), "Midsommarafton"),
        (date(2026, 12, 24), "Julafton"),
        (date(2026, 12, 31), "Nyårsafton"),
        (date(2026, 4, 3), "Långfredagen"),
        (date(2026, 4, 6), "Annandag påsk"),
        (date(2027, 1, 6), "Trettondedag jul"),
        (date(2026, 5, 14), "Kristi himmelsfärdsdag"),
    ],
)
def test_holidays_and_eves_are_not_working_days(day: date, name: str) -> None:
    assert holiday_name(day) == name
    assert day.weekday() < 5
    assert not is_working_day(day)


def test_ordinary_days() -> None:
    assert is_working_day(date(2026, 12, 28))  # Monday between Christmas and New Year
    assert is_working_day(date(2026, 12, 23))
    assert not is_working_day(date(2026, 11, 21))  # Saturday
    assert not is_working_day(date(2026, 11, 22))  # Sunday
    assert holiday_name(date(2026, 12, 23)) is None


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        # Christmas: 24 (julafton), 25, 26 and the Sunday 27 are not working days.
        (date(2026, 12, 23), date(2026, 12, 29)),
        # New Year: 31 (nyårsafton), 1 Jan, then a weekend.
        (date(2026, 12, 30), date(2027, 1, 5)),
        # Epiphany (6 Jan 2027, a Wednesday).
        (date(2027, 1, 5), date(2027, 1, 8)),
        # Easter 2026: Good Friday 3 April to Easter Monday 6 April.
        (date(2026, 4, 2), date(2026, 4, 8)),
        # Easter 2027: Good Friday 26 March, Easter Monday 29 March.
        (date(2027, 3, 25), date(2027, 3, 31)),
        # Midsummer 2026: midsommarafton Friday 19 June.
        (date(2026, 6, 18), date(2026, 6, 23)),
        # Ascension Day 2026 (Thursday 14 May).
        (date(2026, 5, 13), date(2026, 5, 18)),
        # An ordinary Friday and a Saturday.
        (date(2026, 11, 20), date(2026, 11, 24)),
        (date(2026, 11, 21), date(2026, 11, 24)),
        (date(2026, 11, 23), date(2026, 11, 25)),
    ],
)
def test_second_working_day_after(start: date, expected: date) -> None:
    assert add_working_days(start, 2) == expected


def test_zero_and_negative_counts() -> None:
    assert add_working_days(date(2026, 12, 25), 0) == date(2026, 12, 25)
    with pytest.raises(ValueError):
        add_working_days(date(2026, 12, 25), -1)


def test_working_days_between_counts_after_start() -> None:
    assert working_days_between(date(2026, 12, 23), date(2026, 12, 29)) == 2
    assert working_days_between(date(2026, 12, 29), date(2026, 12, 23)) == 0


def test_year_is_computed_once() -> None:
    holidays_for_year.cache_clear()
    for _ in range(50):
        is_working_day(date(2031, 3, 3))
    info = holidays_for_year.cache_info()
    assert info.misses == 1
    assert info.hits >= 49
    assert all(day.year == 2031 for day in holidays_for_year(2031))
