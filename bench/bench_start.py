"""Cold start to first shown window: our app against a bare PySide6 QMainWindow started the same way.

Each run is a new Python process timed from spawn until its window has painted for the first time
(then it quits; ui/first_paint.py, the same hook for both). Also measured: until our start page (the
order register) is built, which happens right after the first paint. Prints medians of alternating
runs and the ratio. Target: ratio <= 1.5. Offscreen platform unless DISPLAY is set (e.g. Xvfb).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_RUNS", "7"))

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
from ui.first_paint import quit_after_first_paint
app = QApplication([])
window = QMainWindow()
window.resize(1180, 780)
window.show()
quit_after_first_paint(app, window)
app.exec()
"""

OURS = "from ui.main import main; raise SystemExit(main([]))"


def time_once(code: str, env: dict[str, str], until: str = "paint") -> float:
    env = {**env, "BESTALLNING_EXIT_AFTER_SHOW": until}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main() -> None:
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["BESTALLNING_HOME"] = tempfile.mkdtemp(prefix="bench-start-")
    env["PYTHONPATH"] = str(ROOT)
    time_once(BARE, env)  # warm the OS file cache for both
    time_once(OURS, env)
    bare, ours, ready = [], [], []
    for _ in range(RUNS):
        bare.append(time_once(BARE, env))
        ours.append(time_once(OURS, env))
        ready.append(time_once(OURS, env, until="page"))
    bare_median, ours_median = statistics.median(bare), statistics.median(ours)
    print(
        f"platform: {env.get('QT_QPA_PLATFORM', 'xcb (DISPLAY=' + env.get('DISPLAY', '') + ')')}, runs: {RUNS}"
    )
    print(f"bare QMainWindow: median {bare_median * 1000:.0f} ms (min {min(bare) * 1000:.0f})")
    print(f"Beställningsassistenten: median {ours_median * 1000:.0f} ms (min {min(ours) * 1000:.0f})")
    print(f"Beställningsassistenten, start page ready: median {statistics.median(ready) * 1000:.0f} ms")
    ratio = ours_median / bare_median
    print(f"start ratio: {ratio:.2f} (target <= 1.5) {'OK' if ratio <= 1.5 else 'OVER TARGET'}")


if __name__ == "__main__":
    main()
