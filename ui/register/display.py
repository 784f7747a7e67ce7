"""How the register pages show a date and a process state: shared by the list, timeline and panel."""

from __future__ import annotations

from datetime import date

BLUE = "#1f4e79"
GREEN = "#1e7b34"
RED = "#b3261e"
GREY = "#8a8f98"
LIGHT = "#c8ccd2"
STATE_COLORS = {"done": GREEN, "next": BLUE, "overdue": RED, "upcoming": GREY, "skipped": LIGHT}
WEEKDAYS = ("mån", "tis", "ons", "tor", "fre", "lör", "sön")


def fmt_date(day: date | None) -> str:
    """'tis 2026-12-29': ISO date with a Swedish weekday, so a reader sees weekends at once."""
    return f"{WEEKDAYS[day.weekday()]} {day.isoformat()}" if day else ""
