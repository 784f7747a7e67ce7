"""The log: UTF-8, rotated, in the log folder; CLI errors and hard crashes (faulthandler) end up in it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from beställning import logs
from beställning.cli import main as cli_main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def closed_log() -> Iterator[None]:
    logs.stop()
    yield
    logs.stop()


def test_the_log_lives_in_the_home_override_and_is_utf8(fresh_home: Path) -> None:
    path = logs.start("app")
    assert path == fresh_home / "logs" / "bestallning.log"
    logs.log.info("Beställning åt Örebro universitet")
    text = path.read_bytes().decode("utf-8")
    assert "startar (app)" in text and "Beställning åt Örebro universitet" in text


def test_start_twice_keeps_one_handler(fresh_home: Path) -> None:
    first = logs.start("app")
    second = logs.start("cli")
    assert first == second
    assert sum(1 for h in logs.log.handlers if isinstance(h, logs._Handler)) == 1


def test_a_cli_error_is_printed_and_logged(fresh_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli_main(["check", str(fresh_home / "finns-inte.json")])
    assert code == 2
    assert "finns-inte.json" in capsys.readouterr().err
    text = logs.log_file().read_text(encoding="utf-8")
    assert "bestallning check" in text and "finns-inte.json" in text and "(exit 2)" in text


def test_an_unexpected_cli_error_logs_its_traceback(
    fresh_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from beställning.cli import dates

    def boom(_args: object) -> int:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(dates, "run", boom)
    code = cli_main(["dates", "--sent", "2026-06-18"])
    assert code == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err and str(logs.log_file()) in err
    text = logs.log_file().read_text(encoding="utf-8")
    assert "Traceback" in text and "ZeroDivisionError" in text


CRASH = """
import faulthandler, sys
from beställning import logs
logs.MAX_BYTES = int(sys.argv[1])
logs.start("app", crash_trace=True)
for i in range(int(sys.argv[2])):
    logs.log.info("rad %d: %s", i, "å" * 40)
faulthandler._sigsegv()
"""


@pytest.mark.parametrize("lines", [0, 50], ids=["no rotation", "after rotation"])
def test_a_hard_crash_leaves_its_trace_in_the_current_log(fresh_home: Path, lines: int) -> None:
    env = {**os.environ, "BESTALLNING_HOME": str(fresh_home), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", CRASH, "2000", str(lines)], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0  # it really crashed
    text = (fresh_home / "logs" / "bestallning.log").read_text(encoding="utf-8", errors="replace")
    assert "Fatal Python error: Segmentation fault" in text
    if lines:
        assert (fresh_home / "logs" / "bestallning.log.1").is_file()
        assert len(list((fresh_home / "logs").glob("bestallning.log.*"))) <= logs.BACKUPS
