"""The catalog page and cart widget (offscreen Qt), and the background worker helper."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QMessageBox

from beställning.catalog import load_catalog
from beställning.order import Order
from tests.test_catalog_import import make_unfamiliar_list
from ui.catalog_page import ID_ROLE, KIND_ROLE, CatalogPage
from ui.workers import run_in_background, wait_for_all


@pytest.fixture
def page(qtbot: Any) -> CatalogPage:
    widget = CatalogPage(load_catalog)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitUntil(lambda: not widget.loading, timeout=20_000)
    return widget


def _top_texts(page: CatalogPage) -> list[str]:
    return [page.model.item(i).text() for i in range(page.model.rowCount())]


def test_browsing_without_order(page: CatalogPage) -> None:
    assert page.model.rowCount() == 23
    assert not page.add_button.isEnabled()
    assert "Sammanställd från offentliga källor" in page.detail.toPlainText()
    assert "Ingen beställning" in page.cart.title.text()


def test_search_as_you_type_and_filters(page: CatalogPage, qtbot: Any) -> None:
    qtbot.keyClicks(page.search, "forald")
    texts = _top_texts(page)
    assert texts[0].startswith("Föräldrapenning och skattad föräldraledighet")
    assert len(texts) < 23
    current = page.tree.currentIndex()
    assert current.data(KIND_ROLE) == "variable"  # the best hit is selected, ready for Enter
    page.search.clear()
    page.register.setCurrentIndex(page.register.findData("MiDAS"))
    assert page.model.rowCount() == 3
    page.area.setCurrentIndex(page.area.findData("Barn och familj"))
    assert [t.split("  ")[0] for t in _top_texts(page)] == ["Föräldrapenning och skattad föräldraledighet"]


def test_keyboard_pick_into_order(page: CatalogPage, qtbot: Any) -> None:
    order = Order()
    page.set_order(order)
    with qtbot.waitSignal(page.order_changed):
        qtbot.keyClicks(page.search, "diagnos doa")
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert [(p.benefit, p.variable) for p in order.variables] == [("sjuk_rehab", "Diagnos")]
    assert page.tree.hasFocus() or QApplication.focusWidget() is page.tree
    assert page.cart.tree.topLevelItemCount() == 1
    # a whole table with a justification, through the buttons
    page.justification.setText("Sjukfallen behövs")
    page.add_table_button.click()
    assert order.variables[-1].kind == "table" and order.variables[-1].justification == "Sjukfallen behövs"


def test_cart_period_and_wish(page: CatalogPage, qtbot: Any) -> None:
    order = Order()
    page.set_order(order)
    page.cart.select_benefit("barnbidrag")
    page.cart.period_from.setText("2019-01")
    page.cart.period_to.setText("2018-01")
    page.cart._save_period()
    assert "efter" in page.cart.problem.text() and not order.benefits
    page.cart.period_to.setText("2020-12")
    with qtbot.waitSignal(page.order_changed):
        page.cart._save_period()
    assert (order.benefits[0].benefit, order.benefits[0].period_to) == ("barnbidrag", "2020-12")
    page.cart.wish.setText("Utbetalt belopp per månad")
    page.cart.wish_justification.setText("Hushållens inkomster")
    page.cart.add_wish_button.click()
    assert order.variables[0].kind == "wish" and order.variables[0].justification == "Hushållens inkomster"
    item = page.cart.tree.topLevelItem(0).child(0)
    item.setText(2, "Ny motivering")
    assert order.variables[0].justification == "Ny motivering"


def test_import_runs_in_background_and_refreshes(page: CatalogPage, qtbot: Any, tmp_path: Path) -> None:
    path = make_unfamiliar_list(tmp_path / "lista.xlsx")
    page.start_import(path)
    assert not page.import_button.isEnabled()
    qtbot.waitUntil(lambda: page.import_button.isEnabled(), timeout=20_000)
    assert "Importerade 4 variabler" in page.status.text()
    top = next(
        page.model.item(i) for i in range(page.model.rowCount()) if page.model.item(i).data(ID_ROLE) == "sa_ersattning"
    )
    assert "●" in top.text()
    assert page.catalog.list_info("sa_ersattning").kind == "imported"


def test_bad_import_shows_message_and_keeps_catalog(
    page: CatalogPage, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"")
    page.start_import(bad, "bilstod")
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "tom" in shown[0]
    assert page.catalog.list_info("bilstod").kind == "bundled"


def test_worker_callbacks_land_on_gui_thread(qtbot: Any) -> None:
    gui = QThread.currentThread()
    seen: dict[str, Any] = {}

    def work(report: Any) -> int:
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        report(0.5, "halvvägs")
        return 42

    run_in_background(
        work,
        on_success=lambda r: seen.update(result=r, thread=QThread.currentThread() is gui),
        on_progress=lambda f, m: seen.update(progress=(f, m)),
    )
    qtbot.waitUntil(lambda: "result" in seen, timeout=10_000)
    assert seen == {"worker": True, "progress": (0.5, "halvvägs"), "result": 42, "thread": True}

    failures: list[BaseException] = []

    def broken(report: Any) -> None:
        raise ValueError("trasig")

    run_in_background(broken, on_failure=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=10_000)
    assert isinstance(failures[0], ValueError) and "Traceback" in failures[0].__notes__[-1]

    cancelled: list[bool] = []
    started = threading.Event()
    release = threading.Event()

    def slow(report: Any) -> None:
        started.set()
        release.wait(5)
        report(0.9, "nästan")

    task = run_in_background(
        slow, on_success=lambda r: cancelled.append(False), on_cancelled=lambda: cancelled.append(True)
    )
    started.wait(5)
    task.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(cancelled), timeout=10_000)
    assert cancelled == [True] and not task.running
    assert wait_for_all(5_000)


def test_catalog_loads_off_the_gui_thread_with_busy_state(qtbot: Any) -> None:
    release = threading.Event()
    threads: list[bool] = []

    def slow_provider() -> Any:
        threads.append(threading.current_thread() is threading.main_thread())
        release.wait(10)
        return load_catalog()

    widget = CatalogPage(slow_provider)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.loading and widget.progress.isVisible() and not widget.import_button.isEnabled()
    assert widget.model.rowCount() == 0
    with qtbot.waitSignal(widget.catalog_loaded, timeout=10_000):
        release.set()
    assert threads == [False]
    assert not widget.loading and not widget.progress.isVisible() and widget.import_button.isEnabled()
    assert widget.model.rowCount() == 23


def _select_benefit(page: CatalogPage, benefit_id: str) -> None:
    for row in range(page.model.rowCount()):
        if page.model.item(row).data(ID_ROLE) == benefit_id:
            page.tree.setCurrentIndex(page.model.index(row, 0))
            return
    raise AssertionError(benefit_id)


def test_restore_runs_in_background_and_reports(page: CatalogPage, qtbot: Any, tmp_path: Path) -> None:
    path = make_unfamiliar_list(tmp_path / "lista.xlsx")
    page.start_import(path)
    qtbot.waitUntil(lambda: page.import_button.isEnabled() and not page.loading, timeout=20_000)
    _select_benefit(page, "sa_ersattning")
    assert page.restore_button.isEnabled()
    with qtbot.waitSignal(page.catalog_loaded, timeout=20_000):
        page.restore_button.click()
        assert page.loading  # the restore and the reload run on the worker
    assert page.catalog.list_info("sa_ersattning").kind == "bundled"
    assert "nu används" in page.status.text()


def test_restore_failure_is_explained(
    page: CatalogPage, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import beställning.catalog.imports as imports

    path = make_unfamiliar_list(tmp_path / "lista.xlsx")
    page.start_import(path)
    qtbot.waitUntil(lambda: page.import_button.isEnabled() and not page.loading, timeout=20_000)

    def broken(_benefit: str) -> Any:
        raise PermissionError(13, "Åtkomst nekad")

    monkeypatch.setattr(imports, "restore_previous_list", broken)
    _select_benefit(page, "sa_ersattning")
    with qtbot.waitSignal(page.catalog_loaded, timeout=20_000):
        page.restore_button.click()
    assert "Föregående lista kunde inte återställas" in page.status.text()
    assert "Åtkomst nekad" in page.status.text()
    assert page.catalog.list_info("sa_ersattning").kind == "imported"


def test_cart_export_asks_through_the_shared_save_dialog(
    page: CatalogPage, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.cart_widget as cart_module

    asked: list[Path] = []
    target = tmp_path / "val" / "Variabelval.xlsx"
    target.parent.mkdir()

    def ask(_parent: object, _title: str, suggestion: Path, _filter: str) -> Path:
        asked.append(suggestion)
        return target

    monkeypatch.setattr(cart_module, "ask_save_path", ask)
    page.set_order(Order())
    page.cart._export()
    qtbot.waitUntil(lambda: target.exists(), timeout=10_000)
    assert asked and asked[0].name == "Variabelval.xlsx"
