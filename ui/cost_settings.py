"""Settings for the cost estimate and coverage: the hourly rate and lag rules, each change dated.

When FK changes its rate or a lag, the user records the new value with the date it applies from.
Changes are kept (a history, never overwritten) and shown here; estimates and coverage apply them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from beställning.cost import CostModelError, OverridesError, load_model
from beställning.cost import text as fmt
from beställning.cost.overrides import add_lag_change, add_rate_change, load_overrides, remove_change
from beställning.coverage import CoverageError, catalog_lookup


def _date_edit() -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _iso(edit: QDateEdit) -> str:
    day = edit.date()
    return date(day.year(), day.month(), day.day()).isoformat()


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setMaximumHeight(160)
    return table


class CostSettings(QWidget):
    """Change the hourly rate and the lag per benefit, with the date of the change; see the history."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._benefits: list[tuple[str, str, int, bool]] = []  # id, name, catalog months, estimate

        self.problem = QLabel()
        self.problem.setObjectName("fieldProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()

        # Rate.
        rate_box = QGroupBox(self.tr("Timpris"))
        self.rate_current = QLabel()
        self.rate_current.setWordWrap(True)
        self.rate_value = QDoubleSpinBox()
        self.rate_value.setRange(1, 99_999)
        self.rate_value.setDecimals(0)
        self.rate_value.setSuffix(self.tr(" kr/h exkl. moms"))
        self.rate_from = _date_edit()
        self.rate_note = QLineEdit()
        self.rate_note.setPlaceholderText(self.tr("t.ex. Försäkringskassans webbsida, uppdaterad 2026-01-15"))
        self.rate_save = QPushButton(self.tr("Spara nytt timpris"))
        self.rate_save.clicked.connect(self.save_rate)
        rate_form = QFormLayout()
        rate_form.addRow(self.tr("Nytt timpris:"), self.rate_value)
        rate_form.addRow(self.tr("Gäller från:"), self.rate_from)
        rate_form.addRow(self.tr("Källa eller anteckning:"), self.rate_note)
        self.rate_history = _table(
            [self.tr("Timpris"), self.tr("Gäller från"), self.tr("Anteckning"), self.tr("Registrerad")]
        )
        self.rate_remove = QPushButton(self.tr("Ta bort markerad ändring"))
        self.rate_remove.clicked.connect(lambda: self._remove("rate", self.rate_history))
        rate_layout = QVBoxLayout(rate_box)
        rate_layout.addWidget(self.rate_current)
        rate_layout.addLayout(rate_form)
        rate_layout.addWidget(self.rate_save)
        rate_layout.addWidget(QLabel(self.tr("Registrerade ändringar:")))
        rate_layout.addWidget(self.rate_history)
        rate_layout.addWidget(self.rate_remove)

        # Lag.
        lag_box = QGroupBox(self.tr("Fördröjning per förmån"))
        lag_help = QLabel(
            self.tr(
                "Månad M räknas som komplett från den första dagen i månad M + fördröjning + 1. "
                "Ändra fördröjningen när Försäkringskassan anger en ny; ändringen gäller uttag från datumet."
            )
        )
        lag_help.setObjectName("fieldHelp")
        lag_help.setWordWrap(True)
        self.lag_benefit = QComboBox()
        self.lag_benefit.currentIndexChanged.connect(self._benefit_chosen)
        self.lag_current = QLabel()
        self.lag_current.setWordWrap(True)
        self.lag_months = QSpinBox()
        self.lag_months.setRange(0, 60)
        self.lag_months.setSuffix(self.tr(" månader"))
        self.lag_from = _date_edit()
        self.lag_note = QLineEdit()
        self.lag_note.setPlaceholderText(self.tr("t.ex. besked från statistikenheten 2026-03-02"))
        self.lag_save = QPushButton(self.tr("Spara ny fördröjning"))
        self.lag_save.clicked.connect(self.save_lag)
        lag_form = QFormLayout()
        lag_form.addRow(self.tr("Förmån:"), self.lag_benefit)
        lag_form.addRow("", self.lag_current)
        lag_form.addRow(self.tr("Ny fördröjning:"), self.lag_months)
        lag_form.addRow(self.tr("Gäller från:"), self.lag_from)
        lag_form.addRow(self.tr("Källa eller anteckning:"), self.lag_note)
        self.lag_history = _table(
            [
                self.tr("Förmån"),
                self.tr("Månader"),
                self.tr("Gäller från"),
                self.tr("Anteckning"),
                self.tr("Registrerad"),
            ]
        )
        self.lag_remove = QPushButton(self.tr("Ta bort markerad ändring"))
        self.lag_remove.clicked.connect(lambda: self._remove("lag", self.lag_history))
        lag_layout = QVBoxLayout(lag_box)
        lag_layout.addWidget(lag_help)
        lag_layout.addLayout(lag_form)
        lag_layout.addWidget(self.lag_save)
        lag_layout.addWidget(QLabel(self.tr("Registrerade ändringar:")))
        lag_layout.addWidget(self.lag_history)
        lag_layout.addWidget(self.lag_remove)

        self.calibration = QLabel()
        self.calibration.setObjectName("fieldHelp")
        self.calibration.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        layout.addWidget(rate_box)
        layout.addWidget(lag_box)
        layout.addWidget(self.calibration)
        layout.addStretch(1)
        self._load_benefits()
        self.reload()

    # --- data ----------------------------------------------------------------------------------
    def _load_benefits(self) -> None:
        try:
            lookup = catalog_lookup()  # raises CoverageError with a Swedish message if unreadable
            from beställning.catalog import load_catalog

            self._benefits = []
            for benefit in load_catalog().benefits:
                info = lookup(benefit.id)
                self._benefits.append((info.id, info.name, info.months, info.estimate))
        except CoverageError as exc:
            self._show_problem(str(exc))
        self.lag_benefit.blockSignals(True)
        self.lag_benefit.clear()
        for benefit_id, name, _months, _estimate in self._benefits:
            self.lag_benefit.addItem(name, benefit_id)
        self.lag_benefit.blockSignals(False)
        self._benefit_chosen()

    def reload(self) -> None:
        """Show the rate in force, the history of changes and the calibration."""
        try:
            overrides = load_overrides()
            bundled = load_model(with_overrides=False)
            model = load_model()
        except (OverridesError, CostModelError) as exc:
            self._show_problem(str(exc))
            return
        self.problem.hide()
        rate = model.rate
        text = self.tr("Gäller i dag: {rate} exkl. moms från {date}.").format(
            rate=fmt.sek(rate.sek_per_hour), date=rate.valid_from
        )
        text += " " + self.tr("Inbyggt värde: {rate} från {date} ({source}).").format(
            rate=fmt.sek(bundled.rate.sek_per_hour), date=bundled.rate.valid_from, source=bundled.rate.source
        )
        self.rate_current.setText(text)
        if not self.rate_value.hasFocus():
            self.rate_value.setValue(rate.sek_per_hour)
        self.rate_history.setRowCount(len(overrides.rates))
        for row, change in enumerate(overrides.rates):
            for col, value in enumerate(
                (
                    fmt.sek(change.sek_per_hour),
                    change.valid_from,
                    change.note,
                    change.recorded[:16].replace("T", " "),
                )
            ):
                self.rate_history.setItem(row, col, QTableWidgetItem(value))
        names = {b[0]: b[1] for b in self._benefits}
        self.lag_history.setRowCount(len(overrides.lags))
        for row, lag in enumerate(overrides.lags):
            values = (
                names.get(lag.benefit, lag.benefit),
                str(lag.months),
                lag.valid_from,
                lag.note,
                lag.recorded[:16].replace("T", " "),
            )
            for col, value in enumerate(values):
                self.lag_history.setItem(row, col, QTableWidgetItem(value))
        cal = overrides.calibration
        if abs(cal.factor - 1.0) < 1e-9:
            self.calibration.setText(self.tr("Kalibrering mot verkliga offerter: ingen (faktor 1,0)."))
        else:
            self.calibration.setText(
                self.tr("Kalibrering mot verkliga offerter: timmarna multipliceras med {f} ({n} offerter). {note}")
                .format(f=f"{cal.factor:g}".replace(".", ","), n=cal.based_on, note=cal.note)
                .strip()
            )
        self._benefit_chosen()

    def _benefit_chosen(self) -> None:
        index = self.lag_benefit.currentIndex()
        if not 0 <= index < len(self._benefits):
            self.lag_current.clear()
            return
        benefit_id, _name, months, estimate = self._benefits[index]
        try:
            current = load_overrides().lag_on(benefit_id, date.today())
        except OverridesError:
            current = None
        text = self.tr("Katalogen: {n} månader").format(n=months)
        if estimate:
            text += self.tr(" (uppskattning)")
        if current is not None:
            text += self.tr("; gäller i dag: {n} månader (ändrad från {d})").format(
                n=current.months, d=current.valid_from
            )
        self.lag_current.setText(text)
        self.lag_months.setValue(current.months if current else months)

    # --- actions -------------------------------------------------------------------------------
    def _not_saved(self, exc: OSError) -> str:
        return self.tr(
            "Ändringen kunde inte sparas ({reason}). Kontrollera att programmets inställningsmapp går att "
            "skriva till och att disken inte är full, och försök igen."
        ).format(reason=exc.strerror or str(exc) or type(exc).__name__)

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _record(self, change: Callable[[], object], note: QLineEdit) -> None:
        """Store one change; on a problem say what is wrong and keep what the user typed."""
        try:
            change()
        except OverridesError as exc:
            self._show_problem(str(exc))
            return
        except OSError as exc:
            self._show_problem(self._not_saved(exc))
            return
        note.clear()
        self.reload()
        self.changed.emit()

    def save_rate(self) -> None:
        self._record(
            lambda: add_rate_change(self.rate_value.value(), _iso(self.rate_from), self.rate_note.text()),
            self.rate_note,
        )

    def save_lag(self) -> None:
        benefit_id = str(self.lag_benefit.currentData() or "")
        self._record(
            lambda: add_lag_change(benefit_id, self.lag_months.value(), _iso(self.lag_from), self.lag_note.text()),
            self.lag_note,
        )

    def _remove(self, kind: str, table: QTableWidget) -> None:
        row = table.currentRow()
        if row < 0:
            self._show_problem(self.tr("Markera först den ändring som ska tas bort."))
            return
        try:
            remove_change(kind, row)
        except OverridesError as exc:
            self._show_problem(str(exc))
            return
        except OSError as exc:
            self._show_problem(self._not_saved(exc))
            return
        self.reload()
        self.changed.emit()
