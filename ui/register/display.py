"""How the register pages show a date and a process state: shared by the list, timeline and panel."""

from __future__ import annotations

from datetime import date
from functools import cache

from PySide6.QtCore import QCoreApplication, QLocale

from ui.i18n import english

BLUE = "#1f4e79"
GREEN = "#1e7b34"
RED = "#b3261e"
GREY = "#8a8f98"
LIGHT = "#c8ccd2"
STATE_COLORS = {"done": GREEN, "next": BLUE, "overdue": RED, "upcoming": GREY, "skipped": LIGHT}
WEEKDAYS = ("mån", "tis", "ons", "tor", "fre", "lör", "sön")  # Swedish, Monday first (Qt's CLDR has "tors")


@cache
def _english_weekdays() -> tuple[str, ...]:
    locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return tuple(locale.dayName(day, QLocale.FormatType.ShortFormat) for day in range(1, 8))


def weekdays() -> tuple[str, ...]:
    """Short weekday names in the UI language, Monday first."""
    return _english_weekdays() if english() else WEEKDAYS


def fmt_date(day: date | None) -> str:
    """'tis 2026-12-29' ('Tue 2026-12-29' in English): ISO date with a weekday, so weekends show at once."""
    return f"{weekdays()[day.weekday()]} {day.isoformat()}" if day else ""


def storage_problem(exc: BaseException) -> str:
    """A Swedish (translated) message for a failed register or file operation: what failed, what to do.

    The register's own errors already say both; a database or file error gets the advice added.
    """
    from beställning.register import RegisterError

    if isinstance(exc, RegisterError):
        return str(exc)
    text = QCoreApplication.translate(
        "RegisterPage",
        "Registret eller en fil i programmets datamapp kunde inte ändras (%1). Kontrollera att disken inte "
        "är full och att datamappen går att skriva till, stäng andra program som kan ha registret öppet "
        "och försök igen.",
    )
    return text.replace("%1", str(exc) or type(exc).__name__)
