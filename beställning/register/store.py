"""The register (orderregister): every order the user follows, with FK's process events and documents.

Rows live in SQLite (`register.sqlite` in the user data folder); each order's files live in a
folder of their own, `orders/<id>/`, holding `order.json` and `documents/`. Files are written before
the database row that points at them is committed, so a crash leaves at most an unreferenced file.
Deleting is soft (the row is marked and can be restored) until `purge_deleted`.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import inspect
import json
import re
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar, cast

from beställning import paths
from beställning.atomic import write_bytes_atomic
from beställning.order import Order, OrderFileError, is_safe_order_id, load_order, order_from_dict
from beställning.process import STEP_BY_ID, sent_date, step_refusal
from beställning.register.schema import SchemaError, migrate
from beställning.text import one_line

_UNSAFE_NAME = re.compile(r"[^\w.() -]+")
MAX_DOCUMENT_BYTES = 100 * 1024 * 1024

REPEAT_NOTE = (
    "Upprepad leverans: kopia av beställningen {title} (skickad {sent}). Varje utlämnande kräver en "
    "ny sekretessprövning, ett nytt beslut och en ny offert. Skickat, händelser och underskriftsdatum "
    "har rensats."
)


class RegisterError(Exception):
    """A register operation cannot be done; the message says why and what to do, in Swedish."""


class StepOrderError(RegisterError):
    """A step of FK's process recorded before the step it follows; `missing` names that step's id."""

    def __init__(self, message: str, step: str, missing: str, wrong_date: bool = False) -> None:
        super().__init__(message)
        self.step = step
        self.missing = missing
        self.wrong_date = wrong_date  # the date is wrong: nothing to record first


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def check_order_id(order_id: object) -> str:
    """Accept only ids that are safe as a folder name (letters, digits, - and _)."""
    if not isinstance(order_id, str) or not is_safe_order_id(order_id):
        raise RegisterError(f"Beställningens id {order_id!r} är ogiltigt (bara bokstäver, siffror, - och _).")
    return order_id


def safe_file_name(name: str) -> str:
    """A file name that cannot leave its folder: base name only, odd characters replaced."""
    base = Path(name.replace("\\", "/")).name
    cleaned = _UNSAFE_NAME.sub("_", one_line(base)).strip(" .")
    return cleaned[:120] or "dokument"


@dataclass(frozen=True)
class Document:
    """A document attached to an event (FK's quote, decision, invoice...), stored in the order's folder."""

    id: int
    event_id: int
    file_name: str
    title: str
    sha256: str
    size: int
    added: str


@dataclass(frozen=True)
class Event:
    """Something that happened in FK's process (a step) on a date, with its documents."""

    id: int
    order_id: str
    step: str
    date: date
    note: str
    recorded: str
    documents: tuple[Document, ...] = ()


@dataclass(frozen=True)
class HistoryItem:
    """A line of the order's history in the app (added, archived, event recorded, imported...)."""

    at: str
    action: str
    detail: str


@dataclass(frozen=True)
class Quote:
    """FK's quoted hours for an order, beside the app's estimate at the time (for calibration)."""

    order_id: str
    quoted_hours: float
    estimated_hours: float | None
    quote_date: date
    recorded: str
    factor: float = 1.0  # the cost model's calibration factor when the estimate was made


@dataclass(frozen=True)
class RegisterEntry:
    """One order in the register with what the register knows about it."""

    order: Order
    note: str
    archived: bool
    added: str
    deleted_at: str | None
    events: tuple[Event, ...]


F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


def _register_error(method: F) -> F:
    """A database failure inside `method` comes out as RegisterError with what to do, in Swedish."""

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except sqlite3.Error as exc:
            raise RegisterError(
                f"Registret kunde inte ändras eller läsas ({exc}). Stäng andra fönster av programmet och "
                "försök igen; hjälper inte det, flytta registerfilen åt sidan och importera beställningarna "
                "från sina exportfiler."
            ) from exc

    return cast(F, wrapper)


def _register_errors(cls: type[T]) -> type[T]:
    """Every public method of the register reports database failures as RegisterError (no sqlite3 above)."""
    for name, value in list(vars(cls).items()):
        if not name.startswith("_") and name != "transaction" and inspect.isfunction(value):
            setattr(cls, name, _register_error(value))
    return cls


@_register_errors
class Register:
    """The stored orders. Open one per process; use as a context manager or call close()."""

    def __init__(
        self,
        path: Path | None = None,
        orders_root: Path | None = None,
        now: Callable[[], str] = _now,
    ) -> None:
        self.path = Path(path) if path else paths.data_dir() / "register.sqlite"
        self.orders_root = Path(orders_root) if orders_root else self.path.parent / "orders"
        self._now = now
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA foreign_keys = ON")
            migrate(self._conn)
        except SchemaError as exc:
            raise RegisterError(str(exc)) from exc
        except sqlite3.DatabaseError as exc:
            raise RegisterError(
                f"Registret {self.path} kan inte öppnas ({exc}). Filen kan vara skadad: flytta den åt "
                "sidan så skapas ett nytt register, och importera beställningarna från sina exportfiler."
            ) from exc

    # --- plumbing ---------------------------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it or none of it."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def order_dir(self, order_id: str) -> Path:
        return self.orders_root / check_order_id(order_id)

    def documents_dir(self, order_id: str) -> Path:
        return self.order_dir(order_id) / "documents"

    def _log(self, conn: sqlite3.Connection, order_id: str, action: str, detail: str = "") -> None:
        conn.execute(
            "INSERT INTO history (order_id, at, action, detail) VALUES (?, ?, ?, ?)",
            (order_id, self._now(), action, detail),
        )

    def _row(self, order_id: str) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self._conn.execute(
            "SELECT * FROM orders WHERE id = ?", (order_id,)
        ).fetchone()
        return row

    def _require(self, order_id: str, deleted_ok: bool = False) -> sqlite3.Row:
        row = self._row(check_order_id(order_id))
        if row is None or (row["deleted_at"] is not None and not deleted_ok):
            raise RegisterError(f"Beställningen {order_id} finns inte i registret.")
        return row

    # --- orders -----------------------------------------------------------------------------

    def contains(self, order_id: str, include_deleted: bool = True) -> bool:
        row = self._row(order_id)
        return row is not None and (include_deleted or row["deleted_at"] is None)

    def save(self, order: Order, note: str | None = None) -> None:
        """Store `order` (new or changed): its file first, then its row."""
        check_order_id(order.id)
        folder = self.order_dir(order.id)
        (folder / "documents").mkdir(parents=True, exist_ok=True)
        order.save(folder / "order.json")
        existing = self._row(order.id)
        with self.transaction() as conn:
            values = (order.route, order.title(), orderer_of(order), order.created, order.modified)
            if existing is None:
                conn.execute(
                    "INSERT INTO orders (route, title, orderer, created, modified, id, added, note) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (*values, order.id, self._now(), note or ""),
                )
                self._log(conn, order.id, "added", order.title())
            else:
                conn.execute(
                    "UPDATE orders SET route = ?, title = ?, orderer = ?, created = ?, modified = ? "
                    "WHERE id = ?",
                    (*values, order.id),
                )
                if note is not None:
                    conn.execute("UPDATE orders SET note = ? WHERE id = ?", (note, order.id))

    def load_order(self, order_id: str) -> Order:
        """The order's stored file; RegisterError when it is missing or unreadable."""
        self._require(order_id, deleted_ok=True)
        try:
            return load_order(self.order_dir(order_id) / "order.json")
        except OrderFileError as exc:
            raise RegisterError(str(exc)) from exc

    def get(self, order_id: str, include_deleted: bool = False) -> RegisterEntry:
        row = self._require(order_id, deleted_ok=include_deleted)
        return self._entry(row)

    def _entry(self, row: sqlite3.Row) -> RegisterEntry:
        return RegisterEntry(
            order=self.load_order(row["id"]),
            note=row["note"],
            archived=bool(row["archived"]),
            added=row["added"],
            deleted_at=row["deleted_at"],
            events=tuple(self.events(row["id"])),
        )

    def ids(self, include_deleted: bool = False) -> list[str]:
        where = "" if include_deleted else " WHERE deleted_at IS NULL"
        return [row[0] for row in self._conn.execute(f"SELECT id FROM orders{where} ORDER BY added, id")]

    def entries(self, include_archived: bool = True) -> tuple[list[RegisterEntry], list[str]]:
        """All orders not deleted, and a Swedish message for each one whose file cannot be read."""
        result: list[RegisterEntry] = []
        problems: list[str] = []
        for order_id in self.ids():
            row = self._require(order_id)
            if row["archived"] and not include_archived:
                continue
            try:
                result.append(self._entry(row))
            except RegisterError as exc:
                problems.append(str(exc))
        return result, problems

    def set_note(self, order_id: str, note: str) -> None:
        self._require(order_id)
        with self.transaction() as conn:
            conn.execute("UPDATE orders SET note = ? WHERE id = ?", (note, order_id))

    def set_archived(self, order_id: str, archived: bool = True) -> None:
        self._require(order_id)
        with self.transaction() as conn:
            conn.execute("UPDATE orders SET archived = ? WHERE id = ?", (int(archived), order_id))
            self._log(conn, order_id, "archived" if archived else "unarchived")

    def delete(self, order_id: str) -> None:
        """Move the order to the wastebasket; `restore` undoes it, `purge_deleted` empties it."""
        self._require(order_id)
        with self.transaction() as conn:
            conn.execute("UPDATE orders SET deleted_at = ? WHERE id = ?", (self._now(), order_id))
            self._log(conn, order_id, "deleted")

    def restore(self, order_id: str) -> None:
        row = self._require(order_id, deleted_ok=True)
        if row["deleted_at"] is None:
            return
        with self.transaction() as conn:
            conn.execute("UPDATE orders SET deleted_at = NULL WHERE id = ?", (order_id,))
            self._log(conn, order_id, "restored")

    def deleted_ids(self) -> list[str]:
        return [r[0] for r in self._conn.execute("SELECT id FROM orders WHERE deleted_at IS NOT NULL")]

    def purge_deleted(self, before: str | None = None) -> list[str]:
        """Remove deleted orders for good (rows and folders); only those deleted before `before` if given."""
        query = "SELECT id FROM orders WHERE deleted_at IS NOT NULL"
        params: tuple[str, ...] = ()
        if before is not None:
            query += " AND deleted_at < ?"
            params = (before,)
        purged = [row[0] for row in self._conn.execute(query, params)]
        with self.transaction() as conn:
            for order_id in purged:
                conn.execute("DELETE FROM orders WHERE id = ?", (order_id,))
        for order_id in purged:
            shutil.rmtree(self.order_dir(order_id), ignore_errors=True)
        return purged

    def duplicate(self, order_id: str) -> Order:
        """A copy for a repeat delivery: new id, and cleared what FK must do again.

        Every release needs a new secrecy review, decision and quote, so the copy has no send
        records, no events and no signature date; its note says so.
        """
        original = self.load_order(order_id)
        copy = load_order_copy(original)
        sent = sent_date(original, self.events(order_id))
        note = REPEAT_NOTE.format(title=f"”{original.title()}”", sent=sent.isoformat() if sent else "datum okänt")
        self.save(copy, note=note)
        with self.transaction() as conn:
            self._log(conn, copy.id, "duplicated_from", order_id)
        return copy

    # --- events and documents ---------------------------------------------------------------

    def events(self, order_id: str) -> list[Event]:
        docs: dict[int, list[Document]] = {}
        for row in self._conn.execute("SELECT * FROM documents WHERE order_id = ? ORDER BY id", (order_id,)):
            docs.setdefault(row["event_id"], []).append(
                Document(
                    row["id"],
                    row["event_id"],
                    row["file_name"],
                    row["title"],
                    row["sha256"],
                    row["size"],
                    row["added"],
                )
            )
        rows = self._conn.execute("SELECT * FROM events WHERE order_id = ? ORDER BY date, id", (order_id,))
        return [
            Event(
                row["id"],
                row["order_id"],
                row["step"],
                date.fromisoformat(row["date"]),
                row["note"],
                row["recorded"],
                tuple(docs.get(row["id"], [])),
            )
            for row in rows
        ]

    def record_event(
        self, order_id: str, step: str, day: date, note: str = "", documents: Sequence[Path] = ()
    ) -> Event:
        """Record that `step` happened on `day`, copying `documents` into the order's folder."""
        self._require(order_id)
        if step not in STEP_BY_ID:
            raise RegisterError(f"Okänt steg {step!r}.")
        if not isinstance(day, date):
            raise RegisterError("Ange händelsens datum.")
        refusal = step_refusal(self.load_order(order_id), self.events(order_id), step, day)
        if refusal is not None:
            raise StepOrderError(refusal.message, refusal.step, refusal.missing, refusal.wrong_date)
        staged = [self._stage_document(order_id, Path(p)) for p in documents]
        try:
            with self.transaction() as conn:
                cursor = conn.execute(
                    "INSERT INTO events (order_id, step, date, note, recorded) VALUES (?, ?, ?, ?, ?)",
                    (order_id, step, day.isoformat(), one_line(note), self._now()),
                )
                event_id = int(cursor.lastrowid or 0)
                for name, title, digest, size in staged:
                    self._insert_document(conn, order_id, event_id, name, title, digest, size)
                self._log(conn, order_id, "event", f"{STEP_BY_ID[step].title} {day.isoformat()}")
        except BaseException:
            for name, *_ in staged:
                (self.documents_dir(order_id) / name).unlink(missing_ok=True)
            raise
        return next(e for e in self.events(order_id) if e.id == event_id)

    def attach_document(self, event_id: int, source: Path, title: str = "") -> Document:
        """Attach one more document to a recorded event."""
        row = self._conn.execute("SELECT order_id FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            raise RegisterError("Händelsen finns inte längre.")
        order_id = row[0]
        name, default_title, digest, size = self._stage_document(order_id, Path(source))
        try:
            with self.transaction() as conn:
                self._insert_document(conn, order_id, event_id, name, title or default_title, digest, size)
        except BaseException:
            (self.documents_dir(order_id) / name).unlink(missing_ok=True)
            raise
        return next(d for e in self.events(order_id) for d in e.documents if d.file_name == name)

    def remove_event(self, event_id: int) -> None:
        row = self._conn.execute(
            "SELECT order_id, step, date FROM events WHERE id = ?", (event_id,)
        ).fetchone()
        if row is None:
            return
        names = [
            r[0]
            for r in self._conn.execute("SELECT file_name FROM documents WHERE event_id = ?", (event_id,))
        ]
        with self.transaction() as conn:
            conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
            title = STEP_BY_ID[row[1]].title if row[1] in STEP_BY_ID else row[1]
            self._log(conn, row[0], "event_removed", f"{title} {row[2]}")
        for name in names:
            (self.documents_dir(row[0]) / name).unlink(missing_ok=True)

    def document_path(self, document: Document, order_id: str) -> Path:
        return self.documents_dir(order_id) / safe_file_name(document.file_name)

    def _stage_document(self, order_id: str, source: Path) -> tuple[str, str, str, int]:
        try:
            size = source.stat().st_size
            if size > MAX_DOCUMENT_BYTES:
                raise RegisterError(f"{source.name} är större än 100 MB och kan inte bifogas.")
            data = source.read_bytes()
        except FileNotFoundError as exc:
            raise RegisterError(f"Dokumentet {source} finns inte.") from exc
        except IsADirectoryError as exc:
            raise RegisterError(f"{source} är en mapp, inte ett dokument.") from exc
        except OSError as exc:
            raise RegisterError(f"Dokumentet {source} kan inte läsas ({exc.strerror}).") from exc
        name = self._free_name(order_id, safe_file_name(source.name))
        write_bytes_atomic(self.documents_dir(order_id) / name, data)
        return name, source.stem, hashlib.sha256(data).hexdigest(), len(data)

    def _free_name(self, order_id: str, name: str) -> str:
        folder = self.documents_dir(order_id)
        taken = {
            r[0]
            for r in self._conn.execute("SELECT file_name FROM documents WHERE order_id = ?", (order_id,))
        }
        stem, suffix = Path(name).stem, Path(name).suffix
        candidate, number = name, 1
        while candidate in taken or (folder / candidate).exists():
            number += 1
            candidate = f"{stem} ({number}){suffix}"
        return candidate

    def _insert_document(
        self,
        conn: sqlite3.Connection,
        order_id: str,
        event_id: int,
        name: str,
        title: str,
        digest: str,
        size: int,
    ) -> None:
        conn.execute(
            "INSERT INTO documents (event_id, order_id, file_name, title, sha256, size, added) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (event_id, order_id, name, one_line(title), digest, size, self._now()),
        )

    # --- history and quotes -----------------------------------------------------------------

    def history(self, order_id: str) -> list[HistoryItem]:
        rows = self._conn.execute(
            "SELECT at, action, detail FROM history WHERE order_id = ? ORDER BY id", (order_id,)
        )
        return [HistoryItem(*row) for row in rows]

    def set_quote(
        self,
        order_id: str,
        quoted_hours: float,
        estimated_hours: float | None,
        quote_date: date,
        factor: float = 1.0,
    ) -> Quote:
        """Record FK's quoted hours beside the app's estimate at the time (replacing an earlier one)."""
        self._require(order_id)
        if not quoted_hours > 0 or quoted_hours > 100_000:
            raise RegisterError("Ange offertens timmar som ett positivt tal.")
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO quotes "
                "(order_id, quoted_hours, estimated_hours, factor, quote_date, recorded) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    order_id,
                    float(quoted_hours),
                    estimated_hours,
                    float(factor),
                    quote_date.isoformat(),
                    self._now(),
                ),
            )
            estimate = "okänd" if estimated_hours is None else f"{estimated_hours:g}"
            self._log(conn, order_id, "quote", f"Offert {quoted_hours:g} h, uppskattning {estimate} h")
        quote = self.quote(order_id)
        assert quote is not None
        return quote

    def quote(self, order_id: str) -> Quote | None:
        row = self._conn.execute(
            "SELECT order_id, quoted_hours, estimated_hours, quote_date, recorded, factor FROM quotes "
            "WHERE order_id = ?",
            (order_id,),
        ).fetchone()
        if row is None:
            return None
        return Quote(row[0], float(row[1]), row[2], date.fromisoformat(row[3]), row[4], float(row[5]))

    def quotes(self) -> list[Quote]:
        rows = self._conn.execute(
            "SELECT q.order_id FROM quotes q JOIN orders o ON o.id = q.order_id "
            "WHERE o.deleted_at IS NULL ORDER BY q.quote_date, q.order_id"
        )
        return [q for q in (self.quote(r[0]) for r in rows.fetchall()) if q is not None]

    def log(self, order_id: str, action: str, detail: str = "") -> None:
        """Add a line to the order's history."""
        with self.transaction() as conn:
            self._log(conn, order_id, action, detail)


def orderer_of(order: Order) -> str:
    """Who ordered, as shown in lists: the contact person and organisation."""
    parts = [order.text("bestallare.kontaktperson").strip(), order.text("bestallare.organisation").strip()]
    return ", ".join(part for part in parts if part)


def load_order_copy(original: Order) -> Order:
    """A new order with the same content, cleared for a repeat delivery."""
    copy = order_from_dict(json.loads(original.to_json()), "kopian")
    copy.id = uuid.uuid4().hex
    copy.sent = []
    copy.fields.pop("underskrift.datum", None)
    now = _now()
    copy.created = now
    copy.modified = now
    return copy
