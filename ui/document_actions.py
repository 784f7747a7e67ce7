"""Writing the filled form from the app: our own form, or FK's own Word form filled in.

Both run off the GUI thread on a copy of the order, so the user can keep typing.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from beställning.order import Order
from ui.save_dialog import ask_save_path, suggested_path
from ui.workers import Report, run_in_background


def _ask_output(window: QMainWindow, order: Order, suffix: str = "") -> Path | None:
    name = QCoreApplication.translate("MainWindow", "Beställning – %1").replace("%1", order.title())
    return ask_save_path(
        window,
        QCoreApplication.translate("MainWindow", "Spara blanketten"),
        suggested_path(name + suffix, ".docx"),
        QCoreApplication.translate("MainWindow", "Word-dokument (*.docx)"),
    )


def _done(window: QMainWindow, path: Path, message: str) -> None:
    window.statusBar().showMessage(message, 8000)
    answer = QMessageBox.information(
        window,
        QCoreApplication.translate("MainWindow", "Blanketten är klar"),
        message + "\n\n" + QCoreApplication.translate("MainWindow", "Vill du öppna den?"),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
    )
    if answer == QMessageBox.StandardButton.Open:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _failed(window: QMainWindow, error: BaseException) -> None:
    text = (
        str(error)
        if not isinstance(error, OSError)
        else QCoreApplication.translate("MainWindow", "Filen kunde inte skrivas: ") + str(error)
    )
    QMessageBox.warning(window, QCoreApplication.translate("MainWindow", "Blanketten kunde inte skrivas"), text)


def render_form(window: QMainWindow, order: Order) -> None:
    """Ask where, then write our own filled form in the background."""
    out = _ask_output(window, order)
    if out is None:
        return
    snapshot = copy.deepcopy(order)

    def work(report: Report) -> Path:
        from beställning.document.render import render_order

        report(0.1, "Skriver blanketten")
        render_order(snapshot, out)
        return out

    window.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Skriver blanketten…"))
    run_in_background(
        work,
        on_success=lambda path: _done(window, path, QCoreApplication.translate("MainWindow", "Skrev ") + str(path)),
        on_failure=lambda exc: _failed(window, exc),
        parent=window,
    )


def fill_fk_form(window: QMainWindow, order: Order) -> None:
    """Ask for FK's Word form and where to save, fill it in the background, show what went where."""
    template, _filter = QFileDialog.getOpenFileName(
        window,
        QCoreApplication.translate("MainWindow", "Välj Försäkringskassans blankett"),
        str(Path.home()),
        QCoreApplication.translate("MainWindow", "Word-dokument (*.docx)"),
    )
    if not template:
        return
    out = _ask_output(window, order, QCoreApplication.translate("MainWindow", " (FK:s blankett)"))
    if out is None:
        return
    snapshot = copy.deepcopy(order)

    def work(report: Report) -> object:
        from beställning.document.fk_form import fill_fk_form as fill

        report(0.1, "Fyller i blanketten")
        return fill(snapshot, Path(template), out)

    def show(result: object) -> None:
        from beställning.document.fk_form import FillReport
        from ui.fill_report_dialog import FillReportDialog

        assert isinstance(result, FillReport)
        window.statusBar().showMessage(result.summary(), 10000)
        FillReportDialog(result, window).exec()

    window.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Fyller i Försäkringskassans blankett…"))
    run_in_background(work, on_success=show, on_failure=lambda exc: _failed(window, exc), parent=window)
