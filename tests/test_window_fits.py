"""Every page and wizard section fits the default window on a 1280×720 screen: no sideways scrolling,
no text cut off without a tooltip (issue 12, Must 1). Section 6 is visited with benefit rows added.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from beställning.order import BenefitRequest, load_order
from tests.conftest import EXAMPLES
from tests.layout_checks import layout_problems
from ui.main_window import MainWindow

# The default window on a 1280×720 screen (DEFAULT_SIZE is 1180 wide), and the same screen maximised.
SIZES = [(1180, 672), (1264, 672)]


@pytest.fixture
def app_style(qapp: QApplication) -> Iterator[None]:
    from ui.style import STYLE_SHEET

    previous = qapp.styleSheet()
    qapp.setStyleSheet(STYLE_SHEET)
    yield
    qapp.setStyleSheet(previous)


def settle(qtbot: QtBot) -> None:
    qtbot.wait(30)
    QApplication.processEvents()


def check(window: MainWindow, size: tuple[int, int], where: str, found: list[str]) -> None:
    if window.width() > size[0] or window.height() > size[1]:
        found.append(f"{where}: the window grew to {window.width()}×{window.height()}")
    found.extend(f"{where}: {problem}" for problem in layout_problems(window))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_page_and_section_fits(qtbot: QtBot, app_style: None, size: tuple[int, int]) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.started, timeout=5000):
        window.show()
    window.resize(*size)
    found: list[str] = []
    for key in ("register", "catalog", "send", "settings"):
        window.show_page(key)
        settle(qtbot)
        check(window, size, key, found)
    settings = window.page("settings")
    for tab in range(settings.tabs.count()):  # type: ignore[attr-defined]
        settings.tabs.setCurrentIndex(tab)  # type: ignore[attr-defined]
        settle(qtbot)
        check(window, size, f"settings tab {tab}", found)
    order = load_order(EXAMPLES / "forskning.json")
    longest = "Ersättning för höga sjuklönekostnader"
    order.benefits.append(BenefitRequest(benefit="hoga_sjuklonekostnader", name=longest))
    window.open_order(order)
    wizard = window.page("wizard")
    for row in range(wizard.steps.count()):  # type: ignore[attr-defined]
        wizard.steps.setCurrentRow(row)  # type: ignore[attr-defined]
        settle(qtbot)
        check(window, size, f"wizard step {row}", found)
        if wizard.stack.currentWidget() is wizard.section_pages["data"]:  # type: ignore[attr-defined]
            benefits = wizard.section_pages["data"].benefits  # type: ignore[attr-defined]
            assert all(row.frame.isVisible() for row in benefits._rows), "benefit rows are hidden"
            benefits.add_row()
            benefits.add_row()
            settle(qtbot)
            check(window, size, "wizard step 6 with rows added", found)
    window.show_page("send")
    settle(qtbot)
    check(window, size, "send with an order", found)
    assert not found, "\n".join(found)
