"""Render time of each example order to .docx (our own form, with the coverage chart). Target <= 0.3 s.

Also the time to fill FK's own form: each example order into each agency-style test template
(tests/fk_templates.py), prepared in memory and saved. Target <= 0.5 s.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from beställning.document.render import render_order  # noqa: E402
from beställning.order import load_order  # noqa: E402

RUNS = 10


def main() -> None:
    out_dir = Path(tempfile.mkdtemp(prefix="bench-render-"))
    for path in sorted((ROOT / "examples").glob("*.json")):
        order = load_order(path)
        render_order(order, out_dir / "warm.docx", as_of=date(2026, 11, 23))
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            render_order(order, out_dir / f"{path.stem}.docx", as_of=date(2026, 11, 23))
            times.append(time.perf_counter() - start)
        worst = max(times)
        print(
            f"{path.name}: median {statistics.median(times) * 1000:.0f} ms, max {worst * 1000:.0f} ms "
            f"(target <= 300 ms) {'OK' if worst <= 0.3 else 'OVER TARGET'}"
        )
    fill_fk(out_dir)


def fill_fk(out_dir: Path) -> None:
    from beställning.document.fk_form import fill_fk_form
    from tests import fk_templates

    for kind in sorted(k for k in fk_templates.BUILDERS if k.startswith("agency_")):
        template = fk_templates.BUILDERS[kind](out_dir / f"{kind}.docx")
        for path in sorted((ROOT / "examples").glob("*.json")):
            order = load_order(path)
            times = []
            for _ in range(RUNS):
                start = time.perf_counter()
                fill_fk_form(order, template, out_dir / f"{kind}_{path.stem}.docx")
                times.append(time.perf_counter() - start)
            worst = max(times)
            print(
                f"fill {kind} with {path.name}: median {statistics.median(times) * 1000:.0f} ms, "
                f"max {worst * 1000:.0f} ms (target <= 500 ms) {'OK' if worst <= 0.5 else 'OVER TARGET'}"
            )


if __name__ == "__main__":
    main()
