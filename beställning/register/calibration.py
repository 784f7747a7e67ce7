"""Quote calibration (kalibrering mot offerter): learn from FK's real quotes how good the estimates are.

When FK's quote (offert) arrives, the user enters its hours; the register keeps them beside the
app's estimate at that time and the cost model's calibration factor then in force. Comparing the
two over past orders gives a suggested factor; only when the user agrees is it handed to the cost
model (`beställning.cost.set_calibration`). The cost model is imported lazily and can be replaced
by any estimator, so the register works and is testable without it.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from beställning.order import Order
from beställning.register.store import Quote, Register, RegisterError

MIN_QUOTES = 3


class _Hours(Protocol):
    @property
    def expected(self) -> float: ...


class EstimateLike(Protocol):
    """What the register needs from an estimate: expected hours and the factor applied to them."""

    @property
    def hours(self) -> _Hours: ...

    @property
    def calibration_factor(self) -> float: ...


Estimator = Callable[[Order], EstimateLike]
CalibrationSetter = Callable[[float, str, int], None]


def default_estimator() -> Estimator | None:
    """The cost model's `estimate`, or None when it is not installed (yet)."""
    try:
        from beställning.cost import estimate
    except ImportError:
        return None
    return estimate


def estimate_now(order: Order, estimator: Estimator | None = None) -> tuple[float, float] | None:
    """(expected hours, calibration factor) of the app's estimate for `order`, or None if unavailable."""
    estimator = estimator or default_estimator()
    if estimator is None:
        return None
    try:
        result = estimator(order)
        return float(result.hours.expected), float(getattr(result, "calibration_factor", 1.0) or 1.0)
    except Exception:  # an estimate that cannot be made must not stop the quote from being recorded
        return None


def record_quote(
    register: Register,
    order_id: str,
    quoted_hours: float,
    quote_date: date,
    estimator: Estimator | None = None,
) -> Quote:
    """Store FK's quoted hours with the app's estimate for the same order now."""
    order = register.load_order(order_id)
    estimated = estimate_now(order, estimator)
    hours, factor = estimated if estimated else (None, 1.0)
    return register.set_quote(order_id, quoted_hours, hours, quote_date, factor)


@dataclass(frozen=True)
class Comparison:
    """One order's quote beside its estimate."""

    order_id: str
    title: str
    quote_date: date
    quoted_hours: float
    estimated_hours: float
    factor: float

    @property
    def ratio(self) -> float:
        """Quoted hours over estimated hours (1.0 = the estimate was right)."""
        return self.quoted_hours / self.estimated_hours

    @property
    def uncalibrated_ratio(self) -> float:
        """Quoted hours over the model's hours before calibration."""
        return self.quoted_hours / (self.estimated_hours / self.factor)


@dataclass(frozen=True)
class CalibrationSummary:
    """How the estimates compared with FK's quotes, and the factor they suggest."""

    comparisons: tuple[Comparison, ...]
    without_estimate: int
    median_ratio: float | None
    suggested_factor: float | None
    message: str


def _num(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


# The last comparison per register file, keyed on the quotes it was made from: comparing reads every
# quoted order's file (for its title), and the start page asks again whenever it redraws an order.
_compared: dict[str, tuple[tuple[Quote, ...], CalibrationSummary]] = {}


def compare(register: Register) -> CalibrationSummary:
    """Compare every recorded quote with its estimate; suggest a factor from MIN_QUOTES quotes on.

    Cached until the register's quotes change (a new, changed or deleted quote gives a new answer).
    """
    quotes = tuple(register.quotes())
    key = str(register.path)
    cached = _compared.get(key)
    if cached is not None and cached[0] == quotes:
        return cached[1]
    summary = _compare(register, quotes)
    _compared[key] = (quotes, summary)
    return summary


def _compare(register: Register, quotes: tuple[Quote, ...]) -> CalibrationSummary:
    comparisons: list[Comparison] = []
    missing = 0
    for quote in quotes:
        if quote.estimated_hours is None or quote.estimated_hours <= 0:
            missing += 1
            continue
        try:
            title = register.load_order(quote.order_id).title()
        except RegisterError:
            title = quote.order_id
        comparisons.append(
            Comparison(
                quote.order_id,
                title,
                quote.quote_date,
                quote.quoted_hours,
                quote.estimated_hours,
                quote.factor,
            )
        )
    if not comparisons:
        return CalibrationSummary((), missing, None, None, "Inga offerter med uppskattning är registrerade ännu.")
    median = statistics.median(c.ratio for c in comparisons)
    low, high = min(c.ratio for c in comparisons), max(c.ratio for c in comparisons)
    text = (
        f"{len(comparisons)} offerter: FK:s timmar var i mittenfallet {_num(median)} gånger uppskattningen "
        f"(från {_num(low)} till {_num(high)})."
    )
    suggested: float | None = None
    if len(comparisons) >= MIN_QUOTES:
        suggested = round(statistics.median(c.uncalibrated_ratio for c in comparisons), 2)
        text += f" Föreslagen kalibreringsfaktor: {_num(suggested)}."
    else:
        text += f" Minst {MIN_QUOTES} offerter behövs för att föreslå en kalibrering."
    return CalibrationSummary(tuple(comparisons), missing, median, suggested, text)


def apply_calibration(summary: CalibrationSummary, note: str = "", setter: CalibrationSetter | None = None) -> float:
    """Hand the suggested factor to the cost model; call only after the user has agreed."""
    if summary.suggested_factor is None:
        raise RegisterError(f"Minst {MIN_QUOTES} offerter med uppskattning behövs för att kalibrera.")
    if setter is None:
        try:
            from beställning.cost import set_calibration
        except ImportError as exc:
            raise RegisterError(
                "Kostnadsmodellen finns inte i den här versionen; kalibreringen sparades inte."
            ) from exc
        setter = set_calibration
    text = note or f"Median av {len(summary.comparisons)} offerter från Försäkringskassan"
    setter(summary.suggested_factor, text, len(summary.comparisons))
    return summary.suggested_factor
