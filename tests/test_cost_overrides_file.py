"""A hand-edited overrides file with wrong types or dates gives a clear message, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from beställning.cost.overrides import OverridesError, load_overrides


@pytest.mark.parametrize(
    "data",
    [
        {"rates": [{"sek_per_hour": "900", "valid_from": "2026-01-01"}]},
        {"rates": [{"sek_per_hour": -5, "valid_from": "2026-01-01"}]},
        {"lags": [{"benefit": "sjuk_rehab", "months": "3", "valid_from": "2026-01-01"}]},
        {"lags": [{"benefit": "sjuk_rehab", "months": 3, "valid_from": "2026-13-01"}]},
        {"lags": [{"benefit": "sjuk_rehab", "months": True, "valid_from": "2026-01-01"}]},
        {"calibration": {"factor": "1.2"}},
        {"rates": ["900"]},
    ],
)
def test_bad_overrides_file_is_refused_with_message(tmp_path: Path, data: dict[str, object]) -> None:
    path = tmp_path / "cost_overrides.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(OverridesError, match="kan inte läsas"):
        load_overrides(path)


def test_good_overrides_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "cost_overrides.json"
    path.write_text(json.dumps({"rates": [{"sek_per_hour": 900, "valid_from": "2026-01-01"}]}), encoding="utf-8")
    assert load_overrides(path).rates[0].sek_per_hour == 900
