"""Autosave under steady typing: a real app process killed with SIGKILL keeps a draft at most 2 s old.

Each keystroke restarts the debounce, so without the ceiling a user who never pauses is never saved.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from beställning import paths
from tests.conftest import ROOT

TYPING_SECONDS = 5.0
MAX_AGE_SECONDS = 2.0


def typed_times(output: str) -> dict[int, float]:
    times = {}
    for line in output.splitlines():
        count, _space, stamp = line.partition(" ")
        if count.isdigit():
            times[int(count)] = float(stamp)
    return times


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_kill_after_steady_typing_leaves_a_recent_draft(fresh_home: Path) -> None:
    env = {**os.environ, "BESTALLNING_HOME": str(fresh_home), "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.typing_app"], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()  # the first keystroke: typing has begun
        assert first.strip(), "the app did not start typing"
        time.sleep(TYPING_SECONDS)
        process.send_signal(signal.SIGKILL)
        killed_at = time.time()
        output = first + process.stdout.read()
    finally:
        process.kill()
        process.wait()
    times = typed_times(output)
    assert times[max(times)] > killed_at - 0.5, "typing stopped before the kill"
    drafts = [p for p in paths.drafts_dir().glob("*.json") if p.name != "session.json"]
    assert len(drafts) == 1, "no draft after five seconds of steady typing"
    saved = json.loads(drafts[0].read_text(encoding="utf-8"))
    title = next(v for v in saved["fields"].values() if isinstance(v, str) and v)
    age = killed_at - times[len(title)]
    print(f"draft age at kill: {age:.2f} s ({len(title)} of {max(times)} characters saved)")
    assert age <= MAX_AGE_SECONDS
