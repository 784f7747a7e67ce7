"""Render time of each example order to .docx (our own form, with the coverage chart). Target <= 0.3 s."""

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


if __name__ == "__main__":
    main()
