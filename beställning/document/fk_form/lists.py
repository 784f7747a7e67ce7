"""Benefits and variables as readable lines, for a form that has one field for all of them.

An agency form without a benefits table often has a single "Tidsperiod" or "Förmåner och
perioder" field; it then gets one line per benefit ("Sjuk- och rehabiliteringspenning:
2018-01 – 2025-12"), and a single variables field one line per variable.
"""

from __future__ import annotations

from beställning.order import BenefitRequest, Order


def period_text(benefit: BenefitRequest) -> str:
    """'2018-01 – 2025-12', 'från 2018-01', 'till 2025-12' or ''."""
    if benefit.period_from and benefit.period_to:
        return f"{benefit.period_from} – {benefit.period_to}"
    if benefit.period_from:
        return f"från {benefit.period_from}"
    if benefit.period_to:
        return f"till {benefit.period_to}"
    return ""


def benefit_lines(order: Order) -> str:
    """One line per benefit: its name and period."""
    lines = []
    for benefit in order.benefits:
        name = benefit.name or benefit.benefit
        period = period_text(benefit)
        lines.append(f"{name}: {period}" if period else name)
    return "\n".join(lines)


def variable_lines(order: Order) -> str:
    """One line per chosen variable, with its benefit."""
    names = {b.benefit: b.name for b in order.benefits}
    lines = []
    for pick in order.variables:
        benefit = names.get(pick.benefit, pick.benefit)
        shown = pick.variable or pick.table
        lines.append(f"{shown} ({benefit})" if benefit else shown)
    return "\n".join(lines)
