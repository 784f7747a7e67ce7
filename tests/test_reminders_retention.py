"""The retention reminder says truthfully whether the date is the one the order asked for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from beställning.order import load_order
from beställning.register.reminders import reminders_for
from tests.conftest import EXAMPLES


@dataclass(frozen=True)
class Event:
    step: str
    date: date


def retention_message(keep_until: str | None) -> str:
    order = load_order(EXAMPLES / "forskning.json")
    order.set("gallring.langre", True)
    if keep_until:
        order.set("gallring.till", keep_until)
    events = [Event("sent", date(2026, 1, 10)), Event("delivery", date(2026, 6, 1))]
    found = [r for r in reminders_for(order, events, date(2026, 11, 20)) if r.kind == "retention_ending"]
    assert found, "a retention reminder is due"
    return found[0].message


def test_longer_retention_without_date_is_not_called_the_ordered_date() -> None:
    message = retention_message(None)
    assert "2026-12-01" in message
    assert "det beställda" not in message and "inget senare datum" in message


def test_ordered_date_is_named_as_such() -> None:
    assert "datumet är det beställda" in retention_message("2026-12-10")
