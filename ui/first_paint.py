"""For the start benchmark: quit once the window has painted, or once the start page is ready too.

Both our app and the bare QMainWindow in bench/bench_start.py use this, so they are measured the same way.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMainWindow, QStackedWidget


class _FirstPaint(QObject):
    def __init__(self, app: QApplication, window: QMainWindow, until: str) -> None:
        super().__init__(window)
        self.app, self.window, self.until = app, window, until

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self._check)
        return False

    def _check(self) -> None:
        if self.until != "page" or self._page_ready():
            # Leave at once: timers already due (our start page) must not run inside the measurement.
            # One line for packaging/smoke: the window's title and a button text of Qt's own (qtbase_sv).
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
            cancel = buttons.buttons()[0].text().replace("&", "")
            print(f"first paint: {self.window.windowTitle()} | Qt: {cancel}")
            sys.stdout.flush()
            os._exit(0)
        else:
            QTimer.singleShot(1, self._check)

    def _page_ready(self) -> bool:
        stack = self.window.findChild(QStackedWidget)
        pages = getattr(self.window, "pages", None)
        return stack is None or bool(pages)


def quit_after_first_paint(app: QApplication, window: QMainWindow, until: str = "paint") -> None:
    """Quit after the window's first paint (`until="paint"`) or when its first page exists (`"page"`)."""
    window.installEventFilter(_FirstPaint(app, window, until))
