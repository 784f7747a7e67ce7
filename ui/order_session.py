"""The order being edited: one object the pages share, with autosave and live validation.

Every change is written atomically to the drafts folder after a short pause in typing (debounce), but
never later than AUTOSAVE_CEILING_MS after the first unsaved edit, so a user who types without pause
is still saved and a crash or a kill loses at most about a second and a half. Pages also flush on
section change, focus loss and close. A brand-new order gets no draft until the user has entered
something (choosing a route alone is not worth a "Namnlös beställning" draft).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from beställning.drafts import DraftStore, Session
from beställning.form import Route
from beställning.order import FieldValue, Order
from beställning.process import sent_date
from beställning.validation import Problem, validate

AUTOSAVE_DELAY_MS = 800  # the pause in typing after which the draft is written
AUTOSAVE_CEILING_MS = 1500  # the longest an edit waits, however steadily the user types


def has_user_content(order: Order) -> bool:
    """Whether the user has entered anything worth a draft (a chosen route alone is not)."""
    return bool(order.benefits or order.variables or order.attachments or order.sent) or any(
        value not in ("", False) for value in order.fields.values()
    )


def _draft_exists(store: DraftStore, order: Order) -> bool:
    try:
        return store.path_for(order.id).exists()
    except ValueError:  # an id that cannot be a file name is refused when saving, with a message
        return False


def sent_by_record(order: Order) -> bool:
    """Whether the order itself records a real send (SMTP); the register may know more (see main window)."""
    return sent_date(order) is not None


class OrderSession(QObject):
    """Holds the current order; pages call `set_field` or `mark_changed`, and listen to `changed`."""

    changed = Signal()
    order_replaced = Signal()
    saved = Signal(str)
    save_failed = Signal(str)

    def __init__(
        self, store: DraftStore | None = None, session: Session | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store or DraftStore()
        self.session = session
        self.order: Order = Order()
        self.file_path: Path | None = None
        self._problems: list[Problem] | None = None
        self.read_only = False  # a sent order: shown, never changed or saved over what was sent
        self.is_sent: Callable[[Order], bool] = sent_by_record
        self._forgotten: set[str] = set()  # ids of orders deleted while open: never saved again
        self._first_unsaved: float | None = None  # monotonic time of the oldest edit not yet written
        self._has_draft = False  # the open order has a draft file (so clearing it is saved too)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_draft)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):  # the window loses focus: write what was typed
            app.applicationStateChanged.connect(self._application_state_changed)

    def _application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.flush()

    def replace(self, order: Order, file_path: Path | None = None) -> None:
        """Open another order (new, from a file, or recovered)."""
        self.flush()
        self._forgotten.discard(order.id)  # opened again on purpose (after undoing its deletion)
        self.order = order
        self.file_path = file_path
        self._problems = None
        self._has_draft = _draft_exists(self.store, order)
        self.read_only = self.is_sent(order)
        if self.session is not None:
            self.session.set_open([order.id])
        self.order_replaced.emit()
        self.changed.emit()

    def forget(self) -> None:
        """The open order was deleted elsewhere: drop it unsaved, and continue with a new empty order.

        The pending autosave is cancelled and the deleted order's id is remembered, so no later save
        can write its draft back.
        """
        self._timer.stop()
        self._first_unsaved = None
        self._forgotten.add(self.order.id)
        self._has_draft = False
        self.order = Order()
        self.file_path = None
        self._problems = None
        self.read_only = False
        if self.session is not None:
            self.session.set_open([self.order.id])
        self.order_replaced.emit()
        self.changed.emit()

    def recorded_as_sent(self) -> None:
        """The open order was just sent (or the user said so): save the record once, then read-only."""
        self.read_only = False
        self.mark_changed()
        self.flush()
        self.read_only = self.is_sent(self.order)
        self.order_replaced.emit()

    def set_route(self, route: Route) -> None:
        if self.read_only:
            return
        if self.order.route != route:
            self.order.route = route
            self.mark_changed()

    def set_field(self, field_id: str, value: FieldValue) -> None:
        if self.read_only or self.order.fields.get(field_id) == value:
            return
        self.order.set(field_id, value)
        self.mark_changed()

    def mark_changed(self) -> None:
        """Call after changing the order in place (benefits, variables, attachments)."""
        if self.read_only:
            return  # a sent order is never saved over what was sent
        self.order.touch()
        self._problems = None
        now = time.monotonic()
        if self._first_unsaved is None:
            self._first_unsaved = now
        waited_ms = (now - self._first_unsaved) * 1000
        self._timer.start(int(max(0.0, min(AUTOSAVE_DELAY_MS, AUTOSAVE_CEILING_MS - waited_ms))))
        self.changed.emit()

    def problems(self) -> list[Problem]:
        if self._problems is None:
            self._problems = validate(self.order)
        return self._problems

    def save_draft(self) -> None:
        self._timer.stop()
        if self.order.id in self._forgotten or self.read_only:
            return
        if not self._has_draft and not has_user_content(self.order):
            self._first_unsaved = None
            return
        try:
            path = self.store.save(self.order)
        except OSError as exc:
            self.save_failed.emit(self.tr("Utkastet kunde inte sparas: %1").replace("%1", str(exc.strerror or exc)))
            return
        self._first_unsaved = None
        self._has_draft = True
        self.saved.emit(str(path))

    def has_unsaved_changes(self) -> bool:
        return self._first_unsaved is not None

    def flush(self) -> None:
        """Write a pending autosave now (before closing or switching order, on section change, focus loss)."""
        if self._timer.isActive():
            self.save_draft()
