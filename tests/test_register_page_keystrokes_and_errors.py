"""Start page: typed input survives redraws, one panel update per keystroke, cached calibration,
deletion announced, and storage errors explained (offscreen Qt)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

import beställning.register.calibration as calibration
from beställning.order import Order, SentRecord
from beställning.register import Register
from beställning.register.calibration import compare
from beställning.register.store import _register_error
from tests.register_fixtures import TODAY, MemoryDrafts
from ui.register import RegisterPage
from ui.register.table_model import ID_ROLE
from ui.workers import wait_for_all


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text, *a: shown.append((title, text)))
    return shown


def _select_project(page: RegisterPage, text: str) -> str:
    page.search.setText(text)
    order_id = str(page.proxy.index(0, 0).data(ID_ROLE))
    page.select(order_id)
    return order_id


def test_typed_input_survives_search_filter_and_refresh(page: RegisterPage, tmp_path: Path) -> None:
    order_id = _select_project(page, "covid")
    panel = page.panel
    panel.note_edit.setText("Dnr 2026/123")
    panel.date_edit.setDate(QDate(2026, 11, 3))
    doc = tmp_path / "beslut.pdf"
    doc.write_bytes(b"%PDF")
    panel.add_pending_documents([doc])
    panel.step_combo.setCurrentIndex(panel.step_combo.findData("decision"))
    page.search.setText("covid-1")  # another keystroke, same order still shown
    page.filter.setCurrentIndex(page.filter.count() - 1)  # a filter change that keeps it
    page.refresh()  # and a reload from the register (new row objects)
    assert page.selected_id() == order_id
    assert panel.note_edit.text() == "Dnr 2026/123"
    assert panel.date_edit.date() == QDate(2026, 11, 3)
    assert panel.pending_documents == [doc]
    assert panel.step_combo.currentData() == "decision"
    # Another order: the inputs belong to the old one and are cleared.
    _select_project(page, "karolinska")
    assert page.selected_id() != order_id
    assert panel.note_edit.text() == "" and panel.pending_documents == []
    assert panel.date_edit.date() == QDate(TODAY.year, TODAY.month, TODAY.day)


def test_one_panel_update_per_keystroke(page: RegisterPage, monkeypatch: pytest.MonkeyPatch) -> None:
    _select_project(page, "c")
    calls: list[object] = []
    real = page.panel.set_row
    monkeypatch.setattr(page.panel, "set_row", lambda row: (calls.append(row), real(row)))
    page.search.setText("co")
    assert len(calls) == 1


def test_search_keystrokes_do_not_reload_quoted_orders(page: RegisterPage, monkeypatch: pytest.MonkeyPatch) -> None:
    register = page.register
    assert register is not None
    for row in page.rows[:3]:
        if row.in_register:
            register.set_quote(row.id, 20, 10, TODAY)
    _select_project(page, "c")
    loads: list[str] = []
    real = Register.load_order

    def counting(self: Register, order_id: str) -> Order:
        loads.append(order_id)
        return real(self, order_id)

    monkeypatch.setattr(Register, "load_order", counting)
    for text in ("co", "cov", "covi", "covid"):
        page.search.setText(text)
    assert loads == []


def test_calibration_is_cached_until_quotes_change(monkeypatch: pytest.MonkeyPatch) -> None:
    with Register() as register:
        orders = []
        for n in range(3):
            order = Order()
            order.fields["projekt.titel"] = f"P{n}"
            order.sent.append(SentRecord("<m@x>", "2026-01-05"))
            register.save(order)
            orders.append(order)
        register.set_quote(orders[0].id, 20, 10, TODAY)
        register.set_quote(orders[1].id, 30, 10, TODAY)
        first = compare(register)
        loads: list[str] = []
        real = Register.load_order
        monkeypatch.setattr(Register, "load_order", lambda self, oid: (loads.append(oid), real(self, oid))[1])
        assert compare(register) is first and loads == []
        register.set_quote(orders[2].id, 40, 10, TODAY)
        second = compare(register)
        assert second is not first and len(second.comparisons) == 3 and second.suggested_factor == 3.0
        assert len(loads) == 3
        register.delete(orders[2].id)
        assert len(compare(register).comparisons) == 2
    assert calibration._compared  # one entry per register file


def test_delete_announces_the_order_id(page: RegisterPage, qtbot: QtBot) -> None:
    order_id = _select_project(page, "covid")
    with qtbot.waitSignal(page.order_deleted) as blocker:
        page.delete_selected()
    assert blocker.args == [order_id]


@pytest.mark.parametrize("action", ["delete_selected", "archive_selected", "duplicate_selected"])
def test_storage_errors_are_explained(
    page: RegisterPage, warnings: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch, action: str, qtbot: QtBot
) -> None:
    order_id = _select_project(page, "covid")
    register = page.register
    assert register is not None

    def locked(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    # Through the register's own translation, as a locked database reaches the page.
    monkeypatch.setattr(register, "delete", _register_error(locked))
    monkeypatch.setattr(register, "set_archived", _register_error(full))
    monkeypatch.setattr(register, "duplicate", _register_error(locked))
    emitted: list[str] = []
    page.order_deleted.connect(emitted.append)
    getattr(page, action)()
    assert len(warnings) == 1
    title, text = warnings[0]
    assert title.startswith("Kunde inte")
    assert "kunde inte ändras" in text and "försök igen" in text
    assert ("database is locked" in text) or ("No space left" in text)
    assert emitted == [] and page.undo_bar.isHidden()
    assert order_id in [r.id for r in page.rows]


def test_failed_undo_keeps_the_undo_bar(
    page: RegisterPage, warnings: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    order_id = _select_project(page, "covid")
    page.delete_selected()
    register = page.register
    assert register is not None
    real_restore = register.restore

    def locked(_order_id: str) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(register, "restore", _register_error(locked))
    page.undo_delete()
    assert warnings and "kunde inte ändras" in warnings[0][1]
    assert not page.undo_bar.isHidden()
    monkeypatch.setattr(register, "restore", real_restore)
    page.undo_delete()  # the second try works
    assert order_id in [r.id for r in page.rows] and page.undo_bar.isHidden()


def test_event_panel_errors_are_explained(
    page: RegisterPage, warnings: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    _select_project(page, "Sjukskrivning och arbetsmiljö")
    panel = page.panel
    register = page.register
    assert register is not None
    events = register.events(page.selected_id() or "")
    assert events
    panel.documents.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)

    def locked(_event_id: int) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(register, "remove_event", _register_error(locked))
    panel._remove_event()
    assert warnings[-1][0] == "Kunde inte ta bort händelsen" and "database is locked" in warnings[-1][1]


def test_draft_that_cannot_enter_the_register_is_explained(
    qtbot: QtBot, warnings: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    drafts = MemoryDrafts()
    draft = Order()
    draft.fields["projekt.titel"] = "Utkast"
    drafts.save(draft)
    register = Register()
    page = RegisterPage(register=register, drafts=drafts, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.select(draft.id)

    def full(_order: Order) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(register, "save", full)
    assert page.panel.record("sent", TODAY) is False
    assert warnings and "No space left" in warnings[0][1]
    assert not page.panel.busy


def test_failed_background_record_is_explained(
    page: RegisterPage, warnings: list[tuple[str, str]], qtbot: QtBot, tmp_path: Path
) -> None:
    _select_project(page, "covid")
    page.panel.note_edit.setText("behålls")
    missing = tmp_path / "finns-inte.pdf"
    assert page.panel.record("sent", TODAY, "x", [missing])
    qtbot.waitUntil(lambda: not page.panel.busy, timeout=10_000)
    assert wait_for_all(5_000)
    assert warnings and "finns inte" in warnings[0][1]
    assert page.panel.note_edit.text() == "behålls"  # nothing recorded, so nothing cleared


def test_event_date_starts_at_today_before_any_order_is_chosen(qtbot: QtBot) -> None:
    from ui.register.event_panel import EventPanel

    panel = EventPanel(register=None, today=lambda: TODAY)
    qtbot.addWidget(panel)
    assert panel.date_edit.date().toPython() == TODAY
