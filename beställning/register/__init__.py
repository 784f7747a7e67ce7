"""The order register (orderregister): many orders, FK's process per order, reminders, handover.

- `store`: SQLite register and each order's folder (events, documents, history, soft delete).
- `overview`: the start page's rows (drafts merged in), `reminders`: what to act on now.
- `ics`: an order's dates as a calendar file; `transfer`: one order as a zip, export and import.
- `calibration`: FK's quoted hours against the app's estimates; `demo`: twenty made-up orders.
"""

from beställning.register.store import (
    Document,
    Event,
    HistoryItem,
    Quote,
    Register,
    RegisterEntry,
    RegisterError,
    StepOrderError,
)

__all__ = ["Document", "Event", "HistoryItem", "Quote", "Register", "RegisterEntry", "RegisterError", "StepOrderError"]
