"""A real app process that types steadily into the first field of section 1 (for the kill -9 test).

Run as `python -m tests.typing_app`; BESTALLNING_HOME chooses the data folder. After each keystroke it
prints "<characters typed> <time.time()>" so the test can tell how old the draft is when the process
is killed. The app is started by `ui.app.run_app`, as the `bestallning` command starts it.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.app import run_app
from ui.main_window import MainWindow

KEY_INTERVAL_MS = 60  # about 16 characters a second, a fast typist who never pauses for 800 ms
TEXT = "Sjukskrivning och återgång i arbete efter föräldraledighet " * 20


def main() -> int:
    """Start the app as `bestallning` does (ui.app.run_app) and type into it once it has started."""
    app = QApplication(sys.argv[:1])
    typed = 0

    def find_window() -> None:
        window = next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow)), None)
        if window is None or not window.pages:
            QTimer.singleShot(50, find_window)
            return
        window.show_page("wizard")
        wizard = window.page("wizard")
        wizard.steps.setCurrentRow(1)  # type: ignore[attr-defined]
        QTimer.singleShot(100, tick)

    def tick() -> None:
        nonlocal typed
        target = QApplication.focusWidget()
        if target is not None:
            QTest.keyClick(target, TEXT[typed % len(TEXT)], Qt.KeyboardModifier.NoModifier)
            typed += 1
            print(typed, time.time(), flush=True)
        QTimer.singleShot(KEY_INTERVAL_MS, tick)

    QTimer.singleShot(0, find_window)
    return run_app([])


if __name__ == "__main__":
    raise SystemExit(main())
