"""The order file: round trip, versions, broken files never overwritten, pasted text cleaned."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from beställning.order import (
    SCHEMA_VERSION,
    BenefitRequest,
    Order,
    OrderFileError,
    load_order,
    order_from_dict,
)
from tests.conftest import EXAMPLES


@pytest.mark.parametrize("name", ["forskning.json", "statistik.json"])
def test_examples_round_trip_unchanged(name: str, tmp_path: Path) -> None:
    folder = shutil.copytree(EXAMPLES, tmp_path / "examples")
    original = (folder / name).read_text(encoding="utf-8")
    order = load_order(folder / name)
    out = folder / name  # saved in its own folder, its relative attachment paths stay relative
    order.save(out)
    assert out.read_text(encoding="utf-8") == original


def test_file_is_versioned_and_readable() -> None:
    data = json.loads((EXAMPLES / "forskning.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["route"] == "forskning"
    assert data["fields"]["bestallare.epost"].endswith("@exempeluniversitetet.se")


def test_newer_version_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "new.json"
    path.write_text(
        json.dumps({"schema_version": SCHEMA_VERSION + 1, "route": "forskning"}), encoding="utf-8"
    )
    with pytest.raises(OrderFileError, match="Uppdatera Beställningsassistenten"):
        load_order(path)


def test_older_version_is_migrated(monkeypatch: pytest.MonkeyPatch) -> None:
    from beställning import order as order_module

    def from_zero(data: dict[str, object]) -> dict[str, object]:
        return {**data, "schema_version": 1, "fields": {"projekt.titel": data["title"]}}

    monkeypatch.setitem(order_module.MIGRATIONS, 0, from_zero)
    order = order_from_dict({"schema_version": 0, "route": "statistik", "title": "Gammal"})
    assert order.text("projekt.titel") == "Gammal"


def test_unmigratable_version_is_refused() -> None:
    with pytest.raises(OrderFileError, match="kan inte längre läsas"):
        order_from_dict({"schema_version": 0, "route": "forskning"})


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "skadad"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (b"[1, 2]", "JSON-objekt"),
        (b'{"route": "forskning"}', "schema_version"),
        (b'{"schema_version": 1, "route": "annat"}', "route"),
        (b'{"schema_version": 1, "route": "forskning", "fields": {"etik.kansliga": "ja"}}', "true/false"),
        (b'{"schema_version": 1, "route": "forskning", "benefits": [{"name": "x"}]}', "saknar"),
    ],
)
def test_broken_file_gives_message_and_is_left_untouched(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    with pytest.raises(OrderFileError, match=message):
        load_order(path)
    assert path.read_bytes() == content


def test_missing_file() -> None:
    with pytest.raises(OrderFileError, match="finns inte"):
        load_order(Path("/nonexistent/order.json"))


def test_pasted_control_characters_are_cleaned_but_text_kept(tmp_path: Path) -> None:
    order = Order()
    order.set("projekt.syfte", "Rad ett\x0bRad två\x0cSida\x00 slut 😀 مرحبا שלום")
    order.benefits.append(BenefitRequest("sjuk_rehab", "Sjukpenning\x01", "2020-01", "2020-12"))
    path = tmp_path / "o.json"
    order.save(path)
    loaded = load_order(path)
    assert loaded.text("projekt.syfte") == "Rad ett\nRad två\nSida slut 😀 مرحبا שלום"
    assert loaded.benefits[0].name == "Sjukpenning"


def test_save_is_atomic_when_writing_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "o.json"
    Order().save(path)
    before = path.read_bytes()

    def boom(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(OSError):
        Order().save(path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["o.json"]


@pytest.mark.parametrize("bad_id", ["../../../x", "a/b", "", "..", "x" * 65, 5])
def test_foreign_id_never_names_a_file(bad_id: object, tmp_path: Path) -> None:
    from beställning.drafts import DraftStore

    order = order_from_dict({"schema_version": 1, "route": "forskning", "id": bad_id})
    assert order.id != bad_id and len(order.id) == 32
    path = DraftStore(tmp_path / "drafts").save(order)
    assert path.parent == tmp_path / "drafts"


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"benefit": 5, "name": "x"}, "'benefit' i post 1 i 'benefits' ska vara text"),
        ({"benefit": "sjuk_rehab", "name": None}, "'name'"),
        ({"benefit": "sjuk_rehab", "name": "x", "period_from": 3}, "'period_from'"),
    ],
)
def test_list_items_are_type_checked(item: dict[str, object], message: str) -> None:
    with pytest.raises(OrderFileError, match=message):
        order_from_dict({"schema_version": 1, "route": "forskning", "benefits": [item]})


def test_boolean_schema_version_is_refused() -> None:
    with pytest.raises(OrderFileError, match="schema_version"):
        order_from_dict({"schema_version": True, "route": "forskning"})
