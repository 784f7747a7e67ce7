"""The main window: fast shell, start page after first paint, every page builds, crash recovery."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from beställning.drafts import DraftStore, Session
from beställning.order import Order, load_order
from tests.conftest import EXAMPLES
from tests.windows import shown_window
from ui.app import _start_recovery
from ui.main_window import MainWindow


def test_start_page_is_built_after_first_paint(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.pages == {}  # nothing heavy before the window is on screen
    with qtbot.waitSignal(window.started, timeout=5000):
        window.show()
    assert list(window.pages) == ["register"]
    assert window.actions_by_name["new"].shortcut().toString()


def test_every_page_builds_with_an_open_order(qtbot: QtBot) -> None:
    window = shown_window(qtbot)
    window.open_order(load_order(EXAMPLES / "forskning.json"))
    for key in ("wizard", "catalog", "send", "settings", "register"):
        window.show_page(key)
        assert window.stack.currentWidget() is window.pages[key]
    assert "Sjukskrivning" in window.windowTitle()


def test_new_order_opens_the_wizard(qtbot: QtBot) -> None:
    window = shown_window(qtbot)
    window.new_order()
    assert window.stack.currentWidget() is window.pages["wizard"]
    assert window.session.order.fields == {}


def test_crash_recovery_offers_the_open_draft(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    store = DraftStore()
    crashed = Order()
    crashed.set("projekt.titel", "Räddat utkast")
    store.save(crashed)
    Session(store).start()
    Session(store).set_open([crashed.id])  # a session that never ended
    window = shown_window(qtbot)
    monkeypatch.setattr(QMessageBox, "question", lambda *_args, **_kw: QMessageBox.StandardButton.Yes)
    _start_recovery(window)
    assert window.session.order.title() == "Räddat utkast"
    window.close_session()
    assert Session(store).start() == []
