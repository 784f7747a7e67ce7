"""Writing the filled form from the app: our own form, or FK's own Word form filled in.

Both run off the GUI thread on a copy of the order, so the user can keep typing. While one runs, the
window's render and fill actions are disabled and a busy bar shows in the status bar, so the same
form is not written twice at once; both are restored whether the work succeeds or fails.
"""

from __future__ import annotations

import copy
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMessageBox, QProgressBar

from beställning.order import Order
from ui.save_dialog import ask_save_path, suggested_path
from ui.workers import Report, run_in_background

BUSY_PROPERTY = "documentBusy"
BUSY_BAR_NAME = "documentBusyBar"
DOCUMENT_ACTIONS = ("render", "fill_fk")

log = logging.getLogger("bestallning")


def is_busy(window: QMainWindow) -> bool:
    return bool(window.property(BUSY_PROPERTY))


def _start_busy(window: QMainWindow, message: str) -> None:
    """Disable the document actions and show a busy bar with `message` until `_end_busy`."""
    window.setProperty(BUSY_PROPERTY, True)
    for name in DOCUMENT_ACTIONS:
        action = getattr(window, "actions_by_name", {}).get(name)
        if action is not None:
            action.setEnabled(False)
    bar = QProgressBar()
    bar.setObjectName(BUSY_BAR_NAME)
    bar.setRange(0, 0)  # busy: no fraction to show
    bar.setMaximumWidth(160)
    bar.setAccessibleName(message)
    window.statusBar().addPermanentWidget(bar)
    window.statusBar().showMessage(message)


def _end_busy(window: QMainWindow) -> None:
    window.setProperty(BUSY_PROPERTY, False)
    for name in DOCUMENT_ACTIONS:
        action = getattr(window, "actions_by_name", {}).get(name)
        if action is not None:
            action.setEnabled(True)
    bar = window.statusBar().findChild(QProgressBar, BUSY_BAR_NAME)
    if bar is not None:
        window.statusBar().removeWidget(bar)
        bar.setParent(None)  # gone from the status bar now, deleted once the event loop runs
        bar.deleteLater()
    window.statusBar().clearMessage()


def _refuse_if_busy(window: QMainWindow) -> bool:
    if is_busy(window):
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Blanketten skrivs redan. Vänta tills den är klar."), 5000
        )
        return True
    return False


def _ask_output(window: QMainWindow, order: Order, suffix: str = "") -> Path | None:
    name = QCoreApplication.translate("MainWindow", "Beställning – %1").replace("%1", order.title())
    return ask_save_path(
        window,
        QCoreApplication.translate("MainWindow", "Spara blanketten"),
        suggested_path(name + suffix, ".docx"),
        QCoreApplication.translate("MainWindow", "Word-dokument (*.docx)"),
    )


def _done(window: QMainWindow, path: Path, message: str) -> None:
    _end_busy(window)
    window.statusBar().showMessage(message, 8000)
    answer = QMessageBox.information(
        window,
        QCoreApplication.translate("MainWindow", "Blanketten är klar"),
        message + "\n\n" + QCoreApplication.translate("MainWindow", "Vill du öppna den?"),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
    )
    if answer == QMessageBox.StandardButton.Open:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def failure_message(error: BaseException) -> str:
    """A Swedish message for the user: the domain's own text, the file error, or a calm generic one."""
    from beställning.document.fk_form.open import TemplateError
    from beställning.order import OrderFileError

    if isinstance(error, TemplateError | OrderFileError):
        return str(error)
    if isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        return QCoreApplication.translate(
            "MainWindow",
            "Filen kunde inte skrivas: %1. Kontrollera att mappen finns, att du får skriva i den och att "
            "filen inte är öppen i Word.",
        ).replace("%1", (error.strerror or str(error)) + where)
    from ui.errors import log_file

    return QCoreApplication.translate(
        "MainWindow",
        "Något oväntat gick fel när blanketten skrevs. Försök igen; om felet kvarstår finns detaljerna i loggfilen %1.",
    ).replace("%1", log_file())


def _failed(window: QMainWindow, error: BaseException) -> None:
    _end_busy(window)
    log.error("Blanketten kunde inte skrivas: %r\n%s", error, "".join(getattr(error, "__notes__", [])))
    window.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Blanketten kunde inte skrivas."), 8000)
    QMessageBox.warning(
        window, QCoreApplication.translate("MainWindow", "Blanketten kunde inte skrivas"), failure_message(error)
    )


def render_form(window: QMainWindow, order: Order) -> None:
    """Ask where, then write our own filled form in the background."""
    if _refuse_if_busy(window):
        return
    out = _ask_output(window, order)
    if out is None:
        return
    snapshot = copy.deepcopy(order)

    def work(report: Report) -> Path:
        from beställning.document.render import render_order

        report(0.1, "Skriver blanketten")
        render_order(snapshot, out)
        return out

    _start_busy(window, QCoreApplication.translate("MainWindow", "Skriver blanketten…"))
    run_in_background(
        work,
        on_success=lambda path: _done(window, path, QCoreApplication.translate("MainWindow", "Skrev ") + str(path)),
        on_failure=lambda exc: _failed(window, exc),
        on_cancelled=lambda: _end_busy(window),
        parent=window,
    )


def fill_fk_form(window: QMainWindow, order: Order) -> None:
    """Ask for FK's Word form, fill it in the background, show what went where, then save if asked.

    The report (and a warning when the form is for the other route) is shown before anything is
    written; only when the user chooses Spara is the output asked for and the document written.
    """
    if _refuse_if_busy(window):
        return
    template, _filter = QFileDialog.getOpenFileName(
        window,
        QCoreApplication.translate("MainWindow", "Välj Försäkringskassans blankett"),
        str(Path.home()),
        QCoreApplication.translate("MainWindow", "Word-dokument (*.docx)"),
    )
    if not template:
        return
    snapshot = copy.deepcopy(order)

    def work(report: Report) -> object:
        from beställning.document.fk_form.fill import prepare_fill

        report(0.1, "Fyller i blanketten")
        return prepare_fill(snapshot, Path(template))

    def review(result: object) -> None:
        from beställning.document.fk_form.fill import PreparedFill
        from ui.fill_report_dialog import FillReportDialog

        _end_busy(window)
        assert isinstance(result, PreparedFill)
        window.statusBar().showMessage(result.report.summary(), 10000)
        dialog = FillReportDialog(result.report, window, before_saving=True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            window.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Blanketten sparades inte."), 5000)
            return
        save_prepared(window, order, result)

    _start_busy(window, QCoreApplication.translate("MainWindow", "Fyller i Försäkringskassans blankett…"))
    run_in_background(
        work,
        on_success=review,
        on_failure=lambda exc: _failed(window, exc),
        on_cancelled=lambda: _end_busy(window),
        parent=window,
    )


def save_prepared(window: QMainWindow, order: Order, prepared: object) -> None:
    """Ask where, then write the filled FK form in the background."""
    from beställning.document.fk_form.fill import PreparedFill

    assert isinstance(prepared, PreparedFill)
    out = _ask_output(window, order, QCoreApplication.translate("MainWindow", " (FK:s blankett)"))
    if out is None:
        return
    if out.resolve() == prepared.report.template.resolve():
        QMessageBox.warning(
            window,
            QCoreApplication.translate("MainWindow", "Blanketten kunde inte skrivas"),
            QCoreApplication.translate(
                "MainWindow", "Välj ett annat filnamn: den ifyllda blanketten får inte ersätta Försäkringskassans mall."
            ),
        )
        return

    def work(report: Report) -> Path:
        report(0.5, "Sparar blanketten")
        prepared.save(out)
        return out

    def done(path: Path) -> None:
        _done(
            window,
            path,
            QCoreApplication.translate("MainWindow", "Skrev ") + str(path) + ". " + prepared.report.summary(),
        )

    _start_busy(window, QCoreApplication.translate("MainWindow", "Sparar blanketten…"))
    run_in_background(
        work,
        on_success=done,
        on_failure=lambda exc: _failed(window, exc),
        on_cancelled=lambda: _end_busy(window),
        parent=window,
    )
