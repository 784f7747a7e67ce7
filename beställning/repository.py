"""The order repository: where the user's orders live, drafts and register alike, in one object.

Drafts (utkast) are autosaved order files; the register (orderregister) holds the orders the user
follows through FK's process. Pages and commands receive one repository instead of opening the
drafts folder and the database themselves, so the rules live here: which orders exist, what a sent
order's file may become, when deleted orders go for good (30 days in the wastebasket), and what is
left over from an interrupted save. Storage errors (the register's database, the file system) become
RegisterError with a Swedish message, so no page needs to know sqlite3.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from beställning import paths
from beställning.drafts import DraftStore
from beställning.order import Order
from beställning.register.store import Register, RegisterError

log = logging.getLogger(__name__)

WASTEBASKET_DAYS = 30
STALE_TEMP_SECONDS = 3600  # a temporary file or folder this old belongs to no save in progress


def storage_message(exc: BaseException) -> str:
    """A Swedish sentence for a storage failure, naming the file where the system gives one."""
    if isinstance(exc, RegisterError):
        return str(exc)
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        return (
            f"Filen kunde inte läsas eller skrivas: {exc.strerror or exc}{where}. "
            "Kontrollera disken och behörigheterna."
        )
    return str(exc)


@dataclass(frozen=True)
class CleanUp:
    """What the start-up clean-up removed: leftover temporary files and folders without an order."""

    temp_files: tuple[Path, ...] = ()
    orphan_folders: tuple[Path, ...] = ()
    purged: tuple[str, ...] = ()


class OrderRepository:
    """Drafts and the register behind one door; open the register per use (one thread each)."""

    def __init__(
        self,
        drafts: DraftStore | None = None,
        register_path: Path | None = None,
        orders_root: Path | None = None,
    ) -> None:
        self.drafts = drafts or DraftStore()
        self.register_path = register_path or paths.data_dir() / "register.sqlite"
        self.orders_root = orders_root or self.register_path.parent / "orders"

    @contextlib.contextmanager
    def register(self) -> Iterator[Register]:
        """The register, open for one piece of work; storage errors come out as RegisterError."""
        try:
            with Register(self.register_path, self.orders_root) as register:
                yield register
        except RegisterError:
            raise
        except OSError as exc:
            raise RegisterError(storage_message(exc)) from exc

    # --- saving ---------------------------------------------------------------------------------
    def save_draft(self, order: Order) -> Path:
        """Autosave the order's draft; a sent order's draft is never overwritten with new edits."""
        if order.sent and self.is_sent(order.id) and self._differs_from_sent(order):
            raise RegisterError(
                "Beställningen är skickad och kan inte ändras. Skapa en ny version (upprepad beställning) "
                "för att ändra den."
            )
        return self.drafts.save(order)

    def save_registered(self, order: Order) -> None:
        """The order and its draft after a send or an import: it now follows FK's process."""
        self.drafts.save(order)
        with self.register() as register:
            register.save(order)

    def is_sent(self, order_id: str) -> bool:
        """Whether the register holds this order as sent to FK."""
        try:
            with self.register() as register:
                if not register.contains(order_id, include_deleted=False):
                    return False
                from beställning.process import sent_date

                entry = register.get(order_id)
                return sent_date(entry.order, entry.events) is not None
        except RegisterError:
            return False

    def sent_as_another_version(self, order: Order) -> bool:
        """Whether the register holds this id as sent with other content (a copy of a sent order's file)."""
        return bool(order.id) and self.is_sent(order.id) and self._differs_from_sent(order)

    def _differs_from_sent(self, order: Order) -> bool:
        from beställning.send.gate import fingerprint

        with self.register() as register:
            stored = register.load_order(order.id)
        return fingerprint(stored) != fingerprint(order)

    def mark_sent(self, order: Order, day: date, note: str = "") -> None:
        """The user sent the order from their mail program: it enters the register as sent on `day`."""
        with self.register() as register:
            if not register.contains(order.id):
                register.save(order)
            register.record_event(order.id, "sent", day, note)

    def record_step(
        self, order_id: str, step: str, day: date, note: str = "", documents: Sequence[Path] = ()
    ) -> None:
        """Record a step of FK's process (refused when a step it depends on is not recorded).

        A draft not yet in the register (handed to the mail program, say) enters it first.
        """
        with self.register() as register:
            if not register.contains(order_id) and self.drafts.path_for(order_id).is_file():
                register.save(self.drafts.load(order_id))
            register.record_event(order_id, step, day, note, documents)

    # --- listing and clean-up ------------------------------------------------------------------
    def purge_wastebasket(self, now: datetime | None = None) -> list[str]:
        """Remove orders deleted more than WASTEBASKET_DAYS ago, for good."""
        now = now or datetime.now().astimezone()
        before = (now - timedelta(days=WASTEBASKET_DAYS)).isoformat()
        with self.register() as register:
            return register.purge_deleted(before=before)

    def clean_up(self, now: float | None = None) -> CleanUp:
        """At start: purge the wastebasket, remove stale temporary files and folders without a row."""
        now = now if now is not None else time.time()
        temp_files = []
        for folder in (self.drafts.folder, self.orders_root):
            if not folder.is_dir():
                continue
            for path in folder.rglob("*.tmp"):
                if path.is_file() and now - path.stat().st_mtime > STALE_TEMP_SECONDS:
                    path.unlink(missing_ok=True)
                    temp_files.append(path)
        orphans = []
        purged: list[str] = []
        try:
            purged = self.purge_wastebasket(datetime.fromtimestamp(now).astimezone())
            with self.register() as register:
                known = set(register.ids(include_deleted=True))
            if self.orders_root.is_dir():
                for folder in self.orders_root.iterdir():
                    too_new = now - folder.stat().st_mtime < STALE_TEMP_SECONDS  # may be a save in progress
                    if folder.is_dir() and folder.name not in known and not too_new:
                        shutil.rmtree(folder, ignore_errors=True)
                        orphans.append(folder)
        except (RegisterError, OSError) as exc:
            log.warning("Uppstädningen avbröts: %s", exc)
        result = CleanUp(tuple(temp_files), tuple(orphans), tuple(purged))
        for path in result.temp_files:
            log.info("Tog bort en kvarlämnad temporär fil: %s", path)
        for path in result.orphan_folders:
            log.info("Tog bort en registermapp utan beställning: %s", path)
        return result
