"""Hjälp: FK's process step by step, cost, lag, key file and retention, each rule with its source.

The text lives in resources/help/ (Swedish, and English for the English UI) so it can be read and
checked without the code; this dialog only shows it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ui.i18n import english


def help_html() -> str:
    """The help page in the UI's language."""
    from resources import resource

    name = "help_en.html" if english() else "help_sv.html"
    return resource("help", name).read_text(encoding="utf-8")


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("Hjälp – Beställningsassistenten"))
        self.resize(760, 640)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(help_html())
        self.browser.setAccessibleName(self.tr("Hjälptext"))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
