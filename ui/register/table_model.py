"""The start page's table: one row per order (beställning), named columns and two custom roles.

A thin model over `OrderRow`s from `beställning.register.overview`. What each cell shows, sorts by,
and how it is coloured are plain functions of one row and one named `Column`, testable without
widgets. `SORT_ROLE` holds each column's real value (dates as QDate, status by its place in FK's
process), read by the shared `RoleSortProxy`; `ID_ROLE` holds the order's id on the project cell.

Built on QStandardItemModel on purpose: the values live in C++ items, so the proxy sorts without
calling Python (tech notes: a Python model behind a proxy took seconds to sort large lists).
"""

from __future__ import annotations

from datetime import date
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel

from beställning.process import STEPS
from beställning.register.overview import ARCHIVED, DRAFT, OrderRow
from ui.register.display import GREY, RED, fmt_date
from ui.register.labels import process_text

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

STATUS_RANK = {DRAFT: 0, **{step.status: i + 1 for i, step in enumerate(STEPS)}, ARCHIVED: 99}
UNKNOWN_STATUS_RANK = 50
NO_DATE = date.max  # rows without a next date sort after every dated row


class Column(IntEnum):
    """The table's columns, in the order shown."""

    PROJECT = 0
    ROUTE = 1
    ORDERER = 2
    STATUS = 3
    NEXT_STEP = 4
    DATE = 5
    MODIFIED = 6


COLUMNS = (
    str(QT_TRANSLATE_NOOP("OrderTableModel", "Projekt")),
    str(QT_TRANSLATE_NOOP("OrderTableModel", "Väg")),
    str(QT_TRANSLATE_NOOP("OrderTableModel", "Beställare")),
    str(QT_TRANSLATE_NOOP("OrderTableModel", "Status")),
    str(QT_TRANSLATE_NOOP("OrderTableModel", "Nästa steg")),
    str(QT_TRANSLATE_NOOP("OrderTableModel", "Datum")),
    str(QT_TRANSLATE_NOOP("OrderTableModel", "Ändrad")),
)
_IN_ORDER = tuple(Column)  # iterating the enum class itself is slow, and this runs per row


def display_text(row: OrderRow, column: Column) -> str:
    """What the cell shows: marks for a repeat delivery, a reminder (⚠) and a passed date."""
    if column is Column.PROJECT:
        repeat = row.note.startswith("Upprepad leverans")
        return row.project + (QCoreApplication.translate("OrderTableModel", "  ↻ upprepad leverans") if repeat else "")
    if column is Column.ROUTE:
        return process_text(row.route_label)
    if column is Column.ORDERER:
        return row.orderer
    if column is Column.STATUS:
        return process_text(row.status)
    if column is Column.NEXT_STEP:
        return ("⚠ " if row.reminders else "") + process_text(row.next_step)
    if column is Column.DATE:
        when = fmt_date(row.next_date) if row.next_date else "—"
        return when + (QCoreApplication.translate("OrderTableModel", "  (passerat)") if row.next_overdue else "")
    return row.modified[:10]


def sort_key(row: OrderRow, column: Column) -> str | int | date:
    """The value a column sorts by: text case-folded, status in process order, the date as a date."""
    if column is Column.PROJECT:
        return row.project.casefold()
    if column is Column.ROUTE:
        return process_text(row.route_label)
    if column is Column.ORDERER:
        return row.orderer.casefold()
    if column is Column.STATUS:
        return STATUS_RANK.get(row.status, UNKNOWN_STATUS_RANK)
    if column is Column.NEXT_STEP:
        return process_text(row.next_step).casefold()
    if column is Column.DATE:
        return row.next_date or NO_DATE
    return row.modified


def tool_tip(row: OrderRow) -> str:
    """The reminders and the register note, shown on every cell of the row ('' when none)."""
    tips = [r.message for r in row.reminders]
    if row.note:
        tips.append(row.note)
    return "\n\n".join(tips)


def foreground(row: OrderRow, column: Column) -> str | None:
    """Archived rows grey; otherwise a passed date and a reminder's next step red."""
    if row.archived:
        return GREY
    if column is Column.DATE and row.next_overdue:
        return RED
    if column is Column.NEXT_STEP and row.reminders:
        return RED
    return None


def _qt_value(value: str | int | date) -> str | int | QDate:
    """Qt sorts QDate natively; a Python date would reach it as an opaque object."""
    return QDate(value.year, value.month, value.day) if isinstance(value, date) else value


def build_items(row: OrderRow) -> list[QStandardItem]:
    """One table row of read-only items, one per `Column`."""
    tip = tool_tip(row)
    items = []
    for column in _IN_ORDER:
        item = QStandardItem(display_text(row, column))
        item.setEditable(False)
        item.setData(_qt_value(sort_key(row, column)), SORT_ROLE)
        if tip:
            item.setToolTip(tip)
        color = foreground(row, column)
        if color:
            item.setForeground(QBrush(QColor(color)))
        items.append(item)
    items[Column.PROJECT].setData(row.id, ID_ROLE)
    return items


class OrderTableModel(QStandardItemModel):
    """Read-only rows of the start page; `set_rows` replaces them all (filtering is done before)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, len(Column), parent)
        self.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self._rows: list[OrderRow] = []

    def set_rows(self, rows: list[OrderRow]) -> None:
        self.removeRows(0, self.rowCount())
        self._rows = list(rows)
        for row in self._rows:
            self.appendRow(build_items(row))

    def row_at(self, row: int) -> OrderRow:
        """The order behind a source row (rows stay in `set_rows` order; the proxy sorts)."""
        return self._rows[row]
