"""The app's look: one small style sheet, calm and readable, like an agency form.

The colours come from the application's palette, so the app looks right in a dark palette too (help
boxes, the sidebar, titles and messages), and every input shows a clear focus ring in the accent
colour. `apply_style` sets the sheet and sets it again whenever the palette changes.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

ACCENT_LIGHT, ACCENT_DARK = "#1f4e79", "#8cb8e8"


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def _mix(first: QColor, second: QColor, share: float) -> str:
    """`share` of `second` mixed into `first`, as #rrggbb."""
    mixed = QColor(
        round(first.red() * (1 - share) + second.red() * share),
        round(first.green() * (1 - share) + second.green() * share),
        round(first.blue() * (1 - share) + second.blue() * share),
    )
    return mixed.name()


def colours(palette: QPalette) -> dict[str, str]:
    """The named colours of the sheet for `palette` (light or dark)."""
    dark = is_dark(palette)
    base = palette.color(QPalette.ColorRole.Base)
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    accent = QColor(ACCENT_DARK if dark else ACCENT_LIGHT)
    return {
        "accent": accent.name(),
        "on_accent": "#10161d" if dark else "#ffffff",
        "text": text.name(),
        "soft_text": _mix(text, window, 0.3),
        "help_bg": _mix(base, accent, 0.12 if dark else 0.08),
        "side_bg": _mix(window, text, 0.06 if dark else 0.03),
        "border": _mix(window, text, 0.35),
        "base": base.name(),
        "problem": "#ff8a80" if dark else "#b3261e",
        "warning": "#f0c35a" if dark else "#9a6700",
        "good": "#7fd493" if dark else "#1e7b34",
        "advice_bg": "#3a321c" if dark else "#fff8e1",
        "advice_border": "#8a7430" if dark else "#e0c46c",
    }


def style_sheet(palette: QPalette | None = None) -> str:
    """The style sheet for `palette` (the app's current palette by default)."""
    if palette is None:
        palette = QGuiApplication.palette() if QGuiApplication.instance() is not None else QPalette()
    c = colours(palette)
    return f"""
QWidget {{ font-size: 10pt; }}
QLabel#pageTitle {{ font-size: 15pt; font-weight: 600; color: {c["accent"]}; margin-bottom: 4px; }}
QLabel#sectionHelp {{ color: {c["text"]}; background: {c["help_bg"]}; border-left: 3px solid {c["accent"]};
    padding: 6px; }}
QLabel#fieldLabel {{ font-weight: 600; margin-top: 4px; }}
QLabel#fieldHelp {{ color: {c["soft_text"]}; font-size: 9pt; }}
QLabel#fieldProblem {{ color: {c["warning"]}; font-size: 9pt; }}
QLabel#fieldProblem[blocking="true"] {{ color: {c["problem"]}; }}
QLabel#advice, QWidget#undoBar {{ color: {c["text"]}; background: {c["advice_bg"]};
    border: 1px solid {c["advice_border"]}; padding: 6px; }}
QFrame#sentBanner {{ background: {c["help_bg"]}; border: 1px solid {c["border"]}; border-radius: 4px; }}
QLabel#summaryStatus {{ font-size: 11pt; font-weight: 600; color: {c["problem"]}; padding: 4px 0; }}
QLabel#summaryStatus[ok="true"] {{ color: {c["good"]}; }}
QListWidget#steps, QListWidget#nav {{ background: {c["side_bg"]}; color: {c["text"]}; border: none; }}
QListWidget#nav::item {{ padding: 6px 8px; }}
QListWidget#steps::item {{ padding: 6px 0px; }}
QListWidget#steps::item:selected, QListWidget#nav::item:selected {{ background: {c["accent"]};
    color: {c["on_accent"]}; }}
QListWidget#steps:focus, QListWidget#nav:focus {{ border: 2px solid {c["accent"]}; }}
QListWidget#nav {{ font-size: 11pt; }}
QToolBar#mainToolbar {{ spacing: 6px; padding: 2px 6px; }}
QToolBar#mainToolbar QToolButton {{ padding: 4px 10px; font-weight: 600; }}
QRadioButton#routeButton {{ font-size: 11pt; font-weight: 600; margin-top: 8px; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QAbstractSpinBox:focus {{
    border: 2px solid {c["accent"]}; border-radius: 3px; }}
QPushButton:focus {{ border: 2px solid {c["accent"]}; border-radius: 4px; padding: 3px 10px; }}
QCheckBox:focus, QRadioButton:focus {{ border: 2px solid {c["accent"]}; border-radius: 3px; }}
QCheckBox, QRadioButton {{ border: 2px solid transparent; padding: 1px 2px; }}
QTreeView:focus, QTableView:focus, QListView:focus {{ border: 2px solid {c["accent"]}; }}
"""


def light_palette() -> QPalette:
    """The light palette the sheet was designed on (a QPalette made without an app is all black)."""
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#efefef"),
        (QPalette.ColorRole.WindowText, "#000000"),
        (QPalette.ColorRole.Base, "#ffffff"),
        (QPalette.ColorRole.Text, "#000000"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


STYLE_SHEET = style_sheet(light_palette())  # the light sheet, for tests and tools that set it themselves


def _restyle() -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        sheet = style_sheet(app.palette())
        if app.styleSheet() != sheet:
            app.setStyleSheet(sheet)


def apply_style(app: QApplication) -> None:
    """Set the sheet for the current palette, and again when the desktop switches light/dark mode.

    The new sheet is set after the change has been delivered, never while Qt is handing it out (an
    application-wide event filter doing that crashed Qt in the tests).
    """
    app.setStyleSheet(style_sheet(app.palette()))
    if not app.property("bestallning_restyles"):
        app.setProperty("bestallning_restyles", True)
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: QTimer.singleShot(100, _restyle))
