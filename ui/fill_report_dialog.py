"""Shows where each value went when FK's own form was filled (fält, värde, placering), before saving.

Values that had no place in FK's form are marked, with the reason: they are in the appendix at
the end of the document, and the user should know that before sending it. Places left empty
because they could mean two things are listed, and a form for the other route (ändamål) is named
in a warning at the top; the user then saves the document, or does not.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from beställning.document.fk_form import KIND_APPENDIX, FillReport, Placement

APPENDIX_BACKGROUND = QColor("#fff8e1")
Index = QModelIndex | QPersistentModelIndex


def _one_line(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class FillReportModel(QAbstractTableModel):
    """The report's placements as rows; columns: field, value, placement."""

    FIELD, VALUE, PLACEMENT = range(3)
    PlacementRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, report: FillReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Placement] = list(report.placements)
        self._headers = [self.tr("Fält"), self.tr("Värde"), self.tr("Placering")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def placement(self, row: int) -> Placement:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.FIELD:
                return item.label
            if column == self.VALUE:
                return _one_line(item.value)
            return self._placement_text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.VALUE:
                return item.value
            return item.label if column == self.FIELD else f"{item.kind}: {item.location}"
        if role == Qt.ItemDataRole.BackgroundRole and item.kind == KIND_APPENDIX:
            return QBrush(APPENDIX_BACKGROUND)
        if role == self.PlacementRole:
            return item.kind
        return None

    def _placement_text(self, item: Placement) -> str:
        if item.kind == KIND_APPENDIX:
            text = self.tr("Bilaga sist i dokumentet (fick inte plats)")
            return f"{text}: {item.reason}" if item.reason else text
        return item.location[:1].upper() + item.location[1:]


class FillReportDialog(QDialog):
    """What went where in FK's filled form; with `before_saving`, Spara/Avbryt instead of Stäng."""

    def __init__(self, report: FillReport, parent: QWidget | None = None, *, before_saving: bool = False) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Så fylls Försäkringskassans blankett i"))
        self.resize(960, 560)
        layout = QVBoxLayout(self)

        self.warning = QLabel(report.route_warning)
        self.warning.setWordWrap(True)
        self.warning.setObjectName("warning")
        self.warning.setStyleSheet("color: #8a1c1c; font-weight: bold;")
        self.warning.setVisible(bool(report.route_warning))
        layout.addWidget(self.warning)

        in_appendix = len(report.in_appendix())
        total = len(report.placements)
        if in_appendix:
            text = self.tr(
                "{placed} av {total} uppgifter fick plats i blanketten. {extra} uppgifter står i bilagan "
                "”Uppgifter som inte fick plats i blanketten” sist i dokumentet (gulmarkerade nedan, med skälet). "
                "Läs igenom dokumentet innan du skickar det."
            ).format(placed=total - in_appendix, total=total, extra=in_appendix)
        else:
            text = self.tr("Alla {total} uppgifter fick plats i blanketten.").format(total=total)
        self.summary = QLabel(text)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("advice" if in_appendix else "")
        layout.addWidget(self.summary)

        self.notes = QLabel("\n".join(report.notes))
        self.notes.setWordWrap(True)
        self.notes.setVisible(bool(report.notes))
        layout.addWidget(self.notes)

        self.model = FillReportModel(report, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(FillReportModel.FIELD, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(FillReportModel.VALUE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(FillReportModel.PLACEMENT, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(FillReportModel.FIELD, 230)
        self.table.setColumnWidth(FillReportModel.VALUE, 230)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        layout.addWidget(self.table)

        if before_saving:
            self.output = QLabel(
                self.tr("Ingenting är sparat ännu. Välj Spara för att välja var dokumentet ska sparas.")
            )
        else:
            self.output = QLabel(self.tr("Sparad som: {path}").format(path=str(report.output)))
        self.output.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.output.setWordWrap(True)
        layout.addWidget(self.output)

        self.save_button: QPushButton | None = None
        self.open_button: QPushButton | None = None
        if before_saving:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
            save_text = self.tr("Spara ändå…") if report.route_warning else self.tr("Spara…")
            self.save_button = buttons.addButton(save_text, QDialogButtonBox.ButtonRole.AcceptRole)
        else:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            open_button = buttons.addButton(self.tr("Öppna dokumentet"), QDialogButtonBox.ButtonRole.ActionRole)
            open_button.clicked.connect(self._open_document)
            self.open_button = open_button
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def _open_document(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.output)))
