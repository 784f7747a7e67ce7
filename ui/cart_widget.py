"""The cart (varukorg) of the current order: picked variables, tables and wishes, with justification
(motivering) per pick and a period per benefit. All changes go through beställning.catalog.cart."""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from beställning.catalog import cart
from beställning.catalog.model import Catalog, Variable
from beställning.order import Order, VariablePick
from ui.save_dialog import ask_save_path, suggested_path
from ui.workers import run_in_background

_KIND_TEXT = {
    "variable": str(QT_TRANSLATE_NOOP("CartWidget", "Variabel")),
    "table": str(QT_TRANSLATE_NOOP("CartWidget", "Hela tabellen")),
    "wish": str(QT_TRANSLATE_NOOP("CartWidget", "Önskemål")),
}


def _kind_text(kind: str) -> str:
    """What a pick is (variable, whole table, wish) in the UI language; an unknown kind as it is."""
    text = _KIND_TEXT.get(kind)
    return QCoreApplication.translate("CartWidget", text) if text else kind


def selected_count(order: Order) -> int:
    """What the order asks for: each picked variable, table or wish, and each benefit's own wishes."""
    return len(order.variables) + sum(1 for b in order.benefits if b.wishes.strip())


PICK_ROLE = Qt.ItemDataRole.UserRole + 1
BENEFIT_ROLE = Qt.ItemDataRole.UserRole + 2


class CartWidget(QWidget):
    """Shows and edits Order.variables and the periods in Order.benefits; emits `changed` after edits."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._order: Order | None = None
        self._catalog: Catalog | None = None
        self._picks: dict[int, VariablePick] = {}
        self._filling = False

        self.title = QLabel()
        self.title.setObjectName("fieldLabel")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Val"), self.tr("Typ"), self.tr("Motivering")])
        self.tree.headerItem().setToolTip(2, self.tr("Motivering (dubbelklicka för att skriva)"))
        self.tree.setColumnWidth(0, 300)
        self.tree.setColumnWidth(1, 110)
        self.tree.setAccessibleName(self.tr("Valda variabler"))
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.currentItemChanged.connect(lambda *_: self._sync_benefit_choice())

        self.benefit_choice = QComboBox()
        self.benefit_choice.setAccessibleName(self.tr("Förmån för period och önskemål"))
        self.benefit_choice.currentIndexChanged.connect(lambda _i: self._show_period())
        self.period_from = QLineEdit()
        self.period_from.setPlaceholderText(self.tr("från ÅÅÅÅ-MM"))
        self.period_to = QLineEdit()
        self.period_to.setPlaceholderText(self.tr("till ÅÅÅÅ-MM"))
        for edit in (self.period_from, self.period_to):
            edit.setMaximumWidth(110)
            edit.editingFinished.connect(self._save_period)
        self.problem = QLabel()
        self.problem.setObjectName("fieldProblem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)

        self.wish = QLineEdit()
        self.wish.setPlaceholderText(self.tr("Önskemål med egna ord"))
        self.wish.setToolTip(self.tr("Önskemål med egna ord, t.ex. ersättningsperiod och belopp per månad"))
        self.wish_justification = QLineEdit()
        self.wish_justification.setPlaceholderText(self.tr("Motivering"))
        self.wish_justification.setToolTip(self.tr("Motivering mot forskningsfrågorna"))
        self.add_wish_button = QPushButton(self.tr("Lägg till önskemål"))
        self.add_wish_button.clicked.connect(self._add_wish)
        self.wish.returnPressed.connect(self._add_wish)

        self.remove_button = QPushButton(self.tr("Ta bort markerat"))
        self.remove_button.clicked.connect(self._remove_selected)
        self.export_button = QPushButton(self.tr("Spara Variabelval.xlsx…"))
        self.export_button.clicked.connect(self._export)
        self.missing = QLabel()
        self.missing.setObjectName("fieldProblem")

        period_row = QHBoxLayout()
        period_row.addWidget(QLabel(self.tr("Förmån:")))
        period_row.addWidget(self.benefit_choice, 1)
        period_row.addWidget(QLabel(self.tr("Period:")))
        period_row.addWidget(self.period_from)
        period_row.addWidget(self.period_to)
        wish_row = QHBoxLayout()
        wish_row.addWidget(self.wish, 2)
        wish_row.addWidget(self.wish_justification, 2)
        wish_row.addWidget(self.add_wish_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.missing, 1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tree, 1)
        layout.addLayout(period_row)
        layout.addWidget(self.problem)
        layout.addLayout(wish_row)
        layout.addLayout(buttons)
        self.refresh()

    # -- inputs --------------------------------------------------------------------------------------
    def set_catalog(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._fill_benefit_choice()
        self.refresh()

    def set_order(self, order: Order | None) -> None:
        self._order = order
        self.refresh()

    @property
    def order(self) -> Order | None:
        return self._order

    def current_benefit(self) -> str | None:
        value = self.benefit_choice.currentData()
        return value if isinstance(value, str) else None

    def select_benefit(self, benefit_id: str) -> None:
        index = self.benefit_choice.findData(benefit_id)
        if index >= 0:
            self.benefit_choice.setCurrentIndex(index)

    # -- cart operations (used by the catalog page too) -----------------------------------------
    def add_variable(self, variable: Variable, justification: str = "") -> bool:
        if self._order is None or self._catalog is None:
            return False
        cart.add_variable(self._order, self._catalog, variable, justification)
        self._after_change(variable.benefit_id)
        return True

    def add_table(self, benefit_id: str, table: str, justification: str = "") -> bool:
        if self._order is None or self._catalog is None:
            return False
        try:
            cart.add_table(self._order, self._catalog, benefit_id, table, justification)
        except cart.CartError as exc:
            self._set_problem(str(exc))
            return False
        self._after_change(benefit_id)
        return True

    def _after_change(self, benefit_id: str | None = None) -> None:
        self.refresh()
        if benefit_id:
            self.select_benefit(benefit_id)
        self.changed.emit()

    def _set_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    # -- view ------------------------------------------------------------------------------------------
    def _fill_benefit_choice(self) -> None:
        current = self.current_benefit()
        self.benefit_choice.blockSignals(True)
        self.benefit_choice.clear()
        if self._catalog is not None:
            for benefit in self._catalog.benefits:
                self.benefit_choice.addItem(benefit.name, benefit.id)
        self.benefit_choice.blockSignals(False)
        if current:
            self.select_benefit(current)

    def refresh(self) -> None:
        """Rebuild the list from the order (call after the order changed elsewhere)."""
        order = self._order
        enabled = order is not None and self._catalog is not None
        for widget in (
            self.tree,
            self.benefit_choice,
            self.period_from,
            self.period_to,
            self.wish,
            self.wish_justification,
            self.add_wish_button,
            self.remove_button,
            self.export_button,
        ):
            widget.setEnabled(enabled)
        self._filling = True
        self.tree.clear()
        self._picks.clear()
        if order is None:
            self.title.setText(self.tr("Ingen beställning är öppen: du kan bläddra och söka, men inte välja."))
            self.missing.setText("")
            self._filling = False
            return
        count = selected_count(order)
        self.title.setText(
            self.tr("Valt till beställningen ”%1”: %n val", "", count).replace("%1", order.title())
        )
        requests = {b.benefit: b for b in order.benefits}
        missing = 0
        for request in order.benefits:
            period = cart.format_period(request) or self.tr("period saknas")
            top = QTreeWidgetItem([f"{request.name}", "", period])
            top.setData(0, BENEFIT_ROLE, request.benefit)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            self.tree.addTopLevelItem(top)
            for pick in order.variables:
                if pick.benefit != request.benefit:
                    continue
                label = f"{pick.table} / {pick.variable}" if pick.table and pick.kind == "variable" else pick.variable
                child = QTreeWidgetItem([label, _kind_text(pick.kind), pick.justification])
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsEditable)
                child.setData(0, PICK_ROLE, id(pick))
                child.setData(0, BENEFIT_ROLE, pick.benefit)
                child.setToolTip(0, pick.description)
                if not pick.justification.strip():
                    missing += 1
                    child.setToolTip(2, self.tr("Motivering saknas: FK vill att varje variabel motiveras."))
                self._picks[id(pick)] = pick
                top.addChild(child)
            if request.wishes.strip():  # typed in section 6: part of the order, edited there
                wish = QTreeWidgetItem([request.wishes.strip(), self.tr("Önskemål (avsnitt 6)"), ""])
                wish.setData(0, BENEFIT_ROLE, request.benefit)
                wish.setToolTip(0, self.tr("Skrivet i avsnitt 6, Uppgifter per förmån. Ändra det där."))
                top.addChild(wish)
            top.setExpanded(True)
        orphans = [p for p in order.variables if p.benefit not in requests]
        for pick in orphans:  # picks whose benefit was removed elsewhere
            child = QTreeWidgetItem([pick.variable, _kind_text(pick.kind), pick.justification])
            child.setData(0, PICK_ROLE, id(pick))
            self._picks[id(pick)] = pick
            self.tree.addTopLevelItem(child)
        self.missing.setText(self.tr("%n val saknar motivering", "", missing) if missing else "")
        self._filling = False
        self._show_period()

    def _sync_benefit_choice(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            benefit_id = item.data(0, BENEFIT_ROLE)
            if isinstance(benefit_id, str):
                self.select_benefit(benefit_id)

    def _show_period(self) -> None:
        benefit_id = self.current_benefit()
        request = None
        if self._order is not None and benefit_id:
            request = next((b for b in self._order.benefits if b.benefit == benefit_id), None)
        self.period_from.setText(request.period_from if request else "")
        self.period_to.setText(request.period_to if request else "")
        self._set_problem("")

    # -- edits -----------------------------------------------------------------------------------------
    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 2 or self._order is None:
            return
        pick = self._picks.get(item.data(0, PICK_ROLE))
        if pick is not None and pick.justification != item.text(2):
            cart.set_justification(self._order, pick, item.text(2))
            self.changed.emit()
            missing = sum(1 for p in self._order.variables if not p.justification.strip())
            self.missing.setText(self.tr("%n val saknar motivering", "", missing) if missing else "")

    def _save_period(self) -> None:
        benefit_id = self.current_benefit()
        if self._order is None or self._catalog is None or not benefit_id:
            return
        start, end = self.period_from.text().strip(), self.period_to.text().strip()
        request = next((b for b in self._order.benefits if b.benefit == benefit_id), None)
        if request is None and not (start or end):
            return
        if request is not None and (request.period_from, request.period_to) == (start, end):
            return
        try:
            cart.set_period(self._order, self._catalog, benefit_id, start, end)
        except cart.CartError as exc:
            self._set_problem(str(exc))
            return
        self._after_change(benefit_id)

    def _add_wish(self) -> None:
        benefit_id = self.current_benefit()
        if self._order is None or self._catalog is None or not benefit_id:
            return
        try:
            cart.add_wish(self._order, self._catalog, benefit_id, self.wish.text(), self.wish_justification.text())
        except cart.CartError as exc:
            self._set_problem(str(exc))
            return
        self.wish.clear()
        self.wish_justification.clear()
        self._after_change(benefit_id)

    def _remove_selected(self) -> None:
        item = self.tree.currentItem()
        if item is None or self._order is None:
            return
        pick = self._picks.get(item.data(0, PICK_ROLE))
        if pick is not None:
            cart.remove_pick(self._order, pick)
            self._after_change(pick.benefit)
            return
        benefit_id = item.data(0, BENEFIT_ROLE)
        if isinstance(benefit_id, str):
            answer = QMessageBox.question(
                self,
                self.tr("Ta bort förmån"),
                self.tr("Ta bort %s och alla val för den ur beställningen?") % item.text(0),
            )
            if answer == QMessageBox.StandardButton.Yes:
                cart.remove_benefit(self._order, benefit_id)
                self._after_change()

    def _export(self) -> None:
        if self._order is None:
            return
        path = ask_save_path(
            self, self.tr("Spara variabelval"), suggested_path("Variabelval", ".xlsx"), self.tr("Excel (*.xlsx)")
        )
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Write Variabelval.xlsx off the GUI thread; the result is shown in the problem line."""
        from beställning.catalog import export_variable_selection

        order, catalog = self._order, self._catalog
        if order is None:
            return
        snapshot = copy.deepcopy(order)  # the worker must not see later edits half-way
        self.export_button.setEnabled(False)

        def done(_result: object) -> None:
            self.export_button.setEnabled(True)
            self._set_problem(self.tr("Sparade %s") % path)

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            self._set_problem(self.tr("Kunde inte spara %s: %s") % (path, exc))

        run_in_background(
            lambda report: export_variable_selection(snapshot, path, catalog),
            on_success=done,
            on_failure=failed,
            parent=self,
        )
