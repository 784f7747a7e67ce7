"""The UI language: Swedish first, English second.

Swedish is the source language of every UI string and the default. English is chosen by
BESTALLNING_LANG=en, or by a system locale whose language is English (a bare C/POSIX locale, common
on servers, stays Swedish); then Qt's translator (resources/i18n) translates the widgets and the form
definition's English labels are used.
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
    return "en" if QLocale.system().language() == QLocale.Language.English else "sv"


def english() -> bool:
    return ui_language() == "en"


def localized(swedish: str, english_text: str) -> str:
    """The form definition's English text in the English UI, else (or when it has none) the Swedish."""
    return english_text if english_text and english() else swedish
