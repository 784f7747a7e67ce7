"""The 'data per benefit' section: one row per benefit (förmån) with period and free-text wishes.

Other pages change `order.benefits` too (the catalog's cart adds and removes benefits), so each row is
tied to its `BenefitRequest` object, never to a list position: a row whose object has left the list is
stale, and touching it rebuilds the rows instead of editing nothing or removing the wrong one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from beställning.order import BenefitRequest, Order
from ui.layouts import clear_layout

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
        layout.addWidget(self.variables_label)
        self.problem_labels: dict[str, QLabel] = {}
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
        self.edited.emit()

    def _remove(self, request: BenefitRequest) -> None:
        """Remove the row's own benefit (by identity); a stale row only makes the rows current again."""
        if self.order is None:
            return
        kept = [b for b in self.order.benefits if b is not request]
        if len(kept) == len(self.order.benefits):
            self._rebuild()
            return
        self.order.benefits[:] = kept
        self._rebuild()
        self.edited.emit()

    def _rebuild(self) -> None:
        clear_layout(self.grid)
        self.problem_labels.clear()
        self._rows = []
        headers = [
            self.tr("Förmån"),
            self.tr("Från (ÅÅÅÅ-MM)"),
            self.tr("Till (ÅÅÅÅ-MM)"),
            self.tr("Önskemål om uppgifter"),
        ]
        for column, text in enumerate(headers):
            label = QLabel(text)
            label.setObjectName("fieldLabel")
            self.grid.addWidget(label, 0, column)
        self.grid.setColumnStretch(3, 1)
        if self.order is None:
            return
        for index, request in enumerate(self.order.benefits):
            self._add_row_widgets(index, request)
        self._update_variables_label()

    def _update_variables_label(self) -> None:
        picks = len(self.order.variables) if self.order is not None else 0
        self.variables_label.setText(self.tr("%n valda variabler eller önskemål i beställningen.", "", picks))

    def _add_row_widgets(self, index: int, request: BenefitRequest) -> None:
        row = 1 + index * 2
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(24)
        combo.addItem(self.tr("Välj förmån…"), "")
        for benefit_id, name, register in self.choices():
            combo.addItem(f"{name} ({register})", benefit_id)
        position = combo.findData(request.benefit)
        combo.setCurrentIndex(max(position, 0))
        combo.setAccessibleName(self.tr("Förmån, rad %1").replace("%1", str(index + 1)))
        start, end, wishes = (
            QLineEdit(request.period_from),
            QLineEdit(request.period_to),
            QLineEdit(request.wishes),
        )
        for edit, name in ((start, "2019-01"), (end, "2024-12")):
            edit.setPlaceholderText(name)
            edit.setMaxLength(7)
            edit.setFixedWidth(90)
        wishes.setCursorPosition(0)
        wishes.setPlaceholderText(self.tr("T.ex. ersättningsperioder med omfattning och diagnos"))
        remove = QPushButton(self.tr("Ta bort"))
        remove.setAccessibleName(self.tr("Ta bort förmån %1").replace("%1", str(index + 1)))
        remove.clicked.connect(lambda: self._remove(request))

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
            self.edited.emit()

        combo.currentIndexChanged.connect(lambda _index: update())
        for edit in (start, end, wishes):
            edit.textChanged.connect(lambda _text: update())
        for column, widget in enumerate((combo, start, end, wishes, remove)):
            self.grid.addWidget(widget, row, column)
        problem = QLabel()
        problem.setObjectName("fieldProblem")
        problem.setProperty("blocking", True)
        problem.hide()
        self.grid.addWidget(problem, row + 1, 0, 1, 5)
        self.problem_labels[f"benefits[{index}]"] = problem
        self._rows.append(_Row(request, combo, start, end, wishes))

    def show_problems(self, messages: dict[str, str]) -> None:
        """Messages keyed by `benefits[i]`; rows without a message are cleared."""
        for key, label in self.problem_labels.items():
            text = messages.get(key)
            label.setText("✖ " + text if text else "")
            label.setVisible(bool(text))


class _Row:
    """The widgets of one benefit row and the `BenefitRequest` object they edit."""

    def __init__(
        self, request: BenefitRequest, combo: QComboBox, start: QLineEdit, end: QLineEdit, wishes: QLineEdit
    ) -> None:
        self.request = request
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
