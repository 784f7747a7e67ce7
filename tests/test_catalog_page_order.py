"""The catalog page with an order (issue 12, Must 6): "i beställningen" marks in the tree, the wishes
typed in section 6 in the cart and its count, a cart that can be made taller, benefits without an FK
list saying so, and readable source names in the detail pane."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from beställning.catalog import load_catalog
from beställning.order import BenefitRequest, Order, load_order
from tests.conftest import EXAMPLES
from ui.catalog_page import ID_ROLE, CatalogPage


def make_page(qtbot: Any, order: Order | None) -> CatalogPage:
    page = CatalogPage(load_catalog)
    qtbot.addWidget(page)
    page.resize(1180, 620)
    page.show()
    qtbot.waitUntil(lambda: not page.loading, timeout=20_000)
    page.set_order(order)
    return page


def find(page: CatalogPage, ident: str) -> QModelIndex:
    matches = page.model.match(page.model.index(0, 0), ID_ROLE, ident, 1, Qt.MatchFlag.MatchRecursive)
    assert matches, ident
    return matches[0]


def test_picked_variables_and_requested_benefits_are_marked_in_the_tree(qtbot: Any) -> None:
    order = load_order(EXAMPLES / "forskning.json")
    page = make_page(qtbot, order)
    assert "i beställningen" in find(page, "sjuk_rehab").data()
    assert "i beställningen" not in find(page, "barnbidrag").data()
    start = next(v for v in page.catalog.variables("sjuk_rehab") if v.name == "Sjukfallets startdatum")
    assert "✔ i beställningen" in find(page, start.id).data()
    end = next(v for v in page.catalog.variables("sjuk_rehab") if v.name == "Sjukfallets slutdatum")
    assert "i beställningen" not in find(page, end.id).data()
    other = next(v for v in page.catalog.variables("barnbidrag"))
    page.tree.setCurrentIndex(find(page, other.id))
    page._add_current()
    assert "✔ i beställningen" in find(page, other.id).data(), "the mark follows a new pick at once"


def test_the_cart_shows_section_6_wishes_and_counts_them(qtbot: Any) -> None:
    order = Order()
    order.benefits.append(BenefitRequest("bilstod", "Bilstöd", "2019-01", "2024-12", "Beviljade bilstöd per år"))
    page = make_page(qtbot, order)
    texts = []
    for row in range(page.cart.tree.topLevelItemCount()):
        top = page.cart.tree.topLevelItem(row)
        texts += [top.child(i).text(0) for i in range(top.childCount())]
    assert "Beviljade bilstöd per år" in texts
    assert "1 val" in page.cart.title.text()


def test_the_cart_can_be_made_taller(qtbot: Any) -> None:
    page = make_page(qtbot, Order())
    splitter = page.cart_splitter
    before = page.cart.height()
    total = sum(splitter.sizes())
    splitter.setSizes([total // 5, total - total // 5])
    qtbot.wait(20)
    assert page.cart.height() > before + 50
    assert page.cart.tree.height() > page.cart.tree.fontMetrics().height() * 8


def test_a_benefit_without_an_fk_list_invites_a_description_of_wishes(qtbot: Any) -> None:
    page = make_page(qtbot, Order())
    without = next(b for b in page.catalog.benefits if not b.has_list)
    with_list = next(b for b in page.catalog.benefits if b.has_list)
    page.tree.setCurrentIndex(find(page, without.id))
    assert "ingen variabellista" in page.detail.toPlainText()
    assert "föreslår Försäkringskassan variabler" in page.detail.toPlainText()
    page.tree.setCurrentIndex(find(page, with_list.id))
    assert "ingen variabellista" not in page.detail.toPlainText()


def test_the_detail_pane_names_sources_and_hides_compilers_notes(qtbot: Any) -> None:
    page = make_page(qtbot, None)
    page.tree.setCurrentIndex(find(page, "sjuk_rehab"))
    text = page.detail.toPlainText()
    assert "Tabell 91 anger" not in text and "(L283)" not in text and "[OP]" not in text
    assert "FK årsredovisning 2024, Tabell 3" in text
    assert "Källhänvisningar" in text
    variable = page.catalog.variable("sjuk_rehab:sjukfall")
    page.tree.setCurrentIndex(find(page, variable.id))
    assert "[S3]" not in page.detail.toPlainText() and "ISF Rapport 2015:5" in page.detail.toPlainText()
