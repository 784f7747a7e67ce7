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


def store_big_list(rows: int = 20_000) -> None:
    """An imported official list of `rows` variables for sjuk_rehab, as the import would leave it."""
    from beställning.catalog.model import Variable
    from beställning.catalog.store import ImportStore

    variables = tuple(
        Variable(id=f"sjuk_rehab:V{i}", benefit_id="sjuk_rehab", table=f"T{i % 40}", name=f"V{i}",
                 description=f"Variabel {i} med en beskrivning", type="num")
        for i in range(rows)
    )  # fmt: skip
    source = os.path.join(os.environ["BESTALLNING_HOME"], "big.xlsx")
    with open(source, "wb") as fh:
        fh.write(b"bench")
    ImportStore().save("sjuk_rehab", variables, source, "0" * 64)  # type: ignore[arg-type]


def bench_keystroke_with_big_list(order: Order, as_of: date) -> None:
    """What the estimate panel does per refresh, with a 20,000-row imported list (target < 30 ms)."""
    from beställning.catalog import load_catalog
    from beställning.catalog.loader import invalidate

    store_big_list()

    def uncached() -> None:
        invalidate()
        estimate(order)
        invalidate()
        order_coverage(order, as_of)

    def panel_refresh() -> None:
        catalog = load_catalog()
        estimate(order, catalog=catalog)
        order_coverage(order, as_of, catalog=catalog)

    print("with a 20 000-row imported list for sjuk_rehab:")
    timed("  estimate + coverage, catalog re-read", uncached, repeat=5)
    load_catalog()
    timed("  estimate + coverage, cached (target < 30)", panel_refresh)


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
    bench_keystroke_with_big_list(order, as_of)


if __name__ == "__main__":
    main()
