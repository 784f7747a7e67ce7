"""Reminders, calendar export, quote calibration, the start page's rows and `bestallning orders`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from beställning.cli import main as cli_main
from beställning.order import Order, SentRecord
from beställning.register import Register, RegisterError
from beställning.register.calibration import apply_calibration, compare, record_quote
from beställning.register.demo import DEMO, seed_demo
from beställning.register.ics import escape_text, export_ics, fold, order_calendar
from beställning.register.overview import overview
from beställning.register.reminders import reminders_for

TODAY = date(2026, 11, 22)


@dataclass(frozen=True)
class Ev:
    step: str
    date: date


def _sent(day: date, title: str = "Projekt") -> Order:
    order = Order()
    order.fields["projekt.titel"] = title
    order.sent.append(SentRecord("<m@x>", day.isoformat()))
    return order


# --- reminders ---------------------------------------------------------------------------------


def test_confirmation_overdue() -> None:
    order = _sent(date(2026, 12, 23))
    assert reminders_for(order, [], date(2026, 12, 29)) == []
    (reminder,) = reminders_for(order, [], date(2026, 12, 30))
    assert reminder.kind == "confirmation_overdue" and reminder.date == date(2026, 12, 29)
    assert reminders_for(order, [Ev("confirmation", date(2026, 12, 28))], date(2027, 1, 10)) == []


def test_retention_ending_says_whether_longer_was_ordered() -> None:
    order = _sent(date(2026, 1, 5))
    events = [
        Ev("confirmation", date(2026, 1, 7)),
        Ev("delivery", date(2026, 8, 31)),
        Ev("invoice", date(2026, 10, 1)),
    ]
    assert reminders_for(order, events, date(2027, 1, 28)) == []  # 31 days before 2027-02-28
    (reminder,) = reminders_for(order, events, date(2027, 1, 29))
    assert reminder.kind == "retention_ending" and reminder.date == date(2027, 2, 28)
    assert "inte om längre lagring" in reminder.message
    order.fields["gallring.langre"] = True
    order.fields["gallring.till"] = "2027-03-15"
    (longer,) = reminders_for(order, events, date(2027, 3, 1))
    assert longer.date == date(2027, 3, 15) and "bad om längre lagring" in longer.message
    assert reminders_for(order, events, date(2027, 3, 16)) == []


def test_invoice_missing_three_months_after_delivery() -> None:
    order = _sent(date(2026, 1, 5))
    events = [Ev("delivery", date(2026, 5, 31))]
    assert [r.kind for r in reminders_for(order, events, date(2026, 8, 31))] == []
    assert [r.kind for r in reminders_for(order, events, date(2026, 9, 1))] == ["invoice_missing"]
    events.append(Ev("invoice", date(2026, 9, 2)))
    assert reminders_for(order, events, date(2026, 9, 3)) == []


def test_draft_untouched_30_days_and_archived_silent() -> None:
    draft = Order()
    draft.modified = "2026-10-23T10:00:00+02:00"
    assert reminders_for(draft, [], date(2026, 11, 21)) == []
    assert [r.kind for r in reminders_for(draft, [], TODAY)] == ["draft_stale"]
    assert reminders_for(draft, [], TODAY, archived=True) == []


# --- calendar ----------------------------------------------------------------------------------


def test_ics_text_rules() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    long = "SUMMARY:" + "ö" * 60
    folded = fold(long)
    pieces = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(pieces)) == long


def test_order_calendar(tmp_path: Path) -> None:
    order = _sent(date(2026, 12, 23), "Sjukfrånvaro, arbete; och hälsa")
    events = [Ev("delivery", date(2027, 8, 31))]
    text = order_calendar(order, events, stamp=datetime(2026, 12, 1, 12, tzinfo=UTC))
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    unfolded = text.replace("\r\n ", "")
    assert "DTSTART;VALUE=DATE:20261229\r\nDTEND;VALUE=DATE:20261230" in unfolded  # confirmation due
    assert "SUMMARY:FK gallrar levererade filer: Sjukfrånvaro\\, arbete\\; och hälsa" in unfolded
    assert "DTSTART;VALUE=DATE:20280229" in unfolded  # retention, leap-year month end
    assert "DTSTART;VALUE=DATE:20270930\r\nDTEND;VALUE=DATE:20271201" in unfolded  # invoice window
    assert unfolded.count("BEGIN:VEVENT") == unfolded.count("END:VEVENT") == 5
    assert "DTSTAMP:20261201T120000Z" in unfolded
    path = export_ics(order, events, tmp_path / "datum.ics")
    assert path.read_bytes().count(b"\r\n") == path.read_bytes().count(b"\n")


# --- calibration -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hours:
    expected: float


@dataclass(frozen=True)
class _Estimate:
    hours: _Hours
    calibration_factor: float = 1.0


def test_calibration_with_injected_estimator_and_setter() -> None:
    calls: list[tuple[float, str, int]] = []
    with Register() as register:
        ids = []
        for quoted, estimated in ((30, 20), (45, 30), (12, 10)):
            order = _sent(date(2026, 1, 5))
            register.save(order)
            record_quote(register, order.id, quoted, date(2026, 3, 1), lambda o, e=estimated: _Estimate(_Hours(e)))
            ids.append(order.id)
        # an estimate made with a factor already applied counts against the uncalibrated model
        order = _sent(date(2026, 1, 5))
        register.save(order)
        record_quote(register, order.id, 24, date(2026, 3, 2), lambda o: _Estimate(_Hours(24), 1.2))
        summary = compare(register)
        assert sorted(round(c.ratio, 2) for c in summary.comparisons) == [1.0, 1.2, 1.5, 1.5]
        assert summary.median_ratio == pytest.approx(1.35)
        # against the uncalibrated model the fourth ratio is 24 / (24 / 1.2) = 1.2
        assert sorted(round(c.uncalibrated_ratio, 2) for c in summary.comparisons) == [1.2, 1.2, 1.5, 1.5]
        assert summary.suggested_factor == pytest.approx(1.35)
        assert "Föreslagen kalibreringsfaktor: 1,35" in summary.message
        assert apply_calibration(summary, setter=lambda f, n, b: calls.append((f, n, b))) == pytest.approx(1.35)
        assert calls == [(pytest.approx(1.35), "Median av 4 offerter från Försäkringskassan", 4)]


def test_calibration_needs_three_quotes_and_survives_missing_estimator() -> None:
    with Register() as register:
        order = _sent(date(2026, 1, 5))
        register.save(order)

        def broken(o: Order) -> _Estimate:
            raise RuntimeError("no model")

        quote = record_quote(register, order.id, 10, date(2026, 3, 1), broken)
        assert quote.estimated_hours is None
        summary = compare(register)
        assert summary.suggested_factor is None and summary.without_estimate == 1
        with pytest.raises(RegisterError, match="Minst 3"):
            apply_calibration(summary, setter=lambda f, n, b: None)


def test_calibration_with_the_real_cost_model_when_present() -> None:
    from beställning import cost

    with Register() as register:
        order = _sent(date(2026, 1, 5))
        register.save(order)
        quote = record_quote(register, order.id, 30, date(2026, 3, 1))
        assert quote.estimated_hours == pytest.approx(cost.estimate(order).hours.expected)


# --- start page rows, CLI and demo -------------------------------------------------------------


def test_overview_merges_drafts_register_wins() -> None:
    with Register() as register:
        registered = _sent(date(2026, 11, 1), "I registret")
        registered.modified = "2026-11-02T10:00:00+01:00"
        register.save(registered)
        stale_copy = Order(id=registered.id, modified="2026-10-01T10:00:00+02:00")
        stale_copy.fields["projekt.titel"] = "Gammalt utkast"
        draft = Order()
        draft.fields["projekt.titel"] = "Bara utkast"
        rows, problems = overview(register, TODAY, drafts=[stale_copy, draft])
        assert problems == []
        by_title = {r.project: r for r in rows}
        assert set(by_title) == {"I registret", "Bara utkast"}
        assert by_title["Bara utkast"].status == "Utkast" and not by_title["Bara utkast"].in_register
        assert by_title["I registret"].status == "Skickad" and by_title["I registret"].in_register
        # a draft edited after the register entry gives the content; the register still gives the state
        newer = Order(id=registered.id, modified="2026-11-20T10:00:00+01:00")
        newer.fields["projekt.titel"] = "Nytt namn"
        register.set_archived(registered.id)
        rows, _ = overview(register, TODAY, drafts=[newer])
        assert [(r.project, r.status, r.archived) for r in rows] == [("Nytt namn", "Arkiverad", True)]


def test_overview_reads_the_draft_store() -> None:
    from beställning import drafts

    draft = Order()
    draft.fields["projekt.titel"] = "Ur utkastmappen"
    drafts.DraftStore().save(draft)
    with Register() as register:
        rows, _ = overview(register, TODAY)
    assert [r.project for r in rows] == ["Ur utkastmappen"]


def test_demo_has_twenty_orders_in_many_states() -> None:
    with Register() as register:
        ids = seed_demo(register, TODAY)
        rows, problems = overview(register, TODAY, drafts=[])
    assert len(ids) == len(rows) == 20 == len(DEMO) + 1
    assert problems == []
    statuses = {r.status for r in rows}
    assert {"Utkast", "Skickad", "Komplettering", "Levererad", "Avslutad", "Arkiverad"} <= statuses
    assert len(statuses) >= 10
    kinds = {rem.kind for r in rows for rem in r.reminders}
    assert kinds == {"confirmation_overdue", "retention_ending", "invoice_missing", "draft_stale"}


def test_cli_orders_json(capsys: pytest.CaptureFixture[str]) -> None:
    with Register() as register:
        seed_demo(register, date.today())
    assert cli_main(["orders", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["orders"]) == 20
    first = data["orders"][0]
    assert {"id", "route", "project", "orderer", "status", "next_step", "next_date", "reminders"} <= set(first)
    assert cli_main(["orders"]) == 0
    out = capsys.readouterr().out
    assert "Bostadsbidrag och barnfattigdom" in out and "Statistik" in out


def test_demo_dates_are_relative_to_today() -> None:
    with Register() as register:
        seed_demo(register, TODAY - timedelta(days=400))
        rows, _ = overview(register, TODAY - timedelta(days=400), drafts=[])
    assert len(rows) == 20
