"""Shared set-up for tests of the whole window: shown, built, and (when asked) active for the keyboard."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow


def shown_window(qtbot: QtBot, active: bool = False) -> MainWindow:
    """The main window after its first paint (its start page built); `active` gives it keyboard focus."""
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.started, timeout=5000):
        window.show()
    if active:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    return window
