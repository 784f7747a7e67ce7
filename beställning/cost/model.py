"""The cost model (kostnadsmodell): hours per part of an order, the hourly rate and VAT, from resources.

The bundled model is `resources/cost/cost_model.json`; every figure there says where it comes from or
that it is our assumption (antagande). A user may put an edited copy at `<config>/cost_model.json`;
changes of the rate entered in the settings and the calibration factor apply on top (see `overrides`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from beställning import paths
from beställning.cost.overrides import Calibration, Overrides, load_overrides

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

ASSUMPTION = "antagande"


class CostModelError(Exception):
    """The cost model file is not usable; the message says which entry and what to do, in Swedish."""


@dataclass(frozen=True)
class Range:
    """Low, expected and high value of an estimate (hours or kronor)."""

    low: float
    expected: float
    high: float

    def __add__(self, other: Range) -> Range:
        return Range(self.low + other.low, self.expected + other.expected, self.high + other.high)

    def scaled(self, factor: float) -> Range:
        return Range(self.low * factor, self.expected * factor, self.high * factor)

    def as_dict(self, digits: int = 1) -> dict[str, float]:
        return {
            "low": round(self.low, digits),
            "expected": round(self.expected, digits),
            "high": round(self.high, digits),
        }


ZERO = Range(0.0, 0.0, 0.0)


@dataclass(frozen=True)
class Component:
    """One cost driver: hours per unit (per order, benefit, variable …), possibly per route."""

    id: str
    label: str
    per: str
    hours: Range
    hours_by_route: dict[str, Range]
    source: str
    note: str = ""

    def hours_for(self, route: str) -> Range:
        return self.hours_by_route.get(route, self.hours)

    @property
    def is_assumption(self) -> bool:
        return self.source.strip().lower() == ASSUMPTION


@dataclass(frozen=True)
class Rate:
    """The hourly rate (timpris) in kronor excl. VAT, with the date it applies from and its source."""

    sek_per_hour: float
    valid_from: str
    source: str
    overridden: bool = False
    note: str = ""


@dataclass(frozen=True)
class CostModel:
    """Everything needed to turn an order into hours and kronor."""

    version: int
    disclaimer: str
    rate: Rate
    vat_rate: float
    vat_source: str
    no_charge_field: str
    no_charge_reason_field: str
    no_charge_source: str
    components: dict[str, Component]
    hours_step: float
    calibration: Calibration = field(default_factory=Calibration)
    targets: tuple[dict[str, Any], ...] = ()
    path: str = ""

    def component(self, component_id: str) -> Component:
        try:
            return self.components[component_id]
        except KeyError as exc:
            raise CostModelError(
                f"Kostnadsmodellen saknar posten '{component_id}'. Använd den inbyggda modellen "
                "eller lägg till posten i din egen cost_model.json."
            ) from exc


REQUIRED_COMPONENTS = (
    "base", "secrecy", "delivery", "benefit_midas", "benefit_payments", "benefit_no_list",
    "variable_choice_help", "variable", "table", "wish", "years", "key_file", "linkage",
    "repeat_setup", "repeat_delivery",
)  # fmt: skip


def bundled_model_path() -> Traversable:
    from resources import resource

    return resource("cost", "cost_model.json")


def user_model_path() -> Path:
    return paths.config_dir() / "cost_model.json"


def _range(raw: Any, where: str) -> Range:
    try:
        low, expected, high = (float(raw[k]) for k in ("low", "expected", "high"))
    except (KeyError, TypeError, ValueError) as exc:
        raise CostModelError(f"{where}: ange timmar som low, expected och high (tal).") from exc
    if not 0 <= low <= expected <= high:
        raise CostModelError(f"{where}: timmarna ska uppfylla 0 ≤ low ≤ expected ≤ high.")
    return Range(low, expected, high)


def _component(component_id: str, raw: Any, source_file: str) -> Component:
    where = f"{source_file}: posten '{component_id}'"
    if not isinstance(raw, dict):
        raise CostModelError(f"{where} ska vara ett objekt.")
    source = str(raw.get("source", "")).strip()
    if not source:
        raise CostModelError(f'{where} saknar källa; ange källan eller skriv "{ASSUMPTION}".')
    hours = raw.get("hours")
    by_route: dict[str, Range] = {}
    if isinstance(hours, dict) and "expected" not in hours:
        by_route = {route: _range(value, f"{where} ({route})") for route, value in hours.items()}
        default = by_route.get("forskning") or next(iter(by_route.values()), None)
        if default is None:
            raise CostModelError(f"{where} saknar timmar.")
    else:
        default = _range(hours, where)
    return Component(
        id=component_id,
        label=str(raw.get("label", component_id)),
        per=str(raw.get("per", "")),
        hours=default,
        hours_by_route=by_route,
        source=source,
        note=str(raw.get("note", "")),
    )


def parse_model(data: Any, source_file: str = "kostnadsmodellen") -> CostModel:
    """Build a CostModel from parsed JSON; raises CostModelError naming the faulty entry."""
    if not isinstance(data, dict):
        raise CostModelError(f"{source_file}: filen ska innehålla ett JSON-objekt.")
    try:
        rate_raw, vat_raw = data["rate"], data["vat"]
        rate = Rate(
            sek_per_hour=float(rate_raw["sek_per_hour"]),
            valid_from=date.fromisoformat(str(rate_raw["valid_from"])).isoformat(),
            source=str(rate_raw["source"]),
        )
        vat_rate = float(vat_raw["rate"])
        no_charge = data.get("no_charge", {})
        raw_components = data["components"]
    except (KeyError, TypeError, ValueError) as exc:
        raise CostModelError(
            f"{source_file}: rate (sek_per_hour, valid_from, source), vat (rate) och components "
            f"måste finnas och vara giltiga ({exc})."
        ) from exc
    if not rate.source.strip():
        raise CostModelError(f"{source_file}: timpriset saknar källa.")
    if not 0 <= vat_rate < 1:
        raise CostModelError(f"{source_file}: momsen anges som andel, t.ex. 0.25 för 25 %.")
    if not isinstance(raw_components, dict):
        raise CostModelError(f"{source_file}: 'components' ska vara ett objekt.")
    components = {cid: _component(cid, raw, source_file) for cid, raw in raw_components.items()}
    missing = [cid for cid in REQUIRED_COMPONENTS if cid not in components]
    if missing:
        raise CostModelError(f"{source_file}: posterna {', '.join(missing)} saknas i 'components'.")
    return CostModel(
        version=int(data.get("model_version", 1)),
        disclaimer=str(data.get("disclaimer", "")),
        rate=rate,
        vat_rate=vat_rate,
        vat_source=str(vat_raw.get("source", "")),
        no_charge_field=str(no_charge.get("field", "faktura.uppgiftslamnarskyldighet")),
        no_charge_reason_field=str(no_charge.get("reason_field", "faktura.uppgiftslamnarskyldighet_grund")),
        no_charge_source=str(no_charge.get("source", "")),
        components=components,
        hours_step=float(data.get("rounding", {}).get("hours_step", 0.5)),
        targets=tuple(data.get("calibration_targets", [])),
        path=source_file,
    )


def read_model_file(path: Path | Traversable) -> CostModel:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CostModelError(f"{path}: kostnadsmodellen kan inte läsas ({exc.strerror}).") from exc
    except ValueError as exc:
        raise CostModelError(f"{path}: kostnadsmodellen är inte giltig JSON ({exc}).") from exc
    return parse_model(data, str(path))


def apply_overrides(model: CostModel, overrides: Overrides, on: date) -> CostModel:
    """The model with the user's rate change in force on `on` and the stored calibration."""
    rate = model.rate
    change = overrides.rate_on(on)
    if change is not None and change.valid_from >= rate.valid_from:
        rate = Rate(
            sek_per_hour=change.sek_per_hour,
            valid_from=change.valid_from,
            source=f"Ändrat av användaren{': ' + change.note if change.note else ''}",
            overridden=True,
            note=change.note,
        )
    return replace(model, rate=rate, calibration=overrides.calibration)


def load_model(on: date | None = None, *, with_overrides: bool = True) -> CostModel:
    """The cost model in force on `on` (default today): the user's file if any, else the bundled one."""
    path = user_model_path()
    model = read_model_file(path if path.exists() else bundled_model_path())
    if not with_overrides:
        return model
    return apply_overrides(model, load_overrides(), on or date.today())
