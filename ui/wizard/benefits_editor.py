"""The 'data per benefit' section: one row per benefit (förmån) with period and free-text wishes."""

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

    def choices(self) -> list[tuple[str, str, str]]:
        if self._choices is None:
            self._choices = self._choices_source()
        return self._choices

    def set_order(self, order: Order) -> None:
        self.order = order
        self._rebuild()

    def add_row(self) -> None:
        if self.order is None:
            return
        self.order.benefits.append(BenefitRequest(benefit="", name=""))
        self._rebuild()
        self.edited.emit()

    def _remove(self, index: int) -> None:
        if self.order is None:
            return
        del self.order.benefits[index]
        self._rebuild()
        self.edited.emit()

    def _rebuild(self) -> None:
        clear_layout(self.grid)
        self.problem_labels.clear()
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
        picks = len(self.order.variables)
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
        remove.clicked.connect(lambda: self._remove(index))

        def update() -> None:
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

    def show_problems(self, messages: dict[str, str]) -> None:
        """Messages keyed by `benefits[i]`; rows without a message are cleared."""
        for key, label in self.problem_labels.items():
            text = messages.get(key)
            label.setText("✖ " + text if text else "")
            label.setVisible(bool(text))
