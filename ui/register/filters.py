"""Which orders the start page lists: the named filters and the free-text search, in plain Python.

Filtering happens here, before the table model is filled, rather than in a proxy: it is fast and
testable without Qt (see tech notes on proxies over Python models).
"""

from __future__ import annotations

from collections.abc import Callable

from beställning.register.overview import OrderRow

WAITING = {"Skickad", "Mottagen av FK", "Komplettering", "Utkast till offert", "Sekretessprövning"}

FILTERS: tuple[tuple[str, Callable[[OrderRow], bool]], ...] = (
    ("Alla aktuella", lambda r: not r.archived),
    ("Utkast", lambda r: r.is_draft),
    ("Väntar på FK", lambda r: r.status in WAITING),
    ("Beslut, nyckelfil, leverans", lambda r: r.status in ("Beslut och offert", "Nyckelfil skickad")),
    ("Levererade", lambda r: r.status in ("Levererad", "Fakturerad")),
    ("Avslutade", lambda r: r.status == "Avslutad"),
    ("Med påminnelser", lambda r: bool(r.reminders)),
    ("Arkiverade", lambda r: r.archived),
    ("Alla, även arkiverade", lambda r: True),
)


def matches(row: OrderRow, text: str) -> bool:
    """Case-insensitive search over what the list shows (and the register note)."""
    words = text.casefold().split()
    haystack = " ".join(
        (row.project, row.orderer, row.status, row.next_step, row.route_label, row.note, row.id)
    ).casefold()
    return all(word in haystack for word in words)
