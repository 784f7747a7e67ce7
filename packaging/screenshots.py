"""The README's screenshots, taken from the real app in a real window (Xvfb) with the example order.

    Xvfb :34 -screen 0 1280x800x24 &
    DISPLAY=:34 BESTALLNING_HOME=$(mktemp -d) BESTALLNING_LANG=sv \
        .venv/bin/python packaging/screenshots.py docs/screenshots

BESTALLNING_HOME must be an empty folder: the example order is put in its register.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QTableView, QWidget

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "forskning.json"


def main(out: Path) -> int:
    import ui.app as app_module
    from beställning.order import load_order
    from beställning.register import Register
    from ui.about_dialog import AboutBox
    from ui.help_page import HelpDialog
    from ui.main_window import MainWindow
    from ui.style import STYLE_SHEET

    out = out.resolve()  # before the chdir below
    out.mkdir(parents=True, exist_ok=True)
    os.chdir(EXAMPLE.parent)  # the example's attachments are relative (bilagor/)
    app = QApplication(["bestallning"])
    app.setApplicationName("Beställningsassistenten")
    app.setStyleSheet(STYLE_SHEET)
    app_module._install_translation(app)
    app_module._set_icon(app)
    order = load_order(EXAMPLE)
    with Register() as register:
        register.save(order)
    window = MainWindow()
    window.show()

    def grab(widget: QWidget, name: str) -> None:
        app.processEvents()
        widget.grab().save(str(out / name))

    def click(page: QWidget, text: str) -> None:
        for button in page.findChildren(QPushButton):
            if button.text().replace("&", "") == text:
                button.click()

    def register_page() -> None:
        window.show_page("register")
        views = window.page("register").findChildren(QTableView)
        if views:
            views[0].selectRow(0)

    def dialog(make: Callable[[QWidget], QDialog], name: str) -> Callable[[], None]:
        def show() -> None:
            shown = make(window)
            shown.show()
            QTimer.singleShot(800, lambda: (grab(shown, name), shown.close()))

        return show

    steps: list[tuple[Callable[[], None], int]] = [
        (lambda: window.open_order(order, EXAMPLE), 1500),
        (lambda: window.page("wizard").steps.setCurrentRow(4), 1000),  # type: ignore[attr-defined]
        (lambda: grab(window, "bestallning.png"), 300),
        (lambda: window.show_page("catalog"), 1500),
        (lambda: grab(window, "variabelkatalog.png"), 300),
        (lambda: window.show_page("send"), 1500),
        (lambda: click(window.page("send"), "Granska paketet"), 4000),
        (lambda: grab(window, "skicka.png"), 300),
        (register_page, 1500),
        (lambda: grab(window, "bestallningar.png"), 300),
        (dialog(HelpDialog, "hjalp.png"), 1500),
        (dialog(AboutBox, "om.png"), 1500),
    ]

    def run_next() -> None:
        if not steps:
            app.quit()
            return
        step, delay = steps.pop(0)
        step()
        QTimer.singleShot(delay, run_next)

    QTimer.singleShot(800, run_next)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
