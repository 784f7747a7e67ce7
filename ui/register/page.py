"""The start page (startsida): every order with its status and next step, and one order's timeline.

A thin view over `beställning.register`: the list comes from `overview()` (drafts merged in), is
filtered and searched in Python (`filters`) and shown through `OrderTableModel` and the shared
`RoleSortProxy`, so dates sort as dates and statuses in process order. Below the list,
`EventPanel` shows the selected order's path through FK's process and records its events.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from beställning.drafts import DraftStore
from beställning.order import Order
from beställning.register import Register, RegisterError
from beställning.register.calibration import Estimator
from beställning.register.overview import OrderRow, load_drafts, overview, row_for
from beställning.register.store import load_order_copy
from beställning.register.transfer import export_order, import_order
from beställning.repository import OrderRepository
from ui.register.display import storage_problem
from ui.register.event_panel import EventPanel
from ui.register.filters import FILTERS, matches
from ui.register.sort_proxy import RoleSortProxy
from ui.register.table_model import ID_ROLE, SORT_ROLE, Column, OrderTableModel
from ui.save_dialog import ask_save_path, suggested_path

STORAGE_ERRORS = (RegisterError, OSError)  # the register reports database failures as RegisterError


class RegisterPage(QWidget):
    """The start page: all orders, reminders, and the selected order's timeline."""

    open_order = Signal(object)
    order_deleted = Signal(str)  # the id of an order the user deleted (an open copy must be closed)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        register: Register | None = None,
        drafts: DraftStore | None = None,
        today: Callable[[], date] = date.today,
        estimator: Estimator | None = None,
        repository: OrderRepository | None = None,
    ) -> None:
        super().__init__(parent)
        self.today = today
        self.problem = ""
        self.repository = repository or OrderRepository(drafts if isinstance(drafts, DraftStore) else None)
        self.register: Register | None = register
        if self.register is None:
            try:
                self.register = Register(self.repository.register_path, self.repository.orders_root)
            except RegisterError as exc:
                self.problem = str(exc)
        self.drafts = drafts if drafts is not None else self.repository.drafts
        self.rows: list[OrderRow] = []
        self._quiet = False  # while the table is rebuilt: the panel is updated once, at the end
        self._undo: tuple[OrderRow, bool] | None = None

        title = QLabel(self.tr("Beställningar"))
        title.setObjectName("pageTitle")
        self.reminders = QListWidget()
        self.reminders.setObjectName("reminders")
        self.reminders.setAccessibleName(self.tr("Påminnelser"))
        self.reminders.itemActivated.connect(self._reminder_chosen)
        self.reminders.itemClicked.connect(self._reminder_chosen)
        self.reminders.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.reminders.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.reminders_title = QLabel()
        self.problem_label = QLabel()
        self.problem_label.setObjectName("advice")
        self.problem_label.setWordWrap(True)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök projekt, beställare, status…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filter)
        self.filter = QComboBox()
        for label, _test in FILTERS:
            self.filter.addItem(self.tr(label))  # marked in filters.FILTERS
        self.filter.currentIndexChanged.connect(self._apply_filter)

        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.filter, 1)
        for key, text, slot in (
            ("open", self.tr("Öppna"), self.open_selected),
            ("duplicate", self.tr("Duplicera"), self.duplicate_selected),
            ("archive", self.tr("Arkivera"), self.archive_selected),
            ("delete", self.tr("Ta bort"), self.delete_selected),
            ("export", self.tr("Exportera…"), self._export),
            ("import", self.tr("Importera…"), self._import),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[key] = button

        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("undoBar")
        self.undo_bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # colours: ui/style.py
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(8, 4, 8, 4)
        self.undo_label = QLabel()
        self.undo_button = QPushButton(self.tr("Ångra"))
        self.undo_button.clicked.connect(self.undo_delete)
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(self.undo_button)
        self.undo_bar.hide()

        self.model = OrderTableModel(self)
        self.proxy = RoleSortProxy(SORT_ROLE, self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Column.PROJECT, QHeaderView.ResizeMode.Stretch)
        for column in (Column.ROUTE, Column.STATUS, Column.DATE, Column.MODIFIED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column, width in ((Column.ORDERER, 220), (Column.NEXT_STEP, 250)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setDefaultSectionSize(QFontMetrics(self.font()).height() + 8)
        self.table.sortByColumn(Column.DATE, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.count_label = QLabel()

        self.panel = EventPanel(self.register, self.today, estimator)
        self.panel.changed.connect(self.refresh)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.reminders_title)
        top_layout.addWidget(self.reminders)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.undo_bar)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([480, 420])

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.problem_label)
        layout.addWidget(splitter, 1)
        self.refresh()

    # --- data --------------------------------------------------------------------------------

    def _draft_orders(self) -> list[Order]:
        orders, problems = load_drafts(self.drafts)
        if problems:
            self.problem = "\n".join(problems)
        return orders

    def refresh(self) -> None:
        """Reload everything from the register and the drafts, keeping the selection."""
        selected = self.selected_id()
        problems = [self.problem] if self.problem else []
        if self.register is not None:
            self.rows, more = overview(self.register, self.today(), self._draft_orders())
            problems += more
        else:
            self.rows = [row_for(o, (), self.today(), in_register=False) for o in self._draft_orders()]
        self.problem_label.setText("\n".join(problems))
        self.problem_label.setVisible(bool(problems))
        self._fill_reminders()
        self._apply_filter()
        if selected:
            self.select(selected)
        elif self.proxy.rowCount():
            self.select(str(self.proxy.data(self.proxy.index(0, 0), ID_ROLE)))
        for key in ("duplicate", "archive", "delete", "export", "import"):
            self.buttons[key].setEnabled(self.register is not None or key in ("delete", "duplicate"))

    def _fill_reminders(self) -> None:
        self.reminders.clear()
        found = [(row, reminder) for row in self.rows for reminder in row.reminders]
        found.sort(key=lambda pair: pair[1].date or date.max)
        for row, reminder in found:
            item = QListWidgetItem(f"⚠  {row.project}: {reminder.short or reminder.message}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setToolTip(reminder.message)
            self.reminders.addItem(item)
        self.reminders_title.setText(
            self.tr("Påminnelser (%1)").replace("%1", str(len(found))) if found else self.tr("Inga påminnelser.")
        )
        self.reminders.setVisible(bool(found))
        rows = min(len(found), 5)
        self.reminders.setFixedHeight(self.reminders.sizeHintForRow(0) * rows + 2 * self.reminders.frameWidth() + 2)

    def visible_rows(self) -> list[OrderRow]:
        test = FILTERS[max(self.filter.currentIndex(), 0)][1]
        text = self.search.text()
        return [row for row in self.rows if test(row) and matches(row, text)]

    def _apply_filter(self) -> None:
        selected = self.selected_id()
        shown = self.visible_rows()
        self._quiet = True
        try:
            self.model.set_rows(shown)
            still_shown = bool(selected) and self._select_row(str(selected))
        finally:
            self._quiet = False
        if self.rows:
            counted = self.tr("Visar %1 av %2 beställningar.")
            self.count_label.setText(counted.replace("%1", str(len(shown))).replace("%2", str(len(self.rows))))
        else:
            self.count_label.setText(
                self.tr(
                    "Inga beställningar ännu. Börja med ”Ny beställning” i verktygsfältet; utkast sparas "
                    "automatiskt och syns här."
                )
            )
        self.panel.set_row(self.selected_row() if still_shown else None)
        self._update_buttons()

    # --- selection ---------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        index = self.table.selectionModel().currentIndex() if self.table.selectionModel() else QModelIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row()).id or None

    def selected_row(self) -> OrderRow | None:
        order_id = self.selected_id()
        return next((r for r in self.rows if r.id == order_id), None)

    def select(self, order_id: str) -> bool:
        """Select the order in the table (if shown); returns whether it is shown."""
        self._quiet = True
        try:
            found = self._select_row(order_id)
        finally:
            self._quiet = False
        if found:
            self.panel.set_row(self.selected_row())
            self._update_buttons()
        return found

    def _select_row(self, order_id: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.proxy.data(index, ID_ROLE) == order_id:
                self.table.selectionModel().setCurrentIndex(
                    index,
                    self.table.selectionModel().SelectionFlag.ClearAndSelect
                    | self.table.selectionModel().SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
                return True
        return False

    def _selection_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet:
            return
        self.panel.set_row(self.selected_row())
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected_row()
        for key in ("open", "duplicate", "archive", "delete", "export"):
            self.buttons[key].setEnabled(row is not None and (self.register is not None or key in ("open", "delete")))
        self.buttons["archive"].setText(self.tr("Ta fram ur arkivet") if row and row.archived else self.tr("Arkivera"))

    def _reminder_chosen(self, item: QListWidgetItem) -> None:
        order_id = str(item.data(Qt.ItemDataRole.UserRole))
        if not self.select(order_id):
            self.filter.setCurrentIndex(len(FILTERS) - 1)
            self.search.clear()
            self.select(order_id)

    # --- actions -----------------------------------------------------------------------------

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_order.emit(row.order)

    def duplicate_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        try:
            if row.in_register and self.register is not None:
                copy = self.register.duplicate(row.id)
                message = self.tr(
                    "Kopian är skapad för en upprepad leverans. Den behöver ny sekretessprövning, "
                    "nytt beslut och ny offert; skickat, händelser och underskriftsdatum är rensade."
                )
            else:
                copy = load_order_copy(row.order)
                self.drafts.save(copy)
                message = self.tr("Kopian av utkastet är skapad.")
        except STORAGE_ERRORS as exc:
            QMessageBox.warning(self, self.tr("Kunde inte duplicera"), storage_problem(exc))
            return
        self.filter.setCurrentIndex(0)
        self.search.clear()
        self.refresh()
        self.select(copy.id)
        self._flash(message)

    def archive_selected(self) -> None:
        row = self.selected_row()
        if row is None or self.register is None:
            return
        try:
            if not row.in_register:
                self.register.save(row.order)
            self.register.set_archived(row.id, not row.archived)
        except STORAGE_ERRORS as exc:
            QMessageBox.warning(self, self.tr("Kunde inte arkivera"), storage_problem(exc))
            return
        self.refresh()

    def delete_selected(self) -> None:
        """Delete at once, with an undo bar (the register keeps the row; a draft is kept in memory)."""
        row = self.selected_row()
        if row is None:
            return
        had_draft = any(o.id == row.id for o in self._draft_orders())
        try:
            if row.in_register and self.register is not None:
                self.register.delete(row.id)
            if had_draft:
                self.drafts.delete(row.id)
        except STORAGE_ERRORS as exc:
            QMessageBox.warning(self, self.tr("Kunde inte ta bort"), storage_problem(exc))
            self.refresh()  # a draft may be gone although the register refused: show what is true
            return
        self._undo = (row, had_draft)
        self.undo_label.setText(self.tr("”%1” togs bort.").replace("%1", row.project))
        self.undo_bar.show()
        self.order_deleted.emit(row.id)
        self.refresh()

    def undo_delete(self) -> None:
        if self._undo is None:
            return
        row, had_draft = self._undo
        try:
            if row.in_register and self.register is not None:
                self.register.restore(row.id)
            if had_draft:
                self.drafts.save(row.order)
        except STORAGE_ERRORS as exc:  # keep the undo bar: the user can try again
            QMessageBox.warning(self, self.tr("Kunde inte ångra borttagningen"), storage_problem(exc))
            return
        self._undo = None
        self.undo_bar.hide()
        self.refresh()
        self.select(row.id)

    def _flash(self, message: str) -> None:
        self.undo_label.setText(message)
        self.undo_button.hide()
        self.undo_bar.show()
        QTimer.singleShot(8000, self._hide_flash)

    def _hide_flash(self) -> None:
        if self._undo is None:
            self.undo_bar.hide()
        self.undo_button.show()

    def _export(self) -> None:
        row = self.selected_row()
        if row is None or self.register is None:
            return
        suggestion = suggested_path(row.project[:60], ".zip")
        path = ask_save_path(
            self, self.tr("Exportera beställningen"), suggestion, self.tr("Beställning med historik (*.zip)")
        )
        if path is None:
            return
        name = str(path)
        try:
            if not row.in_register:
                self.register.save(row.order)
            export_order(self.register, row.id, path)
        except (RegisterError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Kunde inte exportera"), str(exc))
            return
        self._flash(self.tr("Exporterad till %1.").replace("%1", name))

    def import_file(self, path: Path) -> Order | None:
        """Import one exported order; shows the reason and returns None when it is refused."""
        if self.register is None:
            return None
        try:
            order = import_order(self.register, path)
        except RegisterError as exc:
            QMessageBox.warning(self, self.tr("Kunde inte importera"), str(exc))
            return None
        self.filter.setCurrentIndex(len(FILTERS) - 1)
        self.search.clear()
        self.refresh()
        self.select(order.id)
        return order

    def _import(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Importera en beställning"), "", self.tr("Beställning med historik (*.zip)")
        )
        if name:
            self.import_file(Path(name))
