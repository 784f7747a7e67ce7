"""The main window over its life: small screens, closing during work, deleted orders, form writing, recovery."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QProgressBar
from pytestqt.qtbot import QtBot

from beställning.drafts import DraftStore, Session
from beställning.order import Order, SentRecord, load_order
from tests.conftest import EXAMPLES
from tests.windows import shown_window
from ui import document_actions, main_window
from ui.app import _start_recovery
from ui.main_window import MainWindow
from ui.workers import Report, run_in_background, running_tasks


@pytest.mark.parametrize(
    "key", ["register", "wizard", "catalog", "send", "settings"]
)
def test_window_fits_a_small_laptop_screen_with_each_page_built(qtbot: QtBot, app_style: None, key: str) -> None:
    window = shown_window(qtbot)
    window.open_order(load_order(EXAMPLES / "forskning.json"))
    window.show_page(key)
    hint = window.minimumSizeHint()  # the window cannot be made smaller than this
    assert hint.width() <= 1280 and hint.height() <= 720, (hint, window.page(key).minimumSizeHint())


def test_first_size_is_clamped_to_the_screen(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    screen = window.screen().availableGeometry()
    assert window.width() <= screen.width() and window.height() <= screen.height()


def blocking_task(gate: threading.Event, results: list[str], window: MainWindow) -> None:
    def work(report: Report) -> str:
        while not gate.wait(0.01):
            report(0.5, "arbetar")
        return "skickad"

    run_in_background(
        work,
        on_success=results.append,
        on_cancelled=lambda: results.append("avbruten"),
        parent=window,
    )


def test_closing_during_background_work_can_wait_for_the_result(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    window = shown_window(qtbot)
    gate, results = threading.Event(), []
    blocking_task(gate, results, window)
    asked: list[bool] = []

    def wait(_parent: object) -> bool:
        asked.append(True)
        QTimer.singleShot(100, gate.set)  # the work finishes while the progress dialog is up
        return True

    monkeypatch.setattr(main_window, "ask_wait_for_work", wait)
    assert window.close()
    assert asked == [True]
    assert results == ["skickad"]  # delivered before the window closed
    assert running_tasks() == []


def test_closing_anyway_cancels_the_work(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    window = shown_window(qtbot)
    gate, results = threading.Event(), []
    blocking_task(gate, results, window)
    monkeypatch.setattr(main_window, "ask_wait_for_work", lambda _parent: False)
    assert window.close()
    qtbot.waitUntil(lambda: running_tasks() == [])
    assert results in ([], ["avbruten"])  # cancelled, never reported as sent


def test_deleted_open_order_is_not_brought_back_by_autosave(qtbot: QtBot) -> None:
    window = shown_window(qtbot)
    window.open_order(load_order(EXAMPLES / "forskning.json"))
    deleted_id = window.session.order.id
    window.session.set_field("projekt.titel", "Ska bort")  # an autosave is pending
    window.show_page("register")  # switching flushes the draft to disk
    draft = DraftStore().path_for(deleted_id)
    assert draft.exists()
    draft.unlink()  # what the start page's delete does with the draft
    signal = getattr(window.page("register"), "order_deleted", None)
    if signal is not None:
        signal.emit(deleted_id)
    else:  # the register page's signal is not there yet: call the slot it will be connected to
        window.order_deleted(deleted_id)
    assert window.session.order.id != deleted_id
    assert "togs bort" in window.statusBar().currentMessage()
    window.show_page("wizard")
    wizard = window.page("wizard")
    assert wizard.section_pages["projekt"].editors["projekt.titel"].input.text() == ""  # type: ignore[attr-defined]
    window.session.save_draft()
    window.close_session()
    assert not draft.exists()


def test_session_forget_stops_a_pending_autosave(qtbot: QtBot) -> None:
    from ui.order_session import OrderSession

    session = OrderSession()
    session.replace(Order())
    old = session.order
    session.set_field("projekt.titel", "Borttagen")
    session.forget()
    old.set("projekt.titel", "Ändå ändrad")
    session.flush()
    session.save_draft()
    assert not DraftStore().path_for(old.id).exists()
    assert session.order is not old and session.order.fields == {}
    session.replace(old)  # opened again on purpose (undo on the start page): saved as usual
    session.set_field("projekt.titel", "Tillbaka")
    session.flush()
    assert DraftStore().path_for(old.id).exists()


def test_writing_the_form_is_shown_busy_runs_once_and_recovers_from_failure(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from beställning.document import render

    window = shown_window(qtbot)
    gate = threading.Event()
    calls: list[Path] = []

    def broken_render(_order: Order, out: Path, *args: Any, **kwargs: Any) -> None:
        calls.append(out)
        gate.wait(10)
        raise KeyError("paragraph_style")  # an unexpected error deep inside the writer

    warnings: list[str] = []
    monkeypatch.setattr(render, "render_order", broken_render)
    monkeypatch.setattr(document_actions, "ask_save_path", lambda *_a: tmp_path / "blankett.docx")
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a: warnings.append(text))
    window.render_form()
    render_action, fill_action = window.actions_by_name["render"], window.actions_by_name["fill_fk"]
    assert not render_action.isEnabled() and not fill_action.isEnabled()
    bar = window.statusBar().findChild(QProgressBar, document_actions.BUSY_BAR_NAME)
    assert bar is not None and bar.maximum() == 0  # busy, no fraction
    window.render_form()  # a second click while writing: refused
    assert len(running_tasks()) == 1
    gate.set()
    qtbot.waitUntil(lambda: bool(warnings))
    assert render_action.isEnabled() and fill_action.isEnabled()
    assert window.statusBar().findChild(QProgressBar, document_actions.BUSY_BAR_NAME) is None
    assert "Skriver blanketten" not in window.statusBar().currentMessage()
    assert "oväntat" in warnings[0] and "KeyError" not in warnings[0] and "paragraph_style" not in warnings[0]
    assert len(calls) == 1


def test_failure_messages_are_swedish_and_say_what_to_do() -> None:
    denied = PermissionError(13, "Permission denied", "/x/blankett.docx")
    text = document_actions.failure_message(denied)
    assert "kunde inte skrivas" in text and "/x/blankett.docx" in text and "Errno" not in text
    from beställning.document.fk_form.open import TemplateError

    assert document_actions.failure_message(TemplateError("Blanketten är skadad.")) == "Blanketten är skadad."


def test_register_opened_for_a_send_record_is_closed(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    import beställning.repository as repository_module

    opened: list[Any] = []

    class Recording(repository_module.Register):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            opened.append(self)

    monkeypatch.setattr(repository_module, "Register", Recording)
    window = shown_window(qtbot)
    window.open_order(load_order(EXAMPLES / "forskning.json"))
    window.session.order.sent.append(SentRecord(message_id="<a@b>", date="2025-01-02T10:00:00+01:00"))
    opened.clear()
    window.repository.save_registered(window.session.order)  # what a send's record does
    assert len(opened) == 1
    import sqlite3

    with pytest.raises(sqlite3.ProgrammingError):
        opened[0]._conn.execute("SELECT 1")  # closed
    with repository_module.Register() as register:
        assert register.contains(window.session.order.id)


def test_recovery_of_several_drafts_offers_the_latest_and_says_how_many(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = DraftStore()
    older, newer = Order(), Order()
    older.set("projekt.titel", "Äldre utkast")
    newer.set("projekt.titel", "Nyare utkast")
    older.modified, newer.modified = "2025-01-01T10:00:00+01:00", "2025-03-01T10:00:00+01:00"
    store.save(older)
    store.save(newer)
    Session(store).start()
    Session(store).set_open([older.id, newer.id])  # a session that never ended, with two orders open
    window = shown_window(qtbot)
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    _start_recovery(window)
    assert "2 utkast" in asked[0] and "Nyare utkast" in asked[0] and "startsidan" in asked[0]
    assert window.session.order.id == newer.id
    window.close_session()
