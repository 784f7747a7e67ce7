"""The cost model file: sources for every parameter, user overrides of rate and calibration."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from beställning import paths
from beställning.cost import (
    CostModelError,
    OverridesError,
    estimate,
    get_calibration,
    load_model,
    set_calibration,
)
from beställning.cost.model import bundled_model_path, user_model_path
from beställning.cost.overrides import add_rate_change, load_overrides, remove_change
from beställning.order import BenefitRequest, Order


def test_bundled_model_documents_every_parameter() -> None:
    data = json.loads(bundled_model_path().read_text(encoding="utf-8"))
    assert data["rate"]["sek_per_hour"] == 850
    assert data["rate"]["valid_from"] == "2025-04-09"
    assert "850 kronor per arbetstimme" in data["rate"]["source"]
    assert data["vat"]["rate"] == 0.25 and data["vat"]["source"]
    for cid, component in data["components"].items():
        assert component["source"] == "antagande" or len(component["source"]) > 20, cid
    assert {t["route"] for t in data["calibration_targets"]} == {"forskning", "statistik"}


def test_load_model_without_overrides() -> None:
    model = load_model(date(2026, 1, 1))
    assert model.rate.sek_per_hour == 850 and not model.rate.overridden
    assert model.vat_rate == 0.25
    assert (
        model.component("secrecy").hours_for("statistik").expected
        < model.component("secrecy").hours_for("forskning").expected
    )


def order() -> Order:
    return Order(benefits=[BenefitRequest("sjuk_rehab", "Sjukpenning", "2020-01", "2024-12")])


def test_rate_change_applies_from_its_date_and_is_kept() -> None:
    add_rate_change(900, "2026-01-01", "Ny prislista")
    assert estimate(order(), on=date(2025, 12, 31)).rate == 850
    est = estimate(order(), on=date(2026, 2, 1))
    assert est.rate == 900 and est.rate_valid_from == "2026-01-01"
    assert est.sek_excl_vat.expected == est.hours.expected * 900
    assert "Ny prislista" in est.rate_source
    history = load_overrides().rates
    assert len(history) == 1 and history[0].recorded
    remove_change("rate", 0)
    assert estimate(order(), on=date(2026, 2, 1)).rate == 850


def test_bad_rate_and_date_are_refused() -> None:
    with pytest.raises(OverridesError, match="Timpriset"):
        add_rate_change(-5, "2026-01-01")
    with pytest.raises(OverridesError, match="ÅÅÅÅ-MM-DD"):
        add_rate_change(900, "1 jan 2026")


def test_calibration_scales_hours_and_shows_in_breakdown() -> None:
    base = estimate(order())
    set_calibration(1.5, "jämförelse med offerter 2026", 4)
    cal = get_calibration()
    assert cal.factor == 1.5 and cal.based_on == 4 and cal.note == "jämförelse med offerter 2026"
    scaled = estimate(order())
    assert scaled.calibration_factor == 1.5
    assert abs(scaled.hours.expected - base.hours.expected * 1.5) <= 0.5
    line = next(line for line in scaled.breakdown if line.id == "calibration")
    assert "4 offerter" in line.detail
    with pytest.raises(OverridesError):
        set_calibration(0, "", 0)


def test_user_model_file_replaces_bundled_one() -> None:
    data = json.loads(bundled_model_path().read_text(encoding="utf-8"))
    data["components"]["base"]["hours"]["forskning"]["expected"] = 4
    user_model_path().write_text(json.dumps(data), encoding="utf-8")
    base = next(line for line in estimate(order()).breakdown if line.id == "base")
    assert base.hours.expected == 4


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["components"]["base"].pop("source"), "saknar källa"),
        (lambda d: d["components"].pop("key_file"), "key_file"),
        (lambda d: d["components"]["variable"]["hours"].update(low=5), "low ≤ expected"),
        (lambda d: d["vat"].update(rate=25), "andel"),
    ],
)
def test_broken_user_model_gives_swedish_message(edit: object, message: str) -> None:
    data = json.loads(bundled_model_path().read_text(encoding="utf-8"))
    edit(data)  # type: ignore[operator]
    user_model_path().write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CostModelError, match=message):
        load_model()


def test_damaged_overrides_file_is_reported(fresh_home: Path) -> None:
    (paths.config_dir() / "cost_overrides.json").write_text("{nej", encoding="utf-8")
    with pytest.raises(OverridesError, match="ta bort den"):
        load_overrides()
