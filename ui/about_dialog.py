"""Om Beställningsassistenten: versions (app, Python, Qt, libraries) and the dates of the bundled data.

Support needs the versions; a user needs to know when FK's pages behind the form, the catalog and the
cost model were read, and a warning when that is more than a year ago.
"""

from __future__ import annotations

import html
import platform
from datetime import date

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

LIBRARIES = ("PySide6", "docx", "openpyxl", "holidays", "PIL", "pypdf", "keyring", "platformdirs")
DISTRIBUTIONS = {"docx": "python-docx", "PIL": "pillow"}  # import name -> distribution name


def library_version(module_name: str) -> str:
    """The library's version: its __version__, else its installed metadata (a bundle may lack one of them)."""
    import importlib
    from importlib import metadata

    try:
        version = getattr(importlib.import_module(module_name), "__version__", None)
    except ImportError:
        return "-"
    if isinstance(version, str):
        return version
    try:
        return metadata.version(DISTRIBUTIONS.get(module_name, module_name))
    except metadata.PackageNotFoundError:
        return "?"


def versions() -> list[tuple[str, str]]:
    from beställning import __version__

    rows = [("Beställningsassistenten", __version__), ("Python", platform.python_version()), ("Qt", qVersion())]
    rows += [(DISTRIBUTIONS.get(name, name), library_version(name)) for name in LIBRARIES]
    return rows


class AboutBox(QMessageBox):
    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        from PySide6.QtCore import Qt

        super().__init__(parent)
        self.setObjectName("aboutBox")
        self.setWindowTitle(self.tr("Om Beställningsassistenten"))
        self.setTextFormat(Qt.TextFormat.RichText)
        self.stale = False
        self.setText(self.about_html(today or date.today()))
        self.setStandardButtons(QMessageBox.StandardButton.Close)

    def _label(self, key: str) -> str:
        return {
            "form": self.tr("Blankettens underlag"),
            "catalog": self.tr("Variabelkatalogen"),
            "cost": self.tr("Kostnadsmodellens timpris"),
        }[key]

    def about_html(self, today: date) -> str:
        """What the app does, the data dates (with a warning when older than a year), the versions."""
        from beställning.data_dates import STALE_AFTER_DAYS, bundled_data_dates

        parts = [
            "<h3>Beställningsassistenten</h3>",
            "<p>" + html.escape(self.tr("Hjälper dig att beställa individdata från Försäkringskassan.")) + "</p>",
            "<p><b>" + html.escape(self.tr("Uppgifterna i programmet bygger på")) + "</b></p><ul>",
        ]
        for item in bundled_data_dates():
            when = item.as_of.isoformat() if item.as_of else self.tr("odaterat")
            line = f"{html.escape(self._label(item.key))}: {when}"
            if item.is_stale(today):
                self.stale = True
                line += " <b style='color:#b3261e'>(" + html.escape(self.tr("äldre än ett år")) + ")</b>"
            parts.append(f"<li>{line}<br><small>{html.escape(item.source)}</small></li>")
        parts.append("</ul>")
        if self.stale:
            warning = self.tr(
                "Något av underlaget är mer än %1 dagar gammalt. Kontrollera Försäkringskassans sidor "
                "(blankett, variabellistor, timpris) innan du skickar, eller installera en nyare version."
            ).replace("%1", str(STALE_AFTER_DAYS))
            parts.append(f"<p style='color:#b3261e'>{html.escape(warning)}</p>")
        parts.append("<p><b>" + html.escape(self.tr("Versioner")) + "</b><br>")
        parts.append("<br>".join(f"{html.escape(name)} {html.escape(version)}" for name, version in versions()))
        fonts = self.tr("Licens: MIT. Typsnittet i diagrammen: DejaVu Sans (fri licens).")
        parts.append(f"</p><p><small>{html.escape(fonts)}</small></p>")
        return "".join(parts)
