"""Cold start to first shown window: our app against a bare PySide6 QMainWindow started the same way.

Each run is a new Python process timed from spawn until its window has painted for the first time
(then it quits; ui/first_paint.py, the same hook for both). Also measured: until our start page (the
order register) is built, which happens right after the first paint. Prints medians of alternating
runs and the ratio. Target: ratio <= 1.5. Offscreen platform unless DISPLAY is set (e.g. Xvfb).

When the Linux bundle has been built (packaging/build-linux; or BENCH_BUNDLE=path/to/bestallning), the
bundle is timed the same way and printed beside the source run, with each one's peak memory (max RSS).
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
    return run_once([sys.executable, "-c", code], env, until)[0]


def run_once(command: list[str], env: dict[str, str], until: str = "paint") -> tuple[float, float]:
    """Seconds from spawn to exit after the first paint (or the start page), and peak memory in MB."""
    env = {**env, "BESTALLNING_EXIT_AFTER_SHOW": until}
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{command[0]} exited {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def bundle_executable() -> Path | None:
    chosen = os.environ.get("BENCH_BUNDLE")
    if chosen:
        return Path(chosen)
    from beställning import __version__

    built = ROOT / "dist" / f"Bestallningsassistenten-{__version__}" / "bestallning"
    return built if built.is_file() else None


def source_against_bundle(env: dict[str, str], bundle: Path) -> None:
    """The same start, from the source (venv) and from the bundle: time to first paint and peak memory."""
    source_cmd, bundle_cmd = [sys.executable, "-c", OURS], [str(bundle)]
    run_once(bundle_cmd, env)  # warm the file cache
    runs: dict[str, list[tuple[float, float]]] = {"source": [], "bundle": []}
    for _ in range(RUNS):
        runs["source"].append(run_once(source_cmd, env, until="page"))
        runs["bundle"].append(run_once(bundle_cmd, env, until="page"))
    print(f"source vs bundle ({bundle}), start page ready:")
    for name, samples in runs.items():
        seconds = statistics.median(s for s, _m in samples)
        memory = statistics.median(m for _s, m in samples)
        print(f"  {name:6}: median {seconds * 1000:.0f} ms, peak memory {memory:.0f} MB")


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
    bundle = bundle_executable()
    if bundle is None:
        print("bundle: not built (packaging/build-linux), so not measured")
    else:
        source_against_bundle(env, bundle)


if __name__ == "__main__":
    main()
