"""Nothing ends the app silently: errors, Qt's fatal messages, signals and kills all leave a log line,
and the next start tells the user (issue 12: "the app quit without a message or log line").
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from beställning import logs
from tests.conftest import ROOT
from ui import errors


@pytest.fixture(autouse=True)
def closed_log() -> Iterator[None]:
    """Each test logs to its own home's file (beställning.logs starts once per process otherwise)."""
    logs.stop()
    yield
    logs.stop()


def log_text() -> str:
    path = Path(errors.log_file())
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


def start_typing_app(home: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "BESTALLNING_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.typing_app"], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip(), "the app did not start typing"
    return process


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_quits_like_avsluta_and_writes_the_draft(fresh_home: Path) -> None:
    process = start_typing_app(fresh_home)
    time.sleep(0.3)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 0
    text = log_text()
    assert "avslutas av signalen SIGTERM" in text
    assert errors.ENDED in text
    assert not errors.previous_run_ended_unexpectedly()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_killed_run_is_told_at_the_next_start(fresh_home: Path) -> None:
    process = start_typing_app(fresh_home)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=20)
    assert errors.STARTED in log_text()
    assert errors.previous_run_ended_unexpectedly()


def test_qt_fatal_message_is_logged_with_the_stack(fresh_home: Path) -> None:
    script = textwrap.dedent("""
        from PySide6.QtCore import qFatal
        from PySide6.QtWidgets import QApplication
        from ui.errors import install_handler
        app = QApplication([])
        install_handler()
        qFatal("testfel från Qt")
    """)
    env = {**os.environ, "BESTALLNING_HOME": str(fresh_home), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, timeout=60)
    assert result.returncode != 0
    text = log_text()
    assert "testfel från Qt" in text  # PySide logs a Python qFatal's text first, then a placeholder
    assert "Qt avbryter programmet" in text
    assert "Fatal Python error" in text, "faulthandler did not write the crash to the log"


def test_an_error_while_the_message_is_open_is_logged_not_stacked(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def warning(_parent: object, _title: str, text: str) -> None:
        shown.append(text)
        try:
            raise KeyError("andra felet")
        except KeyError:
            errors._hook(*sys.exc_info())  # type: ignore[arg-type]

    monkeypatch.setattr(QMessageBox, "warning", warning)
    errors.install_handler()
    try:
        raise ValueError("första felet")
    except ValueError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    assert len(shown) == 1 and "första felet" in shown[0]
    text = log_text()
    assert "första felet" in text and "andra felet" in text


def test_a_slot_exception_reaches_the_log_and_the_app_goes_on(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QTimer

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    errors.install_handler()

    def slot() -> None:
        raise RuntimeError("fel i en slot")

    QTimer.singleShot(0, slot)
    qtbot.waitUntil(lambda: bool(shown))
    assert "fel i en slot" in log_text()
    assert QApplication.instance() is qapp
