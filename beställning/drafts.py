"""Drafts (utkast): autosaved orders, and recovery after a crash.

Every change to an open order is written atomically to `drafts/<order id>.json`. A session marker
lists the orders open in the running app; it is removed at a clean exit, so a marker found at start
means the last session crashed or was killed, and its orders are offered back.
"""

from __future__ import annotations

import builtins
import json
import os
from pathlib import Path

from beställning import paths
from beställning.atomic import write_text_atomic
from beställning.order import Order, OrderFileError, is_safe_order_id, load_order

SESSION_MARKER = "session.json"


class DraftStore:
    """The drafts folder: one JSON order file per draft."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or paths.drafts_dir()
        self.folder.mkdir(parents=True, exist_ok=True)

    def path_for(self, order_id: str) -> Path:
        if not is_safe_order_id(order_id):
            raise ValueError(f"Beställningens id {order_id!r} kan inte användas som filnamn.")
        return self.folder / f"{order_id}.json"

    def save(self, order: Order) -> Path:
        """Write the draft atomically; returns its path."""
        path = self.path_for(order.id)
        order.save(path)
        return path

    def load(self, order_id: str) -> Order:
        return load_order(self.path_for(order_id))

    def read_all(self) -> tuple[builtins.list[Order], builtins.list[tuple[Path, str]]]:
        """Readable drafts (most recently changed first) and the unreadable files with why; none is touched."""
        orders, bad = [], []
        for path in self.folder.glob("*.json"):
            if path.name == SESSION_MARKER:
                continue
            try:
                orders.append(load_order(path))
            except OrderFileError as exc:
                bad.append((path, str(exc)))
        return sorted(orders, key=lambda o: o.modified, reverse=True), bad

    def list(self) -> builtins.list[Order]:
        """Readable drafts, most recently changed first; unreadable files are skipped, never touched."""
        return self.read_all()[0]

    def unreadable(self) -> builtins.list[tuple[Path, str]]:
        """Draft files that cannot be read, with why (shown to the user rather than silently ignored)."""
        return self.read_all()[1]

    def delete(self, order_id: str) -> None:
        self.path_for(order_id).unlink(missing_ok=True)


class Session:
    """Marks a running app and the orders open in it, so that the next start can recover them."""

    def __init__(self, store: DraftStore | None = None) -> None:
        self.store = store or DraftStore()
        self.marker = self.store.folder / SESSION_MARKER
        self._open: list[str] = []

    def start(self) -> list[Order]:
        """Begin a session; returns the drafts left open by a session that did not end cleanly."""
        recovered: list[Order] = []
        if self.marker.exists():
            try:
                ids = json.loads(self.marker.read_text(encoding="utf-8")).get("open", [])
            except (OSError, ValueError, AttributeError):
                ids = []
            for order_id in ids:
                try:
                    recovered.append(self.store.load(order_id))
                except (OrderFileError, ValueError):
                    continue
        self._write()
        return recovered

    def set_open(self, order_ids: list[str]) -> None:
        self._open = list(order_ids)
        self._write()

    def end(self) -> None:
        """A clean exit: nothing to recover next time."""
        self.marker.unlink(missing_ok=True)

    def _write(self) -> None:
        data = {"pid": os.getpid(), "open": self._open}
        write_text_atomic(self.marker, json.dumps(data))
