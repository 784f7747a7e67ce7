"""The UI language: Swedish first, English second.

Swedish is the source language of every UI string. English is chosen by BESTALLNING_LANG=en, or by a
system locale that is not Swedish; then Qt's translator (resources/i18n) translates the widgets and the
form definition's English labels are used.
"""

from __future__ import annotations

import os
from functools import cache

from PySide6.QtCore import QLocale


@cache
def ui_language() -> str:
    chosen = os.environ.get("BESTALLNING_LANG", "").strip().lower()
    if chosen in ("sv", "en"):
        return chosen
    return "sv" if QLocale.system().language() == QLocale.Language.Swedish else "en"


def english() -> bool:
    return ui_language() == "en"
