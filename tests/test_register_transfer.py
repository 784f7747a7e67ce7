"""Export and import of one order as a zip: a round trip, and refusals that change nothing."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from beställning.order import Order
from beställning.register import Register
from beställning.register.transfer import TransferError, export_order, import_order
from tests.process_steps import record_up_to


def _filled(register: Register, tmp_path: Path) -> Order:
    order = Order()
    order.fields["projekt.titel"] = "Överlämnad beställning"
    register.save(order, note="Följs upp av datahanteraren")
    doc = tmp_path / "beslut.pdf"
    doc.write_bytes(b"%PDF beslut" * 50)
    register.record_event(order.id, "sent", date(2026, 2, 2))
    record_up_to(register, order.id, "decision", date(2026, 4, 4), "Dnr FK 2026/1", [doc])
    register.set_quote(order.id, 32, 28, date(2026, 4, 4), 1.1)
    return order


def _state(register: Register) -> tuple[list[str], list[Path]]:
    return register.ids(include_deleted=True), sorted(register.orders_root.rglob("*"))


def test_round_trip_to_another_machine(tmp_path: Path) -> None:
    zip_path = tmp_path / "export.zip"
    with Register(tmp_path / "a" / "register.sqlite") as one:
        order = _filled(one, tmp_path)
        export_order(one, order.id, zip_path)
    with Register(tmp_path / "b" / "register.sqlite") as two:
        imported = import_order(two, zip_path)
        assert imported.id == order.id
        entry = two.get(order.id)
        assert entry.note == "Följs upp av datahanteraren"
        assert [(e.step, e.date) for e in entry.events] == [
            ("sent", date(2026, 2, 2)),
            ("draft_quote", date(2026, 4, 4)),
            ("agreement", date(2026, 4, 4)),
            ("decision", date(2026, 4, 4)),
        ]
        doc = entry.events[3].documents[0]
        assert two.document_path(doc, order.id).read_bytes() == b"%PDF beslut" * 50
        assert entry.events[3].note == "Dnr FK 2026/1"
        quote = two.quote(order.id)
        assert quote is not None and (quote.quoted_hours, quote.estimated_hours, quote.factor) == (
            32,
            28,
            1.1,
        )
        actions = [h.action for h in two.history(order.id)]
        assert actions[0] == "added" and "event" in actions and actions[-1] == "imported"
        # the same file again is a duplicate: clear message, nothing changed
        before = _state(two)
        with pytest.raises(TransferError, match="finns redan"):
            import_order(two, zip_path)
        assert _state(two) == before


def _zip(path: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _valid_members(tmp_path: Path) -> dict[str, bytes | str]:
    zip_path = tmp_path / "valid.zip"
    with Register(tmp_path / "src" / "register.sqlite") as source:
        order = _filled(source, tmp_path)
        export_order(source, order.id, zip_path)
    with zipfile.ZipFile(zip_path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _refused(tmp_path: Path, path: Path, pattern: str) -> None:
    with Register() as register:
        before = _state(register)
        with pytest.raises(TransferError, match=pattern) as info:
            import_order(register, path)
        assert "Inget har ändrats" in str(info.value)
        assert _state(register) == before


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "x.zip"
    path.write_bytes(b"hello")
    _refused(tmp_path, path, "ingen zip-fil")


def test_truncated_zip(tmp_path: Path) -> None:
    members = _valid_members(tmp_path)
    good = _zip(tmp_path / "good.zip", members)
    cut = tmp_path / "cut.zip"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    _refused(tmp_path, cut, "zip")


def test_foreign_zip(tmp_path: Path) -> None:
    _refused(tmp_path, _zip(tmp_path / "f.zip", {"readme.txt": "hej"}), "manifest.json saknas")
    _refused(
        tmp_path,
        _zip(tmp_path / "g.zip", {"manifest.json": json.dumps({"kind": "other"})}),
        "ingen export av en beställning",
    )


def test_newer_format_refused(tmp_path: Path) -> None:
    members = _valid_members(tmp_path)
    manifest = json.loads(members["manifest.json"])
    manifest["format"] = 99
    members["manifest.json"] = json.dumps(manifest)
    _refused(tmp_path, _zip(tmp_path / "n.zip", members), "uppdatera programmet")


def test_zip_slip_refused(tmp_path: Path) -> None:
    members = _valid_members(tmp_path)
    members["../../evil.txt"] = "x"
    _refused(tmp_path, _zip(tmp_path / "s.zip", members), "utanför")
    assert not (tmp_path / "evil.txt").exists()
    members.pop("../../evil.txt")
    members["documents/sub/evil.pdf"] = "x"
    _refused(tmp_path, _zip(tmp_path / "t.zip", members), "hör till en beställning")


def test_zip_bomb_refused(tmp_path: Path) -> None:
    members = _valid_members(tmp_path)
    members["documents/bomb.bin"] = b"\0" * (20 * 1024 * 1024)  # 20 MB of zeros packs to ~20 kB
    _refused(tmp_path, _zip(tmp_path / "b.zip", members), "zip-bomb")


def test_tampered_document_refused(tmp_path: Path) -> None:
    members = _valid_members(tmp_path)
    name = next(n for n in members if n.startswith("documents/"))
    members[name] = b"changed"
    _refused(tmp_path, _zip(tmp_path / "c.zip", members), "kontrollsumma")


def test_broken_order_json_refused(tmp_path: Path) -> None:
    members = _valid_members(tmp_path)
    members["order.json"] = "{not json"
    _refused(tmp_path, _zip(tmp_path / "o.zip", members), "order.json är skadad")
    data = json.loads(_valid_members(tmp_path)["order.json"])
    data["id"] = "../../x"
    members["order.json"] = json.dumps(data)
    _refused(tmp_path, _zip(tmp_path / "p.zip", members), "ogiltigt")


def test_deleted_duplicate_points_to_wastebasket(tmp_path: Path) -> None:
    zip_path = tmp_path / "e.zip"
    with Register() as register:
        order = _filled(register, tmp_path)
        export_order(register, order.id, zip_path)
        register.delete(order.id)
        with pytest.raises(TransferError, match="papperskorgen"):
            import_order(register, zip_path)
