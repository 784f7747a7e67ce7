"""Timing of estimate, coverage, chart layout and PNG rendering for a large order. Prints figures.

Run: .venv/bin/python bench/bench_estimate.py
"""

from __future__ import annotations

import os
import tempfile
import time
from datetime import date

os.environ.setdefault("BESTALLNING_HOME", tempfile.mkdtemp(prefix="bench_estimate_"))

from beställning.chart_png import layout_png, render_coverage_png
from beställning.cost import estimate
from beställning.coverage import order_coverage
from beställning.coverage_chart import layout_chart
from beställning.order import BenefitRequest, Order, VariablePick

IDS = ["sjuk_rehab", "sa_ersattning", "foraldrapenning", "tillfallig_foraldrapenning", "assistansersattning",
       "omvardnadsbidrag", "barnbidrag", "bostadsbidrag", "underhallsstod", "vard_utomlands"]  # fmt: skip


def big_order() -> Order:
    order = Order(route="forskning")
    order.benefits = [BenefitRequest(b, b, "2005-01", "2026-10") for b in IDS]
    order.variables = [VariablePick(b, f"v{i}") for b in IDS for i in range(40)]
    order.set("population.nyckelfil", True)
    return order


def timed(label: str, fn: object, repeat: int = 50) -> None:
    start = time.perf_counter()
    for _ in range(repeat):
        fn()  # type: ignore[operator]
    ms = (time.perf_counter() - start) / repeat * 1000
    print(f"{label:40s} {ms:8.2f} ms")


def main() -> None:
    order, as_of = big_order(), date(2026, 11, 22)
    coverages = order_coverage(order, as_of)
    layout = layout_chart(coverages, as_of, scale=2.0)
    assert layout is not None
    print(f"order: {len(order.benefits)} benefits, {len(order.variables)} variables, 2005-01..2026-10")
    timed("estimate", lambda: estimate(order))
    timed("order_coverage", lambda: order_coverage(order, as_of))
    timed("layout_chart (2x)", lambda: layout_chart(coverages, as_of, scale=2.0))
    timed("layout_png (draw + encode)", lambda: layout_png(layout), repeat=10)
    timed("render_coverage_png (all)", lambda: render_coverage_png(order, as_of), repeat=10)
    png = render_coverage_png(order, as_of) or b""
    print(f"PNG size {len(png) / 1024:.0f} kB, {round(layout.width)}x{round(layout.height)} px")


if __name__ == "__main__":
    main()
