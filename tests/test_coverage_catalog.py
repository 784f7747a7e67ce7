"""Coverage with the real catalog's lag rules, and the `coverage` and `estimate` commands."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from beställning.cli import main
from beställning.coverage import catalog_lookup, order_coverage
from beställning.order import BenefitRequest, Order


def test_domain_example_with_catalog_rules() -> None:
    order = Order(
        benefits=[
            BenefitRequest("sjuk_rehab", "Sjuk- och rehabiliteringspenning", "2026-01", "2026-12"),
            BenefitRequest("foraldrapenning", "Föräldrapenning", "2026-01", "2026-12"),
            BenefitRequest("sa_ersattning", "Sjuk- och aktivitetsersättning", "2025-01", "2026-12"),
        ]
    )
    result = {c.benefit: c for c in order_coverage(order, date(2026, 11, 22))}
    assert str(result["sjuk_rehab"].complete_through) == "2026-07"
    assert str(result["foraldrapenning"].complete_through) == "2026-07"
    assert str(result["sa_ersattning"].complete_through) == "2026-01"
    assert all(c.lag is not None and not c.lag.estimate for c in result.values())


def test_outside_midas_lags_are_estimates() -> None:
    lookup = catalog_lookup()
    for benefit_id in ("underhallsstod", "omvardnadsbidrag", "vard_utomlands"):
        assert lookup(benefit_id).estimate, benefit_id


def test_cli_coverage_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["coverage", "sjuk_rehab", "--as-of", "2026-08-01", "--from", "2026-01", "--to", "2026-06", "--json"]
    )
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["lag_months"] == 3 and data["complete_through"] == "2026-04"
    assert data["incomplete_months"] == ["2026-05", "2026-06"]
    assert data["complete_from"] == "2026-10-01"


def test_cli_coverage_unknown_benefit_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coverage", "finns_inte", "--as-of", "2026-08-01"]) == 2
    err = capsys.readouterr().err
    assert "Okänd förmån 'finns_inte'" in err and "Traceback" not in err


def test_cli_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coverage", "sjuk_rehab", "--as-of", "2026-02-30"]) == 2
    assert "ÅÅÅÅ-MM-DD" in capsys.readouterr().err


def test_cli_estimate_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    order = Order(
        benefits=[BenefitRequest("sjuk_rehab", "Sjuk- och rehabiliteringspenning", "2020-01", "2026-09")]
    )
    order.set("population.nyckelfil", True)
    path = tmp_path / "o.json"
    order.save(path)
    assert main(["estimate", str(path), "--as-of", "2026-11-22", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("hours", "sek_excl_vat", "sek_incl_vat"):
        assert set(data[key]) == {"low", "expected", "high"}
    assert data["sek_excl_vat"]["expected"] == round(data["hours"]["expected"] * 850)
    assert isinstance(data["breakdown"], list) and data["breakdown"]
    (cov,) = data["coverage"]
    assert cov["benefit"] == "sjuk_rehab" and cov["lag_months"] == 3
    assert cov["complete_through"] == "2026-07"
    assert cov["incomplete_months"] == ["2026-08", "2026-09"]
    assert cov["complete_from"] == "2027-01-01"


def test_cli_estimate_text_and_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    order = Order(benefits=[BenefitRequest("barnbidrag", "Barnbidrag", "2020-01", "2020-12")])
    path = tmp_path / "o.json"
    order.save(path)
    assert main(["estimate", str(path), "--as-of", "2026-11-22"]) == 0
    out = capsys.readouterr().out
    assert "Arbetstid" in out and "orientering" in out and "uppskattning" in out
    assert main(["estimate", str(tmp_path / "saknas.json")]) == 2
    assert "finns inte" in capsys.readouterr().err
