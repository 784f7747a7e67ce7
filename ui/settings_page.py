"""Settings: the cost model and lag rules, and the mail server. Each part is its own widget.

Each tab scrolls, so the page (and with it the window) fits a small laptop screen.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ui.layouts import VerticalScrollArea


def _scrolling(widget: QWidget) -> VerticalScrollArea:
    widget.setContentsMargins(8, 8, 8, 8)
    return VerticalScrollArea(widget)


class SettingsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui.cost_settings import CostSettings
        from ui.smtp_settings import SmtpSettingsWidget

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(self.tr("Inställningar"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.cost = CostSettings()
        self.smtp = SmtpSettingsWidget()
        self.tabs.addTab(_scrolling(self.cost), self.tr("Timpris och fördröjning"))
        self.tabs.addTab(_scrolling(self.smtp), self.tr("E-postserver"))
        layout.addWidget(self.tabs, 1)
