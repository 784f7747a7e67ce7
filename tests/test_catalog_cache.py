"""The merged catalog is cached, and the cache follows imports, restores and outside changes.

Also: estimate() and order_coverage() use the catalog they are given, reading nothing else.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

import beställning.catalog.store as store_module
from beställning.catalog import load_catalog
from beställning.catalog.imports import import_official_list, restore_previous_list
from beställning.catalog.loader import invalidate
from beställning.catalog.model import Variable, make_catalog
from beställning.catalog.store import ImportStore
from beställning.cost import estimate
from beställning.coverage import order_coverage
from beställning.order import BenefitRequest, Order
from tests.test_catalog_import import make_unfamiliar_list


def _variables(n: int) -> tuple[Variable, ...]:
    return tuple(Variable(id=f"bilstod:V{i}", benefit_id="bilstod", table="T", name=f"V{i}") for i in range(n))


def test_load_catalog_is_cached_until_the_lists_change(tmp_path: Path) -> None:
    first = load_catalog()
    assert load_catalog() is first  # no re-reading on every call
    source = tmp_path / "lista.xlsx"
    source.write_bytes(b"x")
    ImportStore().save("bilstod", _variables(3), source, "a" * 64)
    second = load_catalog()
    assert second is not first and second.list_info("bilstod").kind == "imported"
    assert len(second.variables("bilstod")) == 3
    assert load_catalog() is second
    restore_previous_list("bilstod")
    third = load_catalog()
    assert third.list_info("bilstod").kind == "bundled"


def test_import_service_refreshes_the_cache(tmp_path: Path) -> None:
    before = load_catalog()
    outcome = import_official_list(make_unfamiliar_list(tmp_path / "lista.xlsx"))
    after = load_catalog()
    assert after is not before
    assert after.list_info(outcome.stored.benefit_id).kind == "imported"


def test_a_change_made_by_another_process_is_seen(tmp_path: Path) -> None:
    source = tmp_path / "lista.xlsx"
    source.write_bytes(b"x")
    store = ImportStore()
    saved = store.save("bilstod", _variables(2), source, "b" * 64)
    assert load_catalog().list_info("bilstod").kind == "imported"
    # Another process (the CLI) switches back to the bundled list: no invalidate() here.
    state_path = store.root / "state.json"
    state = json.loads(state_path.read_text(encoding="utf-8"))
    state["bilstod"]["active"] = None
    tmp = state_path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state), encoding="utf-8")
    os.replace(tmp, state_path)  # a new file, as every atomic write makes
    assert saved.info.entry_id
    assert load_catalog().list_info("bilstod").kind == "bundled"


def test_explicit_invalidate_rereads(monkeypatch: pytest.MonkeyPatch) -> None:
    load_catalog()
    calls: list[str] = []
    real = store_module.ImportStore.active

    def counting(self: ImportStore, benefit_id: str) -> object:
        calls.append(benefit_id)
        return real(self, benefit_id)

    monkeypatch.setattr(store_module.ImportStore, "active", counting)
    load_catalog()
    assert calls == []
    invalidate()
    load_catalog()
    assert "bilstod" in calls


def test_estimate_and_coverage_use_the_given_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    import beställning.catalog.loader as loader

    catalog = load_catalog()
    order = Order(route="forskning")
    order.benefits = [
        BenefitRequest("sjuk_rehab", "Sjuk- och rehabiliteringspenning", "2020-01", "2024-12"),
        BenefitRequest("bilstod", "Bilstöd", "2020-01", "2024-12"),
        BenefitRequest("barnbidrag", "Barnbidrag", "2020-01", "2024-12"),
    ]

    def forbidden() -> object:
        raise AssertionError("load_catalog called although a catalog was given")

    monkeypatch.setattr(loader, "load_catalog", forbidden)
    monkeypatch.setattr("beställning.catalog.load_catalog", forbidden)
    result = estimate(order, catalog=catalog)
    labels = [line.label for line in result.breakdown]
    assert any("MiDAS" in label for label in labels)
    assert any("utan variabellista" in label for label in labels)
    coverages = order_coverage(order, date(2026, 1, 1), catalog=catalog)
    assert [c.benefit for c in coverages] == ["sjuk_rehab", "bilstod", "barnbidrag"]
    assert all(c.status == "complete" for c in coverages)


def test_given_catalog_decides_the_kind() -> None:
    """A catalog that says bilstöd has no list makes the estimate count it so (the catalog is the authority)."""
    real = load_catalog()
    changed = tuple(b if b.id != "bilstod" else type(b)(**{**b.__dict__, "has_list": False}) for b in real.benefits)
    catalog = make_catalog(changed, {b.id: real.variables(b.id) for b in real.benefits})
    order = Order(route="forskning")
    order.benefits = [BenefitRequest("bilstod", "Bilstöd", "2020-01", "2020-12")]
    labels = [line.label for line in estimate(order, catalog=catalog).breakdown]
    assert "Bilstöd (utan variabellista)" in labels
    assert "Bilstöd (utbetalningsdata med variabellista)" in [
        line.label for line in estimate(order, catalog=real).breakdown
    ]
