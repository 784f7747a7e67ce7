"""What a person would call 'does not fit': a visible horizontal scrollbar, or text cut off.

Shared by the fit test (offscreen, 1280×720) and the screenshot tour (Xvfb, 200 %).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QListWidget, QScrollArea, QScrollBar, QWidget


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text()
    return f"{type(widget).__name__}({widget.objectName() or ''}) {text[:60]!r}"


def _really_visible(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.isVisible() and widget.width() > 0 and widget.height() > 0


def layout_problems(window: QWidget) -> list[str]:
    """Every visible horizontal scrollbar and every label or button whose text does not fit it."""
    problems = []
    for bar in window.findChildren(QScrollBar):
        if bar.orientation() == Qt.Orientation.Horizontal and _really_visible(bar, window) and bar.maximum() > 0:
            owner = bar.parentWidget().parentWidget() if bar.parentWidget() else None
            problems.append(f"horizontal scrollbar in {type(owner).__name__}({owner.objectName() if owner else ''})")
    for area in window.findChildren(QScrollArea):
        content = area.widget()
        if _really_visible(area, window) and content is not None and content.width() > area.viewport().width() + 1:
            problems.append(
                f"{type(area).__name__}({area.objectName()}) cuts its content sideways: "
                f"{content.width()} px in {area.viewport().width()}"
            )
    for label in window.findChildren(QLabel):
        if not _really_visible(label, window) or not label.text() or label.toolTip():
            continue
        if label.pixmap() is not None and not label.pixmap().isNull():
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + 1:
                problems.append(f"{_name(label)} cut: needs {needed} px height, has {label.height()}")
        elif label.minimumSizeHint().width() > label.width() + 1:
            problems.append(f"{_name(label)} cut: needs {label.minimumSizeHint().width()} px, has {label.width()}")
        elif label.minimumSizeHint().height() > label.height() + 1:
            problems.append(f"{_name(label)} cut: needs {label.minimumSizeHint().height()} px height")
    for button in window.findChildren(QAbstractButton):
        if not _really_visible(button, window) or not button.text() or button.toolTip():
            continue
        if button.width() + 1 < button.minimumSizeHint().width():
            problems.append(f"{_name(button)} cut: needs {button.minimumSizeHint().width()} px, has {button.width()}")
    for edit in window.findChildren(QLineEdit):
        hint = edit.placeholderText()
        if not _really_visible(edit, window) or edit.text() or not hint or edit.toolTip():
            continue
        room = edit.width() - 12  # the frame and text margins of the line edit
        needed = edit.fontMetrics().horizontalAdvance(hint)
        if needed > room:
            problems.append(f"placeholder {hint[:50]!r} cut: needs {needed} px, has {room}")
    for view in window.findChildren(QListWidget):
        if not _really_visible(view, window):
            continue
        for row in range(view.count()):
            item = view.item(row)
            rect = view.visualItemRect(item)
            if item.toolTip() or rect.isEmpty() or not view.viewport().rect().intersects(rect):
                continue
            hint = view.sizeHintForIndex(view.model().index(row, 0))
            if rect.width() > view.viewport().width() + 1:
                problems.append(f"list item {item.text()[:60]!r} wider than {view.objectName()}")
            elif not view.wordWrap() and hint.width() > view.viewport().width() + 1:
                problems.append(f"list item {item.text()[:60]!r} elided in {view.objectName()}")
    return problems
