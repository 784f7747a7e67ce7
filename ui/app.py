"""Starting the app: QApplication, style, crash recovery of drafts, the main window."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.errors import (
    ENDED,
    install_handler,
    install_signal_handlers,
    log,
    log_file,
    previous_run_ended_unexpectedly,
)
from ui.i18n import english
from ui.main_window import MainWindow
from ui.style import apply_style
from ui.wheel_guard import install_wheel_guard


def _start_recovery(window: MainWindow, ended_unexpectedly: bool = False) -> None:
    """After the first paint: mark this session, and offer the drafts a crashed session left open.

    With no draft to offer, an unexpected end of the last run is still told (in the status bar), so
    an app that vanished is never silent about it.
    """
    from beställning.drafts import DraftStore, Session

    marker = Session(DraftStore())
    recovered = marker.start()
    window.set_session_marker(marker)
    window.repository.clean_up()  # leftovers of interrupted saves, the wastebasket's old orders (logged)
    if not recovered:
        if ended_unexpectedly:
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "Programmet avslutades oväntat förra gången. Detaljer finns i loggfilen %1."
                ).replace("%1", log_file()),
                15000,
            )
        return
    order = max(recovered, key=lambda o: o.modified)  # the most recent; the others stay on the start page
    saved = order.modified[:16].replace("T", " ")
    text = QCoreApplication.translate(
        "MainWindow",
        "Programmet avslutades oväntat förra gången. Vill du fortsätta med det autosparade utkastet ”%1” (sparat %2)?",
    )
    if len(recovered) > 1:
        text = QCoreApplication.translate(
            "MainWindow",
            "Programmet avslutades oväntat förra gången med %3 utkast öppna. Vill du fortsätta med det senast "
            "ändrade, ”%1” (sparat %2)? De andra finns kvar bland beställningarna på startsidan.",
        ).replace("%3", str(len(recovered)))
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("MainWindow", "Återställ utkast"),
        text.replace("%1", order.title()).replace("%2", saved),
    )
    if answer == QMessageBox.StandardButton.Yes:
        window.open_order(order)


def qt_translations_dir() -> str:
    """Where Qt's own translations are: Qt's library info, or PySide6's folder (a bundle, a wheel)."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if os.path.isfile(os.path.join(folder, "qtbase_sv.qm")):
        return folder
    import PySide6

    return os.path.join(os.path.dirname(PySide6.__file__), "Qt", "translations")


def _install_translation(app: QApplication) -> None:
    """Swedish is our source language; Qt's own texts (dialog buttons, file dialogs) are English.

    In Swedish, Qt's `qtbase_sv` makes QMessageBox and QFileDialog say Ja, Nej, Spara, Avbryt; in
    English, our `bestallning_en` translates our texts and Qt needs nothing.
    """
    if not english():
        qt = QTranslator(app)
        if qt.load("qtbase_sv", qt_translations_dir()):
            app.installTranslator(qt)
        return
    from resources import as_file

    translator = QTranslator(app)
    with as_file("i18n", "bestallning_en.qm") as path:
        if translator.load(str(path)):
            app.installTranslator(translator)


def _set_icon(app: QApplication) -> None:
    """The window icon (Linux shows it in the title bar and task bar; Windows and macOS take the bundle's)."""
    from PySide6.QtGui import QIcon, QPixmap

    from resources import resource

    pixmap = QPixmap()
    if pixmap.loadFromData(resource("icons", "bestallning.png").read_bytes(), "PNG"):
        app.setWindowIcon(QIcon(pixmap))


def run_app(args: list[str]) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0], *args])
    assert isinstance(app, QApplication)
    app.setApplicationName("Beställningsassistenten")
    app.setOrganizationName("Bestallningsassistenten")
    apply_style(app)
    ended_unexpectedly = previous_run_ended_unexpectedly()
    install_handler()
    install_wheel_guard(app)
    _install_translation(app)
    _set_icon(app)
    window = MainWindow()
    window.started.connect(lambda: _start_recovery(window, ended_unexpectedly))
    wake = install_signal_handlers(window.close)
    window.show()
    if os.environ.get("BESTALLNING_EXIT_AFTER_SHOW"):  # used by bench/bench_start.py
        from ui.first_paint import quit_after_first_paint

        quit_after_first_paint(app, window, os.environ["BESTALLNING_EXIT_AFTER_SHOW"])
    code = app.exec()
    window.close_session()
    if wake is not None:
        wake.stop()
    log.info("%s (kod %s)", ENDED, code)
    return code
