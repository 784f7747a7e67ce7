"""Settings: the cost model and lag rules, and the mail server. Each part is its own widget.

Each tab scrolls, so the page (and with it the window) fits a small laptop screen.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


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
