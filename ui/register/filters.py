"""Which orders the start page lists: the named filters and the free-text search, in plain Python.

Filtering happens here, before the table model is filled, rather than in a proxy: it is fast and
testable without a QApplication (see tech notes on proxies over Python models).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP

from beställning.register.overview import OrderRow
from ui.register.labels import process_text

WAITING = {"Skickad", "Mottagen av FK", "Komplettering", "Utkast till offert", "Sekretessprövning"}

FILTERS: tuple[tuple[str, Callable[[OrderRow], bool]], ...] = (
    (str(QT_TRANSLATE_NOOP("RegisterPage", "Alla aktuella")), lambda r: not r.archived),
    (str(QT_TRANSLATE_NOOP("RegisterPage", "Utkast")), lambda r: r.is_draft),
    (str(QT_TRANSLATE_NOOP("RegisterPage", "Väntar på FK")), lambda r: r.status in WAITING),
    (
        str(QT_TRANSLATE_NOOP("RegisterPage", "Beslut, nyckelfil, leverans")),
        lambda r: r.status in ("Beslut och offert", "Nyckelfil skickad"),
    ),
    (str(QT_TRANSLATE_NOOP("RegisterPage", "Levererade")), lambda r: r.status in ("Levererad", "Fakturerad")),
    (str(QT_TRANSLATE_NOOP("RegisterPage", "Avslutade")), lambda r: r.status == "Avslutad"),
    (str(QT_TRANSLATE_NOOP("RegisterPage", "Med påminnelser")), lambda r: bool(r.reminders)),
    (str(QT_TRANSLATE_NOOP("RegisterPage", "Arkiverade")), lambda r: r.archived),
    (str(QT_TRANSLATE_NOOP("RegisterPage", "Alla, även arkiverade")), lambda r: True),
)


def matches(row: OrderRow, text: str) -> bool:
    """Case-insensitive search over what the list shows (and the register note), in Swedish or the UI's language."""
    words = text.casefold().split()
    shown = (process_text(row.status), process_text(row.next_step), process_text(row.route_label))
    haystack = " ".join(
        (row.project, row.orderer, row.status, row.next_step, row.route_label, row.note, row.id, *shown)
    ).casefold()
    return all(word in haystack for word in words)
