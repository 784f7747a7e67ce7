"""Cost estimate (kostnadsuppskattning) of an order: the model, the user's changes and the estimate.

from beställning.cost import estimate
est = estimate(order)            # est.hours.expected, est.sek_incl_vat.high, est.breakdown
"""

from __future__ import annotations

from beställning.cost.estimate import BreakdownLine, Estimate, estimate
from beställning.cost.model import CostModel, CostModelError, Range, load_model
from beställning.cost.overrides import Calibration, OverridesError, get_calibration, set_calibration

__all__ = [
    "BreakdownLine",
    "Calibration",
    "CostModel",
    "CostModelError",
    "Estimate",
    "OverridesError",
    "Range",
    "estimate",
    "get_calibration",
    "load_model",
    "set_calibration",
]
