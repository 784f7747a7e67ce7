"""Estimate (kostnadsuppskattning) of FK's work for an order: hours and kronor, low/expected/high.

The figure is an orientation built from the cost model's assumptions, never FK's price: FK always
sends a quote (offert) first. The breakdown names what each part of the order adds, so the user can
see why the estimate moves when the order grows.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from beställning.cost.kinds import BenefitKind, benefit_kind
from beställning.cost.model import ZERO, CostModel, Range, load_model
from beställning.order import Order

if TYPE_CHECKING:
    from beställning.catalog.model import Catalog

KIND_COMPONENT: dict[BenefitKind, str] = {
    "midas": "benefit_midas",
    "payments": "benefit_payments",
    "no_list": "benefit_no_list",
}
KIND_LABEL: dict[BenefitKind, str] = {
    "midas": "MiDAS",
    "payments": "utbetalningsdata med variabellista",
    "no_list": "utan variabellista",
}
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class Part:
    """One cost driver inside a breakdown line: count × hours per unit."""

    component: str
    label: str
    count: float
    hours: Range


@dataclass(frozen=True)
class BreakdownLine:
    """What one part of the order (a benefit, the key file, the base handling …) adds in hours."""

    id: str
    label: str
    hours: Range
    detail: str
    parts: tuple[Part, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class Estimate:
    """The estimate of an order: hours, kronor excl./incl. VAT, the breakdown and its caveats."""

    hours: Range
    sek_excl_vat: Range
    sek_incl_vat: Range
    vat: Range
    rate: float
    rate_valid_from: str
    rate_source: str
    vat_rate: float
    breakdown: tuple[BreakdownLine, ...]
    no_charge: bool
    no_charge_reason: str
    per_extra_delivery_hours: Range | None
    calibration_factor: float
    notes: tuple[str, ...] = ()
    disclaimer: str = ""
    route: str = ""
    assumptions: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data; kronor as whole numbers, hours with one decimal."""
        return {
            "hours": self.hours.as_dict(1),
            "sek_excl_vat": _kr(self.sek_excl_vat),
            "sek_incl_vat": _kr(self.sek_incl_vat),
            "vat_sek": _kr(self.vat),
            "rate_sek_per_hour": self.rate,
            "rate_valid_from": self.rate_valid_from,
            "rate_source": self.rate_source,
            "vat_rate": self.vat_rate,
            "no_charge": self.no_charge,
            "no_charge_reason": self.no_charge_reason,
            "calibration_factor": self.calibration_factor,
            "per_extra_delivery_hours": (
                self.per_extra_delivery_hours.as_dict(1) if self.per_extra_delivery_hours else None
            ),
            "breakdown": [
                {
                    "id": line.id,
                    "label": line.label,
                    "hours": line.hours.as_dict(2),
                    "detail": line.detail,
                    "source": line.source,
                }
                for line in self.breakdown
            ],
            "notes": list(self.notes),
            "disclaimer": self.disclaimer,
        }


def _kr(value: Range) -> dict[str, int]:
    return {"low": round(value.low), "expected": round(value.expected), "high": round(value.high)}


def _h(value: float) -> str:
    """Hours the Swedish way: 0,25 h, 4 h."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + " h"


def period_months(period_from: str, period_to: str) -> int | None:
    """Number of months from `period_from` to `period_to` inclusive (YYYY-MM), or None if not usable."""
    a, b = _MONTH.match(period_from.strip()), _MONTH.match(period_to.strip())
    if not a or not b:
        return None
    start = int(a[1]) * 12 + int(a[2]) - 1
    end = int(b[1]) * 12 + int(b[2]) - 1
    if not (1 <= int(a[2]) <= 12 and 1 <= int(b[2]) <= 12) or end < start:
        return None
    return end - start + 1


def _round_step(value: float, step: float) -> float:
    if step <= 0:
        return value
    return max(step, math.floor(value / step + 0.5) * step)


def _part(model: CostModel, component_id: str, count: float, route: str) -> Part:
    component = model.component(component_id)
    return Part(component_id, component.label, count, component.hours_for(route).scaled(count))


# How a part reads in a breakdown line: (one, many) units; None = the part's own short text.
UNITS: dict[str, tuple[str, str]] = {
    "variable": ("variabel", "variabler"),
    "table": ("tabell", "tabeller"),
    "wish": ("önskemål i fritext", "önskemål i fritext"),
    "years": ("år utöver det första", "år utöver det första"),
}
SHORT: dict[str, str] = {
    "benefit_midas": "grundtid MiDAS",
    "benefit_payments": "grundtid utbetalningsdata",
    "benefit_no_list": "grundtid inkl. FK:s förslag på variabler",
    "variable_choice_help": "hjälp att välja variabler",
}


def _describe(part: Part) -> str:
    per_unit = part.hours.expected / part.count if part.count else 0.0
    if part.component in UNITS:
        one, many = UNITS[part.component]
        unit = one if part.count == 1 else many
        return f"{part.count:g} {unit} × {_h(per_unit)}"
    return f"{SHORT.get(part.component, part.label)} {_h(part.hours.expected)}"


def _line(model: CostModel, line_id: str, label: str, parts: list[Part]) -> BreakdownLine:
    total = ZERO
    for part in parts:
        total = total + part.hours
    detail = " + ".join(_describe(part) for part in parts) if len(parts) > 1 or parts[0].count != 1 else ""
    sources = sorted({model.component(part.component).source for part in parts})
    return BreakdownLine(line_id, label, total, detail, tuple(parts), "; ".join(sources))


def _benefit_lines(order: Order, model: CostModel, notes: list[str], catalog: Catalog | None) -> list[BreakdownLine]:
    route = order.route
    if catalog is None and order.benefits:
        catalog = _catalog_or_none()
    lines: list[BreakdownLine] = []
    picks_by_benefit: dict[str, list[str]] = {}
    for pick in order.variables:
        picks_by_benefit.setdefault(pick.benefit, []).append(pick.kind)
    requested = {b.benefit for b in order.benefits}
    for request in order.benefits:
        kind = benefit_kind(request.benefit, catalog)
        parts = [_part(model, KIND_COMPONENT[kind], 1, route)]
        kinds = picks_by_benefit.get(request.benefit, [])
        variables = sum(1 for k in kinds if k not in ("table", "wish"))
        tables = sum(1 for k in kinds if k == "table")
        wishes = sum(1 for k in kinds if k == "wish") + (1 if request.wishes.strip() else 0)
        if kind != "no_list" and not kinds:
            parts.append(_part(model, "variable_choice_help", 1, route))
        for component_id, count in (("variable", variables), ("table", tables), ("wish", wishes)):
            if count:
                parts.append(_part(model, component_id, count, route))
        months = period_months(request.period_from, request.period_to)
        if months is None:
            notes.append(f"{request.name or request.benefit}: perioden saknas eller är ogiltig; räknat som ett år.")
            months = 12
        extra_years = math.ceil(months / 12) - 1
        if extra_years:
            parts.append(_part(model, "years", extra_years, route))
        name = request.name or request.benefit
        lines.append(_line(model, f"benefit:{request.benefit}", f"{name} ({KIND_LABEL[kind]})", parts))
    orphans = [k for b, ks in picks_by_benefit.items() if b not in requested for k in ks]
    if orphans:
        parts = []
        for component_id, count in (
            ("variable", sum(1 for k in orphans if k not in ("table", "wish"))),
            ("table", sum(1 for k in orphans if k == "table")),
            ("wish", sum(1 for k in orphans if k == "wish")),
        ):
            if count:
                parts.append(_part(model, component_id, count, route))
        lines.append(
            _line(model, "variables:other", "Valda uppgifter för förmåner som inte finns i beställningen", parts)
        )
    return lines


def _catalog_or_none() -> Catalog | None:
    """The catalog once per estimate; None when it cannot be read (the kinds then use the fallback ids)."""
    try:
        from beställning.catalog import load_catalog

        return load_catalog()
    except Exception:  # the catalog is optional for an estimate
        return None


def estimate(
    order: Order,
    model: CostModel | None = None,
    *,
    on: date | None = None,
    catalog: Catalog | None = None,
) -> Estimate:
    """Estimate FK's hours and the charge for `order` with `model` (default: the model in force today).

    `catalog` (default: the catalog as the user sees it) decides each benefit's kind.
    """
    model = model or load_model(on)
    route = order.route
    notes: list[str] = []
    lines = [
        _line(model, "base", model.component("base").label, [_part(model, "base", 1, route)]),
        _line(model, "secrecy", model.component("secrecy").label, [_part(model, "secrecy", 1, route)]),
        _line(model, "delivery", model.component("delivery").label, [_part(model, "delivery", 1, route)]),
    ]
    lines.extend(_benefit_lines(order, model, notes, catalog))
    if not order.benefits:
        notes.append("Inga förmåner är valda ännu; uppskattningen gäller bara grundhanteringen.")
    for flag, component_id in (
        ("population.nyckelfil", "key_file"),
        ("samkorning.ja", "linkage"),
        ("upprepning.ja", "repeat_setup"),
    ):
        if order.flag(flag):
            component = model.component(component_id)
            lines.append(_line(model, component_id, component.label, [_part(model, component_id, 1, route)]))
    subtotal = ZERO
    for line in lines:
        subtotal = subtotal + line.hours
    factor = model.calibration.factor
    if abs(factor - 1.0) > 1e-9:
        cal = model.calibration
        detail = f"× {factor:g}".replace(".", ",")
        if cal.based_on:
            detail += f", grundad på {cal.based_on} offerter"
        if cal.note:
            detail += f" ({cal.note})"
        lines.append(
            BreakdownLine("calibration", "Kalibrering mot verkliga offerter", subtotal.scaled(factor - 1), detail)
        )
    scaled = subtotal.scaled(factor)
    step = model.hours_step
    hours = Range(*(_round_step(v, step) for v in (scaled.low, scaled.expected, scaled.high)))
    extra: Range | None = None
    if order.flag("upprepning.ja"):
        extra = model.component("repeat_delivery").hours_for(route).scaled(factor)
        notes.append(
            "Uppskattningen gäller första leveransen. Varje ytterligare leverans kräver ny "
            f"sekretessprövning, nytt beslut och ny offert: cirka {_h(extra.low)}–{_h(extra.high)} "
            "per leverans."
        )
    no_charge = order.flag(model.no_charge_field)
    reason = ""
    if no_charge:
        grund = order.text(model.no_charge_reason_field).strip()
        reason = "Ingen avgift: Försäkringskassan har särskilt beslutad uppgiftslämnarskyldighet mot beställaren" + (
            f" ({grund})." if grund else ". Ange grunden i beställningen."
        )
    rate = model.rate.sek_per_hour
    excl = ZERO if no_charge else hours.scaled(rate)
    vat = excl.scaled(model.vat_rate)
    return Estimate(
        hours=hours,
        sek_excl_vat=excl,
        sek_incl_vat=excl + vat,
        vat=vat,
        rate=rate,
        rate_valid_from=model.rate.valid_from,
        rate_source=model.rate.source,
        vat_rate=model.vat_rate,
        breakdown=tuple(lines),
        no_charge=no_charge,
        no_charge_reason=reason,
        per_extra_delivery_hours=extra,
        calibration_factor=factor,
        notes=tuple(notes),
        disclaimer=model.disclaimer,
        route=route,
    )
