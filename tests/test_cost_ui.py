"""The estimate panel, the coverage chart widget and the cost settings, offscreen with pytest-qt."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from beställning.cost.overrides import load_overrides
from beställning.order import BenefitRequest, Order, VariablePick
from ui.chart_widget import CoverageChart
from ui.cost_settings import CostSettings
from ui.estimate_panel import EstimatePanel


def research_order() -> Order:
    order = Order(route="forskning")
    order.benefits = [BenefitRequest("sjuk_rehab", "Sjuk- och rehabiliteringspenning", "2020-01", "2026-09")]
    order.variables = [VariablePick("sjuk_rehab", f"v{i}") for i in range(10)]
    return order


def test_panel_shows_estimate_and_updates_when_order_grows(qtbot: QtBot) -> None:
    panel = EstimatePanel()
    qtbot.addWidget(panel)
    panel.set_as_of(date(2026, 11, 22))
    order = research_order()
    panel.set_order(order)
    panel.flush()
    first = panel.last_estimate
    assert first is not None
    assert panel._total_labels["hours"][1].text() == f"<b>{first.hours.expected:g}\u00a0h</b>".replace(".", ",")
    rows = panel.breakdown.rowCount()
    assert rows == len(first.breakdown)
    order.set("population.nyckelfil", True)
    panel.set_order(order)
    panel.flush()
    second = panel.last_estimate
    assert second is not None and second.hours.expected > first.hours.expected
    assert panel.breakdown.rowCount() == rows + 1
    labels = [panel.breakdown.item(r, 0).text() for r in range(panel.breakdown.rowCount())]
    assert any("nyckelfil" in text for text in labels)


def test_panel_coverage_follows_extraction_date(qtbot: QtBot) -> None:
    panel = EstimatePanel()
    qtbot.addWidget(panel)
    order = Order(benefits=[BenefitRequest("sjuk_rehab", "Sjuk- och rehabiliteringspenning", "2025-01", "2026-04")])
    panel.set_as_of(date(2026, 7, 31))
    panel.set_order(order)
    panel.flush()
    assert panel.last_coverage[0].status == "partial"
    assert "2026-04" in panel.coverage.text() and "Avsluta perioden med 2026-03" in panel.coverage.text()
    panel.set_as_of(date(2026, 8, 1))  # the date edit alone schedules the refresh
    assert panel.pending
    panel.flush()
    assert panel.last_coverage[0].status == "complete"
    assert "hela perioden komplett" in panel.coverage.text()
    layout = panel.chart.chart_layout()
    assert layout is not None and layout.rows[0].incomplete is None


def test_panel_waits_while_hidden_and_debounces_typing(qtbot: QtBot, monkeypatch: object) -> None:
    import ui.estimate_panel as module

    calls: list[int] = []
    real = module.estimate

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "estimate", counting)  # type: ignore[attr-defined]
    panel = EstimatePanel()
    qtbot.addWidget(panel)
    order = research_order()
    for _key in range(10):  # hidden: typing costs nothing
        panel.set_order(order)
    assert calls == [] and panel.pending
    panel.show()  # shown: catches up at once, once
    qtbot.waitExposed(panel)
    assert len(calls) == 1 and not panel.pending
    for _key in range(10):  # visible: ten keystrokes give one recomputation after the pause
        panel.set_order(order)
    assert len(calls) == 1 and panel.pending
    qtbot.waitUntil(lambda: not panel.pending, timeout=5000)
    assert len(calls) == 2


def test_panel_no_charge_and_default_date(qtbot: QtBot) -> None:
    panel = EstimatePanel()
    qtbot.addWidget(panel)
    assert panel.as_of() == date.today()
    order = research_order()
    order.set("faktura.uppgiftslamnarskyldighet", True)
    order.set("faktura.uppgiftslamnarskyldighet_grund", "beslut 2025-03-01")
    panel.set_order(order)
    panel.flush()
    assert "Ingen avgift" in panel.charge.text() and "beslut 2025-03-01" in panel.charge.text()
    assert panel._total_labels["incl"][2].text() == "0\u00a0kr"


def test_chart_widget_hides_without_periods_and_paints(qtbot: QtBot) -> None:
    from beställning.coverage import order_coverage

    chart = CoverageChart()
    qtbot.addWidget(chart)
    chart.resize(800, 200)
    chart.set_coverage([], date(2026, 11, 22))
    assert chart.chart_layout() is None and chart.isHidden()
    coverages = order_coverage(research_order(), date(2026, 11, 22))
    chart.set_coverage(coverages, date(2026, 11, 22))
    layout = chart.chart_layout()
    assert layout is not None and chart.height() == round(layout.height)
    image = chart.grab().toImage()
    assert image.width() == 800
    row = layout.rows[0]
    assert row.complete is not None and row.incomplete is not None
    y = round(row.y + 8 + 8)  # middle of the bar
    complete = image.pixelColor(round((row.complete.x0 + row.complete.x1) / 2), y)
    incomplete = image.pixelColor(round((row.incomplete.x0 + row.incomplete.x1) / 2), y)
    assert complete.green() > complete.red()  # green: complete
    assert incomplete.red() > incomplete.blue()  # orange: incomplete


def test_settings_record_rate_and_lag_changes(qtbot: QtBot) -> None:
    settings = CostSettings()
    qtbot.addWidget(settings)
    settings.rate_value.setValue(920)
    settings.rate_note.setText("Ny prislista")
    with qtbot.waitSignal(settings.changed, timeout=1000):
        settings.save_rate()
    assert settings.rate_history.rowCount() == 1
    assert settings.rate_history.item(0, 2).text() == "Ny prislista"
    assert "920" in settings.rate_current.text()
    index = settings.lag_benefit.findData("sjuk_rehab")
    settings.lag_benefit.setCurrentIndex(index)
    assert settings.lag_months.value() == 3
    settings.lag_months.setValue(4)
    settings.save_lag()
    stored = load_overrides()
    assert [(g.benefit, g.months) for g in stored.lags] == [("sjuk_rehab", 4)]
    assert settings.lag_history.item(0, 0).text() == "Sjuk- och rehabiliteringspenning"
    assert "ändrad" in settings.lag_current.text()
    settings.lag_history.selectRow(0)
    settings._remove("lag", settings.lag_history)
    assert load_overrides().lags == []
    settings._remove("lag", settings.lag_history)
    assert settings.problem.isVisibleTo(settings) and "Markera" in settings.problem.text()
