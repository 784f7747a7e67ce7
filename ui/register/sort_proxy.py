"""One sort proxy for our tables: it sorts by a role holding real values, not by the shown text.

A column shown as "tis 2026-11-17" must sort by its date, a status by its place in FK's process.
The source model puts that value under the sort role; the comparison stays in Qt's C++ (fast: no
Python call per comparison), so the values must be kinds Qt compares: str, int, float, QDate,
QDateTime. A Python `datetime.date` reaches Qt as an opaque object and would stay unsorted.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSortFilterProxyModel


class RoleSortProxy(QSortFilterProxyModel):
    """A sort proxy bound to one sort role; filtering is left to the page (done before the model)."""

    def __init__(self, sort_role: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(sort_role)
