"""A tour of every main page and wizard section, checking that each fits (tests/layout_checks.py).

Used by tests/test_window_fits.py in-process at 100 %, and run as a program for 200 % scaling and for
screenshots a person can look at:

    QT_SCALE_FACTOR=2 .venv/bin/python -m tests.fit_tour [--shots DIR]   # prints one problem a line

Section 6 (Uppgifter per förmån) is visited with the example's rows and two more added.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication

from beställning.order import BenefitRequest, load_order
from tests.conftest import EXAMPLES
from tests.layout_checks import layout_problems
from ui.main_window import MainWindow

PAGES = ("register", "catalog", "send", "settings")


def tour(window: MainWindow, size: tuple[int, int], settle: Callable[[], None], shots: Path | None = None) -> list[str]:
    """Visit everything at `size`; return what does not fit (an empty list when all is well)."""
    found: list[str] = []
    window.resize(*size)

    def check(where: str) -> None:
        settle()
        if shots is not None:
            window.grab().save(str(shots / f"{where.replace(' ', '_')}.png"))
        if window.width() > size[0] or window.height() > size[1]:
            found.append(f"{where}: the window grew to {window.width()}×{window.height()}")
        found.extend(f"{where}: {problem}" for problem in layout_problems(window))

    for key in PAGES:
        window.show_page(key)
        for _wait in range(100):  # the catalog is read in the background; check the page it then shows
            if not getattr(window.page(key), "loading", False):
                break
            settle()
        check(key)
    settings = window.page("settings")
    for tab in range(settings.tabs.count()):  # type: ignore[attr-defined]
        settings.tabs.setCurrentIndex(tab)  # type: ignore[attr-defined]
        check(f"settings tab {tab}")
    order = load_order(EXAMPLES / "forskning.json")
    longest = "Ersättning för höga sjuklönekostnader"
    order.benefits.append(BenefitRequest(benefit="hoga_sjuklonekostnader", name=longest))
    window.open_order(order)
    wizard = window.page("wizard")
    for row in range(wizard.steps.count()):  # type: ignore[attr-defined]
        wizard.steps.setCurrentRow(row)  # type: ignore[attr-defined]
        check(f"wizard step {row}")
        if wizard.stack.currentWidget() is wizard.section_pages["data"]:  # type: ignore[attr-defined]
            benefits = wizard.section_pages["data"].benefits  # type: ignore[attr-defined]
            if not all(r.frame.isVisible() for r in benefits._rows):
                found.append("wizard step 6: benefit rows are hidden")
            benefits.add_row()
            benefits.add_row()
            check("wizard step 6 with rows added")
    window.show_page("send")
    check("send with an order")
    return found


def main(args: list[str]) -> int:
    shots = Path(args[args.index("--shots") + 1]) if "--shots" in args else None
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    from ui.style import apply_style

    apply_style(app)
    window = MainWindow()
    window.show()
    window.activateWindow()

    def settle() -> None:
        end = time.monotonic() + 0.15
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    end = time.monotonic() + 3
    while not window.pages and time.monotonic() < end:  # the start page is built after the first paint
        settle()
    for problem in tour(window, (1180, 672), settle, shots):
        print(problem)
    window.close_session()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
