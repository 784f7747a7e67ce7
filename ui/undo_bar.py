"""A bar that offers to undo the last removal of a row ("”Diagnos” togs bort. [Ångra]").

Removing a row is one key or click away, so it is never final: the editor calls `offer` with what was
removed and how to put it back; Ångra (Alt+Å) does that and the bar goes away. Opening another order
calls `clear`, since its rows are not the ones removed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class UndoBar(QWidget):
    def __init__(self, tooltip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("advice")
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("&Ångra"))
        self.button.setToolTip(tooltip)
        self.button.clicked.connect(self.undo)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self._undo: Callable[[], None] | None = None
        self.hide()

    def offer(self, text: str, undo: Callable[[], None]) -> None:
        """Show `text` and keep `undo` for Ångra (an earlier offer is replaced)."""
        self._undo = undo
        self.label.setText(text)
        self.show()

    def undo(self) -> None:
        action, self._undo = self._undo, None
        self.hide()
        if action is not None:
            action()

    def clear(self) -> None:
        self._undo = None
        self.hide()
