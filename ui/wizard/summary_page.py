"""The summary page: every problem in the order, each leading to its field, and what to do next.

Whether the order "kan skickas" is the send gate's answer (`beställning.send.gate.dry_run`, the same
as `bestallning check` and the send page): validation at once, then the package with its attachments
and the personnummer scan in the background. Until the gate has answered, the page does not say
"kan skickas".
"""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
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
from beställning.order import Order
from beställning.send.gate import Verdict, dry_run, fingerprint
from beställning.send.session import options_from_settings
from beställning.settings import SettingsError
from beställning.validation import Problem, is_sendable
from ui.ethics_panel import EthicsPanel
from ui.i18n import localized
from ui.workers import Task, run_in_background

GATE_DELAY_MS = 400  # a burst of edits asks the gate once

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
        self.ethics = EthicsPanel()  # what FK checks in the ethics application (warns, never blocks)
        self.ethics.hide()
        layout.addWidget(self.ethics)
        if extra is not None:
            layout.addWidget(extra)
        self._order: Order | None = None
        self._problems: list[Problem] = []
        self._verdict: Verdict | None = None
        self._task: Task[Verdict] | None = None
        self._gate_timer = QTimer(self)
        self._gate_timer.setSingleShot(True)
        self._gate_timer.setInterval(GATE_DELAY_MS)
        self._gate_timer.timeout.connect(self._ask_gate)

    @property
    def verdict(self) -> Verdict | None:
        """The gate's answer for the order as it is now, or None while it is being worked out."""
        if self._verdict is None or self._order is None or self._verdict.fingerprint != fingerprint(self._order):
            return None
        return self._verdict

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._order is not None and self.verdict is None:
            self._gate_timer.start()

    def _ask_gate(self) -> None:
        """Run the gate on a copy of the order in the background (the package is built and scanned)."""
        if self._order is None or not self.isVisible():
            return
        if self._task is not None and self._task.running:
            self._gate_timer.start()  # one at a time: ask again when this one is done
            return
        try:
            options = options_from_settings()
        except SettingsError as exc:
            self.status.setText(str(exc))
            return
        snapshot = copy.deepcopy(self._order)
        self._task = run_in_background(
            lambda _report: dry_run(snapshot, options),
            on_success=self._gate_answered,
            on_failure=self._gate_failed,
            parent=self,
            keeps_quit_waiting=False,
        )

    def _gate_answered(self, verdict: Verdict) -> None:
        self._verdict = verdict
        if self.verdict is None:
            self._gate_timer.start()  # the order changed meanwhile
            return
        self._show(self._problems, verdict)

    def _gate_failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("Bilagorna kunde inte granskas ({0}). Öppna Skicka och granska där.").format(error))
        self.status.setProperty("ok", False)

    def show_problems(self, problems: list[Problem], order: Order | None = None) -> None:
        """Show the validation problems now; the gate's answer follows (for `order`, when given)."""
        self._problems = problems
        if order is not None:
            self._order = order
            self.ethics.setVisible(order.route == "forskning")
            self.ethics.set_order(order if order.route == "forskning" else None)
            if self.verdict is None:
                self._gate_timer.start()
        self._show(problems, self.verdict)

    def _show(self, problems: list[Problem], verdict: Verdict | None) -> None:
        form = load_form()
        self.problems.clear()
        blocking = sum(p.blocking for p in problems)
        extra = []  # what only the gate sees: files gone or unreadable, personnummer, size, addresses
        if verdict is not None:
            extra = verdict.errors + (verdict.guard.messages() if verdict.guard else [])
        if not is_sendable(problems) or extra:
            count = blocking + (verdict.blocking_count - len(verdict.blocking) if verdict is not None else 0)
            self.status.setText(self.tr("%n problem måste rättas innan beställningen kan skickas.", "", count))
            self.status.setProperty("ok", False)
        elif verdict is None:
            self.status.setText(self.tr("Granskar bilagorna och söker efter personnummer …"))
            self.status.setProperty("ok", False)
        else:
            self.status.setText(
                self.tr("✔ Beställningen är komplett och kan skickas.")
                + (self.tr(" Läs varningarna nedan.") if problems else "")
            )
            self.status.setProperty("ok", True)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        for line in extra:
            item = QListWidgetItem(("✖ " if not line.startswith("  ") else "    ") + line.strip())
            item.setData(FIELD_ROLE, "attachments")
            item.setData(SECTION_ROLE, "bilagor")
            self.problems.addItem(item)
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
