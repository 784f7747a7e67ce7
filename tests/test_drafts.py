"""Drafts: atomic autosave files and recovery after a crash."""

from __future__ import annotations

from beställning.drafts import DraftStore, Session
from beställning.order import Order


def test_save_list_delete(fresh_home: object) -> None:
    store = DraftStore()
    first, second = Order(), Order()
    first.set("projekt.titel", "Första")
    second.set("projekt.titel", "Andra")
    store.save(first)
    store.save(second)
    assert {o.title() for o in store.list()} == {"Första", "Andra"}
    store.delete(first.id)
    assert [o.title() for o in store.list()] == ["Andra"]


def test_unreadable_draft_is_listed_but_never_touched() -> None:
    store = DraftStore()
    bad = store.folder / "broken.json"
    bad.write_text("{half", encoding="utf-8")
    assert store.list() == []
    assert [path for path, _why in store.unreadable()] == [bad]
    assert bad.read_text(encoding="utf-8") == "{half"


def test_crashed_session_offers_open_drafts() -> None:
    store = DraftStore()
    order = Order()
    order.set("projekt.titel", "Pågående")
    crashed = Session(store)
    assert crashed.start() == []
    crashed.set_open([order.id])
    store.save(order)
    # No end(): the process was killed. The next start finds the marker.
    recovered = Session(store).start()
    assert [o.title() for o in recovered] == ["Pågående"]


def test_clean_exit_offers_nothing() -> None:
    store = DraftStore()
    order = Order()
    store.save(order)
    session = Session(store)
    session.start()
    session.set_open([order.id])
    session.end()
    assert Session(store).start() == []
