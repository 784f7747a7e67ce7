"""A sent order opens read-only with a banner; edits never overwrite what was sent; a new version can be made."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from beställning.drafts import DraftStore
from beställning.order import SentRecord, load_order
from beställning.repository import OrderRepository
from ui.main_window import MainWindow

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def window(qtbot: QtBot) -> MainWindow:
    win = MainWindow(DraftStore())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win._started, timeout=5_000)
    return win


def test_a_sent_order_is_read_only_and_a_new_version_is_editable(qtbot: QtBot) -> None:
    order = load_order(EXAMPLES / "forskning.json")
    order.sent.append(SentRecord("<a@b>", "2026-11-02T10:00:00+01:00", ["statistikenheten@forsakringskassan.se"]))
    OrderRepository().save_registered(order)
    win = window(qtbot)
    win.open_order(load_order(DraftStore().path_for(order.id)))
    wizard = win.page("wizard")
    assert win.session.read_only
    assert wizard.sent_banner.isVisibleTo(wizard) and "2026-11-02" in wizard.sent_text.text()  # type: ignore[attr-defined]
    section = wizard.section_pages["projekt"]  # type: ignore[attr-defined]
    assert not section.widget().isEnabled()
    before = DraftStore().path_for(order.id).read_bytes()
    win.session.set_field("projekt.syfte", "Ändrat i efterhand")  # e.g. a shortcut or another page
    win.session.flush()
    assert DraftStore().path_for(order.id).read_bytes() == before
    assert win.session.order.text("projekt.syfte") != "Ändrat i efterhand"

    win.new_version()
    assert win.session.order.id != order.id and not win.session.read_only
    assert not wizard.sent_banner.isVisibleTo(wizard)  # type: ignore[attr-defined]
    assert section.widget().isEnabled()
    win.session.set_field("projekt.syfte", "Ny version")
    win.session.flush()
    assert load_order(DraftStore().path_for(win.session.order.id)).text("projekt.syfte") == "Ny version"
    assert DraftStore().path_for(order.id).read_bytes() == before
