"""The start page's list: every order, drafts (utkast) too, with its status and next step.

Drafts come from the draft store; when an order is both a draft and in the register, the
register's entry wins. Used by the start page and by `bestallning orders`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from beställning import paths
from beställning.drafts import DraftStore
from beställning.order import Order
from beställning.process import DatedEvent, status_and_next
from beställning.register.reminders import Reminder, reminders_for
from beställning.register.store import Register, orderer_of

ROUTE_LABELS = {"forskning": "Forskning", "statistik": "Statistik"}
ARCHIVED = "Arkiverad"
DRAFT = "Utkast"


@dataclass(frozen=True)
class OrderRow:
    """One line of the start page."""

    id: str
    route: str
    route_label: str
    project: str
    orderer: str
    status: str
    next_step: str
    next_date: date | None
    next_overdue: bool
    modified: str
    archived: bool
    in_register: bool
    note: str
    reminders: tuple[Reminder, ...]
    order: Order

    @property
    def is_draft(self) -> bool:
        return self.status == DRAFT

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "route": self.route,
            "project": self.project,
            "orderer": self.orderer,
            "status": self.status,
            "next_step": self.next_step,
            "next_date": self.next_date.isoformat() if self.next_date else None,
            "next_overdue": self.next_overdue,
            "modified": self.modified,
            "archived": self.archived,
            "in_register": self.in_register,
            "note": self.note,
            "reminders": [r.to_json() for r in self.reminders],
        }


def row_for(
    order: Order,
    events: Sequence[DatedEvent],
    today: date,
    archived: bool = False,
    in_register: bool = True,
    note: str = "",
) -> OrderRow:
    status, step = status_and_next(order, events, today)
    if archived:
        status = ARCHIVED
        step = None
    return OrderRow(
        id=order.id,
        route=order.route,
        route_label=ROUTE_LABELS.get(order.route, order.route),
        project=order.title(),
        orderer=orderer_of(order),
        status=status,
        next_step=step.title if step else "",
        next_date=step.date if step else None,
        next_overdue=bool(step and step.overdue),
        modified=order.modified,
        archived=archived,
        in_register=in_register,
        note=note,
        reminders=tuple(reminders_for(order, events, today, archived)),
        order=order,
    )


def load_drafts(store: DraftStore | None = None) -> tuple[list[Order], list[str]]:
    """Readable drafts, and a note for each draft file skipped (or when the folder cannot be read)."""
    try:
        orders, bad = (store or DraftStore()).read_all()
    except OSError as exc:  # the start page must open even when the draft folder is unreadable
        return [], [f"Utkasten kunde inte läsas ({exc.strerror or exc}). Kontrollera mappen {paths.drafts_dir()}."]
    return orders, [f"Ett utkast kan inte läsas och visas inte. {reason}" for _path, reason in bad]


def overview(
    register: Register, today: date, drafts: Sequence[Order] | None = None
) -> tuple[list[OrderRow], list[str]]:
    """All rows for the start page, and Swedish messages about orders that could not be read."""
    problems: list[str] = []
    if drafts is None:
        drafts, problems = load_drafts()
    entries, entry_problems = register.entries()
    problems += entry_problems
    newer = {d.id: d for d in drafts}
    rows = []
    for entry in entries:
        # The register's entry wins (status, events, archive); a draft edited since then gives
        # the content, so an unsent order opened in the wizard shows its latest title.
        draft = newer.get(entry.order.id)
        order = draft if draft is not None and draft.modified > entry.order.modified else entry.order
        if draft is not None and order is draft:
            order.sent = order.sent or entry.order.sent
        rows.append(row_for(order, entry.events, today, entry.archived, True, entry.note))
    known = set(register.ids(include_deleted=True))
    rows += [row_for(d, (), today, in_register=False) for d in drafts if d.id not in known]
    rows.sort(key=lambda r: r.modified, reverse=True)
    return rows, problems
