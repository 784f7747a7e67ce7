"""The start page's table model and sort proxy, without widgets: columns, display text, roles, sorting."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush

from beställning.order import Order
from beställning.register.overview import OrderRow
from beställning.register.reminders import Reminder
from ui.register.display import GREY, RED
from ui.register.sort_proxy import RoleSortProxy
from ui.register.table_model import COLUMNS, ID_ROLE, SORT_ROLE, Column, OrderTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole


def _row(
    order_id: str,
    project: str,
    status: str = "Skickad",
    next_date: date | None = None,
    **changes: Any,
) -> OrderRow:
    row = OrderRow(
        id=order_id,
        route="forskning",
        route_label="Forskning",
        project=project,
        orderer="Anna Lindqvist, Karolinska Institutet",
        status=status,
        next_step="Mottagningsbekräftelse väntas" if next_date else "",
        next_date=next_date,
        next_overdue=False,
        modified="2026-11-20T10:15:00+01:00",
        archived=False,
        in_register=True,
        note="",
        reminders=(),
        order=Order(),
    )
    return replace(row, **changes)


def _model(rows: list[OrderRow]) -> OrderTableModel:
    model = OrderTableModel()
    model.set_rows(rows)
    return model


def _cell(model: OrderTableModel, row: int, column: Column, role: int = DISPLAY) -> object:
    return model.data(model.index(row, column), role)


def _color(model: OrderTableModel, row: int, column: Column) -> str | None:
    brush = _cell(model, row, column, Qt.ItemDataRole.ForegroundRole)
    if brush is None:
        return None
    assert isinstance(brush, QBrush)
    return brush.color().name()


def test_rows_columns_and_headers() -> None:
    model = _model([_row("a", "Ett"), _row("b", "Två")])
    assert model.rowCount() == 2
    assert model.columnCount() == len(Column) == len(COLUMNS) == 7
    assert model.rowCount(model.index(0, 0)) == 0  # a table, no children
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers == ["Projekt", "Väg", "Beställare", "Status", "Nästa steg", "Datum", "Ändrad"]
    model.set_rows([])
    assert model.rowCount() == 0
    assert model.data(QModelIndex(), DISPLAY) is None


def test_display_text_per_named_column() -> None:
    reminder = Reminder("a", "confirmation_overdue", "Försenad", "Mottagningsbekräftelsen är försenad.", None)
    row = _row(
        "a",
        "Sjukfrånvaro efter covid-19",
        next_date=date(2026, 11, 17),
        next_overdue=True,
        reminders=(reminder,),
        note="Upprepad leverans av beställning x.",
    )
    model = _model([row])
    shown = {column: _cell(model, 0, column) for column in Column}
    assert shown == {
        Column.PROJECT: "Sjukfrånvaro efter covid-19  ↻ upprepad leverans",
        Column.ROUTE: "Forskning",
        Column.ORDERER: "Anna Lindqvist, Karolinska Institutet",
        Column.STATUS: "Skickad",
        Column.NEXT_STEP: "⚠ Mottagningsbekräftelse väntas",
        Column.DATE: "tis 2026-11-17  (passerat)",
        Column.MODIFIED: "2026-11-20",
    }
    assert _cell(model, 0, Column.DATE, Qt.ItemDataRole.ToolTipRole) == (
        "Mottagningsbekräftelsen är försenad.\n\nUpprepad leverans av beställning x."
    )
    assert _color(model, 0, Column.DATE) == RED
    assert _color(model, 0, Column.NEXT_STEP) == RED
    assert _color(model, 0, Column.STATUS) is None
    assert _cell(model, 0, Column.PROJECT, ID_ROLE) == "a"


def test_plain_and_archived_rows() -> None:
    model = _model([_row("p", "Utan datum"), _row("q", "Gammal", status="Arkiverad", archived=True)])
    assert _cell(model, 0, Column.DATE) == "—"
    assert _cell(model, 0, Column.NEXT_STEP) == ""
    assert not _cell(model, 0, Column.PROJECT, Qt.ItemDataRole.ToolTipRole)
    assert {_color(model, 1, column) for column in Column} == {GREY}
    assert {_color(model, 0, column) for column in Column} == {None}


def test_sort_role_gives_dates_as_dates() -> None:
    model = _model([_row("a", "A", next_date=date(2027, 1, 4)), _row("b", "B")])
    key = _cell(model, 0, Column.DATE, SORT_ROLE)
    assert isinstance(key, QDate) and key.toPython() == date(2027, 1, 4)  # a date Qt compares natively
    none = _cell(model, 1, Column.DATE, SORT_ROLE)
    assert isinstance(none, QDate) and none.toPython() == date.max  # undated rows sort last
    assert _cell(model, 0, Column.STATUS, SORT_ROLE) == 1  # "Skickad" is FK's first step
    assert _cell(model, 0, Column.PROJECT, SORT_ROLE) == "a"  # text case-folded
    assert _cell(model, 0, Column.MODIFIED, SORT_ROLE) == "2026-11-20T10:15:00+01:00"


def _sorted(proxy: QSortFilterProxyModel, column: Column, order: Qt.SortOrder) -> list[str]:
    proxy.sort(column, order)
    return [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]


def test_proxy_sorts_dates_chronologically_not_by_weekday_text() -> None:
    # Shown as "fre 2026-12-25", "mån 2027-01-04", "tis 2026-11-17": by text the weekday would win.
    rows = [
        _row("jan", "J", next_date=date(2027, 1, 4)),
        _row("none", "N"),
        _row("dec", "D", next_date=date(2026, 12, 25)),
        _row("nov", "V", next_date=date(2026, 11, 17)),
    ]
    proxy = RoleSortProxy(SORT_ROLE)
    proxy.setSourceModel(_model(rows))
    assert _sorted(proxy, Column.DATE, Qt.SortOrder.AscendingOrder) == ["nov", "dec", "jan", "none"]
    assert _sorted(proxy, Column.DATE, Qt.SortOrder.DescendingOrder) == ["none", "jan", "dec", "nov"]


def test_proxy_sorts_status_in_process_order_and_text_case_insensitively() -> None:
    rows = [
        _row("levererad", "beta", status="Levererad"),
        _row("utkast", "Alfa", status="Utkast"),
        _row("skickad", "gamma", status="Skickad"),
        _row("arkiv", "Delta", status="Arkiverad"),
    ]
    proxy = RoleSortProxy(SORT_ROLE)
    proxy.setSourceModel(_model(rows))
    by_status = _sorted(proxy, Column.STATUS, Qt.SortOrder.AscendingOrder)
    assert by_status == ["utkast", "skickad", "levererad", "arkiv"]
    assert _sorted(proxy, Column.PROJECT, Qt.SortOrder.AscendingOrder) == [
        "utkast",
        "levererad",
        "arkiv",
        "skickad",
    ]


def test_model_keeps_rows_in_given_order_for_the_proxy_to_sort() -> None:
    rows = [_row("b", "B"), _row("a", "A")]
    model = _model(rows)
    assert [model.row_at(i).id for i in range(model.rowCount())] == ["b", "a"]
    model.set_rows(rows[1:])
    assert model.rowCount() == 1 and model.row_at(0).id == "a"
    assert _cell(model, 0, Column.PROJECT) == "A"
