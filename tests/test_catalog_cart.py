"""The cart on Order.variables, the Variabelval.xlsx export, and orders touched by a new list."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from beställning import paths
from beställning.catalog import cart, export_variable_selection, load_catalog
from beställning.catalog.imports import import_official_list
from beställning.order import Order, load_order


def _order() -> Order:
    order = Order()
    order.set("projekt.titel", "Sjukfrånvaro")
    return order


def test_add_variable_table_and_wish() -> None:
    catalog = load_catalog()
    order = _order()
    diagnos = catalog.variable("sjuk_rehab:diagnos")
    pick = cart.add_variable(order, catalog, diagnos, "Fråga 2 gäller diagnoser")
    assert [b.benefit for b in order.benefits] == ["sjuk_rehab"]
    assert order.benefits[0].name == "Sjuk- och rehabiliteringspenning"
    assert (pick.kind, pick.variable, pick.table, pick.variable_id) == (
        "variable",
        "Diagnos",
        "Diagnos",
        diagnos.id,
    )
    assert pick.source == "rattsjukskrivning.se; Lidwall 2015"  # readable: the [S2] keys stay in the catalogue
    again = cart.add_variable(order, catalog, diagnos)
    assert again is pick and len(order.variables) == 1 and pick.justification == "Fråga 2 gäller diagnoser"
    table = cart.add_table(order, catalog, "sjuk_rehab", "Sjukfall", "Hela sjukfallen behövs")
    assert table.kind == "table" and "Sjukfallets startdatum" in table.description
    wish = cart.add_wish(order, catalog, "barnbidrag", "Barnbidrag per månad", "Familjeekonomi")
    assert wish.kind == "wish" and [b.benefit for b in order.benefits] == ["sjuk_rehab", "barnbidrag"]
    with pytest.raises(cart.CartError):
        cart.add_wish(order, catalog, "barnbidrag", "   ")
    with pytest.raises(cart.CartError):
        cart.add_table(order, catalog, "sjuk_rehab", "Finns inte")
    assert cart.is_picked(order, catalog.variable("sjuk_rehab:sjukfall_start"))  # via the table
    assert not cart.is_picked(order, catalog.variable("sjuk_rehab:omfattning"))
    cart.remove_pick(order, pick)
    assert pick not in order.variables
    cart.remove_benefit(order, "barnbidrag")
    assert all(v.benefit != "barnbidrag" for v in order.variables)


def test_period_validation() -> None:
    catalog = load_catalog()
    order = _order()
    cart.set_period(order, catalog, "foraldrapenning", "2015-01", "2020-12")
    assert (order.benefits[0].period_from, order.benefits[0].period_to) == ("2015-01", "2020-12")
    for start, end in (("2015-13", ""), ("2015-1", ""), ("2020-01", "2019-12")):
        with pytest.raises(cart.CartError):
            cart.set_period(order, catalog, "foraldrapenning", start, end)
    assert order.benefits[0].period_from == "2015-01"


def test_export_matches_selection_rows(tmp_path: Path) -> None:
    catalog = load_catalog()
    order = _order()
    cart.add_variable(order, catalog, catalog.variable("sa_ersattning:omfattning"), "Grad behövs")
    cart.add_variable(order, catalog, catalog.variable("sjuk_rehab:diagnos"), "Diagnos")
    cart.add_wish(order, catalog, "bostadsbidrag", "Belopp per år", "Ekonomi")
    cart.set_period(order, catalog, "sjuk_rehab", "2010-01", "2024-12")
    out = tmp_path / "Variabelval.xlsx"
    export_variable_selection(order, out)
    sheet = load_workbook(out).active
    rows = [tuple("" if c is None else c for c in r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == (
        "Förmån", "Grupp i katalogen", "Variabel", "Slag", "Beskrivning", "Period", "Motivering", "Källa", "Säkerhet"
    )
    expected = [
        (r.benefit, r.table, r.variable, r.kind_text, r.description, r.period, r.justification, r.source, r.confidence)
        for r in cart.selection_rows(order, catalog)
    ]
    assert rows[1:] == expected
    assert rows[1][0] == "Sjuk- och aktivitetsersättning" and rows[1][5] == ""
    assert rows[2][5] == "2010-01 – 2024-12" and rows[2][6] == "Diagnos"
    assert rows[1][3] == "variabel" and rows[3][3] == "önskemål"
    assert rows[2][8] == "Uppgiven om MiDAS i offentlig källa"  # the catalog's D-MiDAS mark, in words
    assert rows[3][2] == "Belopp per år" and rows[3][8].startswith("Önskemål")
    assert not list(tmp_path.glob(".*.tmp"))


def test_export_failure_leaves_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "Variabelval.xlsx"
    out.write_bytes(b"old")

    def broken(self: Workbook, filename: str) -> None:
        Path(filename).write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(Workbook, "save", broken)
    with pytest.raises(OSError):
        export_variable_selection(_order(), out)
    assert out.read_bytes() == b"old"
    assert not list(tmp_path.glob(".*.tmp"))


def test_import_reports_saved_orders_using_removed_variables(tmp_path: Path) -> None:
    catalog = load_catalog()
    draft = _order()
    cart.add_variable(draft, catalog, catalog.variable("sa_ersattning:omfattning"), "x")
    draft.save(paths.drafts_dir() / f"{draft.id}.json")
    stored = _order()
    stored.set("projekt.titel", "Registrerad")
    cart.add_table(stored, catalog, "sa_ersattning", "Beslut")
    stored.save(paths.data_dir() / "orders" / stored.id / "order.json")
    untouched = _order()
    cart.add_variable(untouched, catalog, catalog.variable("sjuk_rehab:diagnos"))
    untouched.save(paths.drafts_dir() / f"{untouched.id}.json")
    (paths.drafts_dir() / "broken.json").write_text("{", encoding="utf-8")

    wb = Workbook()
    wb.active.append(["Variabel", "Beskrivning"])
    wb.active.append(["Omfattning", "Ny beskrivning"])
    wb.save(tmp_path / "sjuk_och_aktivitetsersattning.xlsx")
    outcome = import_official_list(tmp_path / "sjuk_och_aktivitetsersattning.xlsx")
    titles = {a.title: a.variables for a in outcome.affected}
    assert set(titles) == {"Sjukfrånvaro", "Registrerad"}
    assert titles["Registrerad"] == ("hela tabellen Beslut",)
    assert load_order(paths.drafts_dir() / f"{draft.id}.json").variables[0].variable == "Omfattning"


def test_rows_from_an_imported_fk_list_carry_fks_table_name(tmp_path: Path) -> None:
    """Only a row from FK's own (imported) list is headed as a table; the app's groups are named as such."""
    from dataclasses import replace
    from types import MappingProxyType

    from beställning.catalog.export import headers
    from beställning.catalog.model import Catalog, ListInfo, Variable

    bundled = load_catalog()
    official = Variable("sjuk_rehab:x1", "sjuk_rehab", "SJP_FALL", "FALL_START", "Startdatum", concept=False)
    catalog = Catalog(
        bundled.benefits,
        MappingProxyType({**{b.id: bundled.variables(b.id) for b in bundled.benefits}, "sjuk_rehab": (official,)}),
        MappingProxyType({"sjuk_rehab": replace(ListInfo("imported"), file_name="midas.xlsx")}),
    )
    order = _order()
    cart.add_variable(order, catalog, official, "Start")
    rows = cart.selection_rows(order, catalog)
    assert rows[0].from_fk_list and rows[0].table == "SJP_FALL"
    assert headers(rows)[1] == "Tabell (FK:s lista)"
    cart.add_variable(order, catalog, bundled.variable("sa_ersattning:omfattning"), "Grad")
    rows = cart.selection_rows(order, catalog)
    assert headers(rows)[1] == "Grupp i katalogen / tabell i FK:s lista"
    assert sorted(r.from_fk_list for r in rows) == [False, True]


def test_sources_in_the_selection_are_readable_also_for_orders_saved_with_catalog_keys() -> None:
    order = load_order(Path(__file__).resolve().parent.parent / "examples" / "forskning.json")
    assert any("[S" in pick.source for pick in order.variables)  # as the example file stores them
    rows = cart.selection_rows(order, load_catalog())
    assert rows and not any("[" in row.source for row in rows)
