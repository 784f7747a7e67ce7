"""The 'data per benefit' section: one row per benefit (förmån) with period and free-text wishes.

Other pages change `order.benefits` too (the catalog's cart adds and removes benefits), so each row is
tied to its `BenefitRequest` object, never to a list position: a row whose object has left the list is
stale, and touching it rebuilds the rows instead of editing nothing or removing the wrong one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from beställning.order import BenefitRequest, Order
from ui.cart_widget import selected_count
from ui.layouts import chain_tab_order, clear_layout
from ui.undo_bar import UndoBar

BenefitChoices = Callable[[], list[tuple[str, str, str]]]  # (id, Swedish name, register)


def bundled_benefit_choices() -> list[tuple[str, str, str]]:
    from beställning.catalog import load_catalog

    return [(b.id, b.name, b.register) for b in load_catalog().benefits]


class BenefitsEditor(QWidget):
    """Edits `order.benefits` in place and emits `edited` after each change."""

    edited = Signal()
    browse_catalog = Signal()

    def __init__(self, choices: BenefitChoices = bundled_benefit_choices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices_source = choices
        self._choices: list[tuple[str, str, str]] | None = None
        self.order: Order | None = None
        self._tab_anchor = QWidget(self)  # rows built later are put right after it in the Tab order
        self._tab_anchor.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Qt ignores setTabOrder on NoFocus; hidden
        self._tab_anchor.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.grid_holder = QWidget()
        self.grid = QGridLayout(self.grid_holder)
        self.grid.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.grid_holder)
        self.add_button = QPushButton(self.tr("Lägg till förmån"))
        self.add_button.clicked.connect(self.add_row)
        self.catalog_button = QPushButton(self.tr("Välj variabler i variabelkatalogen…"))
        self.catalog_button.clicked.connect(self.browse_catalog)
        self.variables_label = QLabel()
        self.variables_label.setObjectName("fieldHelp")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.catalog_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.undo_bar = UndoBar(self.tr("Lägg tillbaka förmånen som togs bort"))
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.variables_label)
        self.problem_labels: dict[str, QLabel] = {}
        self._messages: dict[str, str] = {}
        self._passed = False
        self._touched: set[int] = set()  # ids of the BenefitRequests whose row the user has left after editing
        self._rows: list[_Row] = []
        self._loading = False

    def choices(self) -> list[tuple[str, str, str]]:
        if self._choices is None:
            self._choices = self._choices_source()
        return self._choices

    def set_order(self, order: Order) -> None:
        """Show `order`; rows are kept (with focus and cursor) when they still show the same benefits."""
        same_rows = (
            order is self.order
            and len(self._rows) == len(order.benefits)
            and all(r.request is b for r, b in zip(self._rows, order.benefits, strict=True))
        )
        if order is not self.order:
            self.undo_bar.clear()
            self._touched = {id(b) for b in order.benefits if b.benefit or b.period_from or b.period_to or b.wishes}
        self.order = order
        if not same_rows:
            self._rebuild()
            return
        self._loading = True
        try:
            for row in self._rows:
                row.show_values()
        finally:
            self._loading = False
        self._update_variables_label()

    def _is_current(self, request: BenefitRequest) -> bool:
        return self.order is not None and any(b is request for b in self.order.benefits)

    def add_row(self) -> None:
        if self.order is None:
            return
        self.order.benefits.append(BenefitRequest(benefit="", name=""))
        self._rebuild()
        self._rows[-1].combo.setFocus(Qt.FocusReason.OtherFocusReason)
        self.edited.emit()

    def _remove(self, request: BenefitRequest) -> None:
        """Remove the row's own benefit (by identity); a stale row only makes the rows current again.

        The removal can be undone from the bar that appears below the rows (Ångra).
        """
        if self.order is None:
            return
        position = next((i for i, b in enumerate(self.order.benefits) if b is request), None)
        if position is None:
            self._rebuild()
            return
        del self.order.benefits[position]
        name = request.name or self.tr("Förmånen utan namn")
        order = self.order
        removed = self.tr("”%1” togs bort.").replace("%1", name)
        self.undo_bar.offer(removed, lambda: self._put_back(order, position, request))
        self._rebuild()
        self.edited.emit()

    def _put_back(self, order: Order, position: int, request: BenefitRequest) -> None:
        """Ångra: the removed benefit goes back where it was."""
        if order is not self.order:
            return
        order.benefits.insert(min(position, len(order.benefits)), request)
        self._rebuild()
        self._rows[min(position, len(self._rows) - 1)].combo.setFocus(Qt.FocusReason.OtherFocusReason)
        self.edited.emit()

    def _rebuild(self) -> None:
        focus_row = self._focused_row()
        clear_layout(self.grid)
        self.problem_labels.clear()
        self._rows = []
        if self.order is None:
            return
        for index, request in enumerate(self.order.benefits):
            self._add_row_widgets(index, request)
        row_inputs = [w for r in self._rows for w in (r.combo, r.start, r.end, r.wishes)]
        chain_tab_order([self._tab_anchor, *row_inputs])  # then on to the buttons, as before
        self._update_variables_label()
        if focus_row is not None:  # the focused row was rebuilt (or removed): keep focus in the list
            target = self._rows[min(focus_row, len(self._rows) - 1)].combo if self._rows else self.add_button
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focused_row(self) -> int | None:
        focus = QApplication.focusWidget()
        for index, row in enumerate(self._rows):
            if focus is not None and row.frame.isAncestorOf(focus):
                return index
        return None

    def first_input(self) -> QWidget:
        """The first row's benefit, or the add button when there are no rows."""
        return self._rows[0].combo if self._rows else self.add_button

    def _update_variables_label(self) -> None:
        picks = selected_count(self.order) if self.order is not None else 0
        self.variables_label.setText(self.tr("%n valda variabler eller önskemål i beställningen.", "", picks))

    def _add_row_widgets(self, index: int, request: BenefitRequest) -> None:
        """One benefit as a two-line block: benefit and period, then the wishes at full width."""
        frame = QFrame()
        frame.setObjectName("benefitRow")
        grid = QGridLayout(frame)
        grid.setContentsMargins(0, 4, 0, 4)
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        combo.addItem(self.tr("Välj förmån…"), "")
        for benefit_id, name, register in self.choices():
            combo.addItem(f"{name} ({register})", benefit_id)
        position = combo.findData(request.benefit)
        combo.setCurrentIndex(max(position, 0))
        combo.setToolTip(combo.currentText())
        combo.setAccessibleName(self.tr("Förmån, rad %1").replace("%1", str(index + 1)))
        start, end, wishes = (
            QLineEdit(request.period_from),
            QLineEdit(request.period_to),
            QLineEdit(request.wishes),
        )
        for edit, example, label_text in ((start, "2019-01", self.tr("Från")), (end, "2024-12", self.tr("Till"))):
            edit.setPlaceholderText(example)
            edit.setMaxLength(7)
            edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("2024-12") + 24)
            edit.setToolTip(self.tr("Månad som ÅÅÅÅ-MM, t.ex. %1").replace("%1", example))
            edit.setAccessibleName(self.tr("%1, rad %2").replace("%1", label_text).replace("%2", str(index + 1)))
        wishes.setCursorPosition(0)
        wishes.setPlaceholderText(self.tr("T.ex. ersättningsperioder med omfattning och diagnos"))
        wishes.setAccessibleName(self.tr("Önskemål om uppgifter, rad %1").replace("%1", str(index + 1)))
        remove = QPushButton(self.tr("Ta bort"))
        remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never the next Tab stop; Alt+Delete from the row
        remove.setToolTip(self.tr("Ta bort förmånen (Alt+Delete i raden). Du kan ångra."))
        remove.setAccessibleName(self.tr("Ta bort förmån %1").replace("%1", str(index + 1)))
        remove.clicked.connect(lambda: self._remove(request))
        shortcut = QShortcut(QKeySequence("Alt+Delete"), frame)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: self._remove(request))

        def update() -> None:
            if self._loading:
                return
            if not self._is_current(request):  # changed elsewhere since the rows were built
                self._rebuild()
                return
            benefit_id = combo.currentData() or ""
            request.benefit = benefit_id
            request.name = next((n for i, n, _ in self.choices() if i == benefit_id), "")
            request.period_from, request.period_to = start.text().strip(), end.text().strip()
            request.wishes = wishes.text()
            combo.setToolTip(combo.currentText())
            self._update_variables_label()
            self.edited.emit()

        def touch() -> None:
            if id(request) not in self._touched:
                self._touched.add(id(request))
                self.show_problems()

        combo.currentIndexChanged.connect(lambda _index: update())
        combo.activated.connect(lambda _index: touch())
        for edit in (start, end, wishes):
            edit.textChanged.connect(lambda _text: update())
            edit.editingFinished.connect(touch)
        top = QHBoxLayout()
        top.addWidget(combo, 1)
        for label_text, edit in ((self.tr("Från"), start), (self.tr("Till"), end)):
            label = QLabel(label_text)
            label.setBuddy(edit)
            top.addWidget(label)
            top.addWidget(edit)
        top.addWidget(remove)
        grid.addLayout(top, 0, 0, 1, 2)
        wishes_label = QLabel(self.tr("Önskemål"))
        wishes_label.setBuddy(wishes)
        wishes_label.setToolTip(self.tr("Önskemål om uppgifter: beskriv vad ni behöver, FK föreslår variabler."))
        grid.addWidget(wishes_label, 1, 0)
        grid.addWidget(wishes, 1, 1)
        grid.setColumnStretch(1, 1)
        problem = QLabel()
        problem.setObjectName("fieldProblem")
        problem.setProperty("blocking", True)
        problem.setWordWrap(True)
        problem.hide()
        grid.addWidget(problem, 2, 0, 1, 2)
        self.grid.addWidget(frame, index, 0)
        if self.isVisible():
            frame.show()  # now, not when the layout gets round to it, so focus can go there at once
        self.problem_labels[f"benefits[{index}]"] = problem
        self._rows.append(_Row(request, frame, combo, start, end, wishes))

    def show_problems(self, messages: dict[str, str] | None = None, passed: bool = True) -> None:
        """Messages keyed by `benefits[i]`; rows without a message are cleared.

        A row speaks once the user has left it after editing (or it came filled in with the order),
        or the section was passed; a freshly added row is not an error yet.
        """
        if messages is None:
            messages = self._messages
        self._messages, self._passed = messages, passed
        for index, (key, label) in enumerate(self.problem_labels.items()):
            row = self._rows[index] if index < len(self._rows) else None
            speak = passed or (row is not None and id(row.request) in self._touched)
            text = messages.get(key) if speak else None
            label.setText("✖ " + text if text else "")
            label.setVisible(bool(text))


class _Row:
    """The widgets of one benefit row and the `BenefitRequest` object they edit."""

    def __init__(
        self,
        request: BenefitRequest,
        frame: QFrame,
        combo: QComboBox,
        start: QLineEdit,
        end: QLineEdit,
        wishes: QLineEdit,
    ) -> None:
        self.request = request
        self.frame = frame
        self.combo, self.start, self.end, self.wishes = combo, start, end, wishes

    def show_values(self) -> None:
        """Show the request's current values; unchanged texts are left alone so cursor and focus stay."""
        position = self.combo.findData(self.request.benefit)
        if position != self.combo.currentIndex():
            self.combo.setCurrentIndex(max(position, 0))
        for edit, value in (
            (self.start, self.request.period_from),
            (self.end, self.request.period_to),
            (self.wishes, self.request.wishes),
        ):
            if edit.text() != value and edit.text().strip() != value:
                edit.setText(value)
