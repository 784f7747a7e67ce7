"""Date messages say what is wrong: the wrong shape, a date that does not exist, a date in the past;
their examples are current (issue 12, Must 5)."""

from __future__ import annotations

from datetime import date

import pytest

from beställning.formats import date_problem
from beställning.order import Order
from beställning.validation import validate

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2026-02-30", ["2026-02-30 finns inte", "februari 2026 har 28 dagar"]),
        ("2028-02-30", ["februari 2028 har 29 dagar"]),
        ("2026-04-31", ["april 2026 har 30 dagar"]),
        ("2026-13-01", ["finns inte", "01–12"]),
        ("2026-00-10", ["finns inte", "01–12"]),
        ("2026-06-00", ["finns inte", "juni 2026 har 30 dagar"]),
        ("0000-01-01", ["finns inte"]),
    ],
)
def test_a_date_that_does_not_exist_is_told_so(value: str, words: list[str]) -> None:
    message = date_problem(value, TODAY)
    assert message is not None
    for word in words:
        assert word in message


@pytest.mark.parametrize("value", ["2026-2-3", "3 mars", "20260303", "2026/03/03", "", "ÅÅÅÅ-MM-DD", "2026-03-03x"])
def test_the_wrong_shape_gets_the_shape_and_todays_date_as_example(value: str) -> None:
    assert date_problem(value, TODAY) == "Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-12-02."


@pytest.mark.parametrize("value", ["2026-02-28", "2028-02-29", " 2026-12-31 ", "1900-01-01"])
def test_real_dates_pass(value: str) -> None:
    assert date_problem(value, TODAY) is None


def test_validation_uses_the_date_messages_with_a_current_example() -> None:
    order = Order()
    order.set("underskrift.datum", "2026-02-30")
    order.set("leverans.onskat_datum", "2026-11-01")
    messages = {p.field: p.message for p in validate(order, today=TODAY)}
    assert "finns inte" in messages["underskrift.datum"]
    assert "2026-11-01 har redan passerat" in messages["leverans.onskat_datum"]
    assert "2026-12-02" in messages["leverans.onskat_datum"]
    order.set("underskrift.datum", "30/2")
    assert "t.ex. 2026-12-02" in {p.field: p.message for p in validate(order, today=TODAY)}["underskrift.datum"]
