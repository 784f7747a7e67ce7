"""Reminders (påminnelser) the start page shows: what an order's owner should act on now.

Four kinds: FK's confirmation of receipt is overdue; FK's retention (gallring) ends within 30 days
(saying whether the order asked for longer); the invoice has not come three months after delivery;
a draft (utkast) has not been touched for 30 days.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from beställning.order import Order
from beställning.process import DatedEvent, dates_for, longer_retention, parse_date

RETENTION_WARNING_DAYS = 30
DRAFT_STALE_DAYS = 30

ReminderKind = Literal["confirmation_overdue", "retention_ending", "invoice_missing", "draft_stale"]


@dataclass(frozen=True)
class Reminder:
    """One thing to act on for one order, in Swedish."""

    order_id: str
    kind: ReminderKind
    title: str
    message: str
    date: date | None
    short: str = ""  # one line for a list; `message` says what to do

    def to_json(self) -> dict[str, str | None]:
        return {
            "order_id": self.order_id,
            "kind": self.kind,
            "title": self.title,
            "message": self.message,
            "short": self.short,
            "date": self.date.isoformat() if self.date else None,
        }


def _fmt(day: date) -> str:
    return day.isoformat()


def reminders_for(
    order: Order, events: Sequence[DatedEvent], today: date, archived: bool = False
) -> list[Reminder]:
    """The reminders that apply to `order` today; none for an archived order."""
    if archived:
        return []
    title = order.title()
    dates = dates_for(order, events)
    steps = {event.step for event in events}
    found: list[Reminder] = []
    if dates.sent is None:
        modified = parse_date(order.modified)
        if modified is not None and today - modified >= timedelta(days=DRAFT_STALE_DAYS):
            days = (today - modified).days
            found.append(
                Reminder(
                    order.id,
                    "draft_stale",
                    title,
                    f"Utkastet har inte ändrats på {days} dagar. "
                    "Skicka det, eller ta bort det om det inte behövs.",
                    modified,
                    f"Utkastet har inte ändrats på {days} dagar",
                )
            )
        return found
    later_than_confirmation = steps - {"sent", "confirmation"}
    due = dates.confirmation_due
    if due is not None and due < today and "confirmation" not in steps and not later_than_confirmation:
        found.append(
            Reminder(
                order.id,
                "confirmation_overdue",
                title,
                f"FK:s mottagningsbekräftelse skulle ha kommit senast {_fmt(due)} (två arbetsdagar efter att "
                "beställningen skickades). Hör av er till statistikenheten@forsakringskassan.se.",
                due,
                f"Mottagningsbekräftelsen är försenad (senast {_fmt(due)})",
            )
        )
    if dates.delivered is not None:
        ends = dates.retention_ends
        if ends is not None and today <= ends <= today + timedelta(days=RETENTION_WARNING_DAYS):
            if dates.longer_retention_ordered and ends == longer_retention(order):
                extra = "Beställningen bad om längre lagring; datumet är det beställda."
            elif dates.longer_retention_ordered:
                extra = (
                    "Beställningen bad om längre lagring men angav inget senare datum än sex månader efter "
                    "leveransen; hör av er till FK om filerna behövs längre."
                )
            else:
                extra = (
                    "Beställningen bad inte om längre lagring. Behöver ni filerna längre hos FK, "
                    "hör av er innan dess."
                )
            found.append(
                Reminder(
                    order.id,
                    "retention_ending",
                    title,
                    f"FK gallrar levererade filer och populationsfil {_fmt(ends)} "
                    f"(om {(ends - today).days} dagar). {extra}",
                    ends,
                    f"FK gallrar filerna {_fmt(ends)}"
                    + (
                        " (längre lagring beställd)"
                        if dates.longer_retention_ordered
                        else " (längre lagring ej beställd)"
                    ),
                )
            )
        latest = dates.invoice_expected_to
        if latest is not None and latest < today and "invoice" not in steps:
            found.append(
                Reminder(
                    order.id,
                    "invoice_missing",
                    title,
                    f"Ingen faktura registrerad, fast leveransen var {_fmt(dates.delivered)} och fakturan "
                    f"väntades senast {_fmt(latest)}. Registrera fakturan eller fråga FK.",
                    latest,
                    f"Fakturan har inte kommit (väntades senast {_fmt(latest)})",
                )
            )
    return found
