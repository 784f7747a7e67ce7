"""A real app process that types steadily into the first field of section 1 (for the kill -9 test).

Run as `python -m tests.typing_app`; BESTALLNING_HOME chooses the data folder. After each keystroke it
prints "<characters typed> <time.time()>" so the test can tell how old the draft is when the process
is killed. The window, session and autosave are the app's own (ui.app's start-up, not a stub).
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow
from ui.style import STYLE_SHEET

KEY_INTERVAL_MS = 60  # about 16 characters a second, a fast typist who never pauses for 800 ms
TEXT = "Sjukskrivning och återgång i arbete efter föräldraledighet " * 20


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(STYLE_SHEET)
    window = MainWindow()
    typed = 0

    def begin() -> None:
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

    window.started.connect(begin)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
