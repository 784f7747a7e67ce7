"""FK's process dates and the timeline of one order."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import pytest

from beställning.cli import main as cli_main
from beställning.order import Order, SentRecord
from beställning.process import (
    STEP_IDS,
    add_months,
    confirmation_due,
    dates_for,
    invoice_expected,
    retention_ends,
    status_and_next,
    timeline,
)


@dataclass(frozen=True)
class Ev:
    step: str
    date: date


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),  # leap year
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 10, 31), 1, date(2026, 11, 30)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2026, 3, 31), 6, date(2026, 9, 30)),
    ],
)
def test_add_months_keeps_day_or_takes_month_end(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


def test_convention_dates() -> None:
    assert confirmation_due(date(2026, 12, 23)) == date(2026, 12, 29)
    assert invoice_expected(date(2026, 11, 30)) == (date(2026, 12, 30), date(2027, 2, 28))
    assert retention_ends(date(2026, 8, 31)) == date(2027, 2, 28)
    assert retention_ends(date(2026, 8, 31), date(2028, 1, 1)) == date(2028, 1, 1)
    # A "longer" date before the six months cannot shorten FK's retention.
    assert retention_ends(date(2026, 8, 31), date(2026, 10, 1)) == date(2027, 2, 28)


def _sent_order(sent: str = "2026-12-23T14:05:00+01:00") -> Order:
    order = Order()
    order.fields["projekt.titel"] = "Test"
    order.sent.append(SentRecord("<m@x>", sent))
    return order


def test_dates_for_uses_send_record_and_longer_retention() -> None:
    order = _sent_order()
    order.fields["gallring.langre"] = True
    order.fields["gallring.till"] = "2028-06-30"
    dates = dates_for(order, [Ev("delivery", date(2027, 3, 15))])
    assert dates.sent == date(2026, 12, 23)
    assert dates.confirmation_due == date(2026, 12, 29)
    assert (dates.invoice_expected_from, dates.invoice_expected_to) == (date(2027, 4, 15), date(2027, 6, 15))
    assert dates.retention_ends == date(2028, 6, 30)
    assert dates.longer_retention_ordered
    order.fields["gallring.langre"] = False
    assert dates_for(order, [Ev("delivery", date(2027, 3, 15))]).retention_ends == date(2027, 9, 15)


def test_draft_has_status_utkast() -> None:
    status, step = status_and_next(Order(), [], date(2026, 11, 22))
    assert status == "Utkast"
    assert step is not None and step.title == "Skicka beställningen"


def test_confirmation_next_then_overdue() -> None:
    order = _sent_order()
    status, step = status_and_next(order, [], date(2026, 12, 28))
    assert status == "Skickad"
    assert step is not None and step.date == date(2026, 12, 29) and not step.overdue
    _, late = status_and_next(order, [], date(2026, 12, 30))
    assert late is not None and late.overdue


def test_timeline_after_decision_reminds_about_key_file() -> None:
    order = _sent_order()
    order.fields["population.nyckelfil"] = True
    events = [Ev("confirmation", date(2026, 12, 28)), Ev("decision", date(2027, 2, 10))]
    entries = timeline(order, events, date(2027, 2, 20))
    assert [e.step.id for e in entries] == list(STEP_IDS)
    states = {e.step.id: e.state for e in entries}
    assert states["sent"] == "done"
    assert states["draft_quote"] == "skipped"  # not recorded, but a later step was
    assert states["key_file"] == "next"
    assert states["delivery"] == "upcoming"
    status, step = status_and_next(order, events, date(2027, 2, 20))
    assert status == "Beslut och offert"
    assert step is not None and "nyckelfil" in step.title.lower()
    key = next(e for e in entries if e.step.id == "key_file")
    assert "rekommenderad post" in key.step.help and "SCB" in key.step.help


def test_without_key_file_the_step_is_skipped() -> None:
    order = _sent_order()
    order.fields["population.nyckelfil"] = False
    events = [Ev("decision", date(2027, 2, 10))]
    states = {e.step.id: e.state for e in timeline(order, events, date(2027, 2, 20))}
    assert states["key_file"] == "skipped"
    assert states["delivery"] == "next"


def test_invoice_overdue_and_retention_done() -> None:
    order = _sent_order()
    events = [Ev("delivery", date(2027, 3, 1))]
    _, step = status_and_next(order, events, date(2027, 6, 2))
    assert step is not None and step.title == "Faktura väntas" and step.overdue
    events.append(Ev("invoice", date(2027, 4, 20)))
    status, step = status_and_next(order, events, date(2027, 9, 1))
    assert status == "Avslutad" and step is None


def test_cli_dates_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["dates", "--sent", "2026-12-23", "--delivered", "2026-08-31", "--json"]) == 2
    capsys.readouterr()
    assert cli_main(["dates", "--sent", "2026-06-18", "--delivered", "2026-08-31", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == {
        "sent": "2026-06-18",
        "delivered": "2026-08-31",
        "confirmation_due": "2026-06-23",
        "invoice_expected_from": "2026-09-30",
        "invoice_expected_to": "2026-11-30",
        "retention_ends": "2027-02-28",
    }


def test_cli_dates_without_delivery_and_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["dates", "--sent", "2026-12-30", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["confirmation_due"] == "2027-01-05"
    assert data["retention_ends"] is None
    assert cli_main(["dates", "--sent", "2026-13-01"]) == 2
    err = capsys.readouterr().err
    assert "ÅÅÅÅ-MM-DD" in err and "Traceback" not in err


@pytest.mark.parametrize("method", ["eml", "mailer", "folder"])
def test_a_draft_or_hand_off_is_not_a_send(method: str) -> None:
    """Saving a draft starts no confirmation clock: only SMTP or the user's recorded 'sent' date counts."""
    order = Order()
    order.fields["projekt.titel"] = "Test"
    order.sent.append(SentRecord("<m@x>", "2026-12-01T10:00:00+01:00", method=method))
    assert dates_for(order).sent is None
    status, step = status_and_next(order, [], date(2026, 12, 20))
    assert status == "Utkast"
    assert step is not None and step.title == "Skicka beställningen"
    # The user sent it from the mail program a week later and records that day.
    events = [Ev("sent", date(2026, 12, 8))]
    assert dates_for(order, events).sent == date(2026, 12, 8)
    assert dates_for(order, events).confirmation_due == date(2026, 12, 10)
    assert status_and_next(order, events, date(2026, 12, 9))[0] == "Skickad"


def test_smtp_record_still_counts_next_to_a_draft() -> None:
    order = _sent_order("2026-12-23T14:05:00+01:00")
    order.sent.insert(0, SentRecord("<d@x>", "2026-12-01T10:00:00+01:00", method="eml"))
    assert dates_for(order).sent == date(2026, 12, 23)
