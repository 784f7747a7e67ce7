"""Small layout helpers shared by pages: rebuilding rows, scrolling without sideways scrolling."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QWidget


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget in `layout` (before rebuilding its rows)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


def chain_tab_order(widgets: list[QWidget]) -> None:
    """Tab visits `widgets` in this order, right after the first (rows built later would otherwise come
    after everything). Qt moves each later widget to follow the one before it, so what used to follow
    the first now follows the last. The first should have no children: Qt puts the second after a
    composite widget's last child, and ignores widgets that take no focus."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def focus_first_input(container: QWidget) -> bool:
    """Give keyboard focus to the first widget inside `container` that Tab would reach."""
    widget = container.nextInFocusChain()
    while widget is not None and widget is not container:
        if (
            container.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        widget = widget.nextInFocusChain()
    return False


class VerticalScrollArea(QScrollArea):
    """Scrolls up and down only, and asks for the width its content needs, so nothing is cut sideways.

    A plain QScrollArea is happy to be narrower than its content and then shows a horizontal
    scrollbar (or, with the bar turned off, cuts the right edge). This one reports its content's
    minimum width to the layout, so the content shrinks to fit instead, and a page that cannot fit
    makes the window wider, which the fit test notices.
    """

    def __init__(self, widget: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if widget is not None:
            self.setWidget(widget)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        width = content.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return QSize(max(hint.width(), width), hint.height())
