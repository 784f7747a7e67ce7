"""The summary page: every problem in the order, each leading to its field, and what to do next."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from beställning.form import load_form
from beställning.validation import Problem, is_sendable
from ui.i18n import localized

FIELD_ROLE = Qt.ItemDataRole.UserRole
SECTION_ROLE = Qt.ItemDataRole.UserRole + 1


class SummaryPage(QWidget):
    go_to = Signal(str, str)  # section id, field id
    render_requested = Signal()
    fill_fk_requested = Signal()
    send_requested = Signal()

    def __init__(self, extra: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(self.tr("Sammanfattning"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.status = QLabel()
        self.status.setObjectName("summaryStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems.setAccessibleName(self.tr("Problem i beställningen"))
        self.problems.itemActivated.connect(self._activate)
        self.problems.itemClicked.connect(self._activate)
        self.problems.setMinimumHeight(120)
        layout.addWidget(self.problems, 1)
        buttons = QHBoxLayout()
        self.render_button = QPushButton(self.tr("Skriv blanketten (.docx)…"))
        self.render_button.clicked.connect(self.render_requested)
        self.fill_button = QPushButton(self.tr("Fyll i Försäkringskassans blankett…"))
        self.fill_button.setToolTip(self.tr("Välj Försäkringskassans Word-blankett som du har laddat ned."))
        self.fill_button.clicked.connect(self.fill_fk_requested)
        self.send_button = QPushButton(self.tr("Till att skicka →"))
        self.send_button.clicked.connect(self.send_requested)
        for button in (self.render_button, self.fill_button, self.send_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        if extra is not None:
            layout.addWidget(extra)

    def show_problems(self, problems: list[Problem]) -> None:
        form = load_form()
        self.problems.clear()
        blocking = sum(p.blocking for p in problems)
        if is_sendable(problems):
            self.status.setText(
                self.tr("✔ Beställningen är komplett och kan skickas.")
                + (self.tr(" Läs varningarna nedan.") if problems else "")
            )
            self.status.setProperty("ok", True)
        else:
            self.status.setText(self.tr("%n problem måste rättas innan beställningen kan skickas.", "", blocking))
            self.status.setProperty("ok", False)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        for problem in problems:
            shown = form.section(problem.section)
            section = localized(shown.title, shown.title_en)
            field = form.field(problem.field) if form.has_field(problem.field) else None
            label = localized(field.label, field.label_en) if field else ""
            where = f"{section} › {label}" if label else section
            item = QListWidgetItem(("✖ " if problem.blocking else "⚠ ") + f"{where}: {problem.message}")
            item.setData(FIELD_ROLE, problem.field)
            item.setData(SECTION_ROLE, problem.section)
            self.problems.addItem(item)

    def _activate(self, item: QListWidgetItem) -> None:
        self.go_to.emit(item.data(SECTION_ROLE), item.data(FIELD_ROLE))
