"""FK's process after an order (beställning) is sent, as data, and the dates the app computes.

The steps follow FK's description (domain brief §2, seed 000): confirmation of receipt, supplements
(kompletteringar), draft quote (utkast till offert), agreement, secrecy review ending in a decision
on release and a quote (beslut om utlämnande och offert), the key file (nyckelfil) by registered post,
delivery, invoice, and retention (gallring) at FK. The user records what happened; this module says
what comes next and when.

Date conventions (domain brief §2): confirmation is due on the second Swedish working day after
sending; the invoice is expected from delivery + 1 month to delivery + 3 months; retention ends six
calendar months after delivery (same day of the month, or the month's last day), unless the order
asked for longer ("gallring.langre" with a date in "gallring.till").
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal, Protocol

from beställning.order import Order
from beställning.workdays import add_working_days

CONFIRMATION_WORKING_DAYS = 2
INVOICE_FROM_MONTHS = 1
INVOICE_TO_MONTHS = 3
RETENTION_MONTHS = 6

KEY_FILE_REMINDER = (
    "Nyckelfilen får skickas först nu, när beslutet om utlämnande har kommit. Skicka den med "
    "rekommenderad post, eller låt SCB skicka populationsfilen digitalt (ange SCB-handläggarens "
    "kontaktuppgifter). Aldrig med vanlig e-post."
)


@dataclass(frozen=True)
class Step:
    """One step of FK's process: what the user records, or what the app computes.

    `kind`: "event" is recorded by the user; "computed" is a date the app works out (the user may
    still record that it happened); "optional" may happen any number of times or not at all.
    """

    id: str
    title: str
    status: str
    help: str
    kind: Literal["event", "computed", "optional"] = "event"
    documents: str = ""


STEPS: tuple[Step, ...] = (
    Step(
        "sent",
        "Skickad till FK",
        "Skickad",
        "Beställningen skickades till statistikenheten@forsakringskassan.se.",
    ),
    Step(
        "confirmation",
        "Mottagningsbekräftelse",
        "Mottagen av FK",
        "FK bekräftar mottagandet inom två arbetsdagar.",
        kind="computed",
    ),
    Step(
        "supplement",
        "Komplettering",
        "Komplettering",
        "FK granskar beställningen och kan begära kompletteringar.",
        kind="optional",
        documents="FK:s begäran och er komplettering",
    ),
    Step(
        "draft_quote",
        "Utkast till offert",
        "Utkast till offert",
        "När beställningen är komplett skickar FK ett utkast till offert som specificerar beställningen.",
        documents="Utkastet till offert",
    ),
    Step(
        "agreement",
        "Överenskommelse om innehållet",
        "Sekretessprövning",
        "När ni är överens om innehållet gör FK en sekretessprövning.",
    ),
    Step(
        "decision",
        "Beslut om utlämnande och offert",
        "Beslut och offert",
        "Om uppgifterna kan lämnas ut skickar FK beslut om utlämnande och offert.",
        documents="Beslutet och offerten",
    ),
    Step("key_file", "Nyckelfil skickad", "Nyckelfil skickad", KEY_FILE_REMINDER),
    Step("delivery", "Leverans", "Levererad", "FK levererar uppgifterna enligt överenskommelsen."),
    Step(
        "invoice",
        "Faktura",
        "Fakturerad",
        "Fakturan väntas 1–3 månader efter leveransen.",
        kind="computed",
        documents="Fakturan",
    ),
    Step(
        "retention_end",
        "FK:s gallring",
        "Avslutad",
        "FK sparar levererade filer och populationsfil sex månader efter leverans, längre bara om "
        "beställningen bad om det.",
        kind="computed",
    ),
)

STEP_BY_ID = {step.id: step for step in STEPS}
STEP_IDS = tuple(step.id for step in STEPS)


def step(step_id: str) -> Step:
    """The step with this id; KeyError for an unknown id."""
    return STEP_BY_ID[step_id]


class DatedEvent(Protocol):
    """Anything recorded for a step on a date (the register's events)."""

    @property
    def step(self) -> str: ...

    @property
    def date(self) -> date: ...


# --- date arithmetic ---------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """Same day of the month `months` later, or that month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def confirmation_due(sent: date) -> date:
    """The second Swedish working day after the day the order was sent."""
    return add_working_days(sent, CONFIRMATION_WORKING_DAYS)


def invoice_expected(delivered: date) -> tuple[date, date]:
    """The window in which FK's invoice is expected: delivery + 1 month to delivery + 3 months."""
    return add_months(delivered, INVOICE_FROM_MONTHS), add_months(delivered, INVOICE_TO_MONTHS)


def retention_ends(delivered: date, longer_until: date | None = None) -> date:
    """When FK's retention of the delivered files ends: six calendar months, or the later date ordered."""
    standard = add_months(delivered, RETENTION_MONTHS)
    if longer_until is not None and longer_until > standard:
        return longer_until
    return standard


def parse_date(value: object) -> date | None:
    """A date from 'YYYY-MM-DD' or an ISO timestamp; None when empty or not a date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def longer_retention(order: Order) -> date | None:
    """The date the order asked FK to keep the files until, when it asked for longer retention."""
    if not order.flag("gallring.langre"):
        return None
    return parse_date(order.text("gallring.till"))


# Send records that prove the order reached FK. A saved .eml draft ("eml"), a hand-off to the mail
# program ("mailer") or a package folder ("folder") does not: the user may never press Send. Those
# count only once the user records the "sent" step with the real date.
SENT_METHODS = frozenset({"smtp"})


def sent_date(order: Order, events: Iterable[DatedEvent] = ()) -> date | None:
    """The first day the order was sent: a recorded 'sent' event or a record of sending it over SMTP."""
    days = [event.date for event in events if event.step == "sent"]
    records = (record.date for record in order.sent if record.method in SENT_METHODS)
    days += [d for d in (parse_date(value) for value in records) if d is not None]
    return min(days) if days else None


@dataclass(frozen=True)
class ProcessDates:
    """The dates computed for one order from what has been recorded."""

    sent: date | None
    confirmation_due: date | None
    delivered: date | None
    invoice_expected_from: date | None
    invoice_expected_to: date | None
    retention_ends: date | None
    longer_retention_ordered: bool
    desired_delivery: date | None


def dates_for(order: Order, events: Sequence[DatedEvent] = ()) -> ProcessDates:
    """Every date the app can compute for `order` given the recorded `events`."""
    sent = sent_date(order, events)
    deliveries = [event.date for event in events if event.step == "delivery"]
    delivered = max(deliveries) if deliveries else None
    invoice = invoice_expected(delivered) if delivered else None
    longer = longer_retention(order)
    return ProcessDates(
        sent=sent,
        confirmation_due=confirmation_due(sent) if sent else None,
        delivered=delivered,
        invoice_expected_from=invoice[0] if invoice else None,
        invoice_expected_to=invoice[1] if invoice else None,
        retention_ends=retention_ends(delivered, longer) if delivered else None,
        longer_retention_ordered=order.flag("gallring.langre"),
        desired_delivery=parse_date(order.text("leverans.onskat_datum")),
    )


# --- timeline ----------------------------------------------------------------------------------

EntryState = Literal["done", "next", "overdue", "upcoming", "skipped"]


@dataclass(frozen=True)
class TimelineEntry:
    """One step on an order's timeline: recorded dates, or the date expected, and its state."""

    step: Step
    state: EntryState
    dates: tuple[date, ...] = ()
    expected: date | None = None
    expected_to: date | None = None
    note: str = ""

    @property
    def date(self) -> date | None:
        """The date to show and sort by: the last recorded one, else the expected one."""
        return self.dates[-1] if self.dates else self.expected


def _needs_key_file(order: Order) -> bool:
    return order.flag("population.nyckelfil")


def timeline(order: Order, events: Sequence[DatedEvent], today: date) -> list[TimelineEntry]:
    """The order's path through FK's process: what happened, what is next, what is expected later."""
    recorded: dict[str, list[date]] = {}
    for event in events:
        recorded.setdefault(event.step, []).append(event.date)
    dates = dates_for(order, events)
    if dates.sent:
        recorded["sent"] = sorted({*recorded.get("sent", []), dates.sent})
    reached = max((STEP_IDS.index(s) for s in recorded if s in STEP_BY_ID), default=-1)
    entries: list[TimelineEntry] = []
    next_taken = False
    for index, current in enumerate(STEPS):
        days = tuple(sorted(recorded.get(current.id, [])))
        expected: date | None = None
        expected_to: date | None = None
        note = ""
        if current.id == "confirmation":
            expected = dates.confirmation_due
        elif current.id == "delivery":
            expected = dates.desired_delivery
            note = "Önskat leveransdatum" if expected else ""
        elif current.id == "invoice":
            expected, expected_to = dates.invoice_expected_from, dates.invoice_expected_to
        elif current.id == "retention_end":
            expected = dates.retention_ends
            if dates.longer_retention_ordered:
                note = "Längre lagring beställd"
        elif current.id == "key_file" and "decision" in recorded:
            expected = max(recorded["decision"])
        state: EntryState
        if days:
            state = "done"
        elif current.id == "retention_end" and expected is not None and expected <= today:
            state = "done"
            days = (expected,)
        elif current.kind == "optional" or index < reached:
            state = "skipped"
        elif current.id == "key_file" and not _needs_key_file(order):
            state = "skipped"
            note = "Ingen nyckelfil i beställningen"
        elif not next_taken:
            next_taken = True
            late = expected_to or expected
            # The key file is due "now" after the decision, never late by a date of FK's.
            can_be_late = current.id != "key_file"
            state = "overdue" if can_be_late and late is not None and late < today else "next"
        else:
            state = "upcoming"
        entries.append(TimelineEntry(current, state, days, expected, expected_to, note))
    return entries


@dataclass(frozen=True)
class NextStep:
    """What the order waits for now, and by when (None when there is no date to give)."""

    title: str
    date: date | None
    overdue: bool = False


def status_and_next(order: Order, events: Sequence[DatedEvent], today: date) -> tuple[str, NextStep | None]:
    """The order's status in Swedish and its next step; a never-sent order is 'Utkast'."""
    entries = timeline(order, events, today)
    done = [entry for entry in entries if entry.state == "done"]
    if not done:
        return "Utkast", NextStep("Skicka beställningen", parse_date(order.text("leverans.onskat_datum")))
    status = done[-1].step.status
    if done[-1].step.id == "supplement":
        status = "Komplettering"
    upcoming = next((entry for entry in entries if entry.state in ("next", "overdue")), None)
    if upcoming is None:
        return status, None
    title = upcoming.step.title
    if upcoming.step.id == "confirmation":
        title = "Mottagningsbekräftelse väntas"
    elif upcoming.step.id == "key_file":
        title = "Skicka nyckelfilen (rekommenderat)"
    elif upcoming.step.id == "invoice":
        title = "Faktura väntas"
    elif upcoming.step.id == "retention_end":
        title = "FK gallrar filerna"
    elif upcoming.step.id in ("draft_quote", "decision", "delivery"):
        title = f"Väntar på {upcoming.step.title[0].lower()}{upcoming.step.title[1:]}"
    elif upcoming.step.id == "agreement":
        title = "Kom överens om offertutkastet"
    return status, NextStep(title, upcoming.date, upcoming.state == "overdue")


def days_until(day: date, today: date) -> int:
    """Calendar days from `today` to `day` (negative when past)."""
    return (day - today).days


def within(day: date, today: date, days: int) -> bool:
    """Whether `day` falls from today up to `days` days ahead."""
    return today <= day <= today + timedelta(days=days)


# --- the order of the steps ---------------------------------------------------------------------

# The step each step follows in FK's process (domain brief §2): nothing happens before the order is
# sent; the draft quote comes when the order is complete, the agreement on it leads to the secrecy
# review and its decision, and only after the decision does FK take the key file or deliver.
REQUIRES: dict[str, str] = {
    "confirmation": "sent",
    "supplement": "sent",
    "draft_quote": "sent",
    "agreement": "draft_quote",
    "decision": "agreement",
    "key_file": "decision",
    "delivery": "decision",
    "invoice": "delivery",
    "retention_end": "delivery",
}


@dataclass(frozen=True)
class StepRefusal:
    """Why a step cannot be recorded yet: the step it needs, and a Swedish sentence saying what to do.

    `wrong_date`: the date is the problem (in the future, before the step it follows, after a step
    that follows it): there is nothing to record first.
    """

    step: str
    missing: str
    message: str
    wrong_date: bool = False


def step_refusal(
    order: Order, events: Sequence[DatedEvent], step_id: str, day: date, today: date | None = None
) -> StepRefusal | None:
    """None when `step_id` on `day` follows the steps recorded; otherwise the step that must come first.

    "Skickad till FK" counts as recorded when the app sent the order over SMTP. A step is something
    that has happened, so it cannot lie in the future, nor after a step recorded as following it.
    """
    title = STEP_BY_ID[step_id].title
    if day > (today or date.today()):
        return StepRefusal(step_id, step_id, f"”{title}” {day.isoformat()} ligger i framtiden. Ange när det hände.",
                           wrong_date=True)
    for event in events:
        if REQUIRES.get(event.step) == step_id and event.date < day:
            after = STEP_BY_ID[event.step].title
            return StepRefusal(
                step_id,
                step_id,
                f"”{title}” ({day.isoformat()}) kan inte ligga efter ”{after}” ({event.date.isoformat()}), som "
                "följer på det. Kontrollera datumet.",
                wrong_date=True,
            )
    needed = REQUIRES.get(step_id)
    if needed is None:
        return None
    if needed == "sent":
        first = sent_date(order, events)
    else:
        days = [event.date for event in events if event.step == needed]
        first = min(days) if days else None
    before = STEP_BY_ID[needed].title
    if first is None:
        return StepRefusal(
            step_id,
            needed,
            f"”{title}” kan registreras först efter ”{before}”, som inte är registrerat. Registrera ”{before}” först.",
        )
    if day < first:
        return StepRefusal(
            step_id,
            needed,
            f"”{title}” ({day.isoformat()}) kan inte ligga före ”{before}” ({first.isoformat()}). Kontrollera datumet.",
            wrong_date=True,
        )
    return None


def steps_leading_to(step_id: str) -> list[str]:
    """The steps that must be recorded before `step_id`, first step first (e.g. sent … agreement)."""
    chain: list[str] = []
    needed = REQUIRES.get(step_id)
    while needed is not None:
        chain.insert(0, needed)
        needed = REQUIRES.get(needed)
    return chain
