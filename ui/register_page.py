"""The start page (startsida): every order with its status and next step, and one order's timeline.

A thin view over `beställning.register`: the list comes from `overview()` (drafts merged in), is
filtered and searched in Python and shown through one proxy that sorts by a role, so dates sort as
dates and statuses in process order. Below the list, the selected order's path through FK's
process is drawn as a timeline; events are recorded there with their date and FK's documents.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QPoint,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDesktopServices,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from beställning.order import Order
from beställning.process import STEPS, TimelineEntry, timeline
from beställning.register import Event, Register, RegisterError
from beställning.register.calibration import Estimator, apply_calibration, compare, record_quote
from beställning.register.ics import export_ics
from beställning.register.overview import OrderRow, overview
from beställning.register.store import load_order_copy
from beställning.register.transfer import export_order, import_order
from beställning.text import one_line

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

BLUE = "#1f4e79"
GREEN = "#1e7b34"
RED = "#b3261e"
GREY = "#8a8f98"
LIGHT = "#c8ccd2"
STATE_COLORS = {"done": GREEN, "next": BLUE, "overdue": RED, "upcoming": GREY, "skipped": LIGHT}
WEEKDAYS = ("mån", "tis", "ons", "tor", "fre", "lör", "sön")

STATUS_RANK = {"Utkast": 0, **{step.status: i + 1 for i, step in enumerate(STEPS)}, "Arkiverad": 99}
WAITING = {"Skickad", "Mottagen av FK", "Komplettering", "Utkast till offert", "Sekretessprövning"}

FILTERS: tuple[tuple[str, Callable[[OrderRow], bool]], ...] = (
    ("Alla aktuella", lambda r: not r.archived),
    ("Utkast", lambda r: r.is_draft),
    ("Väntar på FK", lambda r: r.status in WAITING),
    ("Beslut, nyckelfil, leverans", lambda r: r.status in ("Beslut och offert", "Nyckelfil skickad")),
    ("Levererade", lambda r: r.status in ("Levererad", "Fakturerad")),
    ("Avslutade", lambda r: r.status == "Avslutad"),
    ("Med påminnelser", lambda r: bool(r.reminders)),
    ("Arkiverade", lambda r: r.archived),
    ("Alla, även arkiverade", lambda r: True),
)

UPCOMING_HINTS = {
    "confirmation": "Två arbetsdagar efter att beställningen skickats",
    "invoice": "1–3 månader efter leveransen",
    "retention_end": "Sex månader efter leveransen, om inte längre lagring beställts",
}

COLUMNS = ("Projekt", "Väg", "Beställare", "Status", "Nästa steg", "Datum", "Ändrad")


def fmt_date(day: date | None) -> str:
    """'tis 2026-12-29': ISO date with a Swedish weekday, so a reader sees weekends at once."""
    return f"{WEEKDAYS[day.weekday()]} {day.isoformat()}" if day else ""


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def matches(row: OrderRow, text: str) -> bool:
    """Case-insensitive search over what the list shows (and the register note)."""
    words = text.casefold().split()
    haystack = " ".join(
        (row.project, row.orderer, row.status, row.next_step, row.route_label, row.note, row.id)
    ).casefold()
    return all(word in haystack for word in words)


def _item(text: str, sort: object) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(sort, SORT_ROLE)
    return item


def build_items(row: OrderRow) -> list[QStandardItem]:
    """One table row: display text, and a sort key per column (dates as ISO, status in process order)."""
    project = row.project + ("  ↻ upprepad leverans" if row.note.startswith("Upprepad leverans") else "")
    next_text = ("⚠ " if row.reminders else "") + row.next_step
    when = fmt_date(row.next_date) if row.next_date else "—"
    items = [
        _item(project, row.project.casefold()),
        _item(row.route_label, row.route_label),
        _item(row.orderer, row.orderer.casefold()),
        _item(row.status, STATUS_RANK.get(row.status, 50)),
        _item(next_text, row.next_step.casefold()),
        _item(when, row.next_date.isoformat() if row.next_date else "9999-12-31"),
        _item(row.modified[:10], row.modified),
    ]
    items[0].setData(row.id, ID_ROLE)
    tips = [r.message for r in row.reminders]
    if row.note:
        tips.append(row.note)
    if tips:
        for item in items:
            item.setToolTip("\n\n".join(tips))
    if row.next_overdue:
        items[5].setForeground(QBrush(QColor(RED)))
        items[5].setText(when + "  (passerat)")
    if row.reminders:
        items[4].setForeground(QBrush(QColor(RED)))
    if row.archived:
        for item in items:
            item.setForeground(QBrush(QColor(GREY)))
    return items


class TimelineWidget(QWidget):
    """FK's process for one order, drawn as a vertical line of steps (QPainter, no chart library)."""

    ROW_GAP = 10
    LEFT = 40

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[TimelineEntry] = []
        self.events: dict[str, list[Event]] = {}
        self.setMinimumWidth(320)

    def set_timeline(self, entries: list[TimelineEntry], events: list[Event]) -> None:
        self.entries = entries
        self.events = {}
        for event in events:
            self.events.setdefault(event.step, []).append(event)
        self._fit()
        self.update()

    def _lines(self, entry: TimelineEntry) -> list[tuple[str, str]]:
        """(kind, text) lines under the step title: dates, notes, documents, the next step's advice."""
        lines: list[tuple[str, str]] = []
        recorded = self.events.get(entry.step.id, [])
        if entry.state == "done":
            if recorded:
                for event in recorded:
                    text = fmt_date(event.date) + (f" · {event.note}" if event.note else "")
                    lines.append(("date", text))
                    lines += [("doc", f"▤ {d.title or d.file_name} ({d.file_name})") for d in event.documents]
            else:
                lines.append(
                    ("date", fmt_date(entry.date) + ("" if entry.step.id != "sent" else " · skickad i appen"))
                )
        elif entry.state == "skipped":
            lines.append(("muted", entry.note or "Inte registrerat"))
        else:
            if entry.expected and entry.expected_to:
                lines.append(("date", f"Väntas {fmt_date(entry.expected)} – {fmt_date(entry.expected_to)}"))
            elif entry.expected:
                label = {
                    "confirmation": "Senast",
                    "key_file": "Nu, efter beslutet",
                    "delivery": "Önskat leveransdatum",
                    "retention_end": "FK gallrar",
                }.get(entry.step.id, "Väntas")
                lines.append(("date", f"{label} {fmt_date(entry.expected)}"))
            elif entry.step.id in UPCOMING_HINTS:
                lines.append(("muted", UPCOMING_HINTS[entry.step.id]))
            if entry.note and entry.step.id != "delivery":
                lines.append(("muted", entry.note))
            if entry.state in ("next", "overdue"):
                lines.append(("help", entry.step.help))
        if entry.state == "done" and entry.note and entry.step.id == "retention_end":
            lines.append(("muted", entry.note))
        return lines

    def _line_height(self, kind: str, text: str, width: int) -> int:
        metrics = QFontMetrics(self.font())
        if kind != "help":
            return metrics.height()
        rect = metrics.boundingRect(QRect(0, 0, width - 16, 10_000), Qt.TextFlag.TextWordWrap, text)
        return rect.height() + 10

    def _fit(self) -> None:
        self.setMinimumHeight(self._height_for(max(self.width(), 320)))

    def _height_for(self, width: int) -> int:
        title = QFontMetrics(self._bold()).height()
        text_width = width - self.LEFT - 12
        total = 12
        for entry in self.entries:
            total += (
                title + sum(self._line_height(k, t, text_width) for k, t in self._lines(entry)) + self.ROW_GAP
            )
        return total + 8

    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def sizeHint(self) -> QSize:
        return QSize(420, self._height_for(420))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        bold = self._bold()
        title_h = QFontMetrics(bold).height()
        text_width = self.width() - self.LEFT - 12
        y = 12
        centers: list[tuple[int, str]] = []
        for entry in self.entries:
            color = QColor(STATE_COLORS[entry.state])
            centers.append((y + title_h // 2, entry.state))
            painter.setFont(bold)
            painter.setPen(QColor("#222") if entry.state != "skipped" else QColor(GREY))
            title = entry.step.title
            if entry.state == "overdue":
                title += " – försenad"
            elif entry.state == "next":
                title += " – nästa steg"
            painter.drawText(QRect(self.LEFT, y, text_width, title_h), Qt.AlignmentFlag.AlignVCenter, title)
            y += title_h
            painter.setFont(self.font())
            for kind, text in self._lines(entry):
                height = self._line_height(kind, text, text_width)
                if kind == "help":
                    box = QRect(self.LEFT, y + 3, text_width, height - 6)
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QColor("#fff8e1") if entry.step.id == "key_file" else QColor("#eef3f8"))
                    painter.drawRect(box)
                    painter.setPen(QColor("#333"))
                    painter.drawText(box.adjusted(8, 2, -8, -2), Qt.TextFlag.TextWordWrap, text)
                else:
                    pen = {"date": color if entry.state == "overdue" else QColor("#333"), "doc": QColor(BLUE)}
                    painter.setPen(pen.get(kind, QColor(GREY)))
                    painter.drawText(
                        QRect(self.LEFT, y, text_width, height), Qt.AlignmentFlag.AlignVCenter, text
                    )
                y += height
            y += self.ROW_GAP
        x = 20
        for index, (cy, state) in enumerate(centers):
            if index + 1 < len(centers):
                painter.setPen(QPen(QColor(LIGHT), 2))
                painter.drawLine(QPoint(x, cy + 8), QPoint(x, centers[index + 1][0] - 8))
            color = QColor(STATE_COLORS[state])
            painter.setPen(QPen(color, 2))
            painter.setBrush(color if state in ("done", "overdue") else QColor("white"))
            painter.drawEllipse(QPoint(x, cy), 7, 7)
            if state == "next":
                painter.setBrush(color)
                painter.drawEllipse(QPoint(x, cy), 3, 3)
        painter.end()


class TimelinePanel(QWidget):
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
        for step in STEPS:
            self.step_combo.addItem(self.tr(step.title), step.id)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
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
        hours_row.addWidget(self.hours_spin)
        hours_row.addWidget(self.quote_button)
        quote_layout.addLayout(hours_row)
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
        right_scroll = QScrollArea()
        right_scroll.setWidgetResizable(True)
        right_scroll.setFrameShape(QFrame.Shape.NoFrame)
        right_scroll.setWidget(right_widget)
        right_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

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
        self.row = row
        self.pending_documents = []
        self.pending_label.setText(self.tr("Inga dokument valda"))
        self.note_edit.clear()
        self.date_edit.setDate(_qdate(self.today()))
        enabled = row is not None and self.register is not None
        for widget in (
            self.record_box,
            self.quote_button,
            self.hours_spin,
            self.ics_button,
            self.remove_button,
        ):
            widget.setEnabled(enabled)
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
        parts = [row.route_label, row.orderer, row.status]
        if row.next_step:
            parts.append(
                self.tr("Nästa: ")
                + row.next_step
                + (f" ({fmt_date(row.next_date)})" if row.next_date else "")
            )
        self.subheading.setText(" · ".join(p for p in parts if p))
        notes = [r.message for r in row.reminders] + ([row.note] if row.note else [])
        self.note.setText("\n\n".join(notes))
        self.note.setVisible(bool(notes))
        self.timeline.set_timeline(timeline(row.order, events, self.today()), events)
        self._fill_events(events)
        self._select_next_step()
        self._show_calibration()

    def _select_next_step(self) -> None:
        if self.row is None:
            return
        entries = timeline(self.row.order, self._events(), self.today())
        upcoming = next((e for e in entries if e.state in ("next", "overdue")), None)
        step_id = upcoming.step.id if upcoming else "sent"
        self.step_combo.setCurrentIndex(max(self.step_combo.findData(step_id), 0))

    def _fill_events(self, events: list[Event]) -> None:
        self.documents.clear()
        titles = {step.id: step.title for step in STEPS}
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
            estimate = f"{quote.estimated_hours:g} h".replace(".", ",") if quote.estimated_hours else "saknas"
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
        """A draft gets into the register when something is recorded for it."""
        if self.row is None or self.register is None:
            return False
        if not self.row.in_register:
            self.register.save(self.row.order)
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

    def record(self, step_id: str, day: date, note: str = "", documents: list[Path] | None = None) -> bool:
        """Record an event for the shown order; shows the problem and returns False on failure."""
        if not self._ensure_registered() or self.row is None or self.register is None:
            return False
        try:
            self.register.record_event(self.row.id, step_id, day, one_line(note), documents or [])
        except RegisterError as exc:
            QMessageBox.warning(self, self.tr("Kunde inte registrera"), str(exc))
            return False
        self.changed.emit()
        return True

    def _record(self) -> None:
        step_id = str(self.step_combo.currentData())
        if self.record(
            step_id, _pydate(self.date_edit.date()), self.note_edit.text(), self.pending_documents
        ):
            self.pending_documents = []

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
            self.register.remove_event(event_id)
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
            record_quote(
                self.register, self.row.id, hours, max(decisions, default=self.today()), self.estimator
            )
        except RegisterError as exc:
            QMessageBox.warning(self, self.tr("Kunde inte spara offerten"), str(exc))
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
        self.calibration_label.setText(
            self.calibration_label.text() + "\n" + self.tr("Kostnadsmodellen är justerad.")
        )

    def _export_ics(self) -> None:
        if self.row is None:
            return
        suggestion = str(Path.home() / f"{one_line(self.row.project)[:60]} – datum.ics")
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Spara datumen"), suggestion, self.tr("Kalenderfil (*.ics)")
        )
        if not name:
            return
        try:
            export_ics(self.row.order, self._events(), Path(name))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Kunde inte spara"), str(exc))


class RegisterPage(QWidget):
    """The start page: all orders, reminders, and the selected order's timeline."""

    open_order = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        register: Register | None = None,
        drafts: object | None = None,
        today: Callable[[], date] = date.today,
        estimator: Estimator | None = None,
    ) -> None:
        super().__init__(parent)
        self.today = today
        self.problem = ""
        self.register: Register | None = register
        if self.register is None:
            try:
                self.register = Register()
            except RegisterError as exc:
                self.problem = str(exc)
        self.drafts = drafts if drafts is not None else self._draft_store()
        if self.register is not None:
            # The wastebasket keeps deleted orders for 30 days, then they go for good.
            self.register.purge_deleted(before=(datetime.now() - timedelta(days=30)).astimezone().isoformat())
        self.rows: list[OrderRow] = []
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
            self.filter.addItem(self.tr(label))
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
        self.undo_bar.setStyleSheet("#undoBar { background: #fff8e1; border: 1px solid #e0c46c; }")
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(8, 4, 8, 4)
        self.undo_label = QLabel()
        self.undo_button = QPushButton(self.tr("Ångra"))
        self.undo_button.clicked.connect(self.undo_delete)
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(self.undo_button)
        self.undo_bar.hide()

        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 3, 5, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column, width in ((2, 220), (4, 250)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setDefaultSectionSize(QFontMetrics(self.font()).height() + 8)
        self.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.count_label = QLabel()

        self.panel = TimelinePanel(self.register, self.today, estimator)
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

    @staticmethod
    def _draft_store() -> object | None:
        try:
            from beställning.drafts import DraftStore
        except ImportError:
            return None
        try:
            return DraftStore()
        except OSError:
            return None

    # --- data --------------------------------------------------------------------------------

    def _draft_orders(self) -> list[Order]:
        lister = getattr(self.drafts, "list", None)
        if lister is None:
            return []
        try:
            return list(lister())
        except Exception as exc:  # an unreadable drafts folder must not hide the register
            self.problem = self.tr("Utkasten kunde inte läsas: ") + str(exc)
            return []

    def refresh(self) -> None:
        """Reload everything from the register and the drafts, keeping the selection."""
        selected = self.selected_id()
        problems = [self.problem] if self.problem else []
        if self.register is not None:
            self.rows, more = overview(self.register, self.today(), self._draft_orders())
            problems += more
        else:
            self.rows = [
                OrderRow(
                    o.id,
                    o.route,
                    o.route,
                    o.title(),
                    "",
                    "Utkast",
                    "",
                    None,
                    False,
                    o.modified,
                    False,
                    False,
                    "",
                    (),
                    o,
                )
                for o in self._draft_orders()
            ]
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
            self.tr("Påminnelser (%1)").replace("%1", str(len(found)))
            if found
            else self.tr("Inga påminnelser.")
        )
        self.reminders.setVisible(bool(found))
        rows = min(len(found), 5)
        self.reminders.setFixedHeight(
            self.reminders.sizeHintForRow(0) * rows + 2 * self.reminders.frameWidth() + 2
        )

    def visible_rows(self) -> list[OrderRow]:
        test = FILTERS[max(self.filter.currentIndex(), 0)][1]
        text = self.search.text()
        return [row for row in self.rows if test(row) and matches(row, text)]

    def _apply_filter(self) -> None:
        selected = self.selected_id()
        shown = self.visible_rows()
        self.model.removeRows(0, self.model.rowCount())
        for row in shown:
            self.model.appendRow(build_items(row))
        self.count_label.setText(
            self.tr("Visar %1 av %2 beställningar.")
            .replace("%1", str(len(shown)))
            .replace("%2", str(len(self.rows)))
        )
        if (selected and not self.select(selected)) or not selected:
            self.panel.set_row(None)
        self._update_buttons()

    # --- selection ---------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        index = self.table.selectionModel().currentIndex() if self.table.selectionModel() else QModelIndex()
        if not index.isValid():
            return None
        source = self.proxy.mapToSource(index)
        value = self.model.item(source.row(), 0).data(ID_ROLE)
        return str(value) if value else None

    def selected_row(self) -> OrderRow | None:
        order_id = self.selected_id()
        return next((r for r in self.rows if r.id == order_id), None)

    def select(self, order_id: str) -> bool:
        """Select the order in the table (if shown); returns whether it is shown."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.proxy.data(index, ID_ROLE) == order_id:
                self.table.selectionModel().setCurrentIndex(
                    index,
                    self.table.selectionModel().SelectionFlag.ClearAndSelect
                    | self.table.selectionModel().SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
                self.panel.set_row(self.selected_row())
                return True
        return False

    def _selection_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.panel.set_row(self.selected_row())
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected_row()
        for key in ("open", "duplicate", "archive", "delete", "export"):
            self.buttons[key].setEnabled(
                row is not None and (self.register is not None or key in ("open", "delete"))
            )
        self.buttons["archive"].setText(
            self.tr("Ta fram ur arkivet") if row and row.archived else self.tr("Arkivera")
        )

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
                saver = getattr(self.drafts, "save", None)
                if saver is None:
                    return
                saver(copy)
                message = self.tr("Kopian av utkastet är skapad.")
        except RegisterError as exc:
            QMessageBox.warning(self, self.tr("Kunde inte duplicera"), str(exc))
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
        except RegisterError as exc:
            QMessageBox.warning(self, self.tr("Kunde inte arkivera"), str(exc))
            return
        self.refresh()

    def delete_selected(self) -> None:
        """Delete at once, with an undo bar (the register keeps the row; a draft is kept in memory)."""
        row = self.selected_row()
        if row is None:
            return
        deleter = getattr(self.drafts, "delete", None)
        had_draft = any(o.id == row.id for o in self._draft_orders())
        try:
            if row.in_register and self.register is not None:
                self.register.delete(row.id)
            if had_draft and deleter is not None:
                deleter(row.id)
        except RegisterError as exc:
            QMessageBox.warning(self, self.tr("Kunde inte ta bort"), str(exc))
            return
        self._undo = (row, had_draft)
        self.undo_label.setText(self.tr("”%1” togs bort.").replace("%1", row.project))
        self.undo_bar.show()
        self.refresh()

    def undo_delete(self) -> None:
        if self._undo is None:
            return
        row, had_draft = self._undo
        self._undo = None
        if row.in_register and self.register is not None:
            self.register.restore(row.id)
        saver = getattr(self.drafts, "save", None)
        if had_draft and saver is not None:
            saver(row.order)
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
        suggestion = str(Path.home() / f"{one_line(row.project)[:60]}.zip")
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Exportera beställningen"), suggestion, self.tr("Beställning med historik (*.zip)")
        )
        if not name:
            return
        try:
            if not row.in_register:
                self.register.save(row.order)
            export_order(self.register, row.id, Path(name))
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
