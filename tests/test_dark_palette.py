"""The app in a dark palette: help boxes, sidebar and step list take the palette's colours, and the
focus ring shows in the accent colour (issue 12, Must 7). Checked on screenshots (grabbed pixels).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from beställning.order import load_order
from tests.conftest import EXAMPLES
from tests.palettes import dark_palette
from tests.windows import shown_window
from ui import style
from ui.main_window import MainWindow


@pytest.fixture(params=["light", "dark"])
def palette(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[QPalette]:
    previous_palette, previous_sheet = qapp.palette(), qapp.styleSheet()
    chosen = dark_palette() if request.param == "dark" else style.light_palette()
    qapp.setPalette(chosen)
    style.apply_style(qapp)
    yield chosen
    qapp.setStyleSheet(previous_sheet)
    qapp.setPalette(previous_palette)


def background(widget: QWidget) -> QColor:
    """The most common colour in a screenshot of `widget`: its background."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    counts: dict[int, int] = {}
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            pixel = image.pixel(x, y)
            counts[pixel] = counts.get(pixel, 0) + 1
    return QColor(max(counts, key=lambda p: counts[p]))


def shown_wizard(qtbot: QtBot) -> MainWindow:
    window = shown_window(qtbot)
    window.open_order(load_order(EXAMPLES / "forskning.json"))
    return window


def test_sidebar_and_help_boxes_follow_the_palette(qtbot: QtBot, palette: QPalette) -> None:
    window = shown_wizard(qtbot)
    wizard = window.page("wizard")
    wizard.go_to("data")  # type: ignore[attr-defined]
    qtbot.wait(50)
    page = wizard.section_pages["data"]  # type: ignore[attr-defined]
    help_box = next(w for w in page.findChildren(QLabel) if w.objectName() == "sectionHelp")
    window_lightness = palette.color(QPalette.ColorRole.Window).lightness()
    text_lightness = palette.color(QPalette.ColorRole.WindowText).lightness()
    for widget in (window.nav, wizard.steps, help_box):  # type: ignore[attr-defined]
        colour = background(widget)
        assert abs(colour.lightness() - window_lightness) < 40, f"{widget.objectName()} has a fixed colour"
        assert abs(colour.lightness() - text_lightness) > 120, f"{widget.objectName()}: text would not be readable"


def test_the_focus_ring_is_drawn_in_the_accent_colour(qtbot: QtBot, palette: QPalette) -> None:
    window = shown_wizard(qtbot)
    window.activateWindow()
    wizard = window.page("wizard")
    wizard.go_to("projekt")  # type: ignore[attr-defined]
    editor = wizard.section_pages["projekt"].editors["projekt.titel"].input  # type: ignore[attr-defined]
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    accent = QColor(style.colours(palette)["accent"])
    image = editor.grab().toImage()
    edge = QColor(image.pixel(image.width() // 2, 0))
    window.close()
    assert abs(edge.red() - accent.red()) + abs(edge.green() - accent.green()) + abs(edge.blue() - accent.blue()) < 60


def test_the_register_timeline_is_drawn_on_the_palette(qtbot: QtBot, palette: QPalette) -> None:
    from ui.register.timeline_view import TimelineWidget

    window = shown_window(qtbot)
    window.show_page("register")
    timeline = window.page("register").findChild(TimelineWidget)
    assert timeline is not None
    timeline.resize(300, 200)
    colour = background(timeline)
    assert abs(colour.lightness() - palette.color(QPalette.ColorRole.Base).lightness()) < 30
