"""Starting the app: QApplication, style, crash recovery of drafts, the main window."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from beställning.drafts import DraftStore, Session
from beställning.order import Order
from ui.errors import install_handler
from ui.i18n import english
from ui.style import STYLE_SHEET


def _offer_recovery(window: object, recovered: list[Order]) -> None:
    """After a crash or a kill: offer the drafts that were open, as they were autosaved."""
    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    order = recovered[0]
    answer = QMessageBox.question(
        window,
        window.tr("Återställ utkast"),
        window.tr(
            "Programmet avslutades oväntat förra gången. Vill du fortsätta med det autosparade utkastet "
            "”%1” (sparat %2)?"
        )
        .replace("%1", order.title())
        .replace("%2", order.modified[:16].replace("T", " ")),
    )
    if answer == QMessageBox.StandardButton.Yes:
        window.open_order(order)


def _install_translation(app: QApplication) -> None:
    """Swedish is the source language; an English translation is loaded when the system asks for it."""
    if not english():
        return
    from beställning import paths

    translator = QTranslator(app)
    if translator.load(str(paths.resource_path("i18n", "bestallning_en.qm"))):
        app.installTranslator(translator)


def run_app(args: list[str]) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0], *args])
    assert isinstance(app, QApplication)
    app.setApplicationName("Beställningsassistenten")
    app.setOrganizationName("Bestallningsassistenten")
    app.setStyleSheet(STYLE_SHEET)
    install_handler()
    _install_translation(app)
    from ui.main_window import MainWindow

    store = DraftStore()
    session = Session(store)
    recovered = session.start()
    window = MainWindow(store, session)
    window.show()
    if os.environ.get("BESTALLNING_EXIT_AFTER_SHOW"):  # used by bench/bench_start.py
        QTimer.singleShot(0, app.quit)
    if recovered:
        QTimer.singleShot(0, lambda: _offer_recovery(window, recovered))
    code = app.exec()
    window.session.flush()
    session.end()
    return code
