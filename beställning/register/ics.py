"""An order's dates as an iCalendar file (.ics, RFC 5545) to put in any calendar program.

Written by hand, no library: all-day VEVENTs (DTSTART;VALUE=DATE, DTEND the day after the last),
CRLF line ends, lines folded at 75 octets without splitting a UTF-8 character, and TEXT values
escaped (backslash, semicolon, comma, newline). UIDs are stable per order and step, so importing
a newer file updates the events instead of doubling them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from beställning.atomic import write_bytes_atomic
from beställning.order import Order
from beställning.process import STEP_BY_ID, DatedEvent, dates_for

PRODID = "-//Beställningsassistenten//Orderregister//SV"


@dataclass(frozen=True)
class CalendarItem:
    """One all-day event: from `start` to `end` inclusive."""

    uid: str
    summary: str
    start: date
    end: date
    description: str = ""


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 §3.3.11)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, continuation lines starting with a space."""
    pieces: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = "", 0, 74  # a continuation line starts with one space
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def items_for(order: Order, events: Sequence[DatedEvent]) -> list[CalendarItem]:
    """The dates worth a calendar entry: recorded events and the dates the app computes."""
    title = order.title()
    dates = dates_for(order, events)
    uid = f"{order.id}-{{}}@bestallningsassistenten"
    items: list[CalendarItem] = []
    for index, event in enumerate(sorted(events, key=lambda e: (e.date, e.step))):
        step = STEP_BY_ID.get(event.step)
        name = step.title if step else event.step
        note = str(getattr(event, "note", ""))
        key = f"event{getattr(event, 'id', index)}-{event.step}"
        items.append(CalendarItem(uid.format(key), f"{name}: {title}", event.date, event.date, note))
    if dates.sent and not any(e.step == "sent" for e in events):
        items.append(CalendarItem(uid.format("sent"), f"Skickad till FK: {title}", dates.sent, dates.sent))
    steps = {e.step for e in events}
    if dates.confirmation_due and "confirmation" not in steps:
        items.append(
            CalendarItem(
                uid.format("confirmation-due"),
                f"FK:s mottagningsbekräftelse senast: {title}",
                dates.confirmation_due,
                dates.confirmation_due,
                "Två svenska arbetsdagar efter att beställningen skickades.",
            )
        )
    if dates.desired_delivery and "delivery" not in steps:
        items.append(
            CalendarItem(
                uid.format("desired-delivery"),
                f"Önskat leveransdatum: {title}",
                dates.desired_delivery,
                dates.desired_delivery,
            )
        )
    if dates.invoice_expected_from and dates.invoice_expected_to and "invoice" not in steps:
        items.append(
            CalendarItem(
                uid.format("invoice"),
                f"Faktura från FK väntas: {title}",
                dates.invoice_expected_from,
                dates.invoice_expected_to,
                "Fakturan kommer ungefär 1–3 månader efter leveransen.",
            )
        )
    if dates.retention_ends:
        why = "längre lagring beställd" if dates.longer_retention_ordered else "sex månader efter leverans"
        items.append(
            CalendarItem(
                uid.format("retention"),
                f"FK gallrar levererade filer: {title}",
                dates.retention_ends,
                dates.retention_ends,
                f"FK:s gallring av levererade filer och populationsfil ({why}).",
            )
        )
    return items


def to_ics(items: Sequence[CalendarItem], stamp: datetime | None = None, name: str = "") -> str:
    """The calendar as text with CRLF line ends."""
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC)
    dtstamp = stamp.strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    for item in items:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{item.uid}",
            f"DTSTAMP:{dtstamp}",
            f"DTSTART;VALUE=DATE:{item.start.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(item.end + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{escape_text(item.summary)}",
        ]
        if item.description:
            lines.append(f"DESCRIPTION:{escape_text(item.description)}")
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def order_calendar(order: Order, events: Sequence[DatedEvent], stamp: datetime | None = None) -> str:
    return to_ics(items_for(order, events), stamp, name=order.title())


def export_ics(order: Order, events: Sequence[DatedEvent], target: Path) -> Path:
    """Write the order's calendar to `target` atomically."""
    write_bytes_atomic(target, order_calendar(order, events).encode("utf-8"))
    return target
