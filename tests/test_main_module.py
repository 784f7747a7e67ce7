"""`python -m beställning`: without arguments the app starts (as its help says), with arguments the CLI runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_module(args: list[str], home: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BESTALLNING_HOME": str(home), **extra}
    return subprocess.run(
        [sys.executable, "-m", "beställning", *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_without_arguments_the_app_starts(fresh_home: Path) -> None:
    done = run_module([], fresh_home, BESTALLNING_EXIT_AFTER_SHOW="paint", BESTALLNING_LANG="sv")
    assert done.returncode == 0, done.stderr
    assert "first paint: Beställningsassistenten" in done.stdout
    assert (fresh_home / "logs" / "bestallning.log").is_file()


def test_with_arguments_it_is_the_command_line(fresh_home: Path) -> None:
    from beställning import __version__

    done = run_module(["--version"], fresh_home)
    assert done.returncode == 0
    assert done.stdout.strip() == f"bestallning {__version__}"
    assert "PySide6" not in run_module(["dates", "--sent", "2026-06-18"], fresh_home).stderr


def test_the_help_says_no_command_starts_the_app(fresh_home: Path) -> None:
    done = run_module(["--help"], fresh_home)
    assert "Utan kommando startar programmet" in " ".join(done.stdout.split())
