"""The wheel scrolls the page; a combo box, spin box or date edit changes only when it has focus."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QScrollArea, QSpinBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.wheel_guard import install_wheel_guard


def wheel(widget: QWidget, steps: int = -1) -> None:
    """One notch of the wheel over the middle of `widget` (negative: towards the user, scroll down)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def scrolled_form(qtbot: QtBot) -> tuple[QScrollArea, QComboBox, QSpinBox, QDateEdit, QWidget]:
    install_wheel_guard(QApplication.instance())  # type: ignore[arg-type]
    body = QWidget()
    layout = QVBoxLayout(body)
    combo, spin, date = QComboBox(), QSpinBox(), QDateEdit()
    combo.addItems(["ett", "två", "tre"])
    spin.setValue(5)
    other = QWidget()
    other.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    for widget in (other, combo, spin, date):
        layout.addWidget(widget)
        layout.addSpacing(400)
    area = QScrollArea()
    area.setWidget(body)
    area.resize(300, 200)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    return area, combo, spin, date, other


def test_wheel_over_an_unfocused_field_scrolls_the_page(qtbot: QtBot) -> None:
    area, combo, spin, date, other = scrolled_form(qtbot)
    other.setFocus()
    before = (combo.currentIndex(), spin.value(), date.date())
    for widget in (combo, spin, date):
        start = area.verticalScrollBar().value()
        wheel(widget)
        assert area.verticalScrollBar().value() > start, f"the page did not scroll over {type(widget).__name__}"
    assert (combo.currentIndex(), spin.value(), date.date()) == before


def test_a_focused_field_takes_the_wheel(qtbot: QtBot) -> None:
    _area, _combo, spin, _date, _other = scrolled_form(qtbot)
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    wheel(spin, steps=1)
    assert spin.value() == 6


def test_the_app_installs_the_guard_once(qapp: QApplication) -> None:
    from ui.wheel_guard import WheelGuard

    first = install_wheel_guard(qapp)
    assert install_wheel_guard(qapp) is first
    assert len(qapp.findChildren(WheelGuard)) == 1
