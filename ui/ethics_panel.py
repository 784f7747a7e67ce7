"""The ethics panel: the ethics application and decision read against the order, as a short list.

A view of `beställning.ethics.check_ethics`: ✔ a requirement found, with its quote and where (file,
page); ⚠ one not found, with what to do ("FK kan begära komplettering; kontrollera att etikansökan
nämner …"), or a document that cannot be read ("kan inte läsas (skannad?)"); – one that does not
apply. It warns and never blocks.

`set_order(order)` is all a page needs: the panel reads the documents off the GUI thread (a 60-page
PDF takes a few hundred ms), waits until typing pauses (REFRESH_DELAY_MS) and does nothing while it
is hidden, catching up when shown. `check(order)` reads at once; `show_report` shows a report
computed elsewhere (e.g. by `check --json`'s caller).
"""

from __future__ import annotations

import copy
import html
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from beställning.ethics import EthicsEntry, EthicsReport, check_ethics
from beställning.ethics import report as ethics_report
from beställning.order import Order
from ui.estimate_panel import GOOD, WARN
from ui.workers import Report, Task, run_in_background

MUTED = "#555"
REFRESH_DELAY_MS = 300


class EthicsPanel(QWidget):
    """What FK will check in the ethics documents, per requirement, for one order."""

    report_shown = Signal(object)  # the EthicsReport now on screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: EthicsReport | None = None
        self._task: Task[EthicsReport] | None = None
        self._generation = 0
        self._order: Order | None = None
        self._dirty = False  # the report shown is older than the order
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self._refresh_if_dirty)

        title = QLabel(self.tr("Etikansökan mot beställningen"))
        title.setObjectName("fieldLabel")
        help_text = QLabel(
            self.tr(
                "Det Försäkringskassan kontrollerar i etikansökan och beslutet innan den beslutar. "
                "Varningarna hindrar inte att beställningen skickas."
            )
        )
        help_text.setObjectName("fieldHelp")
        help_text.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.rows: list[QLabel] = []
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(4)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(title)
        layout.addWidget(help_text)
        layout.addWidget(self.status)
        layout.addLayout(self._rows_layout)
        layout.addStretch(1)
        self.setAccessibleName(self.tr("Etikansökan mot beställningen"))
        self.show_report(None)

    # --- reading ---------------------------------------------------------------------------------

    def set_order(self, order: Order | None) -> None:
        """The order to show; call again whenever it changes (cheap: the reading waits and is cached)."""
        self._order = order
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh_if_dirty()

    def _refresh_if_dirty(self) -> None:
        if not self._dirty or not self.isVisible():
            return
        self._dirty = False
        self._timer.stop()
        if self._order is None:
            self.show_report(None)
        else:
            self.check(self._order)

    def check(self, order: Order, base_dir: Path | None = None) -> None:
        """Read the order's ethics documents in the background and show the result when it comes.

        `base_dir` as for `check_ethics` (None: the order's own folder). A later call supersedes an
        earlier one still running: only the newest result is shown.
        """
        self._generation += 1
        generation = self._generation
        snapshot = copy.deepcopy(order)  # the wizard may change the order while the worker reads
        if self._task is not None and self._task.running:
            self._task.cancel()
        self.status.setText(html.escape(self.tr("Läser etikhandlingarna …")))

        def work(report: Report) -> EthicsReport:
            report(0.0, "")
            return check_ethics(snapshot, base_dir)

        def done(result: EthicsReport) -> None:
            if generation == self._generation:
                self.show_report(result)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self.show_error(str(error))

        self._task = run_in_background(work, on_success=done, on_failure=failed, parent=self, keeps_quit_waiting=False)

    def show_error(self, message: str) -> None:
        self._clear_rows()
        text = self.tr("Etikhandlingarna kunde inte läsas: %1").replace("%1", message)
        self.status.setText(f'<span style="color:{WARN}">{html.escape(text)}</span>')

    # --- showing -----------------------------------------------------------------------------------

    def show_report(self, report: EthicsReport | None) -> None:
        """Show a report; None: nothing checked yet."""
        self.report = report
        self._clear_rows()
        if report is None:
            self.status.setText(html.escape(self.tr("Etikhandlingarna har inte lästs än.")))
        elif not report.applies:
            self.status.setText(html.escape(self.tr("Beställningen kräver ingen etikprövning.")))
        else:
            warnings = len(report.warnings)
            if warnings:
                text = self.tr("%n krav att kontrollera i etikhandlingarna.", "", warnings)
                self.status.setText(f'<span style="color:{WARN}"><b>{html.escape(text)}</b></span>')
            else:
                text = self.tr("✔ Etikhandlingarna nämner allt som Försäkringskassan kontrollerar.")
                self.status.setText(f'<span style="color:{GOOD}"><b>{html.escape(text)}</b></span>')
            for entry in report.entries:
                self._add_row(entry)
        self.report_shown.emit(report)

    def _clear_rows(self) -> None:
        for row in self.rows:
            self._rows_layout.removeWidget(row)
            row.deleteLater()
        self.rows = []

    def _add_row(self, entry: EthicsEntry) -> None:
        row = QLabel(self.row_html(entry))
        row.setTextFormat(Qt.TextFormat.RichText)
        row.setWordWrap(True)
        row.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.setAccessibleName(self.row_text(entry))
        self.rows.append(row)
        self._rows_layout.addWidget(row)

    def label(self, entry: EthicsEntry) -> str:
        """The requirement's name on screen: fixed ones translated, a benefit by its name."""
        labels = {
            ethics_report.FK_SOURCE: self.tr("Försäkringskassan som källa"),
            ethics_report.LINKAGE: self.tr("Samkörning med andra register"),
            ethics_report.REPEATED: self.tr("Mer än en leverans"),
            ethics_report.DNR: self.tr("Diarienummer i beslutet"),
            ethics_report.DECISION_DATE: self.tr("Beslutsdatum"),
            ethics_report.PERIOD: self.tr("Period"),
            ethics_report.SUPPLEMENTS: self.tr("Kompletteringar"),
        }
        return labels.get(entry.id, entry.label)

    def where(self, entry: EthicsEntry) -> str:
        """'Etikansökan.pdf, s. 3', or the file alone when its pages are unknown."""
        name = Path(entry.file).name if entry.file else ""
        if name and entry.page is not None:
            return self.tr("%1, s. %2").replace("%1", name).replace("%2", str(entry.page))
        return name

    def _mark(self, entry: EthicsEntry) -> tuple[str, str]:
        if entry.status == "found":
            return "✔", GOOD
        if entry.status == "not_applicable":
            return "–", MUTED
        return "⚠", WARN

    def row_text(self, entry: EthicsEntry) -> str:
        """The row as plain text (for screen readers and tests)."""
        mark, _ = self._mark(entry)
        parts = [f"{mark} {self.label(entry)}"]
        if entry.status == "found":
            parts.append(f"”{entry.quote}” ({self.where(entry)})")
        else:
            if entry.advice:
                parts.append(entry.advice)
            if entry.quote:
                found = self.tr("Hittat:")
                parts.append(f"{found} ”{entry.quote}” ({self.where(entry)})")
        return ": ".join(parts[:2]) + "".join(f" {part}" for part in parts[2:])

    def row_html(self, entry: EthicsEntry) -> str:
        mark, colour = self._mark(entry)
        head = f'<span style="color:{colour}">{mark}</span> <b>{html.escape(self.label(entry))}</b>'
        where = html.escape(self.where(entry))
        place = f' <span style="color:{MUTED}">({where})</span>' if where else ""
        if entry.status == "found":
            return f"{head}: ”{html.escape(entry.quote or '')}”{place}"
        body = html.escape(entry.advice or "")
        if entry.status == "not_applicable":
            return f'<span style="color:{MUTED}">{head}: {body}</span>'
        if entry.quote:
            found = self.tr("Hittat:")
            body += f'<br><span style="color:{MUTED}">{html.escape(found)}</span> ”{html.escape(entry.quote)}”{place}'
        return f"{head}: {body}"
