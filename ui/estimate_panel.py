"""The estimate panel: what the order may cost and which requested months will be complete.

Shows the domain's estimate (hours and kronor, low/expected/high, excl./incl. VAT, breakdown) and
coverage per benefit at an editable extraction date, with the timeline chart. Call `set_order` again
whenever the order changes. Typing in the wizard changes the order on every key, so the panel waits
until typing pauses (REFRESH_DELAY_MS) and does no work at all while it is hidden: it catches up when
shown. `refresh()` recomputes at once.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from beställning.catalog import Catalog, load_catalog
from beställning.cost import CostModelError, Estimate, OverridesError, estimate
from beställning.cost import text as fmt
from beställning.coverage import BenefitCoverage, CoverageError, order_coverage
from beställning.order import Order
from ui.chart_widget import CoverageChart

WARN = "#9a6700"
BAD = "#b3261e"
GOOD = "#1e7b34"
REFRESH_DELAY_MS = 300


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class EstimatePanel(QWidget):
    """Cost estimate, breakdown, coverage per benefit and the coverage chart for one order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._order: Order | None = None
        self.last_estimate: Estimate | None = None
        self.last_coverage: list[BenefitCoverage] = []
        self._dirty = False  # the shown figures are older than the order or the date
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self._refresh_if_dirty)

        title = QLabel(self.tr("Kostnad och täckning"))
        title.setObjectName("pageTitle")

        self.as_of_edit = QDateEdit(_qdate(date.today()))
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy-MM-dd")
        self.as_of_edit.setToolTip(
            self.tr("Dagen då Försäkringskassan planeras ta ut data. Avgör vilka månader som är kompletta.")
        )
        self.as_of_edit.dateChanged.connect(self.schedule_refresh)
        today = QPushButton(self.tr("I dag"))
        today.clicked.connect(lambda: self.as_of_edit.setDate(_qdate(date.today())))
        date_row = QHBoxLayout()
        date_row.addWidget(QLabel(self.tr("Planerat uttagsdatum:")))
        date_row.addWidget(self.as_of_edit)
        date_row.addWidget(today)
        date_row.addStretch(1)

        self.error = QLabel()
        self.error.setObjectName("fieldProblem")
        self.error.setProperty("blocking", True)
        self.error.setWordWrap(True)
        self.error.hide()

        self.totals = QGridLayout()
        self.totals.setHorizontalSpacing(18)
        for col, text in enumerate((self.tr("Lågt"), self.tr("Förväntat"), self.tr("Högt")), start=1):
            head = QLabel(f"<b>{text}</b>")
            head.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.totals.addWidget(head, 0, col)
        self._total_labels: dict[str, list[QLabel]] = {}
        rows = (
            ("hours", self.tr("Arbetstid")),
            ("excl", self.tr("Kronor exkl. moms")),
            ("vat", self.tr("Moms")),
            ("incl", self.tr("Kronor inkl. moms")),
        )
        for row, (key, text) in enumerate(rows, start=1):
            self.totals.addWidget(QLabel(text), row, 0)
            cells = []
            for col in range(1, 4):
                cell = QLabel()
                cell.setAlignment(Qt.AlignmentFlag.AlignRight)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.totals.addWidget(cell, row, col)
                cells.append(cell)
            self._total_labels[key] = cells
        self.totals.setColumnStretch(4, 1)

        self.charge = QLabel()
        self.charge.setWordWrap(True)
        self.rate = QLabel()
        self.rate.setObjectName("fieldHelp")
        self.rate.setWordWrap(True)

        self.breakdown = QTableWidget(0, 4)
        self.breakdown.setHorizontalHeaderLabels(
            [
                self.tr("Del av beställningen"),
                self.tr("Timmar"),
                self.tr("Lågt–högt"),
                self.tr("Beräkning och underlag"),
            ]
        )
        self.breakdown.verticalHeader().hide()
        self.breakdown.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.breakdown.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # Long parts and their basis wrap in their cells (they were cut to "antaga…" at 1280 px).
        self.breakdown.setWordWrap(True)
        self.breakdown.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.breakdown.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.breakdown.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.breakdown.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header.sectionResized.connect(lambda *_args: self._fit_breakdown())

        self.notes = QLabel()
        self.notes.setObjectName("advice")
        self.notes.setWordWrap(True)
        self.disclaimer = QLabel()
        self.disclaimer.setObjectName("fieldHelp")
        self.disclaimer.setWordWrap(True)

        coverage_title = QLabel(self.tr("<b>Täckning vid uttaget</b>"))
        self.coverage = QLabel()
        self.coverage.setWordWrap(True)
        self.coverage.setTextFormat(Qt.TextFormat.RichText)
        self.chart = CoverageChart()

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(date_row)
        layout.addWidget(self.error)
        layout.addLayout(self.totals)
        layout.addWidget(self.charge)
        layout.addWidget(self.rate)
        layout.addWidget(self.breakdown)
        layout.addWidget(self.notes)
        layout.addWidget(coverage_title)
        layout.addWidget(self.coverage)
        layout.addWidget(self.chart)
        layout.addWidget(self.disclaimer)
        layout.addStretch(1)

    # --- public --------------------------------------------------------------------------------
    def set_order(self, order: Order) -> None:
        """Show `order`'s estimate and coverage; call again after every change (the work is debounced)."""
        self._order = order
        self.schedule_refresh()

    def schedule_refresh(self) -> None:
        """Recompute once typing pauses; while hidden, only remember that the figures are stale."""
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    @property
    def pending(self) -> bool:
        """Whether a recomputation is waiting (for tests and callers that need fresh figures)."""
        return self._dirty

    def flush(self) -> None:
        """Recompute now if a change is waiting."""
        self._refresh_if_dirty()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh_if_dirty()

    def as_of(self) -> date:
        return _pydate(self.as_of_edit.date())

    def set_as_of(self, day: date) -> None:
        self.as_of_edit.setDate(_qdate(day))

    # --- drawing -------------------------------------------------------------------------------
    def _refresh_if_dirty(self) -> None:
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        """Recompute and redraw now, with one catalog for the estimate and the coverage."""
        self._timer.stop()
        self._dirty = False
        order = self._order
        if order is None:
            return
        problems: list[str] = []
        catalog: Catalog | None
        try:
            catalog = load_catalog()
        except Exception:  # unreadable catalog: the estimate falls back, coverage reports it below
            catalog = None
        try:
            self.last_estimate = estimate(order, on=self.as_of(), catalog=catalog)
        except (CostModelError, OverridesError) as exc:
            self.last_estimate = None
            problems.append(str(exc))
        try:
            self.last_coverage = order_coverage(order, self.as_of(), catalog=catalog)
        except (CoverageError, OverridesError) as exc:
            self.last_coverage = []
            problems.append(str(exc))
        self.error.setText("\n".join(problems))
        self.error.setVisible(bool(problems))
        self._show_estimate(self.last_estimate)
        self._show_coverage(self.last_coverage)

    def _show_estimate(self, est: Estimate | None) -> None:
        if est is None:
            for cells in self._total_labels.values():
                for cell in cells:
                    cell.setText("–")
            self.breakdown.setRowCount(0)
            self.charge.clear()
            self.notes.hide()
            return
        values = {
            "hours": [fmt.hours(v) for v in (est.hours.low, est.hours.expected, est.hours.high)],
            "excl": [fmt.sek(v) for v in (est.sek_excl_vat.low, est.sek_excl_vat.expected, est.sek_excl_vat.high)],
            "vat": [fmt.sek(v) for v in (est.vat.low, est.vat.expected, est.vat.high)],
            "incl": [fmt.sek(v) for v in (est.sek_incl_vat.low, est.sek_incl_vat.expected, est.sek_incl_vat.high)],
        }
        for key, labels in self._total_labels.items():
            for index, (label, value) in enumerate(zip(labels, values[key], strict=True)):
                label.setText(f"<b>{value}</b>" if index == 1 else value)
        vat_pct = round(est.vat_rate * 100)
        if est.no_charge:
            self.charge.setText(f"<span style='color:{GOOD}'>{html.escape(est.no_charge_reason)}</span>")
        else:
            self.charge.setText(
                self.tr("Moms {pct} % visas separat. Fakturan kommer cirka 1–3 månader efter leverans.").format(
                    pct=vat_pct
                )
            )
        rate_text = self.tr("Timpris {rate} exkl. moms, gäller från {date}. Källa: {source}").format(
            rate=fmt.sek(est.rate), date=est.rate_valid_from, source=est.rate_source
        )
        self.rate.setText(rate_text)
        self.breakdown.setRowCount(len(est.breakdown))
        for row, line in enumerate(est.breakdown):
            texts = (
                line.label,
                fmt.hours(line.hours.expected),
                f"{fmt.hours(line.hours.low)}–{fmt.hours(line.hours.high)}",
                " – ".join(part for part in (line.detail, line.source) if part),
            )
            for col, cell_text in enumerate(texts):
                item = QTableWidgetItem(cell_text)
                item.setToolTip(cell_text)
                if col in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.breakdown.setItem(row, col, item)
        self._fit_breakdown()
        self.notes.setText("\n".join(f"• {note}" for note in est.notes))
        self.notes.setVisible(bool(est.notes))
        self.disclaimer.setText(est.disclaimer)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A scroll area sizes its page by size hints, not by wrapped height: ask for the coverage text's."""
        super().resizeEvent(event)
        self._fit_coverage()

    def _fit_coverage(self) -> None:
        width = self.coverage.width()
        if width > 0:
            self.coverage.setMinimumHeight(max(0, self.coverage.heightForWidth(width)))

    def _fit_breakdown(self) -> None:
        """Rows as tall as their wrapped text at the current width, and the table as tall as its rows."""
        self.breakdown.resizeRowsToContents()
        frame = self.breakdown.frameWidth() * 2
        height = self.breakdown.horizontalHeader().height() + frame
        height += sum(self.breakdown.rowHeight(r) for r in range(self.breakdown.rowCount()))
        self.breakdown.setFixedHeight(height)

    def _show_coverage(self, coverages: list[BenefitCoverage]) -> None:
        if not coverages:
            self.coverage.setText(self.tr("Välj förmåner och perioder för att se vilka månader som är kompletta."))
            self.chart.set_coverage([], self.as_of())
            return
        parts = []
        for cov in coverages:
            esc = html.escape
            head = f"<b>{esc(cov.name)}</b>"
            if cov.lag is not None:
                head += esc(self.tr(" – fördröjning %1")).replace("%1", esc(cov.lag.describe()))
            if cov.complete_through is not None:
                through = esc(self.tr("; komplett till och med %1"))
                head += through.replace("%1", f"<b>{esc(str(cov.complete_through))}</b>")
            if cov.status == "complete":
                complete = esc(self.tr("✓ hela perioden komplett"))
                head += f" <span style='color:{GOOD}'>{complete}</span>"
            lines = [head]
            if cov.lag_note:
                lines.append(f"<span style='color:{WARN}'>• {esc(cov.lag_note)}</span>")
            for warning in cov.warnings:
                color = BAD if cov.status in ("partial", "incomplete", "unknown") else WARN
                lines.append(f"<span style='color:{color}'>⚠ {esc(warning)}</span>")
            for suggestion in cov.suggestions:
                lines.append(f"→ {esc(suggestion)}")
            parts.append("<br>".join(lines))
        self.coverage.setText("<p style='margin-bottom:6px'>" + "</p><p>".join(parts) + "</p>")
        self._fit_coverage()
        self.chart.set_coverage(coverages, self.as_of())
