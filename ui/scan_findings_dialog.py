"""The guard's findings in context (masked number, file, place), each clearable as "inte ett personnummer".

A thin view over `beställning.send.scan.clearance`: the dialog only collects the user's decisions
and returns them as Clearance objects; storing them and re-running the gate is the caller's job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from beställning.send.scan import Clearance, ClearanceError, Finding, clear

Index = QModelIndex | QPersistentModelIndex
AskReason = Callable[[QWidget, Finding], "str | None"]


class FindingsModel(QAbstractTableModel):
    """One row per finding; columns: number (masked), file, place, context, decision."""

    NUMBER, FILE, PLACE, CONTEXT, DECISION = range(5)

    def __init__(self, findings: Iterable[Finding], clearances: Iterable[Clearance], parent: QWidget | None = None):
        super().__init__(parent)
        self._rows = list(findings)
        self._cleared: dict[str, Clearance] = {c.finding: c for c in clearances}
        self._headers = [self.tr("Nummer"), self.tr("Fil"), self.tr("Plats"), self.tr("Sammanhang"), self.tr("Beslut")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def finding(self, row: int) -> Finding:
        return self._rows[row]

    def clearance(self, row: int) -> Clearance | None:
        finding = self._rows[row]
        found = self._cleared.get(finding.identity)
        return found if found is not None and found.file_sha256 == finding.file_sha256 else None

    def set_clearance(self, row: int, clearance: Clearance) -> None:
        self._cleared[clearance.finding] = clearance
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.DECISION))

    def clearances(self) -> list[Clearance]:
        """The decisions for the findings shown (and only those), in row order."""
        return [c for row in range(len(self._rows)) if (c := self.clearance(row)) is not None]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        finding = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == self.NUMBER:
                return finding.masked
            if column == self.FILE:
                return finding.source
            if column == self.PLACE:
                return finding.place
            if column == self.CONTEXT:
                return finding.context
            cleared = self.clearance(index.row())
            if cleared is None:
                return self.tr("Stoppar sändningen")
            return self.tr("Inte ett personnummer: {reason}").format(reason=cleared.reason)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.CONTEXT:
            return finding.context
        return None


def ask_reason_dialog(parent: QWidget, finding: Finding) -> str | None:
    """Ask why the finding is not a personnummer (or what the picture shows); None when the user cancels."""
    if finding.to_look_at:
        title = QCoreApplication.translate("ScanFindingsDialog", "Granskad: inga personnummer")
        question = QCoreApplication.translate(
            "ScanFindingsDialog", "Vad visar {place} i {source}? (t.ex. ”ett organisationsschema, inga nummer”)"
        ).format(place=finding.place, source=finding.source)
    else:
        title = QCoreApplication.translate("ScanFindingsDialog", "Inte ett personnummer")
        question = QCoreApplication.translate(
            "ScanFindingsDialog", "Varför är {masked} i {source} inte ett personnummer? (t.ex. ”en tidsstämpel”)"
        ).format(masked=finding.masked, source=finding.source)
    text, ok = QInputDialog.getText(parent, title, question)
    return text if ok else None


class ScanFindingsDialog(QDialog):
    """Lists the findings; "Inte ett personnummer…" clears the selected one after asking for a reason."""

    def __init__(
        self,
        findings: Iterable[Finding],
        clearances: Iterable[Clearance] = (),
        parent: QWidget | None = None,
        ask_reason: AskReason = ask_reason_dialog,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Möjliga personnummer"))
        self._ask_reason = ask_reason
        self.model = FindingsModel(findings, clearances, self)
        intro = QLabel(
            self.tr(
                "Granskningen hittade tal som ser ut som personnummer. Ta bort dem ur filerna, eller markera ett "
                "fynd som ”inte ett personnummer” och ange varför. Bilder och sidor utan text kan inte läsas: titta "
                "på dem och markera dem på samma sätt. Beslutet gäller bara så länge filen är oförändrad."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.clear_button = QPushButton(self.tr("Inte ett personnummer…"))
        self.clear_button.setEnabled(False)
        self.clear_button.clicked.connect(self._clear_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_button)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.clear_button)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(900, 400)

    def clearances(self) -> list[Clearance]:
        """The user's decisions (with those passed in that still match), for the caller to store."""
        return self.model.clearances()

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_button(self) -> None:
        row = self._selected_row()
        self.clear_button.setEnabled(row is not None and self.model.clearance(row) is None)
        picture = row is not None and self.model.finding(row).to_look_at
        self.clear_button.setText(
            self.tr("Granskad: inga personnummer…") if picture else self.tr("Inte ett personnummer…")
        )

    def _clear_selected(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        finding = self.model.finding(row)
        reason = self._ask_reason(self, finding)
        if reason is None:
            return
        try:
            clearance = clear(finding, reason)
        except ClearanceError:
            self.error.setText(self.tr("Ange varför det inte är ett personnummer."))
            return
        self.error.clear()
        self.model.set_clearance(row, clearance)
        self._update_button()
