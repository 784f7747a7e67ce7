"""One order's side of the start page: its timeline, the events recorded with FK's documents,
FK's quoted hours against the cost model, and the calendar (.ics) export.

Recording an event (händelse) puts a draft into the register; every change is announced with
`changed`, and the page reloads the list from the register (the single source of truth).
Recording copies and hashes the attached documents (up to 100 MB each), so it runs off the GUI
thread with its own connection to the register, and the panel shows that it is busy.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from beställning.process import STEP_BY_ID, STEPS, timeline
from beställning.register import Event, Register, RegisterError, StepOrderError
from beställning.register.calibration import Estimator, apply_calibration, compare, record_quote
from beställning.register.ics import export_ics
from beställning.register.overview import OrderRow
from beställning.text import one_line
from ui.layouts import VerticalScrollArea
from ui.register.display import BLUE, fmt_date, storage_problem
from ui.register.labels import process_text
from ui.register.timeline_view import TimelineWidget
from ui.save_dialog import ask_save_path, suggested_path
from ui.workers import run_in_background

STORAGE_ERRORS = (RegisterError, OSError)  # the register reports database failures as RegisterError


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class EventPanel(QWidget):
    """One order: its timeline, recording events with documents, its quote, and calendar export."""

    changed = Signal()

    def __init__(
        self,
        register: Register | None,
        today: Callable[[], date],
        estimator: Estimator | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.register = register
        self.today = today
        self.estimator = estimator
        self.row: OrderRow | None = None
        self.pending_documents: list[Path] = []
        self.busy = False  # an event is being recorded in the background
        self._shown_id: str | None = None  # the order whose inputs (note, date, documents) are shown
        self._step_for_id: str | None = None  # the order the chosen step was suggested for

        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.heading.setWordWrap(True)
        self.subheading = QLabel()
        self.subheading.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("advice")
        self.note.setWordWrap(True)
        self.timeline = TimelineWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.timeline)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)

        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addWidget(self.subheading)
        left.addWidget(self.note)
        left.addWidget(scroll, 1)

        self.step_combo = QComboBox()
        self.step_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.step_combo.setMinimumContentsLength(14)
        for step in STEPS:
            self.step_combo.addItem(process_text(step.title), step.id)
        self.step_combo.currentTextChanged.connect(self.step_combo.setToolTip)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(_qdate(self.today()))  # today until an order is chosen, never Qt's 2000-01-01
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("t.ex. FK:s diarienummer"))
        self.attach_button = QPushButton(self.tr("Bifoga dokument…"))
        self.attach_button.clicked.connect(self._pick_documents)
        self.pending_label = QLabel(self.tr("Inga dokument valda"))
        self.pending_label.setWordWrap(True)
        self.record_button = QPushButton(self.tr("Registrera händelsen"))
        self.record_button.clicked.connect(self._record)
        form = QFormLayout()
        form.addRow(self.tr("Steg"), self.step_combo)
        form.addRow(self.tr("Datum"), self.date_edit)
        form.addRow(self.tr("Anteckning"), self.note_edit)
        form.addRow(self.attach_button, self.pending_label)
        form.addRow(self.record_button)
        self.record_box = QGroupBox(self.tr("Registrera vad som hänt"))
        self.record_box.setLayout(form)

        self.documents = QListWidget()
        self.documents.setAccessibleName(self.tr("Händelser och dokument"))
        self.documents.itemDoubleClicked.connect(self._open_document)
        self.remove_button = QPushButton(self.tr("Ta bort markerad händelse"))
        self.remove_button.clicked.connect(self._remove_event)
        events_box = QGroupBox(self.tr("Händelser och dokument (dubbelklicka för att öppna)"))
        events_layout = QVBoxLayout(events_box)
        events_layout.addWidget(self.documents)
        events_layout.addWidget(self.remove_button)

        self.hours_spin = QDoubleSpinBox()
        self.hours_spin.setRange(0, 10_000)
        self.hours_spin.setDecimals(1)
        self.hours_spin.setSuffix(" h")
        self.quote_button = QPushButton(self.tr("Spara offertens timmar"))
        self.quote_button.clicked.connect(self._save_quote)
        self.calibration_label = QLabel()
        self.calibration_label.setWordWrap(True)
        self.calibrate_button = QPushButton(self.tr("Justera kostnadsmodellen…"))
        self.calibrate_button.clicked.connect(self._calibrate)
        quote_box = QGroupBox(self.tr("FK:s offert och kostnadsmodellen"))
        quote_layout = QVBoxLayout(quote_box)
        hours_row = QHBoxLayout()
        hours_row.addWidget(QLabel(self.tr("Offererade timmar")))
        hours_row.addWidget(self.hours_spin, 1)
        quote_layout.addLayout(hours_row)
        quote_layout.addWidget(self.quote_button)
        quote_layout.addWidget(self.calibration_label)
        quote_layout.addWidget(self.calibrate_button)

        self.ics_button = QPushButton(self.tr("Spara datumen i kalendern (.ics)…"))
        self.ics_button.clicked.connect(self._export_ics)

        right_widget = QWidget()
        right = QVBoxLayout(right_widget)
        right.setContentsMargins(0, 0, 4, 0)
        right.addWidget(self.record_box)
        right.addWidget(events_box, 1)
        right.addWidget(quote_box)
        right.addWidget(self.ics_button)
        self.documents.setMinimumHeight(80)
        right_scroll = VerticalScrollArea(right_widget)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(left, 3)
        layout.addWidget(right_scroll, 2)
        self.set_row(None)

    # --- showing -----------------------------------------------------------------------------

    def _events(self) -> list[Event]:
        if self.row is None or self.register is None or not self.row.in_register:
            return []
        return self.register.events(self.row.id)

    def set_row(self, row: OrderRow | None) -> None:
        """Show `row`; what the user has typed (note, date, documents) is kept while it is the same order."""
        if row is not None and row is self.row:
            return  # the same data again (a search keystroke, a filter change): nothing to redraw
        new_id = row.id if row is not None else None
        if new_id != self._shown_id:
            self._shown_id = new_id
            self._reset_inputs()
        self.row = row
        enabled = row is not None and self.register is not None
        for widget in (
            self.quote_button,
            self.hours_spin,
            self.ics_button,
            self.remove_button,
        ):
            widget.setEnabled(enabled)
        self.record_box.setEnabled(enabled and not self.busy)
        if row is None:
            self.heading.setText(self.tr("Ingen beställning vald"))
            self.subheading.setText(self.tr("Välj en beställning i listan för att se dess tidslinje."))
            self.note.hide()
            self.timeline.set_timeline([], [])
            self.documents.clear()
            self.calibration_label.clear()
            self.calibrate_button.setEnabled(False)
            return
        events = self._events()
        self.heading.setText(row.project)
        parts = [process_text(row.route_label), row.orderer, process_text(row.status)]
        if row.next_step:
            parts.append(
                self.tr("Nästa: ")
                + process_text(row.next_step)
                + (f" ({fmt_date(row.next_date)})" if row.next_date else "")
            )
        self.subheading.setText(" · ".join(p for p in parts if p))
        notes = [r.message for r in row.reminders] + ([row.note] if row.note else [])
        self.note.setText("\n\n".join(notes))
        self.note.setVisible(bool(notes))
        self.timeline.set_timeline(timeline(row.order, events, self.today()), events)
        self._fill_events(events)
        if self._step_for_id != row.id:  # suggest the next step once, not over the user's choice
            self._step_for_id = row.id
            self._select_next_step()
        self._show_calibration()

    def _reset_inputs(self) -> None:
        self._step_for_id = None
        self.pending_documents = []
        self.pending_label.setText(self.tr("Inga dokument valda"))
        self.note_edit.clear()
        self.date_edit.setDate(_qdate(self.today()))

    def _select_next_step(self) -> None:
        if self.row is None:
            return
        entries = timeline(self.row.order, self._events(), self.today())
        upcoming = next((e for e in entries if e.state in ("next", "overdue")), None)
        step_id = upcoming.step.id if upcoming else "sent"
        self.step_combo.setCurrentIndex(max(self.step_combo.findData(step_id), 0))

    def _fill_events(self, events: list[Event]) -> None:
        self.documents.clear()
        titles = {step.id: process_text(step.title) for step in STEPS}
        for event in events:
            text = f"{event.date.isoformat()}  {titles.get(event.step, event.step)}"
            if event.note:
                text += f" · {event.note}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, ("event", event.id))
            self.documents.addItem(item)
            for document in event.documents:
                doc_item = QListWidgetItem(f"      ▤ {document.file_name}")
                doc_item.setData(Qt.ItemDataRole.UserRole, ("document", document.file_name))
                doc_item.setForeground(QBrush(QColor(BLUE)))
                self.documents.addItem(doc_item)

    def _show_calibration(self) -> None:
        if self.register is None or self.row is None:
            return
        quote = self.register.quote(self.row.id) if self.row.in_register else None
        self.hours_spin.setValue(quote.quoted_hours if quote else 0)
        lines = []
        if quote is not None:
            estimate = f"{quote.estimated_hours:g} h".replace(".", ",") if quote.estimated_hours else self.tr("saknas")
            lines.append(
                self.tr("Den här offerten: %1 h, appens uppskattning %2.")
                .replace("%1", f"{quote.quoted_hours:g}".replace(".", ","))
                .replace("%2", estimate)
            )
        summary = compare(self.register)
        lines.append(summary.message)
        self.calibration_label.setText("\n".join(lines))
        self.calibrate_button.setEnabled(summary.suggested_factor is not None)

    # --- actions -----------------------------------------------------------------------------

    def _ensure_registered(self) -> bool:
        """A draft gets into the register when something is recorded for it; False (and says why) if not."""
        if self.row is None or self.register is None:
            return False
        if not self.row.in_register:
            try:
                self.register.save(self.row.order)
            except STORAGE_ERRORS as exc:
                QMessageBox.warning(self, self.tr("Kunde inte föra in beställningen i registret"), storage_problem(exc))
                return False
        return True

    def _pick_documents(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Bifoga FK:s dokument"),
            "",
            self.tr("Dokument (*.pdf *.docx *.doc *.txt *.eml *.msg);;Alla filer (*)"),
        )
        if names:
            self.add_pending_documents([Path(n) for n in names])

    def add_pending_documents(self, paths: list[Path]) -> None:
        self.pending_documents += paths
        self.pending_label.setText(", ".join(p.name for p in self.pending_documents))

    def record(
        self,
        step_id: str,
        day: date,
        note: str = "",
        documents: list[Path] | None = None,
        then: Callable[[], object] | None = None,
    ) -> bool:
        """Start recording an event for the shown order in the background; False if it could not start.

        The documents are copied and hashed on a worker with its own register connection; `changed`
        is emitted when the event is stored, and a problem is shown in a message box. A step recorded
        before the step it follows is refused by the register; the user is offered to record that
        step first (same date), and then this one. `then` runs after a successful record.
        """
        if self.busy or not self._ensure_registered() or self.row is None or self.register is None:
            return False
        order_id = self.row.id
        db_path, orders_root = self.register.path, self.register.orders_root
        files = list(documents or [])
        text = one_line(note)

        def work(_report: Callable[[float, str], None]) -> object:
            with Register(db_path, orders_root) as register:  # sqlite connections belong to one thread
                return register.record_event(order_id, step_id, day, text, files)

        def done(_event: object) -> None:
            self._set_busy(False)
            if self._shown_id == order_id:
                self._reset_inputs()
            self.changed.emit()
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            if isinstance(exc, StepOrderError) and self._shown_id == order_id and self.ask_record_first(exc):
                self.record(exc.missing, day, "", [], then=lambda: self.record(step_id, day, text, files, then))
                return
            QMessageBox.warning(self, self.tr("Kunde inte registrera"), storage_problem(exc))

        self._set_busy(True)
        run_in_background(work, on_success=done, on_failure=failed, parent=self)
        return True

    def ask_record_first(self, refusal: StepOrderError) -> bool:
        """Offer to record the missing step first (a method, so tests can answer)."""
        missing = STEP_BY_ID[refusal.missing].title
        if refusal.wrong_date:  # the date is the problem: nothing to record first
            QMessageBox.warning(self, self.tr("Kunde inte registrera"), str(refusal))
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Steg saknas"),
            str(refusal) + "\n\n" + self.tr("Registrera ”{0}” med samma datum först?").format(missing),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.record_button.setText(self.tr("Registrerar …") if busy else self.tr("Registrera händelsen"))
        self.record_box.setEnabled(not busy and self.row is not None and self.register is not None)

    def _record(self) -> None:
        step_id = str(self.step_combo.currentData())
        self.record(step_id, _pydate(self.date_edit.date()), self.note_edit.text(), self.pending_documents)

    def _selected_event(self) -> int | None:
        item = self.documents.currentItem()
        if item is None:
            return None
        kind, value = item.data(Qt.ItemDataRole.UserRole)
        if kind == "event":
            return int(value)
        for row in range(self.documents.row(item), -1, -1):
            kind, value = self.documents.item(row).data(Qt.ItemDataRole.UserRole)
            if kind == "event":
                return int(value)
        return None

    def _remove_event(self) -> None:
        event_id = self._selected_event()
        if event_id is None or self.register is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Ta bort händelsen?"), self.tr("Händelsen och dess bifogade dokument tas bort.")
        )
        if answer == QMessageBox.StandardButton.Yes:
            try:
                self.register.remove_event(event_id)
            except STORAGE_ERRORS as exc:
                QMessageBox.warning(self, self.tr("Kunde inte ta bort händelsen"), storage_problem(exc))
                return
            self.changed.emit()

    def _open_document(self, item: QListWidgetItem) -> None:
        kind, value = item.data(Qt.ItemDataRole.UserRole)
        if kind != "document" or self.row is None or self.register is None:
            return
        path = self.register.documents_dir(self.row.id) / str(value)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _save_quote(self) -> None:
        if not self._ensure_registered() or self.row is None or self.register is None:
            return
        hours = self.hours_spin.value()
        decisions = [e.date for e in self._events() if e.step in ("decision", "draft_quote")]
        try:
            record_quote(self.register, self.row.id, hours, max(decisions, default=self.today()), self.estimator)
        except STORAGE_ERRORS as exc:
            QMessageBox.warning(self, self.tr("Kunde inte spara offerten"), storage_problem(exc))
            return
        self.changed.emit()

    def _calibrate(self) -> None:
        if self.register is None:
            return
        summary = compare(self.register)
        if summary.suggested_factor is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Justera kostnadsmodellen?"),
            summary.message
            + "\n\n"
            + self.tr("Vill du att alla uppskattningar från och med nu multipliceras med %1?").replace(
                "%1", f"{summary.suggested_factor:.2f}".replace(".", ",")
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            apply_calibration(summary)
        except Exception as exc:  # the cost model's own errors (e.g. a damaged overrides file)
            QMessageBox.warning(self, self.tr("Kalibreringen sparades inte"), str(exc))
            return
        self.calibration_label.setText(self.calibration_label.text() + "\n" + self.tr("Kostnadsmodellen är justerad."))

    def _export_ics(self) -> None:
        if self.row is None:
            return
        suggestion = suggested_path(f"{self.row.project[:60]} – datum", ".ics")
        path = ask_save_path(self, self.tr("Spara datumen"), suggestion, self.tr("Kalenderfil (*.ics)"))
        if path is None:
            return
        try:
            export_ics(self.row.order, self._events(), path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Kunde inte spara"), str(exc))
