"""The order repository: one place for drafts and register, its clean-up, and unreadable order files."""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from beställning.cli import main as cli_main
from beställning.order import Order, OrderFileError, SentRecord, load_order
from beställning.register import RegisterError
from beställning.register.overview import load_drafts
from beställning.repository import STALE_TEMP_SECONDS, OrderRepository


def test_clean_up_removes_stale_temp_files_and_folders_without_a_row(tmp_path: Path) -> None:
    repo = OrderRepository()
    order = Order()
    repo.save_registered(order)
    old = time.time() - STALE_TEMP_SECONDS - 60
    stale = repo.drafts.folder / ".x.json.abc.tmp"
    stale.write_text("half", encoding="utf-8")
    os.utime(stale, (old, old))
    fresh = repo.drafts.folder / ".y.json.def.tmp"  # a save in progress right now
    fresh.write_text("half", encoding="utf-8")
    orphan = repo.orders_root / "0123456789abcdef"
    orphan.mkdir(parents=True)
    os.utime(orphan, (old, old))
    result = repo.clean_up()
    assert result.temp_files == (stale,) and not stale.exists() and fresh.exists()
    assert result.orphan_folders == (orphan,) and not orphan.exists()
    assert (repo.orders_root / order.id / "order.json").is_file()


def test_the_wastebasket_empties_after_thirty_days() -> None:
    repo = OrderRepository()
    order = Order()
    repo.save_registered(order)
    with repo.register() as register:
        register.delete(order.id)
    assert repo.purge_wastebasket() == []
    assert repo.purge_wastebasket(datetime.now().astimezone() + timedelta(days=31)) == [order.id]


def test_a_sent_order_draft_is_never_overwritten_with_edits() -> None:
    repo = OrderRepository()
    order = Order()
    order.sent.append(SentRecord("<a@b>", "2026-03-02T09:00:00+01:00", [], method="smtp"))
    repo.save_registered(order)
    repo.save_draft(order)  # unchanged: fine
    order.set("projekt.syfte", "Ändrat efter sändningen")
    with pytest.raises(RegisterError, match="skickad och kan inte ändras"):
        repo.save_draft(order)
    assert "projekt.syfte" not in load_order(repo.drafts.path_for(order.id)).fields


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"schema_version": 1, "kind": "bestallningsassistenten/order", "route": "forskning", "x": '
        + "9" * 50_000
        + "}",
    ],
    ids=["deeply-nested", "huge-integer"],
)
def test_hostile_order_files_get_a_message_and_are_skipped(
    text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "fientlig.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OrderFileError, match="inte en beställning"):
        load_order(path)
    assert cli_main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1
    repo = OrderRepository()
    (repo.drafts.folder / "fientlig.json").write_text(text, encoding="utf-8")
    repo.drafts.save(Order())
    orders, notes = load_drafts(repo.drafts)
    assert len(orders) == 1 and len(notes) == 1 and "visas inte" in notes[0]


def test_storage_failures_come_out_as_register_errors(tmp_path: Path) -> None:
    broken = tmp_path / "register.sqlite"
    broken.write_bytes(b"not a database" * 100)
    repo = OrderRepository(register_path=broken)
    with pytest.raises(RegisterError), repo.register() as register:
        register.ids()
