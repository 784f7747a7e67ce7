"""The register: storage, events with documents, soft delete, duplicate, migrations."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from beställning import paths
from beställning.order import Order, SentRecord, load_order
from beställning.register import Register, RegisterError, StepOrderError
from beställning.register.schema import SCHEMA_VERSION, user_version
from tests.process_steps import record_up_to


def _order(title: str = "Sjukfrånvaro och arbete") -> Order:
    order = Order()
    order.fields.update(
        {
            "projekt.titel": title,
            "bestallare.kontaktperson": "Anna Lind",
            "bestallare.organisation": "Lunds universitet",
            "underskrift.datum": "2026-03-01",
        }
    )
    order.sent.append(SentRecord("<a@b>", "2026-03-02T09:00:00+01:00", ["statistikenheten@forsakringskassan.se"]))
    return order


def test_store_in_user_data_folder(tmp_path: Path) -> None:
    order = _order()
    with Register() as register:
        register.save(order)
        assert register.path == paths.data_dir() / "register.sqlite"
        folder = paths.data_dir() / "orders" / order.id
        assert (folder / "order.json").is_file() and (folder / "documents").is_dir()
        assert load_order(folder / "order.json").title() == "Sjukfrånvaro och arbete"
    with Register() as again:
        entry = again.get(order.id)
        assert entry.order.id == order.id and not entry.archived
        assert [h.action for h in again.history(order.id)] == ["added"]


def test_schema_version_and_newer_database_refused() -> None:
    with Register() as register:
        path = register.path
    conn = sqlite3.connect(path)
    assert user_version(conn) == SCHEMA_VERSION == 1
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(RegisterError, match="Uppdatera"):
        Register()


def test_damaged_database_gives_clear_message() -> None:
    path = paths.data_dir() / "register.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(RegisterError, match="kan inte öppnas"):
        Register()


def test_events_with_documents(tmp_path: Path) -> None:
    doc = tmp_path / "Offert från FK.pdf"
    doc.write_bytes(b"%PDF-1.4 quote")
    order = _order()
    with Register() as register:
        register.save(order)
        event = record_up_to(register, order.id, "decision", date(2026, 5, 4), "Dnr 123", [doc])
        assert event.documents[0].file_name == "Offert från FK.pdf"
        stored = register.document_path(event.documents[0], order.id)
        assert stored.read_bytes() == b"%PDF-1.4 quote"
        second = register.attach_document(event.id, doc)
        assert second.file_name == "Offert från FK (2).pdf"
        before = ["draft_quote", "agreement", "decision"]  # sent: the order's SMTP record
        assert [e.step for e in register.events(order.id)] == before
        with pytest.raises(RegisterError, match="finns inte"):
            register.record_event(order.id, "delivery", date(2026, 6, 1), documents=[tmp_path / "nope.pdf"])
        assert [e.step for e in register.events(order.id)] == before
        with pytest.raises(RegisterError, match="Okänt steg"):
            register.record_event(order.id, "party", date(2026, 6, 1))
        register.remove_event(event.id)
        assert [e.step for e in register.events(order.id)] == before[:-1]
        assert not stored.exists()


def test_soft_delete_restore_and_purge() -> None:
    order = _order()
    with Register() as register:
        register.save(order)
        register.delete(order.id)
        assert register.ids() == []
        with pytest.raises(RegisterError):
            register.get(order.id)
        register.restore(order.id)
        assert register.ids() == [order.id]
        register.delete(order.id)
        assert register.purge_deleted() == [order.id]
        assert not register.contains(order.id)
        assert not register.order_dir(order.id).exists()


def test_archive() -> None:
    order = _order()
    with Register() as register:
        register.save(order)
        register.set_archived(order.id)
        entries, _ = register.entries(include_archived=False)
        assert entries == []
        assert register.get(order.id).archived


def test_duplicate_for_repeat_delivery(tmp_path: Path) -> None:
    order = _order()
    with Register() as register:
        register.save(order)
        record_up_to(register, order.id, "delivery", date(2026, 9, 1))
        copy = register.duplicate(order.id)
        assert copy.id != order.id
        assert copy.sent == []
        assert "underskrift.datum" not in copy.fields
        assert copy.title() == order.title()
        entry = register.get(copy.id)
        assert entry.events == ()
        assert "sekretessprövning" in entry.note and "ny offert" in entry.note and "2026-03-02" in entry.note
        assert register.history(copy.id)[-1].detail == order.id
        # the original is untouched
        assert register.load_order(order.id).sent and len(register.events(order.id)) == 4


@pytest.mark.parametrize("bad", ["../etc", "a/b", "", "x" * 65, "..", "a b"])
def test_unsafe_ids_are_refused(bad: str) -> None:
    order = _order()
    order.id = bad
    with Register() as register, pytest.raises(RegisterError, match="ogiltigt"):
        register.save(order)


def test_quote_is_validated() -> None:
    order = _order()
    with Register() as register:
        register.save(order)
        with pytest.raises(RegisterError):
            register.set_quote(order.id, -3, 10, date(2026, 4, 1))
        quote = register.set_quote(order.id, 30, 25, date(2026, 4, 1), factor=1.2)
        assert (quote.quoted_hours, quote.estimated_hours, quote.factor) == (30.0, 25.0, 1.2)


def test_steps_out_of_order_are_refused_with_the_missing_step_named() -> None:
    order = Order()
    order.fields["projekt.titel"] = "Hand-off, inte skickad"
    with Register() as register:
        register.save(order)
        with pytest.raises(StepOrderError, match="”Beslut om utlämnande och offert”") as refused:
            register.record_event(order.id, "key_file", date(2026, 5, 4))
        assert refused.value.missing == "decision"
        with pytest.raises(StepOrderError, match="”Skickad till FK”"):
            register.record_event(order.id, "confirmation", date(2026, 5, 4))
        register.record_event(order.id, "sent", date(2026, 5, 4))
        with pytest.raises(StepOrderError, match="kan inte ligga före"):
            register.record_event(order.id, "draft_quote", date(2026, 5, 1))
        register.record_event(order.id, "draft_quote", date(2026, 5, 20))
        assert [e.step for e in register.events(order.id)] == ["sent", "draft_quote"]
