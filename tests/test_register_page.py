"""The start page: twenty orders listed, sorted by date, searched, opened, deleted with undo; a timeline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from beställning.order import Order
from beställning.register import Register
from tests.register_fixtures import TODAY, MemoryDrafts
from ui.register import RegisterPage
from ui.register.filters import FILTERS
from ui.register.table_model import COLUMNS, ID_ROLE


def _column(page: RegisterPage, name: str) -> list[str]:
    column = COLUMNS.index(name)
    return [page.proxy.index(r, column).data() for r in range(page.proxy.rowCount())]


def test_lists_orders_with_reminders(page: RegisterPage) -> None:
    assert len(page.rows) == 20
    assert page.proxy.rowCount() == 19  # the archived one is filtered out by default
    assert page.reminders.count() == 4
    page.filter.setCurrentIndex(len(FILTERS) - 1)
    assert page.proxy.rowCount() == 20


def test_dates_sort_as_dates(page: RegisterPage) -> None:
    page.table.sortByColumn(COLUMNS.index("Datum"), Qt.SortOrder.AscendingOrder)
    keys = [
        page.proxy.index(r, COLUMNS.index("Datum")).data(page.proxy.sortRole()) for r in range(page.proxy.rowCount())
    ]
    assert keys == sorted(keys)
    shown = [d for d in _column(page, "Datum") if d != "—"]
    assert shown[0].startswith("tor 2026-08-20")  # the overdue invoice comes first
    assert "2028" in shown[-1]  # longer retention last among dated rows


def test_search_and_filter(page: RegisterPage) -> None:
    page.search.setText("karolinska")
    assert page.proxy.rowCount() == 4
    page.search.setText("SCB bostadsbidrag")
    assert _column(page, "Projekt") == ["Bostadsbidrag och barnfattigdom"]
    page.search.clear()
    page.filter.setCurrentIndex([label for label, _ in FILTERS].index("Utkast"))
    assert set(_column(page, "Status")) == {"Utkast"}
    assert page.proxy.rowCount() == 3


def test_open_emits_the_order(page: RegisterPage, qtbot: QtBot) -> None:
    page.search.setText("covid")
    page.select(str(page.proxy.index(0, 0).data(ID_ROLE)))
    with qtbot.waitSignal(page.open_order) as blocker:
        page.open_selected()
    assert isinstance(blocker.args[0], Order)
    assert blocker.args[0].title() == "Sjukfrånvaro efter covid-19"


def test_delete_with_undo_and_duplicate(page: RegisterPage) -> None:
    page.search.setText("covid")
    order_id = str(page.proxy.index(0, 0).data(ID_ROLE))
    page.select(order_id)
    page.delete_selected()
    assert not page.undo_bar.isHidden()
    page.search.clear()
    assert order_id not in [r.id for r in page.rows]
    page.undo_delete()
    assert order_id in [r.id for r in page.rows]
    assert page.selected_id() == order_id
    page.duplicate_selected()
    copy = page.selected_row()
    assert copy is not None and copy.id != order_id and copy.status == "Utkast"
    assert "ny offert" in copy.note


def test_draft_only_order_deleted_and_restored(qtbot: QtBot) -> None:
    drafts = MemoryDrafts()
    draft = Order()
    draft.fields["projekt.titel"] = "Bara ett utkast"
    drafts.save(draft)
    page = RegisterPage(register=Register(), drafts=drafts, today=lambda: TODAY)
    qtbot.addWidget(page)
    assert [r.project for r in page.rows] == ["Bara ett utkast"]
    page.select(draft.id)
    page.delete_selected()
    assert drafts.orders == {} and page.rows == []
    page.undo_delete()
    assert list(drafts.orders) == [draft.id]


def test_timeline_records_event_with_document(page: RegisterPage, tmp_path: Path, qtbot: QtBot) -> None:
    page.search.setText("Sjukskrivning och arbetsmiljö")
    order_id = str(page.proxy.index(0, 0).data(ID_ROLE))
    page.select(order_id)
    assert page.panel.row is not None and page.panel.row.id == order_id
    assert page.panel.step_combo.currentData() == "delivery"
    entries = {e.step.id: e.state for e in page.panel.timeline.entries}
    assert entries["delivery"] == "next" and entries["key_file"] == "done"
    doc = tmp_path / "leveransbesked.pdf"
    doc.write_bytes(b"%PDF")
    with qtbot.waitSignal(page.panel.changed, timeout=10_000):
        assert page.panel.record("delivery", date(2026, 11, 20), "Levererat via SFTP", [doc])
        assert page.panel.busy and not page.panel.record_box.isEnabled()  # copied off the GUI thread
    assert not page.panel.busy and page.panel.record_box.isEnabled()
    row = page.selected_row()
    assert row is not None and row.status == "Levererad" and row.next_step == "Faktura väntas"
    texts = [page.panel.documents.item(i).text() for i in range(page.panel.documents.count())]
    assert any("leveransbesked.pdf" in t for t in texts)
    grab = page.panel.timeline.grab()
    assert grab.height() > 300
